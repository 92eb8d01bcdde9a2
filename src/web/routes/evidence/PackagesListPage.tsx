import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../api/auth';
import { packagesQuery, PACKAGES_PAGE_SIZE, type PackageSummary } from '../../api/evidencePackages';
import type { Session } from '../../api/types';
import { Pagination } from '../../components/Pagination';
import { TableHead } from '../../components/TableHead';
import { useTitle } from '../../components/useTitle';
import { formatDateTime } from '../../../domain/calendar/london';
import { ButtonLink } from './ButtonLink';
import { JobStateTag } from './tags';
import { formatBytes } from './words';

export function PackagesListPage({ page, session }: { page: number; session: Session }) {
  useTitle('Disclosure packages');
  const results = useQuery(packagesQuery({ page }));
  const total = results.data?.total ?? 0;
  return (
    <>
      <Link className="govuk-back-link govuk-!-margin-top-0" to="/evidence">Back to exhibits</Link>
      <div className="moj-page-header-actions">
        <div className="moj-page-header-actions__title"><h1 className="govuk-heading-l">Disclosure packages</h1></div>
        <div className="moj-page-header-actions__actions">
          <div className="moj-button-group moj-button-group--inline">
            {can(session, 'evidence.manage') && <ButtonLink to="/evidence/packages/new">Build a package</ButtonLink>}
            <ButtonLink to="/evidence/verify" secondary>Check a package</ButtonLink>
          </div>
        </div>
      </div>
      <p className="govuk-body">A package is a zip of exhibits for one recipient: the masters, their working copies, a signed manifest of every file’s SHA-256, the continuity record and a draft witness statement.</p>
      {results.isPending && <p className="govuk-body">Loading packages…</p>}
      {results.isError && <p className="govuk-body">Packages could not be loaded. {results.error.message}</p>}
      {results.data && (
        <>
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--m">{total === 1 ? '1 package' : `${total} packages`}</caption>
              <TableHead columns={['Reference', 'For', 'Exhibits', 'Asked for', 'State', 'Size']} />
              <tbody className="govuk-table__body">{results.data.items.map((p) => <Row key={p.id} pkg={p} />)}</tbody>
            </table>
          </div>
          {results.data.items.length === 0 && <p className="govuk-body">No packages yet. Build one from an exhibit’s page or with “Build a package”.</p>}
          <Pagination to="/evidence/packages" label="packages" page={results.data.page} pageSize={results.data.pageSize || PACKAGES_PAGE_SIZE} total={total} search={(p) => ({ page: p > 1 ? p : undefined })} />
        </>
      )}
    </>
  );
}

function Row({ pkg: p }: { pkg: PackageSummary }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap"><Link className="govuk-link" to="/evidence/packages/$id" params={{ id: p.id }}>{p.reference}</Link></td>
      <td className="govuk-table__cell">{p.recipientName}{p.recipientOrganisation && <span className="vigil-secondary-text">{p.recipientOrganisation.name}</span>}</td>
      <td className="govuk-table__cell">{p.exhibits.map((e) => e.reference).join(', ')}</td>
      <td className="govuk-table__cell vigil-nowrap">{formatDateTime(p.requestedAt)}<span className="vigil-secondary-text">{p.requestedBy.name}</span></td>
      <td className="govuk-table__cell"><JobStateTag state={p.state} /></td>
      <td className="govuk-table__cell vigil-nowrap">{p.sizeBytes !== null ? formatBytes(p.sizeBytes) : '–'}</td>
    </tr>
  );
}
