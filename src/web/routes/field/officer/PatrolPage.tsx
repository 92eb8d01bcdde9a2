import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { GeoJSONSource } from 'maplibre-gl';
import { useTitle } from '../../../components/useTitle';
import { useCouncilMap } from '../../../components/councilMap';
import { formatDateTime, formatTime } from '../../../../domain/calendar/london';
import { PATROL_NOTICE_KIND_LABELS, type PatrolDetail } from '../../../../domain/field/patrols.contract';
import { patrolQuery } from './api';

/** One patrol: its trail on the map (the points in a table too), its notes with their photos, and the notices made on it. */
export function PatrolPage({ id }: { id: string }) {
  const patrol = useQuery(patrolQuery(id));
  useTitle(patrol.data ? `Patrol: ${patrol.data.beat}` : 'Patrol');
  if (patrol.isError) return <><h1 className="govuk-heading-l">Patrol</h1><p className="govuk-body">The patrol could not be loaded. {patrol.error.message}</p></>;
  if (!patrol.data) return <p className="govuk-body">Loading…</p>;
  const p = patrol.data;
  return (
    <>
      <p className="govuk-body"><Link className="govuk-link" to={'/field' as never}>Back to patrols</Link></p>
      <h1 className="govuk-heading-l">{p.beat}</h1>
      <dl className="govuk-summary-list">
        {[
          ['Officer', p.officer.name], ['Task', p.task], ['Started', formatDateTime(p.startedAt)], ['Expected to end', formatDateTime(p.expectedEndAt)],
          ['Ended', p.endedAt ? `${formatDateTime(p.endedAt)}${p.endNote ? `: ${p.endNote}` : ''}` : 'On patrol now'],
          ['Check-ins', `Every ${p.checkInMinutes} minutes (a lone-working session${p.loneWorkingSessionId ? '' : ': none, synced after its expected end'})`],
          ['Last known point', p.lastPoint ? `${formatTime(p.lastPoint.at)} (${p.lastPoint.lat.toFixed(5)}, ${p.lastPoint.lon.toFixed(5)})` : 'None yet'],
        ].map(([k, v]) => (
          <div key={k} className="govuk-summary-list__row"><dt className="govuk-summary-list__key">{k}</dt><dd className="govuk-summary-list__value">{v}</dd></div>
        ))}
      </dl>

      <h2 className="govuk-heading-m">Route</h2>
      <TrailMap patrol={p} />
      {p.trail.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">The {p.trail.length} points of the route as a table</span></summary>
          <div className="govuk-details__text">
            <table className="govuk-table">
              <thead className="govuk-table__head"><tr className="govuk-table__row">{['Time', 'Latitude', 'Longitude', 'Accuracy'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}</tr></thead>
              <tbody className="govuk-table__body">
                {p.trail.map((t) => (
                  <tr key={t.at} className="govuk-table__row"><td className="govuk-table__cell">{formatTime(t.at)}</td><td className="govuk-table__cell">{t.lat.toFixed(5)}</td>
                    <td className="govuk-table__cell">{t.lon.toFixed(5)}</td><td className="govuk-table__cell">{t.accuracyM === null ? '' : `${Math.round(t.accuracyM)} m`}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}

      <h2 className="govuk-heading-m">Notices and reports</h2>
      {p.noticeList.length === 0 ? <p className="govuk-body">None on this patrol.</p> : (
        <table className="govuk-table">
          <thead className="govuk-table__head"><tr className="govuk-table__row">{['Time', 'What', 'Reference'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}</tr></thead>
          <tbody className="govuk-table__body">
            {p.noticeList.map((n) => (
              <tr key={n.recordId} className="govuk-table__row"><td className="govuk-table__cell">{formatTime(n.at)}</td><td className="govuk-table__cell">{PATROL_NOTICE_KIND_LABELS[n.kind]}</td><td className="govuk-table__cell">{n.reference ?? ''}</td></tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="govuk-heading-m">Notes</h2>
      {p.notes.length === 0 ? <p className="govuk-body">No notes.</p> : (
        <ul className="govuk-list">
          {p.notes.map((n) => (
            <li key={n.id} className="govuk-!-margin-bottom-3">
              <strong>{formatTime(n.at)}</strong> {n.text}
              {n.photoIds.length > 0 && <span className="govuk-body-s"> ({n.photoIds.length} {n.photoIds.length === 1 ? 'photo' : 'photos'})</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function TrailMap({ patrol }: { patrol: PatrolDetail }) {
  const container = useRef<HTMLDivElement>(null);
  const ends = useMemo(() => {
    const t = patrol.trail;
    return t.length ? [{ reference: 'Start', latitude: t[0]!.lat, longitude: t[0]!.lon }, { reference: patrol.running ? 'Now' : 'End', latitude: t.at(-1)!.lat, longitude: t.at(-1)!.lon }] : [];
  }, [patrol.trail, patrol.running]);
  const { map, ready, state } = useCouncilMap(container, ends);
  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    const data = { type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: patrol.trail.map((t) => [t.lon, t.lat]) } };
    const draw = () => {
      const source = m.getSource('trail') as GeoJSONSource | undefined;
      if (source) { source.setData(data); return; }
      m.addSource('trail', { type: 'geojson', data });
      m.addLayer({ id: 'trail', type: 'line', source: 'trail', paint: { 'line-color': '#d4351c', 'line-width': 3 } });
    };
    if (m.isStyleLoaded()) draw(); else m.once('load', draw);
  }, [map, ready, patrol.trail]);
  if (patrol.trail.length === 0) return <p className="govuk-body">No route points were recorded.</p>;
  if (state === 'loading') return <p className="govuk-body">Loading the map…</p>;
  if (state === 'failed') return <p className="govuk-body">The map cannot be shown on this device: the route’s points are in the table below.</p>;
  return <div ref={container} className="vigil-map" role="img" aria-label={`Map of the patrol’s route: ${patrol.trail.length} points, from ${formatTime(patrol.trail[0]!.at)} to ${formatTime(patrol.trail.at(-1)!.at)}`} />;
}
