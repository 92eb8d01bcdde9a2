// What a camera sees, drawn on the map: a sector from the camera's point, centred on its bearing
// (degrees clockwise from true north), as wide as its field of view and as long as its range.
// Plain geometry on a local flat projection: at the few hundred metres a camera sees, the error
// against the ellipsoid is far below a metre. Coordinates are [longitude, latitude] (GeoJSON).

const EARTH_RADIUS_M = 6_371_008.8;
const STEP_DEG = 5;

export interface SectorInput { latitude: number; longitude: number; bearingDeg: number; fieldOfViewDeg: number; rangeM: number }

/** The point `distanceM` from (latitude, longitude) towards `bearingDeg`. */
export function offsetPoint({ latitude, longitude }: { latitude: number; longitude: number }, bearingDeg: number, distanceM: number): [number, number] {
  const θ = (bearingDeg * Math.PI) / 180;
  const north = distanceM * Math.cos(θ);
  const east = distanceM * Math.sin(θ);
  const dLat = (north / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLon = (east / (EARTH_RADIUS_M * Math.cos((latitude * Math.PI) / 180))) * (180 / Math.PI);
  return [round7(longitude + dLon), round7(latitude + dLat)];
}

/**
 * The sector as a closed GeoJSON ring: the camera's point, the arc from one edge of the view to the
 * other (a point every 5° or closer), and back. A field of view of 360° is a circle around the camera.
 */
export function sectorRing(s: SectorInput): [number, number][] {
  const fov = Math.min(360, Math.max(0, s.fieldOfViewDeg));
  const steps = Math.max(2, Math.ceil(fov / STEP_DEG));
  const from = s.bearingDeg - fov / 2;
  const arc = Array.from({ length: steps + 1 }, (_, i) => offsetPoint(s, from + (fov * i) / steps, s.rangeM));
  const centre: [number, number] = [round7(s.longitude), round7(s.latitude)];
  if (fov >= 360) return [...arc.slice(0, -1), arc[0]];
  return [centre, ...arc, centre];
}

/** A GeoJSON polygon feature of each camera that has a bearing, a field of view and a range. */
export function sectorFeatures<T extends { latitude: number; longitude: number; bearingDeg: number | null; fieldOfViewDeg: number | null; rangeM: number | null }>(
  cameras: T[], properties: (c: T) => Record<string, unknown>,
) {
  return cameras.flatMap((c) => (c.bearingDeg === null || c.fieldOfViewDeg === null || c.rangeM === null ? [] : [{
    type: 'Feature' as const,
    properties: properties(c),
    geometry: { type: 'Polygon' as const, coordinates: [sectorRing({ latitude: c.latitude, longitude: c.longitude, bearingDeg: c.bearingDeg, fieldOfViewDeg: c.fieldOfViewDeg, rangeM: c.rangeM })] },
  }]));
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;
