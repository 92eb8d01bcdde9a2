import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import {
  CAMERA_KINDS, CAMERA_OWNERS, CAMERA_STATUSES, CAMERAS_PAGE_SIZE, cameraMapQuery, cameraRegisterQuery, camerasCsvHref, camerasGeoJsonHref, type Camera,
} from '../../api/estate';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { Pagination } from '../../components/Pagination';
import { useTitle } from '../../components/useTitle';
import { fieldErrors, type FormErrors } from '../../lib/errors';
import { formatDateTime, formatUkDay } from '../../../domain/calendar/london';
import { labelOf } from '../../../domain/labels';
import { EstateMap } from './EstateMap';
import { EstateNav } from './EstateNav';
import { SortableHead, type Column } from './SortableHead';
import { CameraStatusTag } from './tags';
import { asAtInput, mapMatches, parseAsAt, resultsAnnouncement, sortOf, wardsOf, type EstateFilters } from './search';

const options = (any: string, values: Record<string, string>) => [{ value: '', label: any }, ...Object.entries(values).map(([value, label]) => ({ value, label }))];

const COLUMNS: readonly Column[] = [
  { name: 'Number', sort: 'reference' }, { name: 'Name', sort: 'name' }, { name: 'Kind', sort: 'kind' }, { name: 'Status', sort: 'status' },
  { name: 'Ward', sort: 'ward' }, { name: 'Owner' }, { name: 'Installed', sort: 'installed_on' },
];

type Draft = { q: string; kind: string; status: string; owner: string; ward: string; asAt: string };
const draftOf = (f: EstateFilters): Draft => ({ q: f.q ?? '', kind: f.kind ?? '', status: f.status ?? '', owner: f.owner ?? '', ward: f.ward ?? '', asAt: f.asAt ? asAtInput(f.asAt) : '' });

/**
 * The camera register: the estate on a map and in a table, filtered alike, with its exports; the
 * table (and its exports) as the register stood at a moment when one is given.
 */
export function RegisterPage({ search }: { search: EstateFilters }) {
  const [errors, setErrors] = useState<FormErrors>();
  useTitle(search.asAt ? `Camera register as at ${formatDateTime(search.asAt)}` : 'Camera register', { error: !!errors });
  const navigate = useNavigate();
  const results = useQuery(cameraRegisterQuery(search));
  const mapData = useQuery(cameraMapQuery(search.status === 'decommissioned'));
  const { page: _page, ...filters } = search;

  const applied = JSON.stringify(draftOf(search));
  const [draft, setDraft] = useState<Draft>(() => draftOf(search));
  useEffect(() => setDraft(JSON.parse(applied) as Draft), [applied]);
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const asAt = parseAsAt(draft.asAt);
    const invalid = fieldErrors([['asAt', asAt === undefined && 'Enter a date that has passed, like 4/3/2026 (the register at the end of that day), or a date and time, like 4/3/2026 14:05']]);
    setErrors(invalid);
    if (invalid) return;
    const clean = (v: string) => v.trim() || undefined;
    void navigate({
      to: '/estate',
      search: {
        q: clean(draft.q), kind: clean(draft.kind) as EstateFilters['kind'], status: clean(draft.status) as EstateFilters['status'], owner: clean(draft.owner) as EstateFilters['owner'],
        ward: clean(draft.ward), asAt: asAt || undefined, sort: search.sort,
      },
    });
  };

  const onMap = useMemo(() => (mapData.data ?? []).filter((c) => mapMatches(c, filters)), [mapData.data, applied]);
  const total = results.data?.total ?? 0;
  const asAt = search.asAt;
  const sortName = COLUMNS.find((c) => c.sort === sortOf(search.sort).field)?.name ?? 'Number';
  const announcement = results.data && !results.isPlaceholderData
    ? resultsAnnouncement({ total, page: results.data.page, pageSize: results.data.pageSize || CAMERAS_PAGE_SIZE, sort: search.sort, sortName, asAt })
    : '';
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Camera register{asAt && ` as at ${formatDateTime(asAt)}`}</h1>
      <EstateNav />
      {asAt && (
        <div className="govuk-inset-text">
          This is the register as it stood at {formatDateTime(asAt)}: each camera as its entry read then, and only the cameras then in the register.{' '}
          <Link className="govuk-link" to="/estate" search={{ ...filters, asAt: undefined }}>See the register as it stands today</Link>
        </div>
      )}

      <form className="vigil-filter" onSubmit={submit} noValidate role="search" aria-label="Filter the cameras">
        <div className="vigil-filter__row">
          <TextField id="q" label="Search" hint="Camera number, name or street" type="search" value={draft.q} onChange={set('q')} width="20" spellCheck={false} />
          <SelectField id="kind" label="Kind" value={draft.kind} onChange={set('kind')} options={options('Any kind', CAMERA_KINDS)} />
          <SelectField id="status" label="Status" value={draft.status} onChange={set('status')} options={options('Any status', CAMERA_STATUSES)} />
          <SelectField id="owner" label="Owner" value={draft.owner} onChange={set('owner')} options={options('Any owner', CAMERA_OWNERS)} />
          <SelectField id="ward" label="Ward or area" value={draft.ward} onChange={set('ward')} options={[{ value: '', label: 'Any ward' }, ...wardsOf(mapData.data ?? [], search.ward).map((w) => ({ value: w, label: w }))]} />
          <TextField id="asAt" label="As at (date)" hint="Empty for today; a date, like 4/3/2026, for the register at the end of that day; or a date and time" value={draft.asAt} onChange={set('asAt')} error={errors?.fields.asAt} width="10" spellCheck={false} />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>

      <p className="govuk-body">
        Download the cameras that match these filters{asAt ? `, as at ${formatDateTime(asAt)}` : ''}: <a className="govuk-link" href={camerasCsvHref(filters)} download>CSV (spreadsheet)</a>
        {' or '}<a className="govuk-link" href={camerasGeoJsonHref(filters)} download>GeoJSON (for mapping software)</a>
      </p>

      <h2 className="govuk-heading-m">Map</h2>
      {asAt && <p className="govuk-body">The map shows the cameras as they stand today, not as at {formatDateTime(asAt)}: the table below is the register as at that date.</p>}
      {mapData.isPending && <p className="govuk-body">Loading the map…</p>}
      {mapData.isError && <p className="govuk-body">The map’s cameras could not be loaded. The table below lists them.</p>}
      {mapData.data && <EstateMap cameras={onMap} />}
      {mapData.data && filters.q && <p className="govuk-body-s">On the map, the search matches camera numbers and names; the table matches streets too.</p>}

      <p className="govuk-visually-hidden" role="status" aria-live="polite">{announcement}</p>
      {results.isPending && <p className="govuk-body">Loading cameras…</p>}
      {results.isError && <p className="govuk-body">The register could not be loaded. {results.error.message}</p>}
      {results.data && (
        <>
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--m">{total === 1 ? '1 camera' : `${total} cameras`}{asAt && ` as at ${formatDateTime(asAt)}`}</caption>
              <SortableHead columns={COLUMNS} filters={filters} />
              <tbody className="govuk-table__body">{results.data.items.map((c) => <Row key={c.id} camera={c} asAt={asAt} />)}</tbody>
            </table>
          </div>
          {results.data.items.length === 0 && <p className="govuk-body">No cameras match these filters.</p>}
          <Pagination to="/estate" label="cameras" page={results.data.page} pageSize={results.data.pageSize || CAMERAS_PAGE_SIZE} total={total}
            search={(p) => ({ ...filters, page: p > 1 ? p : undefined })} />
        </>
      )}
    </>
  );
}

function Row({ camera: c, asAt }: { camera: Camera; asAt?: string }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap"><Link className="govuk-link" to="/estate/cameras/$id" params={{ id: c.id }} search={{ asAt }}>{c.reference}</Link></td>
      <td className="govuk-table__cell">{c.name}<br /><span className="govuk-body-s govuk-!-margin-0">{c.location}</span></td>
      <td className="govuk-table__cell">{labelOf(CAMERA_KINDS, c.kind)}</td>
      <td className="govuk-table__cell"><CameraStatusTag status={c.status} /></td>
      <td className="govuk-table__cell">{c.ward ?? ''}</td>
      <td className="govuk-table__cell">{c.ownerName ?? labelOf(CAMERA_OWNERS, c.owner)}</td>
      <td className="govuk-table__cell vigil-nowrap">{c.installedOn ? formatUkDay(c.installedOn) : 'Not known'}</td>
    </tr>
  );
}
