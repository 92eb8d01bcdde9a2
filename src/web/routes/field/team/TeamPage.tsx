import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { GeoJSONSource } from 'maplibre-gl';
import { useTitle } from '../../../components/useTitle';
import { useCouncilMap, type MapCamera } from '../../../components/councilMap';
import { cameraFeatures } from '../../../components/cameraFeatures';
import { formatDateTime, formatTime, formatUkDay } from '../../../../domain/calendar/london';
import type { TeamView } from '../../../../domain/field/team.contract';
import { teamQuery } from './api';
import { formatMinutes, plural } from './format';
import { TeamNav } from './TeamNav';

const th = (h: string) => <th key={h} scope="col" className="govuk-table__header">{h}</th>;
const td = 'govuk-table__cell';

/**
 * The team leader's view now: who is on patrol and where they were last (a map and the same as a
 * table), notices issued today by officer, each handheld's sync backlog, and the day's figures.
 * Refreshed every 30 seconds, in the background.
 */
export function TeamPage() {
  useTitle('Team');
  const team = useQuery(teamQuery);
  return (
    <>
      <h1 className="govuk-heading-l">Team</h1>
      <TeamNav />
      {team.isError && <p className="govuk-body" role="alert">The team’s view could not be loaded. {team.error.message}</p>}
      {!team.data ? (!team.isError && <p className="govuk-body">Loading…</p>) : <TeamNow view={team.data} />}
    </>
  );
}

function TeamNow({ view }: { view: TeamView }) {
  const { onPatrol, noticesToday, devices, figures } = view;
  return (
    <>
      <p className="govuk-body-s">Figures for {formatUkDay(view.day)}, as at {formatTime(view.serverTime)}; refreshed every 30 seconds.</p>

      <h2 className="govuk-heading-m">On patrol now</h2>
      {onPatrol.length === 0 ? <p className="govuk-body">No officer is on patrol.</p> : (
        <>
          <OfficersMap onPatrol={onPatrol} />
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{plural(onPatrol.length, 'officer')} on patrol, with their last known point</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">{['Officer', 'Beat', 'Task', 'Since', 'Expected to end', 'Last known point'].map(th)}</tr></thead>
            <tbody className="govuk-table__body">
              {onPatrol.map((p) => (
                <tr key={p.patrolId} className="govuk-table__row">
                  <td className={td}><Link className="govuk-link" to={'/field/patrols/$id' as never} params={{ id: p.patrolId } as never}>{p.officer.name}</Link></td>
                  <td className={td}>{p.beat}</td>
                  <td className={td}>{p.task}</td>
                  <td className={td}>{formatDateTime(p.startedAt)}</td>
                  <td className={td}>{p.expectedEndAt ? formatDateTime(p.expectedEndAt) : 'Not set'}</td>
                  <td className={td}>{p.lastPoint ? `${formatTime(p.lastPoint.at)} (${p.lastPoint.lat.toFixed(5)}, ${p.lastPoint.lon.toFixed(5)})` : 'None yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h2 className="govuk-heading-m">Notices issued today</h2>
      {noticesToday.length === 0 ? <p className="govuk-body">None yet today.</p> : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Notices and reports issued today, by officer</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">{['Officer', 'PCNs', 'FPNs', 'Defects', 'ASB reports', 'Inspections', 'Total'].map(th)}</tr></thead>
          <tbody className="govuk-table__body">
            {noticesToday.map((n) => (
              <tr key={n.officer.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{n.officer.name}</th>
                {[n.pcn, n.fpn, n.defect, n.asb, n.inspection].map((x, i) => <td key={i} className={`${td} govuk-table__cell--numeric`}>{x}</td>)}
                <td className={`${td} govuk-table__cell--numeric`}><strong>{n.total}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="govuk-heading-m">Sync backlog by device</h2>
      {devices.length === 0 ? <p className="govuk-body">No handheld is registered.</p> : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Handhelds, what waits on each to sync, and when each was last seen</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">{['Device', 'Officer', 'Waiting to sync', 'Last seen', 'Status'].map(th)}</tr></thead>
          <tbody className="govuk-table__body">
            {devices.map((d) => (
              <tr key={d.id} className="govuk-table__row">
                <td className={td}>{d.name}</td>
                <td className={td}>{d.officer.name}</td>
                <td className={td}>{d.queued === 0 ? 'Nothing' : <strong>{plural(d.queued, 'record')}</strong>}</td>
                <td className={td}>{d.lastSeenAt ? formatDateTime(d.lastSeenAt) : 'Never'}</td>
                <td className={td}>{d.stale ? <strong className="govuk-tag govuk-tag--red">Stale: not heard from for over an hour</strong> : 'In touch'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="govuk-heading-m">Today’s figures</h2>
      <dl className="govuk-summary-list">
        {([
          ['Patrols', String(figures.patrols)], ['Time on patrol', formatMinutes(figures.patrolMinutes)],
          ['Parking PCNs', String(figures.pcn)], ['Fixed penalty notices', String(figures.fpn)], ['Defects reported', String(figures.defect)],
          ['ASB reports', String(figures.asb)], ['Car-park machine inspections', String(figures.inspection)],
        ] as const).map(([k, v]) => (
          <div key={k} className="govuk-summary-list__row"><dt className="govuk-summary-list__key">{k}</dt><dd className="govuk-summary-list__value">{v}</dd></div>
        ))}
      </dl>
    </>
  );
}

type OnPatrol = TeamView['onPatrol'];

/** The officers' last known points on the council's map; redrawn when the view refreshes (the table above says the same). */
function OfficersMap({ onPatrol }: { onPatrol: OnPatrol }) {
  const container = useRef<HTMLDivElement>(null);
  const points: MapCamera[] = useMemo(() => onPatrol.flatMap((p) => p.lastPoint ? [{ id: p.patrolId, reference: p.officer.name, latitude: p.lastPoint.lat, longitude: p.lastPoint.lon }] : []), [onPatrol]);
  // The map is centred on the points known when it opens; later refreshes move the points, not the view.
  const [initial] = useState(points);
  const { map, ready, state } = useCouncilMap(container, initial);
  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    const draw = () => (m.getSource('cameras') as GeoJSONSource | undefined)?.setData(cameraFeatures(points).points);
    if (m.isStyleLoaded()) draw(); else m.once('load', draw);
  }, [map, ready, points]);
  if (points.length === 0) return <p className="govuk-body">No officer on patrol has sent a point yet.</p>;
  if (state === 'loading') return <p className="govuk-body">Loading the map…</p>;
  if (state === 'failed') return <p className="govuk-body">The map cannot be shown on this device: the officers’ last known points are in the table below.</p>;
  return <div ref={container} className="vigil-map" role="img" aria-label={`Map of the last known points of ${plural(points.length, 'officer')} on patrol: ${points.map((p) => p.reference).join(', ')}. The same is in the table below.`} />;
}
