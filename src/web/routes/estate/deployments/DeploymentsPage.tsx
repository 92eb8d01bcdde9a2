import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import type { Session } from '../../../api/types';
import { DEPLOYMENT_STATES, deploymentsQuery, mobileCameraHistoryQuery, type DeploymentState, type DeploymentSummary } from '../../../api/deployments';
import type { CameraMapItem } from '../../../api/estate';
import { Button, SelectField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { formatDateTime, formatUkDay, londonDay } from '../../../../domain/calendar/london';
import { EstateMap } from '../EstateMap';
import { EstateNav } from '../EstateNav';
import { deploymentsCsv, nextSort, sortDeployments, sortOf, type DeploymentSortField, type DeploymentsSearch } from './search';
import { daysWords, timelineOf, type CameraTimeline } from './timeline';
import { DeploymentStateTag, ReviewTag } from './tags';

const COLUMNS: readonly { name: string; sort: DeploymentSortField }[] = [
  { name: 'Reference', sort: 'reference' }, { name: 'Location', sort: 'location' }, { name: 'State', sort: 'state' },
  { name: 'Camera', sort: 'camera' }, { name: 'Requested', sort: 'requested' }, { name: 'Review', sort: 'review' },
];

/** Mobile cameras: every deployment (filtered by state, sorted), where each camera is now and where it has been. */
export function DeploymentsPage({ search, session }: { search: DeploymentsSearch; session: Session }) {
  useTitle('Mobile cameras');
  const navigate = useNavigate();
  const list = useQuery(deploymentsQuery(search.state));
  const history = useQuery(mobileCameraHistoryQuery);
  const [state, setState] = useState(search.state ?? '');
  useEffect(() => setState(search.state ?? ''), [search.state]);
  const filter = (event: React.FormEvent) => {
    event.preventDefault();
    void navigate({ to: '/estate/deployments', search: { state: (state || undefined) as DeploymentState | undefined, sort: search.sort } });
  };
  const items = useMemo(() => sortDeployments(list.data ?? [], search.sort), [list.data, search.sort]);
  const timeline = useMemo(() => timelineOf(history.data ?? [], londonDay()), [history.data]);

  return (
    <>
      <h1 className="govuk-heading-l">Mobile cameras</h1>
      <EstateNav />
      <p className="govuk-body">
        Each mobile (redeployable) camera goes up for a recorded reason: a request with its evidence, a coordinator’s decision, signage when it goes up, and regular reviews while it stays.
      </p>
      {can(session, 'estate.manage') && (
        <p className="govuk-body"><Link className="govuk-button govuk-!-margin-bottom-0" to="/estate/deployments/new">Request a deployment</Link></p>
      )}

      <h2 className="govuk-heading-m">Where each mobile camera is now</h2>
      {history.isPending && <p className="govuk-body">Loading the mobile cameras…</p>}
      {history.isError && <p className="govuk-body">The mobile cameras could not be loaded. {history.error.message}</p>}
      {history.data && <WhereNow timeline={timeline} />}

      <h2 className="govuk-heading-m">Deployments</h2>
      <form className="vigil-filter" onSubmit={filter} noValidate role="search" aria-label="Filter the deployments">
        <div className="vigil-filter__row">
          <SelectField id="state" label="State" value={state} onChange={setState}
            options={[{ value: '', label: 'Any state' }, ...Object.entries(DEPLOYMENT_STATES).map(([value, label]) => ({ value, label }))]} />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
      {list.isPending && <p className="govuk-body">Loading the deployments…</p>}
      {list.isError && <p className="govuk-body">The deployments could not be loaded. {list.error.message}</p>}
      {list.data && (
        <>
          {items.length > 0 && (
            <p className="govuk-body">
              <a className="govuk-link" download={`mobile-deployments${search.state ? `-${search.state}` : ''}.csv`}
                href={`data:text/csv;charset=utf-8,${encodeURIComponent(deploymentsCsv(items))}`}>Download these deployments as CSV (spreadsheet)</a>
            </p>
          )}
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--s">
                {items.length === 1 ? '1 deployment' : `${items.length} deployments`}{search.state ? `: ${DEPLOYMENT_STATES[search.state].toLowerCase()}` : ''}
              </caption>
              <SortableHead search={search} />
              <tbody className="govuk-table__body">{items.map((d) => <Row key={d.id} deployment={d} />)}</tbody>
            </table>
          </div>
          {items.length === 0 && <p className="govuk-body">{search.state ? 'No deployments are in this state.' : 'No deployments have been requested yet.'}</p>}
        </>
      )}

      <h2 className="govuk-heading-m">Where each mobile camera has been</h2>
      {history.data && <Timeline timeline={timeline} />}
    </>
  );
}

/** The list's header: each column's name sorts by it (again reverses it); the sorted column says so. */
function SortableHead({ search }: { search: DeploymentsSearch }) {
  const current = sortOf(search.sort);
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {COLUMNS.map(({ name, sort }) => {
          const active = current.field === sort;
          const words = current.direction === 'asc' ? 'ascending' : 'descending';
          return (
            <th key={name} scope="col" className="govuk-table__header" aria-sort={active ? words : 'none'}>
              <Link className="govuk-link govuk-link--no-visited-state" to="/estate/deployments" search={{ ...search, sort: nextSort(search.sort, sort) }}>
                {name}
                {active && <span aria-hidden="true">{current.direction === 'asc' ? ' ▲' : ' ▼'}</span>}
                <span className="govuk-visually-hidden">{active ? `, sorted ${words}: select to reverse` : ': select to sort by this'}</span>
              </Link>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

function Row({ deployment: d }: { deployment: DeploymentSummary }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap"><Link className="govuk-link" to="/estate/deployments/$id" params={{ id: d.id }}>{d.reference}</Link></td>
      <td className="govuk-table__cell">{d.locationText}</td>
      <td className="govuk-table__cell"><DeploymentStateTag state={d.state} /></td>
      <td className="govuk-table__cell">{d.camera ? `${d.camera.reference} ${d.camera.name}` : ''}</td>
      <td className="govuk-table__cell">{formatDateTime(d.requestedAt)}<br /><span className="govuk-body-s">by {d.requestedBy.name}</span></td>
      <td className="govuk-table__cell"><ReviewTag deployment={d} /></td>
    </tr>
  );
}

const mapItem = (c: CameraTimeline): CameraMapItem | undefined => {
  const at = c.now;
  return at ? { id: c.camera.id, reference: c.camera.reference, name: c.camera.name, lat: at.latitude, lon: at.longitude, kind: 'mobile', status: 'operational', bearing: null, fov: null, range: null, owner: 'council', ward: null } : undefined;
};

/** The map of the cameras that are out, and the same in words (every mobile camera, in store or not). */
function WhereNow({ timeline }: { timeline: CameraTimeline[] }) {
  const out = timeline.map(mapItem).filter((c): c is CameraMapItem => !!c);
  if (!timeline.length) return <p className="govuk-body">There are no mobile cameras in the register.</p>;
  return (
    <>
      {out.length > 0 && (
        <EstateMap cameras={out} withKey={false} label="Map of where each deployed mobile camera is now; the list below says the same in words" />
      )}
      <ul className="govuk-list govuk-list--bullet" aria-label="Where each mobile camera is now">
        {timeline.map((c) => (
          <li key={c.camera.id}>
            <Link className="govuk-link" to="/estate/cameras/$id" params={{ id: c.camera.id }}>{c.camera.reference}</Link> {c.camera.name}:{' '}
            {c.now ? (
              <>at {c.now.locationText} {c.now.when} (<Link className="govuk-link" to="/estate/deployments/$id" params={{ id: c.now.deploymentId }}>{c.now.reference}</Link>)</>
            ) : 'in store, not deployed'}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Each camera's places in a table, oldest first; the bars show the same dates at a glance. */
function Timeline({ timeline }: { timeline: CameraTimeline[] }) {
  const used = timeline.filter((c) => c.rows.length);
  if (!used.length) return <p className="govuk-body">No mobile camera has been deployed yet.</p>;
  return (
    <>
      {used.map((c) => (
        <div className="vigil-table-wrap" key={c.camera.id}>
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-table__caption--s">Camera {c.camera.reference} {c.camera.name}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {['Location', 'Deployment', 'From', 'To', 'How long'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
                <th scope="col" className="govuk-table__header" style={{ width: '25%' }}><span className="govuk-visually-hidden">Timeline bar (the same dates)</span></th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {c.rows.map((r) => (
                <tr className="govuk-table__row" key={r.deploymentId}>
                  <td className="govuk-table__cell">{r.locationText}</td>
                  <td className="govuk-table__cell"><Link className="govuk-link" to="/estate/deployments/$id" params={{ id: r.deploymentId }}>{r.reference}</Link></td>
                  <td className="govuk-table__cell vigil-nowrap">{formatUkDay(r.from)}</td>
                  <td className="govuk-table__cell vigil-nowrap">{r.to ? formatUkDay(r.to) : 'Still there'}</td>
                  <td className="govuk-table__cell vigil-nowrap">{daysWords(r.days)}</td>
                  <td className="govuk-table__cell">
                    <div aria-hidden="true" style={{ position: 'relative', height: '0.8em', background: '#f3f2f1' }}>
                      <div style={{ position: 'absolute', left: `${r.bar.left}%`, width: `${Math.max(r.bar.width, 1)}%`, top: 0, bottom: 0, background: r.to ? '#505a5f' : '#00703c' }} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
