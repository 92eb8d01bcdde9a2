import { useEffect, useRef, useState, type RefObject } from 'react';
import { useQuery } from '@tanstack/react-query';
import maplibregl, { type LayerSpecification, type SourceSpecification, type StyleSpecification } from 'maplibre-gl';
import { baseMapQuery } from '../api/auth';
import type { BaseMapStyle } from '../api/types';
import { cameraFeatures, STATUS_COLOURS } from './cameraFeatures';
import 'maplibre-gl/dist/maplibre-gl.css';

// The council's map, with no internet needed: its cameras over the base map Vigil serves itself from
// a PMTiles file (streets and their names; the demo's own map of Burton upon Trent by default), or
// over a site's raster tile server, or on a plain background. Shared by the point and area pickers.

export interface Point { latitude: number; longitude: number }
export interface MapCamera {
  reference: string; latitude: number; longitude: number;
  /** With a status the camera is drawn in its status colour; with a bearing, field of view and range, its view too. */
  id?: string; status?: string; bearingDeg?: number | null; fieldOfViewDeg?: number | null; rangeM?: number | null;
}

// Burton upon Trent town centre: where the map opens when there are no cameras to centre on.
const FALLBACK: Point = { latitude: 52.8027, longitude: -1.6334 };

/**
 * Makes the map in `container` once the base map's settings are known, centred on the cameras.
 * `state`: 'loading' until then, 'failed' without WebGL (or when the settings cannot be had).
 */
export function useCouncilMap(container: RefObject<HTMLDivElement | null>, cameras: MapCamera[], onReady?: (m: maplibregl.Map) => void) {
  const map = useRef<maplibregl.Map | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);
  const meta = useQuery(baseMapQuery);
  const baseMap = meta.data;
  const ready_ = useRef(onReady);
  ready_.current = onReady;

  useEffect(() => {
    if (!container.current || !baseMap) return;
    // Every camera in view (but no closer than street level); one camera, or none, at street level.
    const centre = cameras.length === 1 ? cameras[0] : FALLBACK;
    const bounds = cameras.length > 1
      ? { bounds: [[min(cameras, 'longitude'), min(cameras, 'latitude')], [max(cameras, 'longitude'), max(cameras, 'latitude')]] as [[number, number], [number, number]], fitBoundsOptions: { padding: 30, maxZoom: 16 } }
      : { center: [centre.longitude, centre.latitude] as [number, number], zoom: 15 };
    let m: maplibregl.Map;
    try {
      m = new maplibregl.Map({
        container: container.current,
        ...bounds,
        attributionControl: baseMap.attribution ? { compact: false } : false,
        style: councilStyle(cameras, baseMap),
      });
    } catch {
      setFailed(true);
      return;
    }
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }));
    map.current = m;
    ready_.current?.(m);
    setReady(true);
    return () => { m.remove(); map.current = undefined; setReady(false); };
    // The map is made once; the cameras it draws are those known when the page opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [!!baseMap]);

  // On the data, not the status: a failed background refetch keeps the data, and the map with it.
  const state: 'loading' | 'failed' | 'shown' = !baseMap && !meta.isError ? 'loading' : failed || !baseMap ? 'failed' : 'shown';
  return { map, ready, state };
}

type BaseMap = { tiles: string | null; style: BaseMapStyle | null; attribution: string };

/** The cameras over the site's base map: Vigil's own vector map, a raster tile server, or nothing. */
function councilStyle(cameras: MapCamera[], baseMap: BaseMap): StyleSpecification {
  const { points, sectors } = cameraFeatures(cameras);
  const cameraSource: SourceSpecification = { type: 'geojson', data: points };
  const sectorSource: SourceSpecification = { type: 'geojson', data: sectors };
  const colour = ['match', ['coalesce', ['get', 'status'], ''], ...Object.entries(STATUS_COLOURS).flat(), '#1d70b8'] as unknown as string;
  const cameraLayers: LayerSpecification[] = [
    { id: 'camera-sectors', type: 'fill', source: 'sectors', paint: { 'fill-color': colour, 'fill-opacity': 0.18, 'fill-outline-color': colour } },
    { id: 'cameras', type: 'circle', source: 'cameras', paint: { 'circle-radius': 6, 'circle-color': colour, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
  ];
  if (baseMap.style) {
    // The style's addresses are this server's paths: the browser's workers need them whole.
    const here = (u: string) => new URL(u, window.location.origin).href.replace(/%7B/g, '{').replace(/%7D/g, '}');
    const sources = Object.fromEntries(Object.entries(baseMap.style.sources).map(([id, s]) => [id, { ...s, tiles: s.tiles.map(here), bounds: s.bounds as [number, number, number, number] }]));
    return {
      version: 8, glyphs: here(baseMap.style.glyphs),
      sources: { ...sources, cameras: cameraSource, sectors: sectorSource },
      layers: [...(baseMap.style.layers as unknown as LayerSpecification[]), ...cameraLayers],
    };
  }
  return {
    version: 8,
    sources: {
      ...(baseMap.tiles ? { base: { type: 'raster', tiles: [baseMap.tiles], tileSize: 256, attribution: baseMap.attribution || undefined } } : {}),
      cameras: cameraSource,
      sectors: sectorSource,
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f3f2f1' } },
      ...(baseMap.tiles ? [{ id: 'base', type: 'raster' as const, source: 'base' }] : []),
      ...cameraLayers,
    ],
  };
}

/** Six decimal places: about 10 cm, more than any operator can pick. */
export const round = (x: number) => Math.round(x * 1e6) / 1e6;

// A loop, not Math.min(...xs): a council may have thousands of cameras.
const min = (cs: MapCamera[], k: 'latitude' | 'longitude') => cs.reduce((a, c) => Math.min(a, c[k]), Infinity);
const max = (cs: MapCamera[], k: 'latitude' | 'longitude') => cs.reduce((a, c) => Math.max(a, c[k]), -Infinity);
