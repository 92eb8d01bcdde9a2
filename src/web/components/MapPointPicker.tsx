import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import maplibregl, { type StyleSpecification } from 'maplibre-gl';
import { baseMapQuery } from '../api/auth';
import 'maplibre-gl/dist/maplibre-gl.css';

export interface Point { latitude: number; longitude: number }

// Burton upon Trent town centre: where the map opens when there are no cameras to centre on.
const FALLBACK: Point = { latitude: 52.8027, longitude: -1.6334 };

/**
 * A map to pick a point on, with no internet needed: the council's cameras drawn on a plain
 * background, over the site's own base map when VIGIL_MAP_TILES names one. Clicking sets the
 * point. Keyboard users pan with the arrow keys and press "Use the centre of the map", or type the
 * coordinates in the fields beside it. Without WebGL the map says so and the fields still work.
 */
export function MapPointPicker({ point, onPick, cameras }: { point: Point | null; onPick: (p: Point) => void; cameras: Array<{ reference: string; latitude: number; longitude: number }> }) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | undefined>(undefined);
  const marker = useRef<maplibregl.Marker | undefined>(undefined);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false); // the point typed before the map existed is drawn once it does
  const meta = useQuery(baseMapQuery);
  const baseMap = meta.data;

  useEffect(() => {
    if (!container.current || !baseMap) return;
    const centre = cameras.length
      ? { latitude: cameras.reduce((a, c) => a + c.latitude, 0) / cameras.length, longitude: cameras.reduce((a, c) => a + c.longitude, 0) / cameras.length }
      : FALLBACK;
    let m: maplibregl.Map;
    try {
      m = new maplibregl.Map({
        container: container.current,
        center: [centre.longitude, centre.latitude],
        zoom: 15,
        attributionControl: baseMap.attribution ? { compact: false } : false,
        style: councilStyle(cameras, baseMap),
      });
    } catch {
      setFailed(true);
      return;
    }
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }));
    m.on('click', (e) => pick.current({ latitude: round(e.lngLat.lat), longitude: round(e.lngLat.lng) }));
    map.current = m;
    setReady(true);
    return () => { m.remove(); map.current = undefined; marker.current = undefined; setReady(false); };
    // The map is made once; the cameras it draws are those known when the page opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [!!baseMap]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!point) { marker.current?.remove(); marker.current = undefined; return; }
    marker.current ??= new maplibregl.Marker({ color: '#d4351c' });
    marker.current.setLngLat([point.longitude, point.latitude]).addTo(m);
  }, [point, ready]);

  // On the data, not the status: a failed background refetch keeps the data, and the map with it.
  if (!baseMap && !meta.isError) return <p className="govuk-body">Loading the map…</p>;
  if (failed || !baseMap) return <p className="govuk-body">The map cannot be shown on this device. Type the coordinates, or choose a camera.</p>;
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

/** The cameras on a plain background, or on the site's raster tiles with their credit. */
function councilStyle(cameras: Array<{ reference: string; latitude: number; longitude: number }>, baseMap: { tiles: string | null; attribution: string }): StyleSpecification {
  return {
    version: 8,
    sources: {
      ...(baseMap.tiles ? { base: { type: 'raster', tiles: [baseMap.tiles], tileSize: 256, attribution: baseMap.attribution || undefined } } : {}),
      cameras: { type: 'geojson', data: { type: 'FeatureCollection', features: cameras.map((c) => ({ type: 'Feature', properties: { reference: c.reference }, geometry: { type: 'Point', coordinates: [c.longitude, c.latitude] } })) } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f3f2f1' } },
      ...(baseMap.tiles ? [{ id: 'base', type: 'raster' as const, source: 'base' }] : []),
      { id: 'cameras', type: 'circle', source: 'cameras', paint: { 'circle-radius': 6, 'circle-color': '#1d70b8', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
    ],
  };
}

/** Six decimal places: about 10 cm, more than any operator can pick. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;
