import { useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../api/auth';
import { publicKeyQuery, verifyPackage, type PackageCheck } from '../../api/evidencePackages';
import type { Session } from '../../api/types';
import { Button } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../../domain/calendar/london';

/**
 * Checking a disclosure package: every file's SHA-256 against the signed manifest, the council's
 * signature, and every exhibit's continuity chain. The same check as `vigil evidence verify-package`.
 */
export function VerifyPage({ session }: { session: Session }) {
  useTitle('Check a package');
  const key = useQuery(publicKeyQuery);
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ name: string; check: PackageCheck }>();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setResult(undefined);
    if (!file) {
      setError('Choose the package (a .zip file) to check');
      input.current?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      setResult({ name: file.name, check: await verifyPackage(file) });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const back = can(session, 'evidence.read') ? <Link className="govuk-back-link govuk-!-margin-top-0" to="/evidence/packages">Back to packages</Link>
    : <Link className="govuk-back-link govuk-!-margin-top-0" to="/released">Back to what was released to us</Link>;
  return (
    <>
      {back}
      <h1 className="govuk-heading-l">Check a package</h1>
      <p className="govuk-body">Choose a disclosure package made by Vigil. Every file is hashed and compared with the signed manifest, the signature is checked against the council’s key, and every exhibit’s continuity chain is followed from its first event to the head the manifest pins.</p>
      <form onSubmit={submit} noValidate aria-label="Check a package">
        <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="verify-file">Package (.zip)</label>
          {error && <p className="govuk-error-message" id="verify-file-error"><span className="govuk-visually-hidden">Error:</span> {error}</p>}
          <input ref={input} className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`} id="verify-file" name="file" type="file" accept=".zip,application/zip"
            aria-describedby={error ? 'verify-file-error' : undefined} onChange={() => setResult(undefined)} />
        </div>
        <Button disabled={busy}>Check package</Button>
      </form>

      <div role="status" aria-live="polite">
        {busy && <p className="govuk-body">Checking… a large package takes a while: every byte is hashed.</p>}
        {result && <Result name={result.name} check={result.check} />}
      </div>

      <section aria-labelledby="key-title">
        <h2 className="govuk-heading-m" id="key-title">The council’s public key</h2>
        {key.isError && <p className="govuk-body">The key could not be loaded. {key.error.message}</p>}
        {key.data && (
          <>
            <p className="govuk-body">Packages are signed with this Ed25519 key, made {formatDateTime(key.data.createdAt)}. Its fingerprint, to compare with the one in a package’s README or read out over the phone:</p>
            <p className="govuk-body-l vigil-fingerprint"><code>{key.data.fingerprintGrouped}</code></p>
            <details className="govuk-details">
              <summary className="govuk-details__summary"><span className="govuk-details__summary-text">The public key (PEM)</span></summary>
              <div className="govuk-details__text"><pre className="vigil-pre">{key.data.publicKeyPem}</pre></div>
            </details>
          </>
        )}
      </section>
    </>
  );
}

function Result({ name, check: c }: { name: string; check: PackageCheck }) {
  const counted = `${c.checked.files} file${c.checked.files === 1 ? '' : 's'}, ${c.checked.exhibits} exhibit${c.checked.exhibits === 1 ? '' : 's'} and ${c.checked.events} continuity event${c.checked.events === 1 ? '' : 's'} checked`;
  const signer = c.signedBy ? (c.signedBy.isCouncilKey ? 'Signed with the council’s key.' : `Signed with a key that is NOT the council’s (fingerprint ${c.signedBy.fingerprint}).`) : 'Not signed.';
  if (c.ok) {
    return (
      <div className="govuk-panel govuk-panel--confirmation vigil-panel-left">
        <h2 className="govuk-panel__title">Every hash and every chain checks out</h2>
        <div className="govuk-panel__body">{name}{c.reference ? ` (${c.reference})` : ''}: {counted}. {signer}</div>
      </div>
    );
  }
  return (
    <div className="govuk-error-summary" tabIndex={-1}>
      <h2 className="govuk-error-summary__title">The package does not check out</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{name}{c.reference ? ` (${c.reference})` : ''}: {counted}. {signer} {c.problems.length === 1 ? '1 problem' : `${c.problems.length} problems`}:</p>
        <ul className="govuk-list govuk-list--bullet">
          {c.problems.map((p, i) => (
            <li key={i}>{[p.exhibitReference && `Exhibit ${p.exhibitReference}`, p.seq !== undefined && `event ${p.seq}`, p.path].filter(Boolean).join(', ')}{(p.exhibitReference || p.seq !== undefined || p.path) && ': '}{p.reason}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
