import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { inAttempt } from '../../api/client';
import { acknowledgeRelease, LAWFUL_BASES, releasedDownloadHref, releasedQuery, type ReleasedPackage } from '../../api/evidencePackages';
import { useTitle } from '../../components/useTitle';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../../domain/calendar/london';
import { labelOf } from '../../../domain/labels';
import { Row } from './SummaryRow';
import { describeExpiry, describeSize } from './words';

// Partner agencies: the disclosure packages the council released to their organisation, until access
// ends. Every download is recorded in the exhibits' continuity; acknowledging receipt tells the council.

export function ReleasedPage() {
  useTitle('Released to us');
  const released = useQuery(releasedQuery);
  return (
    <>
      <h1 className="govuk-heading-l">Released to us</h1>
      <p className="govuk-body">
        Evidence the council has released to your organisation. Each package is a zip holding the footage, a manifest of every file’s SHA-256 signed by the council,
        the continuity record and a witness statement. Every download is recorded. <Link className="govuk-link" to="/evidence/verify">Check a package you downloaded</Link>.
      </p>
      {released.isPending && <p className="govuk-body">Loading…</p>}
      {released.isError && <p className="govuk-body">The list could not be loaded. {released.error.message}</p>}
      {released.data && !released.data.length && <p className="govuk-body">Nothing is released to your organisation at the moment. A package leaves this list when access to it ends.</p>}
      {released.data?.map((r) => <Package key={r.releaseId} release={r} />)}
    </>
  );
}

function Package({ release: r }: { release: ReleasedPackage }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string>();
  const [error, setError] = useState<string>();
  const [attempt] = useState({});
  const acknowledge = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await inAttempt(attempt, () => acknowledgeRelease(r.releaseId));
      setSaid(`Receipt of ${r.reference} acknowledged. The council has been told.`);
      await queryClient.invalidateQueries({ queryKey: ['released'] });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const titleId = `released-${r.releaseId}`;
  return (
    <section className="vigil-released" aria-labelledby={titleId}>
      <h2 className="govuk-heading-m govuk-!-margin-bottom-1" id={titleId}>{r.reference}</h2>
      <p className="govuk-body">{r.purpose}</p>
      <dl className="govuk-summary-list vigil-summary-compact">
        <Row label="Exhibits">{r.exhibits.map((e) => `${e.reference}: ${e.description}`).join('; ')}</Row>
        <Row label="Lawful basis">{labelOf(LAWFUL_BASES, r.lawfulBasis)}{r.crimeReference ? `, crime reference ${r.crimeReference}` : ''}</Row>
        <Row label="Released">{formatDateTime(r.releasedAt)}</Row>
        <Row label="Access ends">{describeExpiry(r.expiresAt)}</Row>
        <Row label="SHA-256 of the zip"><code className="vigil-hash">{r.sha256}</code></Row>
        <Row label="Size">{describeSize(r.sizeBytes)}</Row>
        <Row label="Receipt">{r.acknowledgedAt ? `Acknowledged ${formatDateTime(r.acknowledgedAt)}` : 'Not acknowledged yet'}</Row>
      </dl>
      <div className="govuk-button-group">
        <a className="govuk-button" href={releasedDownloadHref(r.releaseId)} download>Download<span className="govuk-visually-hidden"> {r.reference}</span></a>
        {!r.acknowledgedAt && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void acknowledge()} disabled={busy}>
            Acknowledge receipt<span className="govuk-visually-hidden"> of {r.reference}</span>
          </button>
        )}
      </div>
      {error && <p className="govuk-error-message" role="alert"><span className="govuk-visually-hidden">Error:</span> {error}</p>}
      <div role="status" aria-live="polite">{said && <p className="govuk-body govuk-!-font-weight-bold">{said}</p>}</div>
    </section>
  );
}
