import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTitle } from '../../../components/useTitle';
import { Button, SelectField, TextField } from '../../../components/fields';
import { formatDateTime } from '../../../../domain/calendar/london';
import { FPN_STATUSES } from '../../../../domain/enforcement/fpns.contract';
import { fpnsCsvHref, fpnsQuery, type FpnFilters } from './api';

const SORTS = { issued_desc: 'Newest first', issued_asc: 'Oldest first', reference_desc: 'Reference', amount_desc: 'Largest amount' };
export const money = (p: number) => `£${(p / 100).toFixed(2)}`;

/** Fixed penalty notices: filters, sorting, paging, CSV. */
export function FpnsListPage({ search }: { search: FpnFilters }) {
  useTitle('Fixed penalty notices');
  const navigate = useNavigate();
  const list = useQuery(fpnsQuery(search));
  const [f, setF] = useState<FpnFilters>(search);
  const set = (k: keyof FpnFilters) => (v: string) => setF((o) => ({ ...o, [k]: v || undefined }));
  const go = (next: FpnFilters) => void navigate({ to: '/enforcement/fpns' as never, search: next as never });
  const submit = (e: FormEvent) => { e.preventDefault(); go({ ...f, page: 1 }); };
  const page = search.page ?? 1;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  return (
    <>
      <h1 className="govuk-heading-l">Fixed penalty notices</h1>
      <div className="govuk-button-group">
        <a className="govuk-link" href={fpnsCsvHref(search)} download>Download these notices (CSV)</a>
        <Link className="govuk-link" to={'/enforcement/notebook' as never}>Notebook</Link>
      </div>
      <form onSubmit={submit} noValidate className="vigil-filters">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter"><SelectField id="f-status" label="Status" value={f.status ?? ''} onChange={set('status')} options={[{ value: '', label: 'Any' }, ...Object.entries(FPN_STATUSES).map(([value, label]) => ({ value, label }))]} /></div>
          <div className="govuk-grid-column-one-quarter"><TextField id="f-offence" label="Offence code" hint="LIT, PSPO-DF…" value={f.offence ?? ''} onChange={set('offence')} /></div>
          <div className="govuk-grid-column-one-quarter"><TextField id="f-from" label="Issued from" hint="YYYY-MM-DD" value={f.from ?? ''} onChange={set('from')} /></div>
          <div className="govuk-grid-column-one-quarter"><TextField id="f-to" label="Issued to" hint="YYYY-MM-DD" value={f.to ?? ''} onChange={set('to')} /></div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half"><TextField id="f-q" label="Words" hint="Reference, offender, place, circumstances" type="search" value={f.q ?? ''} onChange={set('q')} /></div>
          <div className="govuk-grid-column-one-quarter"><SelectField id="f-sort" label="Sort by" value={f.sort ?? 'issued_desc'} onChange={set('sort')} options={Object.entries(SORTS).map(([value, label]) => ({ value, label }))} /></div>
        </div>
        <Button type="submit" variant="secondary">Show notices</Button>
      </form>
      {list.isError && <p className="govuk-body">The notices could not be loaded. {list.error.message}</p>}
      {list.data && (
        <>
          <p className="govuk-body" role="status">{list.data.total} notice{list.data.total === 1 ? '' : 's'}.</p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Fixed penalty notices</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              {['Notice', 'Issued', 'Offence', 'Offender', 'Status', 'Amount', 'Proceedings from'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
            </tr></thead>
            <tbody className="govuk-table__body">
              {list.data.items.map((n) => (
                <tr className="govuk-table__row" key={n.id}>
                  <td className="govuk-table__cell"><Link className="govuk-link" to={'/enforcement/fpns/$id' as never} params={{ id: n.id } as never}>{n.reference}</Link></td>
                  <td className="govuk-table__cell">{formatDateTime(n.issuedAt)}<br /><span className="govuk-body-s">{n.issuedBy.name}</span></td>
                  <td className="govuk-table__cell">{n.offence.name}</td>
                  <td className="govuk-table__cell">{n.offenderName}</td>
                  <td className="govuk-table__cell"><strong className={`govuk-tag ${n.paymentState === 'overdue' && (n.status === 'issued' || n.status === 'part_paid') ? 'govuk-tag--red' : 'govuk-tag--grey'}`}>{n.statusLabel}</strong> <span className="govuk-body-s">{n.paymentStateLabel}</span></td>
                  <td className="govuk-table__cell">{money(n.amountPence)}{n.paidPence > 0 && <span className="govuk-body-s"> ({money(n.paidPence)} paid)</span>}</td>
                  <td className="govuk-table__cell">{n.prosecutionFrom}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of notices">
              {page > 1 && <div className="govuk-pagination__prev"><Link className="govuk-link govuk-pagination__link" to={'/enforcement/fpns' as never} search={{ ...search, page: page - 1 } as never} rel="prev">Previous page</Link></div>}
              <p className="govuk-body govuk-!-margin-0">Page {page} of {pages}</p>
              {page < pages && <div className="govuk-pagination__next"><Link className="govuk-link govuk-pagination__link" to={'/enforcement/fpns' as never} search={{ ...search, page: page + 1 } as never} rel="next">Next page</Link></div>}
            </nav>
          )}
        </>
      )}
    </>
  );
}
