import { useEffect, useRef } from 'react';
import maplibregl from 'maplibre-gl';
import { round, useCouncilMap, type MapCamera, type Point } from './councilMap';

export type { Point } from './councilMap';

/**
 * A map to pick a point on. Clicking sets the point. Keyboard users pan with the arrow keys and
 * press "Use the centre of the map", or type the coordinates in the fields beside it. Without WebGL
 * the map says so and the fields still work.
 */
export function MapPointPicker({ point, onPick, cameras }: { point: Point | null; onPick: (p: Point) => void; cameras: MapCamera[] }) {
  const container = useRef<HTMLDivElement>(null);
  const marker = useRef<maplibregl.Marker | undefined>(undefined);
  const pick = useRef(onPick);
  pick.current = onPick;
  const { map, ready, state } = useCouncilMap(container, cameras, (m) => {
    marker.current = undefined;
    m.on('click', (e) => pick.current({ latitude: round(e.lngLat.lat), longitude: round(e.lngLat.lng) }));
  });

  // The point typed before the map existed is drawn once it does.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!point) { marker.current?.remove(); marker.current = undefined; return; }
    marker.current ??= new maplibregl.Marker({ color: '#d4351c' });
    marker.current.setLngLat([point.longitude, point.latitude]).addTo(m);
  }, [point, ready, map]);

  if (state === 'loading') return <p className="govuk-body">Loading the map…</p>;
  if (state === 'failed') return <p className="govuk-body">The map cannot be shown on this device. Type the coordinates, or choose a camera.</p>;
  return (
    <div className="govuk-!-margin-bottom-4">
      <div ref={container} className="vigil-map" aria-label="Map of the area: click to mark the point" />
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-0"
        onClick={() => { const c = map.current?.getCenter(); if (c) pick.current({ latitude: round(c.lat), longitude: round(c.lng) }); }}>
        Use the centre of the map
      </button>
    </div>
  );
}
