import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTitle } from '../../../components/useTitle';
import { SelectField, TextField, Button } from '../../../components/fields';
import { formatDateTime, formatTime, londonDay } from '../../../../domain/calendar/london';
import { OOH_CALL_STATUSES } from '../../../../domain/ooh/calls.contract';
import { usePageShortcuts, ShortcutList } from '../../requests/shortcuts';
import { OohNav } from '../OohNav';
import { callsCsvHref, callsQuery, categoriesQuery, downgradedCsvHref, type CallFilters } from './api';

const SORTS = { received_desc: 'Newest first', received_asc: 'Oldest first', response_asc: 'Response due soonest', reference_desc: 'Reference' };

/** The call log: filters, sorting, paging, CSV; the loud ones (not acknowledged in time) marked red. Press n to take a call. */
export function CallsListPage({ search }: { search: CallFilters }) {
  useTitle('Out-of-hours calls');
  const navigate = useNavigate();
  const list = useQuery(callsQuery(search));
  const cats = useQuery(categoriesQuery);
  const [f, setF] = useState<CallFilters>(search);
  const set = (k: keyof CallFilters) => (v: string) => setF((o) => ({ ...o, [k]: v || undefined }));
  const shortcuts = [{ key: 'n', description: 'Take a call', run: () => void navigate({ to: '/ooh/calls/new' as never }) }];
  usePageShortcuts(shortcuts);
  const go = (next: CallFilters) => void navigate({ to: '/ooh/calls' as never, search: next as never });
  const submit = (e: FormEvent) => { e.preventDefault(); go({ ...f, page: 1 }); };
  const page = search.page ?? 1;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const today = londonDay();

  return (
    <>
      <h1 className="govuk-heading-l">Out-of-hours calls</h1>
      <OohNav />
      <div className="govuk-button-group">
        <Link className="govuk-button" to={'/ooh/calls/new' as never} role="button" draggable={false}>Take a call</Link>
        <a className="govuk-link" href={callsCsvHref(search)} download>Download these calls (CSV)</a>
        <a className="govuk-link" href={downgradedCsvHref(search.from ?? today, search.to ?? today)} download>Downgraded calls for the CRM (CSV)</a>
      </div>
      <form onSubmit={submit} noValidate className="vigil-filters">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter"><SelectField id="f-status" label="Status" value={f.status ?? ''} onChange={set('status')} options={[{ value: '', label: 'Any' }, ...Object.entries(OOH_CALL_STATUSES).map(([value, label]) => ({ value, label }))]} /></div>
          <div className="govuk-grid-column-one-quarter"><SelectField id="f-category" label="Category" value={f.categoryId ?? ''} onChange={set('categoryId')} options={[{ value: '', label: 'Any' }, ...(cats.data?.categories ?? []).map((c) => ({ value: c.id, label: c.name }))]} /></div>
          <div className="govuk-grid-column-one-quarter"><SelectField id="f-priority" label="Priority" value={f.priorityKey ?? ''} onChange={set('priorityKey')} options={[{ value: '', label: 'Any' }, { value: 'emergency', label: 'Emergency' }, { value: 'urgent', label: 'Urgent' }, { value: 'routine', label: 'Routine' }]} /></div>
          <div className="govuk-grid-column-one-quarter"><SelectField id="f-sort" label="Sort by" value={f.sort ?? 'received_desc'} onChange={set('sort')} options={Object.entries(SORTS).map(([value, label]) => ({ value, label }))} /></div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter"><TextField id="f-from" label="Received from" hint="YYYY-MM-DD" value={f.from ?? ''} onChange={set('from')} /></div>
          <div className="govuk-grid-column-one-quarter"><TextField id="f-to" label="Received to" hint="YYYY-MM-DD" value={f.to ?? ''} onChange={set('to')} /></div>
          <div className="govuk-grid-column-one-half"><TextField id="f-q" label="Words" hint="Reference, caller, address, what was reported" type="search" value={f.q ?? ''} onChange={set('q')} /></div>
        </div>
        <Button type="submit" variant="secondary">Show calls</Button>
      </form>
      {list.isError && <p className="govuk-body">The calls could not be loaded. {list.error.message}</p>}
      {list.data && (
        <>
          <p className="govuk-body" role="status">{list.data.total} call{list.data.total === 1 ? '' : 's'}.</p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Calls</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              {['Call', 'Received', 'Category and priority', 'Address', 'Status', 'Response by'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
            </tr></thead>
            <tbody className="govuk-table__body">
              {list.data.items.map((c) => (
                <tr className="govuk-table__row" key={c.id}>
                  <td className="govuk-table__cell"><Link className="govuk-link" to={'/ooh/calls/$id' as never} params={{ id: c.id } as never}>{c.reference}</Link></td>
                  <td className="govuk-table__cell">{formatDateTime(c.receivedAt)}</td>
                  <td className="govuk-table__cell">{c.category.name}, {c.priority.name}</td>
                  <td className="govuk-table__cell">{c.address}</td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${c.ackOverdue || c.rotaExhausted ? 'govuk-tag--red' : c.status === 'awaiting_ack' ? 'govuk-tag--yellow' : 'govuk-tag--grey'}`}>{c.statusLabel}</strong>
                    {c.referral && c.status === 'awaiting_ack' && <span className="govuk-body-s"> {c.referral.name}, due {formatTime(c.referral.ackDueAt)}</span>}
                    {c.ackOverdue && <strong className="govuk-body-s"> Not acknowledged in time</strong>}
                    {c.reReferrals > 0 && <span className="govuk-body-s"> (re-referred {c.reReferrals}×)</span>}
                  </td>
                  <td className="govuk-table__cell">{formatDateTime(c.responseBy)}{c.responseOverdue && <strong className="govuk-tag govuk-tag--red">Passed</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of calls">
              {page > 1 && <div className="govuk-pagination__prev"><Link className="govuk-link govuk-pagination__link" to={'/ooh/calls' as never} search={{ ...search, page: page - 1 } as never} rel="prev">Previous page</Link></div>}
              <p className="govuk-body govuk-!-margin-0">Page {page} of {pages}</p>
              {page < pages && <div className="govuk-pagination__next"><Link className="govuk-link govuk-pagination__link" to={'/ooh/calls' as never} search={{ ...search, page: page + 1 } as never} rel="next">Next page</Link></div>}
            </nav>
          )}
        </>
      )}
      <ShortcutList shortcuts={shortcuts} />
    </>
  );
}
