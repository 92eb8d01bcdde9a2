import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../api/auth';
import type { Session } from '../../api/types';
import {
  AGENCIES, OCCURRENCES_PAGE_SIZE, OUTCOMES, SORTS, SOURCES, assigneesQuery, camerasQuery, categoriesQuery, occurrencesCsvHref, occurrencesQuery,
  type OccurrenceFilters, type OccurrenceSummary,
} from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { fieldErrors, type FormErrors } from '../../lib/errors';
import { useLiveOccurrences } from '../../lib/live';
import { formatDateTime, formatUkDay, isValidDay, parseUkDate } from '../../../domain/calendar/london';
import { OccurrencePagination } from './OccurrencePagination';
import { formatArea, parseArea } from '../../lib/area';

const MapAreaPicker = lazy(() => import('../../components/MapAreaPicker').then((m) => ({ default: m.MapAreaPicker })));
import { SupervisorPanel } from './SupervisorPanel';
import { TableHead } from '../../components/TableHead';

export function validateOccurrenceSearch(search: Record<string, unknown>): OccurrenceFilters {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const oneOf = (v: unknown, options: Record<string, string>) => (typeof v === 'string' && v in options ? v : undefined);
  const day = (v: unknown) => (typeof v === 'string' && isValidDay(v) ? v : undefined);
  const page = Number(search.page);
  return {
    q: str(search.q), from: day(search.from), to: day(search.to), category: str(search.category), source: oneOf(search.source, SOURCES),
    status: search.status === 'open' || search.status === 'closed' ? search.status : undefined, outcome: oneOf(search.outcome, OUTCOMES),
    agency: oneOf(search.agency, AGENCIES), cameraId: str(search.cameraId), operatorId: str(search.operatorId), sort: oneOf(search.sort, SORTS),
    area: typeof search.area === 'string' && parseArea(search.area) ? formatArea(parseArea(search.area)!) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

type Draft = Required<{ [K in Exclude<keyof OccurrenceFilters, 'page'>]: string }>;
const toDraft = (f: OccurrenceFilters): Draft => ({
  q: f.q ?? '', from: formatUkDay(f.from), to: formatUkDay(f.to), category: f.category ?? '', source: f.source ?? '', status: f.status ?? '',
  outcome: f.outcome ?? '', agency: f.agency ?? '', cameraId: f.cameraId ?? '', operatorId: f.operatorId ?? '', sort: f.sort ?? '', area: f.area ?? '',
});

const options = (any: string, values: Record<string, string>) => [{ value: '', label: any }, ...Object.entries(values).map(([value, label]) => ({ value, label }))];

/** The filter's dates as typed (UK style) to YYYY-MM-DD ('' for none), or what is wrong with them. */
export function checkDays(draft: { from: string; to: string }) {
  const from = draft.from.trim() ? parseUkDate(draft.from) : '';
  const to = draft.to.trim() ? parseUkDate(draft.to) : '';
  const invalid = fieldErrors([
    ['from', from === undefined && '‘From date’ must be a real date, like 27/3/2026'],
    ['to', to === undefined ? '‘To date’ must be a real date, like 27/3/2026' : !!from && !!to && to < from && '‘To date’ must be the same as or after ‘From date’'],
  ]);
  return { from, to, invalid };
}

export function OccurrencesListPage({ search, session }: { search: OccurrenceFilters; session: Session }) {
  const [errors, setErrors] = useState<FormErrors>();
  useTitle('Occurrences', { error: !!errors });
  useLiveOccurrences();
  const navigate = useNavigate();
  const results = useQuery(occurrencesQuery({ ...search, page: search.page ?? 1 }));
  const categories = useQuery(categoriesQuery);
  const cameras = useQuery({ ...camerasQuery, enabled: can(session, 'estate.read') });
  const people = useQuery({ ...assigneesQuery, enabled: !session.user.organisation.isExternal });
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
      to: '/occurrences',
      search: {
        q: clean(draft.q), from: from || undefined, to: to || undefined, category: clean(draft.category), source: clean(draft.source),
        status: clean(draft.status) as OccurrenceFilters['status'], outcome: clean(draft.outcome), agency: clean(draft.agency),
        cameraId: clean(draft.cameraId), operatorId: clean(draft.operatorId), sort: clean(draft.sort), area: clean(draft.area),
      },
    });
  };

  const canWrite = can(session, 'occurrences.write');
  const total = results.data ? `${results.data.total}${results.data.totalIsCapped ? '+' : ''}` : '';
  return (
    <>
      <div className="moj-page-header-actions">
        <div className="moj-page-header-actions__title">
          <h1 className="govuk-heading-l">Occurrences</h1>
        </div>
        {canWrite && (
          <div className="moj-page-header-actions__actions">
            <div className="moj-button-group moj-button-group--inline">
              <Link to="/occurrences/new" role="button" draggable={false} className="govuk-button govuk-!-margin-bottom-0" aria-keyshortcuts="n"
                onKeyDown={(e) => { if (e.key === ' ') { e.preventDefault(); e.currentTarget.click(); } }}>
                New occurrence
              </Link>
              <Link to="/occurrences/handover" role="button" draggable={false} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                onKeyDown={(e) => { if (e.key === ' ') { e.preventDefault(); e.currentTarget.click(); } }}>
                Shift handover
              </Link>
            </div>
          </div>
        )}
      </div>
      {canWrite && <p className="govuk-body">Press <kbd>n</kbd> anywhere to open a new occurrence. The list updates as colleagues log.</p>}

      {can(session, 'occurrences.supervise') && <SupervisorPanel />}

      <ErrorSummary errors={errors} />
      <form className="vigil-filter" onSubmit={submit} noValidate role="search" aria-label="Search occurrences">
        <div className="vigil-filter__row">
          <TextField id="q" label="Search" hint="Words in the summary, location or any entry, or a reference" type="search" value={draft.q} onChange={set('q')} width="20" data-search spellCheck={false} />
          <TextField id="from" label="From date" hint="For example, 27/3/2026" value={draft.from} onChange={set('from')} error={errors?.fields.from} width="10" spellCheck={false} />
          <TextField id="to" label="To date" hint="For example, 28/3/2026" value={draft.to} onChange={set('to')} error={errors?.fields.to} width="10" spellCheck={false} />
          <SelectField id="category" label="Category" value={draft.category} onChange={set('category')}
            options={[{ value: '', label: 'Any category' }, ...(categories.data ?? []).map((c) => ({ value: c.key, label: c.name }))]} />
          <SelectField id="source" label="Source" value={draft.source} onChange={set('source')} options={options('Any source', SOURCES)} />
        </div>
        <div className="vigil-filter__row">
          <SelectField id="status" label="Status" value={draft.status} onChange={set('status')} options={options('Open or closed', { open: 'Open', closed: 'Closed' })} />
          <SelectField id="outcome" label="Outcome" value={draft.outcome} onChange={set('outcome')} options={options('Any outcome', OUTCOMES)} />
          <SelectField id="agency" label="Agency told" value={draft.agency} onChange={set('agency')} options={options('Any or none', AGENCIES)} />
          {cameras.data && (
            <SelectField id="cameraId" label="Camera" value={draft.cameraId} onChange={set('cameraId')}
              options={[{ value: '', label: 'Any camera' }, ...cameras.data.map((c) => ({ value: c.id, label: `${c.reference} ${c.name}` }))]} />
          )}
          {!!people.data?.length && (
            <SelectField id="operatorId" label="Opened by" value={draft.operatorId} onChange={set('operatorId')}
              options={[{ value: '', label: 'Anyone' }, ...people.data.map((p) => ({ value: p.id, label: p.name }))]} />
          )}
          <SelectField id="sort" label="Sort by" value={draft.sort} onChange={set('sort')} options={Object.entries(SORTS).map(([value, label]) => ({ value: value === 'opened_desc' ? '' : value, label }))} />
          <Button variant="secondary">Search</Button>
        </div>
        <AreaFilter area={draft.area} applied={filters.area ?? ''} onChange={set('area')} cameras={cameras.data ?? []} />
      </form>

      <p className="govuk-body">
        <a className="govuk-link" href={occurrencesCsvHref(filters)} download>Export CSV</a>
        <span className="govuk-body-s"> – the occurrences that match these filters, as a spreadsheet file</span>
      </p>

      {results.isPending && <p className="govuk-body">Loading occurrences…</p>}
      {results.isError && <p className="govuk-body">Occurrences could not be loaded. {results.error.message}</p>}
      {results.data && (
        <>
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--m">{total === '1' ? '1 occurrence' : `${total} occurrences`}</caption>
              <TableHead columns={['Reference', 'Opened', 'Category', 'Summary', 'Location', 'Cameras', 'Status']} />
              <tbody className="govuk-table__body">
                {results.data.items.map((o) => <Row key={o.id} occurrence={o} />)}
              </tbody>
            </table>
          </div>
          {results.data.items.length === 0 && <p className="govuk-body">No occurrences match these filters.</p>}
          <OccurrencePagination page={results.data.page} pageSize={results.data.pageSize || OCCURRENCES_PAGE_SIZE} total={results.data.total} more={results.data.totalIsCapped} filters={filters} />
        </>
      )}
    </>
  );
}

function Row({ occurrence: o }: { occurrence: OccurrenceSummary }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap">
        <Link className="govuk-link" to="/occurrences/$id" params={{ id: o.id }}>{o.reference}</Link>
      </td>
      <td className="govuk-table__cell vigil-nowrap">{formatDateTime(o.openedAt)}</td>
      <td className="govuk-table__cell">{o.category.name}</td>
      <td className="govuk-table__cell">{o.summary}</td>
      <td className="govuk-table__cell">{o.location ?? ''}</td>
      <td className="govuk-table__cell">{o.cameras.join(', ')}</td>
      <td className="govuk-table__cell"><StatusTag status={o.status} outcomeName={o.outcomeName} /></td>
    </tr>
  );
}

export function StatusTag({ status, outcomeName }: { status: 'open' | 'closed'; outcomeName: string | null }) {
  return status === 'open'
    ? <strong className="govuk-tag govuk-tag--blue">Open</strong>
    : <strong className="govuk-tag govuk-tag--grey">Closed{outcomeName ? `: ${outcomeName}` : ''}</strong>;
}

/** Occurrences whose point is inside an area chosen on the map (GOV.UK details: out of the way until wanted). */
function AreaFilter({ area, applied, onChange, cameras }: { area: string; applied: string; onChange: (v: string) => void; cameras: Array<{ reference: string; latitude: number; longitude: number }> }) {
  const [open, setOpen] = useState(!!area);
  const chosen = area ? parseArea(area) : undefined;
  const fmt = (x: number) => x.toFixed(4);
  const where = chosen && `${fmt(chosen.south)}, ${fmt(chosen.west)} to ${fmt(chosen.north)}, ${fmt(chosen.east)}`;
  const status = !chosen
    ? (applied ? 'No area chosen. Press Search to search everywhere again.' : 'No area chosen: occurrences anywhere, with or without a point.')
    : area === applied ? `Searching the area ${where}.` : `Area chosen: ${where}. Press Search to apply it.`;
  return (
    <details className="govuk-details govuk-!-margin-bottom-2" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Limit to an area on the map</span></summary>
      <div className="govuk-details__text">
        <p className="govuk-body" aria-live="polite">{status}</p>
        {chosen && (
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
            onClick={() => { onChange(''); setTimeout(() => document.getElementById('area-use')?.focus()); }}>
            Clear area
          </button>
        )}
        {open && (
          <Suspense fallback={<p className="govuk-body">Loading the map…</p>}>
            <MapAreaPicker area={chosen ?? null} onChoose={(a) => onChange(formatArea(a))} cameras={cameras} />
          </Suspense>
        )}
      </div>
    </details>
  );
}
