import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTitle } from '../../../components/useTitle';
import { SelectField, TextField, Button } from '../../../components/fields';
import { formatDateTime, formatUkDay } from '../../../../domain/calendar/london';
import { PENALTY_STATUSES, formatPounds } from '../../../../domain/enforcement/pcns.contract';
import { EnforcementNav } from './EnforcementNav';
import { pcnsCsvHref, pcnsQuery, referenceQuery, type PcnFilters } from './api';

const SORTS = { issued_desc: 'Newest first', issued_asc: 'Oldest first', number_asc: 'PCN number', next_by_asc: 'Next step due soonest' };

/** The PCN register: filters (status, code, area, days issued, registration), sorting, paging, CSV; each with what is payable today and its next step. */
export function PcnsListPage({ search }: { search: PcnFilters }) {
  useTitle('Penalty charge notices');
  const navigate = useNavigate();
  const list = useQuery(pcnsQuery(search));
  const ref = useQuery(referenceQuery);
  const [f, setF] = useState<PcnFilters>(search);
  const set = (k: keyof PcnFilters) => (v: string) => setF((o) => ({ ...o, [k]: v || undefined }));
  const go = (next: PcnFilters) => void navigate({ to: '/enforcement' as never, search: next as never });
  const submit = (e: FormEvent) => { e.preventDefault(); go({ ...f, page: 1 }); };
  const page = search.page ?? 1;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  return (
    <>
      <h1 className="govuk-heading-l">Penalty charge notices</h1>
      <EnforcementNav />
      <div className="govuk-button-group">
        <Link className="govuk-link" to={'/enforcement' as never} search={{ sort: 'next_by_asc' } as never}>What is due next</Link>
        <a className="govuk-link" href={pcnsCsvHref(search)} download>Download these PCNs (CSV)</a>
      </div>
      <form onSubmit={submit} noValidate className="vigil-filters">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter"><SelectField id="f-status" label="Status" value={f.status ?? ''} onChange={set('status')} options={[{ value: '', label: 'Any' }, ...Object.entries(PENALTY_STATUSES).map(([value, label]) => ({ value, label }))]} /></div>
          <div className="govuk-grid-column-one-quarter"><SelectField id="f-code" label="Contravention code" value={f.code ?? ''} onChange={set('code')} options={[{ value: '', label: 'Any' }, ...(ref.data?.codes ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.description.slice(0, 40)}` }))]} /></div>
          <div className="govuk-grid-column-one-quarter"><SelectField id="f-area" label="Enforcement area" value={f.areaId ?? ''} onChange={set('areaId')} options={[{ value: '', label: 'Any' }, ...(ref.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))]} /></div>
          <div className="govuk-grid-column-one-quarter"><SelectField id="f-sort" label="Sort by" value={f.sort ?? 'issued_desc'} onChange={set('sort')} options={Object.entries(SORTS).map(([value, label]) => ({ value, label }))} /></div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter"><TextField id="f-from" label="Issued from" hint="YYYY-MM-DD" value={f.from ?? ''} onChange={set('from')} /></div>
          <div className="govuk-grid-column-one-quarter"><TextField id="f-to" label="Issued to" hint="YYYY-MM-DD" value={f.to ?? ''} onChange={set('to')} /></div>
          <div className="govuk-grid-column-one-quarter"><TextField id="f-vrm" label="Registration" value={f.vrm ?? ''} onChange={set('vrm')} /></div>
        </div>
        <Button type="submit" variant="secondary">Show PCNs</Button>
      </form>
      {list.isError && <p className="govuk-body">The PCNs could not be loaded. {list.error.message}</p>}
      {list.data && (
        <>
          <p className="govuk-body" role="status">{list.data.total} PCN{list.data.total === 1 ? '' : 's'}.</p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Penalty charge notices</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              {['PCN', 'Issued', 'Vehicle', 'Contravention', 'Status', 'Payable today', 'Next step'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
            </tr></thead>
            <tbody className="govuk-table__body">
              {list.data.items.map((p) => (
                <tr className="govuk-table__row" key={p.id}>
                  <td className="govuk-table__cell"><Link className="govuk-link" to={'/enforcement/pcns/$id' as never} params={{ id: p.id } as never}>{p.number}</Link></td>
                  <td className="govuk-table__cell">{formatDateTime(p.issuedAt)}<br /><span className="govuk-body-s">{p.issuedBy.name}</span></td>
                  <td className="govuk-table__cell">{p.vrm}</td>
                  <td className="govuk-table__cell">{p.code} ({p.level}), {p.street}</td>
                  <td className="govuk-table__cell"><strong className="govuk-tag govuk-tag--grey">{p.statusLabel}</strong></td>
                  <td className="govuk-table__cell">{formatPounds(p.outstandingPence)}</td>
                  <td className="govuk-table__cell">{p.nextStep ? <>{p.nextStep.label}{p.nextStep.fromDay && <> from {formatUkDay(p.nextStep.fromDay)}</>}{p.nextStep.byDay && <> by {formatUkDay(p.nextStep.byDay)}</>}{p.nextStep.overdue && <strong className="govuk-tag govuk-tag--red">Overdue</strong>}</> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of PCNs">
              {page > 1 && <div className="govuk-pagination__prev"><Link className="govuk-link govuk-pagination__link" to={'/enforcement' as never} search={{ ...search, page: page - 1 } as never} rel="prev">Previous page</Link></div>}
              <p className="govuk-body govuk-!-margin-0">Page {page} of {pages}</p>
              {page < pages && <div className="govuk-pagination__next"><Link className="govuk-link govuk-pagination__link" to={'/enforcement' as never} search={{ ...search, page: page + 1 } as never} rel="next">Next page</Link></div>}
            </nav>
          )}
        </>
      )}
    </>
  );
}
