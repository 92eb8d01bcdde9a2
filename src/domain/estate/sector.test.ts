import { describe, expect, it } from 'vitest';
import { offsetPoint, sectorFeatures, sectorRing } from './sector';

// Distances checked with the haversine formula, independent of the flat projection under test.
function haversineM([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]) {
  const r = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}
const camera = { latitude: 52.80305, longitude: -1.629251 }; // High Street, Burton upon Trent
const at: [number, number] = [camera.longitude, camera.latitude];

describe('a camera sector', () => {
  it('reaches its range in the direction it points, within a few centimetres', () => {
    for (const bearing of [0, 45, 90, 180, 270, 359]) {
      const p = offsetPoint(camera, bearing, 150);
      expect(Math.abs(haversineM(at, p) - 150)).toBeLessThan(0.05);
    }
    const north = offsetPoint(camera, 0, 100);
    expect(north[0]).toBeCloseTo(camera.longitude, 7);
    expect(north[1]).toBeGreaterThan(camera.latitude);
    const east = offsetPoint(camera, 90, 100);
    expect(east[1]).toBeCloseTo(camera.latitude, 6);
    expect(east[0]).toBeGreaterThan(camera.longitude);
  });

  it('is a closed ring from the camera along the arc between the edges of its view', () => {
    const ring = sectorRing({ ...camera, bearingDeg: 90, fieldOfViewDeg: 60, rangeM: 200 });
    expect(ring[0]).toEqual(ring.at(-1));
    expect(ring[0]).toEqual(at);
    const arc = ring.slice(1, -1);
    expect(arc.length).toBeGreaterThanOrEqual(13); // a point every 5° or closer
    for (const p of arc) expect(Math.abs(haversineM(at, p) - 200)).toBeLessThan(0.1);
    // The edges are at 60° and 120°: north of east first, south of east last.
    expect(arc[0][1]).toBeGreaterThan(camera.latitude);
    expect(arc.at(-1)![1]).toBeLessThan(camera.latitude);
  });

  it('is a circle around the camera for a 360° view', () => {
    const ring = sectorRing({ ...camera, bearingDeg: 0, fieldOfViewDeg: 360, rangeM: 50 });
    expect(ring[0]).toEqual(ring.at(-1));
    expect(ring).not.toContainEqual(at);
    for (const p of ring) expect(Math.abs(haversineM(at, p) - 50)).toBeLessThan(0.05);
  });

  it('draws only cameras whose bearing, view and range are known', () => {
    const features = sectorFeatures([
      { ...camera, bearingDeg: 10, fieldOfViewDeg: 40, rangeM: 100, reference: 'C01' },
      { ...camera, bearingDeg: null, fieldOfViewDeg: 40, rangeM: 100, reference: 'C02' },
    ], (c) => ({ reference: c.reference }));
    expect(features.map((f) => f.properties.reference)).toEqual(['C01']);
    expect(features[0].geometry.type).toBe('Polygon');
  });
});
