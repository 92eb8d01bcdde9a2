import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { AGENCIES, OCCURRENCES_PAGE_SIZE, OUTCOMES, SORTS, SOURCES } from '../../api/occurrences';
import { sharedOccurrencesCsvHref, sharedOccurrencesQuery, type SharedFilters, type SharedOccurrenceSummary } from '../../api/shared';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import type { FormErrors } from '../../lib/errors';
import { formatDateTime, formatUkDay } from '../../../domain/calendar/london';
import { OccurrencePagination } from '../occurrences/OccurrencePagination';
import { StatusTag, checkDays, validateOccurrenceSearch } from '../occurrences/OccurrencesListPage';
import { TableHead } from '../../components/TableHead';

// Partner agencies (police, insurers): the occurrences the council has shared with their organisation.

export function validateSharedSearch(search: Record<string, unknown>): SharedFilters {
  const { operatorId: _staff, cameraId: _camera, area: _area, category: _category, ...filters } = validateOccurrenceSearch(search);
  return filters;
}

type Draft = { q: string; from: string; to: string; source: string; status: string; outcome: string; agency: string; sort: string };
const toDraft = (f: SharedFilters): Draft => ({
  q: f.q ?? '', from: formatUkDay(f.from), to: formatUkDay(f.to), source: f.source ?? '', status: f.status ?? '', outcome: f.outcome ?? '', agency: f.agency ?? '', sort: f.sort ?? '',
});
const options = (any: string, values: Record<string, string>) => [{ value: '', label: any }, ...Object.entries(values).map(([value, label]) => ({ value, label }))];

export function SharedListPage({ search }: { search: SharedFilters }) {
  const [errors, setErrors] = useState<FormErrors>();
  useTitle('Shared with us', { error: !!errors });
  const navigate = useNavigate();
  const results = useQuery(sharedOccurrencesQuery({ ...search, page: search.page ?? 1 }));
  const { page: _page, ...filters } = search;
  const [draft, setDraft] = useState<Draft>(() => toDraft(filters));
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const applied = JSON.stringify(toDraft(filters));
  useEffect(() => setDraft(JSON.parse(applied) as Draft), [applied]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const { from, to, invalid } = checkDays(draft);
    setErrors(invalid);
    if (invalid) return;
    const clean = (v: string) => v.trim() || undefined;
    void navigate({
      to: '/shared',
      search: {
        q: clean(draft.q), from: from || undefined, to: to || undefined, source: clean(draft.source), status: clean(draft.status) as SharedFilters['status'],
        outcome: clean(draft.outcome), agency: clean(draft.agency), sort: clean(draft.sort),
      },
    });
  };

  const total = results.data ? `${results.data.total}${results.data.totalIsCapped ? '+' : ''}` : '';
  return (
    <>
      <h1 className="govuk-heading-l">Shared with us</h1>
      <p className="govuk-body">Occurrences the council has shared with your organisation. An occurrence leaves this list if the council withdraws the share.</p>
      <ErrorSummary errors={errors} />
      <form className="vigil-filter" onSubmit={submit} noValidate role="search" aria-label="Search what was shared with us">
        <div className="vigil-filter__row">
          <TextField id="q" label="Search" hint="Words in the summary, location or any entry, or a reference" type="search" value={draft.q} onChange={set('q')} width="20" spellCheck={false} />
          <TextField id="from" label="From date" hint="For example, 27/3/2026" value={draft.from} onChange={set('from')} error={errors?.fields.from} width="10" spellCheck={false} />
          <TextField id="to" label="To date" hint="For example, 28/3/2026" value={draft.to} onChange={set('to')} error={errors?.fields.to} width="10" spellCheck={false} />
          <SelectField id="source" label="Source" value={draft.source} onChange={set('source')} options={options('Any source', SOURCES)} />
        </div>
        <div className="vigil-filter__row">
          <SelectField id="status" label="Status" value={draft.status} onChange={set('status')} options={options('Open or closed', { open: 'Open', closed: 'Closed' })} />
          <SelectField id="outcome" label="Outcome" value={draft.outcome} onChange={set('outcome')} options={options('Any outcome', OUTCOMES)} />
          <SelectField id="agency" label="Agency told" value={draft.agency} onChange={set('agency')} options={options('Any or none', AGENCIES)} />
          <SelectField id="sort" label="Sort by" value={draft.sort} onChange={set('sort')} options={Object.entries(SORTS).map(([value, label]) => ({ value: value === 'opened_desc' ? '' : value, label }))} />
          <Button variant="secondary">Search</Button>
        </div>
      </form>
      <p className="govuk-body">
        <a className="govuk-link" href={sharedOccurrencesCsvHref(filters)} download>Export CSV</a>
        <span className="govuk-body-s"> – the shared occurrences that match these filters, as a spreadsheet file</span>
      </p>

      {results.isPending && <p className="govuk-body">Loading…</p>}
      {results.isError && <p className="govuk-body">The list could not be loaded. {results.error.message}</p>}
      {results.data && (
        <>
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--m">{total === '1' ? '1 occurrence' : `${total} occurrences`}</caption>
              <TableHead columns={['Reference', 'Opened', 'Shared', 'Category', 'Summary', 'Location', 'Status']} />
              <tbody className="govuk-table__body">{results.data.items.map((o) => <Row key={o.id} occurrence={o} />)}</tbody>
            </table>
          </div>
          {results.data.items.length === 0 && <p className="govuk-body">Nothing shared with your organisation matches these filters.</p>}
          <OccurrencePagination to="/shared" page={results.data.page} pageSize={results.data.pageSize || OCCURRENCES_PAGE_SIZE} total={results.data.total} more={results.data.totalIsCapped} filters={filters} />
        </>
      )}
    </>
  );
}

function Row({ occurrence: o }: { occurrence: SharedOccurrenceSummary }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap"><Link className="govuk-link" to="/shared/$id" params={{ id: o.id }}>{o.reference}</Link></td>
      <td className="govuk-table__cell vigil-nowrap">{formatDateTime(o.openedAt)}</td>
      <td className="govuk-table__cell vigil-nowrap">{formatDateTime(o.sharedAt)}</td>
      <td className="govuk-table__cell">{o.category.name}</td>
      <td className="govuk-table__cell">{o.summary}</td>
      <td className="govuk-table__cell">{o.location ?? ''}</td>
      <td className="govuk-table__cell"><StatusTag status={o.status} outcomeName={o.outcomeName} /></td>
    </tr>
  );
}
