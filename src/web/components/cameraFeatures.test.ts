import { describe, expect, it } from 'vitest';
import { cameraFeatures } from './cameraFeatures';

describe('the cameras as the map draws them', () => {
  it('gives a point for every camera and a sector for those whose view is known, with their status', () => {
    const { points, sectors } = cameraFeatures([
      { id: 'a', reference: 'C01', latitude: 52.8, longitude: -1.63, status: 'faulty', bearingDeg: 90, fieldOfViewDeg: 50, rangeM: 120 },
      { reference: 'C02', latitude: 52.81, longitude: -1.64 },
    ]);
    expect(points.features.map((f) => [f.properties.reference, f.properties.status, f.geometry.coordinates])).toEqual([
      ['C01', 'faulty', [-1.63, 52.8]],
      ['C02', null, [-1.64, 52.81]],
    ]);
    expect(sectors.features.map((f) => f.properties)).toEqual([{ id: 'a', reference: 'C01', status: 'faulty' }]);
  });
});
