import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../api/auth';
import { isApiError } from '../../api/client';
import { isPending } from '../../api/evidence';
import { packageDownloadHref, packageQuery, type PackageDetail } from '../../api/evidencePackages';
import type { Session } from '../../api/types';
import { useTitle } from '../../components/useTitle';
import { formatDateTime } from '../../../domain/calendar/london';
import { NotFoundPage } from '../errors/NotFound';
import { ReleaseForm, ReleasesTable } from './Releases';
import { JobStateTag } from './tags';
import { Row } from './SummaryRow';
import { describeSize } from './words';

export function PackagePage({ id, session }: { id: string; session: Session }) {
  const pkg = useQuery(packageQuery(id));
  useTitle(pkg.data ? `Package ${pkg.data.reference}` : 'Package');
  if (pkg.isPending) return <p className="govuk-body">Loading the package…</p>;
  if (pkg.isError) {
    if (isApiError(pkg.error) && pkg.error.status === 404) return <NotFoundPage />;
    return <p className="govuk-body">The package could not be loaded. {pkg.error.message}</p>;
  }
  return <PackageView pkg={pkg.data} canManage={can(session, 'evidence.manage')} />;
}

function PackageView({ pkg: p, canManage }: { pkg: PackageDetail; canManage: boolean }) {
  const building = isPending(p.state);
  const percent = Math.round(p.progress * 100);
  return (
    <>
      <Link className="govuk-back-link govuk-!-margin-top-0" to="/evidence/packages">Back to packages</Link>
      <span className="govuk-caption-l">Disclosure package</span>
      <h1 className="govuk-heading-l">{p.reference} <JobStateTag state={p.state} /></h1>

      {/* Progress is spoken in quarters, and once when it is done. */}
      <div role="status" aria-live="polite">
        {building && (
          <div className="govuk-!-margin-bottom-4">
            <label className="govuk-label" htmlFor="package-progress">{p.state === 'queued' ? 'Waiting to start building' : 'Building the package'}</label>
            <progress className="vigil-progress" id="package-progress" max={100} value={p.state === 'running' ? percent : undefined} />
            <span className="govuk-body-s" aria-hidden="true"> {p.state === 'running' ? `${percent}%` : ''}</span>
            <span className="govuk-visually-hidden">{Math.floor(p.progress * 4) * 25}% built</span>
          </div>
        )}
        {p.state === 'done' && <p className="govuk-body govuk-!-font-weight-bold">The package is ready.</p>}
        {p.state === 'failed' && <p className="govuk-error-message">The package could not be built. {p.failure}</p>}
      </div>

      <dl className="govuk-summary-list vigil-summary-compact">
        <Row label="For">{p.recipientName}{p.recipientOrganisation ? ` (${p.recipientOrganisation.name})` : ''}</Row>
        <Row label="Purpose">{p.purpose}</Row>
        <Row label="Exhibits">
          {p.exhibits.map((e, i) => <span key={e.id}>{i > 0 && ', '}<Link className="govuk-link" to="/evidence/exhibits/$id" params={{ id: e.id }}>{e.reference}</Link></span>)}
        </Row>
        <Row label="Masters">{p.includeMasters ? 'Included' : 'Not included: working copies only'}</Row>
        <Row label="Asked for">{formatDateTime(p.requestedAt, { seconds: true })} by {p.requestedBy.name}</Row>
        {p.completedAt && <Row label="Built">{formatDateTime(p.completedAt, { seconds: true })}</Row>}
        {p.sha256 && <Row label="SHA-256 of the zip"><code className="vigil-hash">{p.sha256}</code></Row>}
        {p.sizeBytes !== null && <Row label="Size">{describeSize(p.sizeBytes)}</Row>}
        <Row label="Witness statement">
          {p.statement ? (
            <>
              <strong className={`govuk-tag ${p.statement.isFinal ? 'govuk-tag--green' : 'govuk-tag--yellow'}`}>{p.statement.isFinal ? 'Final' : 'DRAFT'}</strong>{' '}
              version {p.statement.version}.{' '}
              {canManage && <Link className="govuk-link" to="/evidence/packages/$id/statement" params={{ id: p.id }}>{p.statement.isFinal ? 'Read the witness statement' : 'Edit the witness statement'}</Link>}
            </>
          ) : 'Not drafted yet: it is drafted as the package is built'}
        </Row>
      </dl>

      {p.state === 'done' && (
        <a className="govuk-button" href={packageDownloadHref(p.id)} download>Download package<span className="govuk-visually-hidden"> {p.reference}</span></a>
      )}

      <ReleasesTable releases={p.releases} packageId={p.id} canManage={canManage} />
      {canManage && p.state === 'done' && <ReleaseForm pkg={p} />}
    </>
  );
}
