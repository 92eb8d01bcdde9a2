import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import {
  CAMERA_KINDS, CAMERA_OWNERS, CAMERA_STATUSES, CAMERAS_PAGE_SIZE, cameraMapQuery, cameraRegisterQuery, camerasCsvHref, camerasGeoJsonHref, type Camera,
} from '../../api/estate';
import { Button, SelectField, TextField } from '../../components/fields';
import { Pagination } from '../../components/Pagination';
import { useTitle } from '../../components/useTitle';
import { formatUkDay } from '../../../domain/calendar/london';
import { labelOf } from '../../../domain/labels';
import { EstateMap } from './EstateMap';
import { EstateNav } from './EstateNav';
import { SortableHead, type Column } from './SortableHead';
import { CameraStatusTag } from './tags';
import { mapMatches, wardsOf, type EstateFilters } from './search';

const options = (any: string, values: Record<string, string>) => [{ value: '', label: any }, ...Object.entries(values).map(([value, label]) => ({ value, label }))];

const COLUMNS: readonly Column[] = [
  { name: 'Number', sort: 'reference' }, { name: 'Name', sort: 'name' }, { name: 'Kind', sort: 'kind' }, { name: 'Status', sort: 'status' },
  { name: 'Ward', sort: 'ward' }, { name: 'Owner' }, { name: 'Installed', sort: 'installed_on' },
];

type Draft = { q: string; kind: string; status: string; owner: string; ward: string };
const draftOf = (f: EstateFilters): Draft => ({ q: f.q ?? '', kind: f.kind ?? '', status: f.status ?? '', owner: f.owner ?? '', ward: f.ward ?? '' });

/** The camera register: the estate on a map and in a table, filtered alike, with its exports. */
export function RegisterPage({ search }: { search: EstateFilters }) {
  useTitle('Camera register');
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
    const clean = (v: string) => v.trim() || undefined;
    void navigate({
      to: '/estate',
      search: { q: clean(draft.q), kind: clean(draft.kind) as EstateFilters['kind'], status: clean(draft.status) as EstateFilters['status'], owner: clean(draft.owner) as EstateFilters['owner'], ward: clean(draft.ward), sort: search.sort },
    });
  };

  const onMap = useMemo(() => (mapData.data ?? []).filter((c) => mapMatches(c, filters)), [mapData.data, applied]);
  const total = results.data?.total ?? 0;
  return (
    <>
      <h1 className="govuk-heading-l">Camera register</h1>
      <EstateNav />

      <form className="vigil-filter" onSubmit={submit} noValidate role="search" aria-label="Filter the cameras">
        <div className="vigil-filter__row">
          <TextField id="q" label="Search" hint="Camera number, name or street" type="search" value={draft.q} onChange={set('q')} width="20" spellCheck={false} />
          <SelectField id="kind" label="Kind" value={draft.kind} onChange={set('kind')} options={options('Any kind', CAMERA_KINDS)} />
          <SelectField id="status" label="Status" value={draft.status} onChange={set('status')} options={options('Any status', CAMERA_STATUSES)} />
          <SelectField id="owner" label="Owner" value={draft.owner} onChange={set('owner')} options={options('Any owner', CAMERA_OWNERS)} />
          <SelectField id="ward" label="Ward or area" value={draft.ward} onChange={set('ward')} options={[{ value: '', label: 'Any ward' }, ...wardsOf(mapData.data ?? [], search.ward).map((w) => ({ value: w, label: w }))]} />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>

      <p className="govuk-body">
        Download the cameras that match these filters: <a className="govuk-link" href={camerasCsvHref(filters)} download>CSV (spreadsheet)</a>
        {' or '}<a className="govuk-link" href={camerasGeoJsonHref(filters)} download>GeoJSON (for mapping software)</a>
      </p>

      <h2 className="govuk-heading-m">Map</h2>
      {mapData.isPending && <p className="govuk-body">Loading the map…</p>}
      {mapData.isError && <p className="govuk-body">The map’s cameras could not be loaded. The table below lists them.</p>}
      {mapData.data && <EstateMap cameras={onMap} />}
      {mapData.data && filters.q && <p className="govuk-body-s">On the map, the search matches camera numbers and names; the table matches streets too.</p>}

      {results.isPending && <p className="govuk-body">Loading cameras…</p>}
      {results.isError && <p className="govuk-body">The register could not be loaded. {results.error.message}</p>}
      {results.data && (
        <>
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--m">{total === 1 ? '1 camera' : `${total} cameras`}</caption>
              <SortableHead columns={COLUMNS} filters={filters} />
              <tbody className="govuk-table__body">{results.data.items.map((c) => <Row key={c.id} camera={c} />)}</tbody>
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

function Row({ camera: c }: { camera: Camera }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap"><Link className="govuk-link" to="/estate/cameras/$id" params={{ id: c.id }}>{c.reference}</Link></td>
      <td className="govuk-table__cell">{c.name}<br /><span className="govuk-body-s govuk-!-margin-0">{c.location}</span></td>
      <td className="govuk-table__cell">{labelOf(CAMERA_KINDS, c.kind)}</td>
      <td className="govuk-table__cell"><CameraStatusTag status={c.status} /></td>
      <td className="govuk-table__cell">{c.ward ?? ''}</td>
      <td className="govuk-table__cell">{c.ownerName ?? labelOf(CAMERA_OWNERS, c.owner)}</td>
      <td className="govuk-table__cell vigil-nowrap">{c.installedOn ? formatUkDay(c.installedOn) : 'Not known'}</td>
    </tr>
  );
}
