import { sectorFeatures } from '../../domain/estate/sector';
import type { MapCamera } from './councilMap';

// The cameras as the map draws them: a point each (in its status colour, where it has one) and the
// sector it sees, where its bearing, field of view and range are known.

/** Status colours from the GOV.UK palette; the map's key and the table's tags say the same in words. */
export const STATUS_COLOURS: Record<string, string> = {
  operational: '#00703c', degraded: '#f47738', faulty: '#d4351c', out_of_service: '#505a5f', decommissioned: '#0b0c0c',
};

export function cameraFeatures(cameras: MapCamera[]) {
  const properties = (c: MapCamera) => ({ id: c.id ?? null, reference: c.reference, status: c.status ?? null });
  return {
    points: {
      type: 'FeatureCollection' as const,
      features: cameras.map((c) => ({ type: 'Feature' as const, properties: properties(c), geometry: { type: 'Point' as const, coordinates: [c.longitude, c.latitude] } })),
    },
    sectors: {
      type: 'FeatureCollection' as const,
      features: sectorFeatures(cameras.map((c) => ({ ...c, bearingDeg: c.bearingDeg ?? null, fieldOfViewDeg: c.fieldOfViewDeg ?? null, rangeM: c.rangeM ?? null })), properties),
    },
  };
}
