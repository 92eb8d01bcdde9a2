import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import type { Session } from '../../../api/types';
import {
  FAULT_SLA_FILTERS, FAULT_SOURCES, FAULT_STAGES, FAULT_TARGETS, faultsCsvHref, faultsQuery, PRIORITIES, type FaultSummary,
} from '../../../api/maintenanceFaults';
import { contractsQuery } from '../../../api/maintenanceContracts';
import { Button, SelectField, TextField } from '../../../components/fields';
import { Pagination } from '../../../components/Pagination';
import { useTitle } from '../../../components/useTitle';
import { formatDateTime } from '../../../../domain/calendar/london';
import { MaintenanceNav } from '../MaintenanceNav';
import { SortHead } from '../SortHead';
import { DEFAULT_FAULT_SORT, faultCountWords, faultFilters, isFiltered, type FaultsSearch } from './search';
import { ClockCell } from './tags';

const COLUMNS = [
  { name: 'Reference', sort: 'reference' }, { name: 'Camera or equipment' }, { name: 'Priority', sort: 'priority' }, { name: 'Stage', sort: 'stage' },
  { name: 'Raised', sort: 'raised_at' }, { name: 'Response' }, { name: 'Fix' },
] as const;
const options = (labels: Record<string, string>, any: string) => [{ value: '', label: any }, ...Object.entries(labels).map(([value, label]) => ({ value, label }))];

/** The council's faults: filtered, sorted and paged by the server, each with its response and fix clocks. */
export function FaultsPage({ search, session }: { search: FaultsSearch; session: Session }) {
  useTitle('Faults');
  const navigate = useNavigate();
  const filters = faultFilters(search);
  const list = useQuery(faultsQuery(filters));
  const contracts = useQuery(contractsQuery);
  const [form, setForm] = useState(() => formOf(search));
  useEffect(() => setForm(formOf(search)), [search]);
  const set = (key: keyof ReturnType<typeof formOf>) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const filter = (event: React.FormEvent) => {
    event.preventDefault();
    const blank = (v: string) => v.trim() || undefined;
    void navigate({
      to: '/maintenance',
      search: {
        state: blank(form.state), stage: blank(form.stage), priority: blank(form.priority), target: blank(form.target), source: blank(form.source),
        contractId: blank(form.contractId), sla: blank(form.sla), q: blank(form.q), from: blank(form.from), to: blank(form.to), sort: search.sort,
      } as FaultsSearch,
    });
  };
  const filtered = isFiltered(search);
  const data = list.data;

  return (
    <>
      <h1 className="govuk-heading-l">Faults</h1>
      <MaintenanceNav />
      <p className="govuk-body">Faults on cameras and control-room equipment under the maintenance contract, with the contract’s response and fix clocks.</p>
      {can(session, 'maintenance.faults') && (
        <Link className="govuk-button" to="/maintenance/faults/new" role="button" draggable={false}>Raise a fault</Link>
      )}

      <form className="vigil-filter" onSubmit={filter} noValidate role="search" aria-label="Filter the faults">
        <div className="vigil-filter__row">
          <TextField id="q" label="Reference, camera or words" type="search" value={form.q} onChange={set('q')} width="20" />
          <SelectField id="state" label="Open or closed" value={form.state} onChange={set('state')} options={[{ value: '', label: 'Open and closed' }, { value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }]} />
          <SelectField id="stage" label="Stage" value={form.stage} onChange={set('stage')} options={options(FAULT_STAGES, 'Any stage')} />
          <SelectField id="priority" label="Priority" value={form.priority} onChange={set('priority')} options={[...options(PRIORITIES, 'Any priority'), { value: 'none', label: 'Not prioritised' }]} />
          <SelectField id="sla" label="SLA" value={form.sla} onChange={set('sla')} options={options(FAULT_SLA_FILTERS, 'Any')} />
        </div>
        <div className="vigil-filter__row">
          <SelectField id="target" label="On" value={form.target} onChange={set('target')} options={options(FAULT_TARGETS, 'Cameras and equipment')} />
          <SelectField id="source" label="Raised from" value={form.source} onChange={set('source')} options={options(FAULT_SOURCES, 'Anywhere')} />
          <SelectField id="contractId" label="Contract" value={form.contractId} onChange={set('contractId')}
            options={[{ value: '', label: 'Any contract' }, ...(contracts.data ?? []).map((c) => ({ value: c.id, label: `${c.reference} ${c.name}` }))]} />
          <TextField id="from" label="Raised on or after" type="date" value={form.from} onChange={set('from')} />
          <TextField id="to" label="Raised on or before" type="date" value={form.to} onChange={set('to')} />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
      {filtered && <p className="govuk-body"><Link className="govuk-link" to="/maintenance">Clear the filter</Link></p>}
      {list.isPending && <p className="govuk-body">Loading the faults…</p>}
      {list.isError && <p className="govuk-body">The faults could not be loaded. {list.error.message}</p>}
      {data && (
        <>
          {data.total > 0 && <p className="govuk-body"><a className="govuk-link" href={faultsCsvHref(filters)} download>Download these faults as CSV (spreadsheet)</a></p>}
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--s">
                {faultCountWords(data.total, filtered)}
                {data.total > data.pageSize && `, page ${data.page} of ${Math.ceil(data.total / data.pageSize)}`}
              </caption>
              <SortHead columns={COLUMNS} to="/maintenance" search={{ ...search, page: undefined } as Record<string, unknown>} sort={search.sort} fallback={DEFAULT_FAULT_SORT} />
              <tbody className="govuk-table__body">{data.items.map((f) => <Row key={f.id} fault={f} />)}</tbody>
            </table>
          </div>
          {data.total === 0 && <p className="govuk-body">{filtered ? 'No faults match the filter.' : 'No faults have been raised yet.'}</p>}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} to={'/maintenance' as never} label="faults"
            search={(page) => ({ ...search, page: page > 1 ? page : undefined })} />
        </>
      )}
    </>
  );
}

function formOf(s: FaultsSearch) {
  return {
    q: s.q ?? '', state: s.state ?? '', stage: s.stage ?? '', priority: s.priority ?? '', sla: s.sla ?? '', target: s.target ?? '', source: s.source ?? '',
    contractId: s.contractId ?? '', from: s.from ?? '', to: s.to ?? '',
  };
}

function Row({ fault: f }: { fault: FaultSummary }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap"><Link className="govuk-link" to="/maintenance/faults/$id" params={{ id: f.id }}>{f.reference}</Link></td>
      <td className="govuk-table__cell">
        {f.targetRef.reference} {f.targetRef.name}
        <br /><span className="govuk-body-s">{FAULT_TARGETS[f.target]}</span>
      </td>
      <td className="govuk-table__cell">{f.priority ?? 'Not prioritised'}</td>
      <td className="govuk-table__cell">{FAULT_STAGES[f.stage]}</td>
      <td className="govuk-table__cell vigil-nowrap">{formatDateTime(f.raisedAt)}</td>
      <td className="govuk-table__cell"><ClockCell clock={f.response} name="Response" /></td>
      <td className="govuk-table__cell"><ClockCell clock={f.fix} name="Fix" /></td>
    </tr>
  );
}
