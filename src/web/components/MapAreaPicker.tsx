import { useEffect, useRef } from 'react';
import type { GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { round, useCouncilMap, type MapCamera } from './councilMap';
import type { Area } from '../lib/area';


const AREA = 'chosen-area';

/**
 * A map to choose an area on: the area shown is taken whole when "Use the area shown on the map" is
 * pressed. It opens with every camera in view. Keyboard users pan with the arrow keys and zoom with + and -. The chosen area is drawn
 * as an outline until another is chosen.
 */
export function MapAreaPicker({ area, onChoose, cameras }: { area: Area | null; onChoose: (a: Area) => void; cameras: MapCamera[] }) {
  const container = useRef<HTMLDivElement>(null);
  const { map, ready, state } = useCouncilMap(container, cameras, (m) => {
    m.on('load', () => {
      m.addSource(AREA, { type: 'geojson', data: outline(null) });
      m.addLayer({ id: AREA, type: 'line', source: AREA, paint: { 'line-color': '#d4351c', 'line-width': 3 } });
    });
  });

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const draw = () => (m.getSource(AREA) as GeoJSONSource | undefined)?.setData(outline(area));
    if (m.isStyleLoaded()) draw(); else m.once('idle', draw);
  }, [area, ready, map]);

  if (state === 'loading') return <p className="govuk-body">Loading the map…</p>;
  if (state === 'failed') return <p className="govuk-body">The map cannot be shown on this device.</p>;
  return (
    <div className="govuk-!-margin-bottom-4">
      <div ref={container} className="vigil-map" aria-label="Map: move and zoom it to the area to search" />
      <button type="button" id="area-use" className="govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-0"
        onClick={() => {
          const b = map.current?.getBounds();
          if (b) onChoose({ south: round(b.getSouth()), west: round(b.getWest()), north: round(b.getNorth()), east: round(b.getEast()) });
        }}>
        Use the area shown on the map
      </button>
    </div>
  );
}

function outline(a: Area | null): FeatureCollection {
  if (!a) return { type: 'FeatureCollection', features: [] };
  const ring = [[a.west, a.south], [a.east, a.south], [a.east, a.north], [a.west, a.north], [a.west, a.south]];
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: ring } }] };
}
