import { useEffect, useMemo, useRef } from 'react';
import { useNavigate } from '@tanstack/react-router';
import type { GeoJSONSource } from 'maplibre-gl';
import { CAMERA_STATUSES, type CameraMapItem } from '../../api/estate';
import { useCouncilMap, type MapCamera } from '../../components/councilMap';
import { cameraFeatures, STATUS_COLOURS } from '../../components/cameraFeatures';

const toMapCamera = (c: CameraMapItem): MapCamera => ({
  id: c.id, reference: c.reference, latitude: c.lat, longitude: c.lon, status: c.status, bearingDeg: c.bearing, fieldOfViewDeg: c.fov, rangeM: c.range,
});

/**
 * The estate on the map: each camera in its status colour, with the sector it sees. Supplementary:
 * the table beside it lists the same cameras, and the key says what each colour means in words.
 * Selecting a camera on the map opens its register entry.
 */
export function EstateMap({ cameras, label = 'Map of the cameras in the table below, in their status colours, with the area each one sees', withKey = true }: {
  cameras: CameraMapItem[]; label?: string; withKey?: boolean;
}) {
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const go = useRef(navigate);
  go.current = navigate;
  const shown = useMemo(() => cameras.map(toMapCamera), [cameras]);
  const { map, ready, state } = useCouncilMap(container, shown, (m) => {
    m.on('click', 'cameras', (e) => {
      const id = e.features?.[0]?.properties?.id as string | undefined;
      if (id) void go.current({ to: '/estate/cameras/$id', params: { id } });
    });
    m.on('mouseenter', 'cameras', () => { m.getCanvas().style.cursor = 'pointer'; });
    m.on('mouseleave', 'cameras', () => { m.getCanvas().style.cursor = ''; });
  });

  // The map is made once; the filters change what it draws.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const { points, sectors } = cameraFeatures(shown);
    const apply = () => {
      (m.getSource('cameras') as GeoJSONSource | undefined)?.setData(points);
      (m.getSource('sectors') as GeoJSONSource | undefined)?.setData(sectors);
    };
    if (m.isStyleLoaded()) apply();
    else m.once('load', apply);
  }, [shown, ready, map]);

  return (
    <div className="govuk-!-margin-bottom-6">
      {state === 'loading' && <p className="govuk-body">Loading the map…</p>}
      {state === 'failed' && <p className="govuk-body">The map cannot be shown on this device. The table below lists the same cameras.</p>}
      {state === 'shown' && (
        <div ref={container} className="vigil-map" role="region" aria-label={label} />
      )}
      {withKey && <StatusKey cameras={cameras} />}
    </div>
  );
}

/** The map's colours in words, with how many cameras shown have each status. */
function StatusKey({ cameras }: { cameras: CameraMapItem[] }) {
  const counts = new Map<string, number>();
  for (const c of cameras) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return (
    <div className="govuk-!-margin-top-2">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">Key to the map</h3>
      <ul className="govuk-list govuk-body-s" style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1.5em' }}>
        {Object.entries(CAMERA_STATUSES).map(([status, label]) => (
          <li key={status}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: '0.9em', height: '0.9em', borderRadius: '50%', marginRight: '0.4em', verticalAlign: 'middle', background: STATUS_COLOURS[status] }} />
            {label}: {counts.get(status) ?? 0}
          </li>
        ))}
      </ul>
    </div>
  );
}
