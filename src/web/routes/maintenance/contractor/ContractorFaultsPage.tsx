import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../../../domain/calendar/london';
import {
  FAULT_SLA_FILTERS, FAULT_STAGES, PRIORITIES, contractorFaultsCsvHref, contractorFaultsQuery, type ContractorFaultSummary,
} from '../../../api/contractorFaults';
import { Button, SelectField, TextField } from '../../../components/fields';
import { Pagination } from '../../../components/Pagination';
import { useTitle } from '../../../components/useTitle';
import { SortHead } from '../SortHead';
import { DEFAULT_FAULT_SORT, faultsFilters, type ContractorFaultsSearch } from './search';
import { ClockCell, StageTag } from './tags';

const COLUMNS = [
  { name: 'Reference', sort: 'reference' }, { name: 'Camera or equipment' }, { name: 'Priority', sort: 'priority' }, { name: 'Stage', sort: 'stage' },
  { name: 'Raised', sort: 'raised_at' }, { name: 'Respond by' }, { name: 'Fix by' },
] as const;

const option = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The contractor's faults: those on their organisation's contracts, open ones by default, filtered, sorted and paged by the server. */
export function ContractorFaultsPage({ search }: { search: ContractorFaultsSearch }) {
  useTitle('Contract faults');
  const navigate = useNavigate();
  const filters = faultsFilters(search);
  const list = useQuery(contractorFaultsQuery(filters));
  const [form, setForm] = useState(() => formOf(search));
  useEffect(() => setForm(formOf(search)), [search.state, search.stage, search.priority, search.sla, search.q]);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const filter = (event: React.FormEvent) => {
    event.preventDefault();
    void navigate({
      to: '/contractor/faults',
      search: {
        state: form.state === 'open' ? undefined : form.state, stage: form.stage || undefined, priority: form.priority || undefined,
        sla: form.sla || undefined, q: form.q.trim() || undefined, sort: search.sort,
      } as ContractorFaultsSearch,
    });
  };
  const items = list.data?.items ?? [];
  const filtered = !!(search.stage || search.priority || search.sla || search.q);
  const whose = search.state === 'closed' ? 'closed ' : search.state === 'all' ? '' : 'open ';

  return (
    <>
      <h1 className="govuk-heading-l">Contract faults</h1>
      <p className="govuk-body">The faults on your organisation’s maintenance contracts. Open a fault to record attending, the diagnosis, parts used and the fix.</p>
      <p className="govuk-body"><Link className="govuk-button govuk-!-margin-bottom-0" to="/contractor/faults/new">Report a fault</Link></p>

      <form className="vigil-filter" onSubmit={filter} noValidate role="search" aria-label="Filter the faults">
        <div className="vigil-filter__row">
          <SelectField id="state" label="Open or closed" value={form.state} onChange={set('state')}
            options={[{ value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }, { value: 'all', label: 'Open and closed' }]} />
          <SelectField id="stage" label="Stage" value={form.stage} onChange={set('stage')} options={[{ value: '', label: 'Any stage' }, ...option(FAULT_STAGES)]} />
          <SelectField id="priority" label="Priority" value={form.priority} onChange={set('priority')}
            options={[{ value: '', label: 'Any priority' }, ...option(PRIORITIES), { value: 'none', label: 'Not yet prioritised' }]} />
          <SelectField id="sla" label="SLA" value={form.sla} onChange={set('sla')} options={[{ value: '', label: 'Any' }, ...option(FAULT_SLA_FILTERS)]} />
          <TextField id="q" label="Reference, camera or words" type="search" value={form.q} onChange={set('q')} width="20" />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>

      {list.isPending && <p className="govuk-body">Loading the faults…</p>}
      {list.isError && <p className="govuk-body">The faults could not be loaded. {list.error.message}</p>}
      {list.data && (
        <>
          {items.length > 0 && <p className="govuk-body"><a className="govuk-link" href={contractorFaultsCsvHref(filters)} download>Download these faults as CSV (spreadsheet)</a></p>}
          <div className="vigil-table-wrap" tabIndex={0} role="region" aria-label="The faults (scrolls sideways on a small screen)">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--s">
                {list.data.total === 1 ? `1 ${whose}fault` : `${list.data.total} ${whose}faults`}{filtered ? ' matching the filter' : ''}
              </caption>
              <SortHead columns={COLUMNS} to="/contractor/faults" search={search as Record<string, unknown>} sort={search.sort} fallback={DEFAULT_FAULT_SORT} />
              <tbody className="govuk-table__body">{items.map((f) => <Row key={f.id} fault={f} />)}</tbody>
            </table>
          </div>
          {items.length === 0 && <p className="govuk-body">{filtered ? 'No faults match the filter.' : `There are no ${whose}faults on your contracts.`}</p>}
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} to={'/contractor/faults' as never}
            search={(page) => ({ ...search, page: page > 1 ? page : undefined })} label="faults" />
        </>
      )}
    </>
  );
}

function formOf(s: ContractorFaultsSearch) {
  return { state: s.state ?? 'open', stage: s.stage ?? '', priority: s.priority ?? '', sla: s.sla ?? '', q: s.q ?? '' };
}

function Row({ fault: f }: { fault: ContractorFaultSummary }) {
  const unset = f.priority ? 'No SLA terms' : 'Not yet prioritised';
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap"><Link className="govuk-link" to="/contractor/faults/$id" params={{ id: f.id }}>{f.reference}</Link></td>
      <td className="govuk-table__cell">{f.targetRef.reference} {f.targetRef.name}</td>
      <td className="govuk-table__cell">{f.priority ? PRIORITIES[f.priority] : 'Not yet'}</td>
      <td className="govuk-table__cell"><StageTag stage={f.stage} /></td>
      <td className="govuk-table__cell vigil-nowrap">{formatDateTime(f.raisedAt)}</td>
      <td className="govuk-table__cell"><ClockCell clock={f.response} none={unset} /></td>
      <td className="govuk-table__cell"><ClockCell clock={f.fix} none={unset} /></td>
    </tr>
  );
}
