import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { DEMO_CAMERAS } from './estate.demo';
import { DEMO_AREA } from '../../seed/demo';

it('every demo camera stands inside the demo council area and has a unique reference', () => {
  const { south, west, north, east } = DEMO_AREA.bounds;
  for (const c of DEMO_CAMERAS) {
    expect(c.lat, c.reference).toBeGreaterThanOrEqual(south);
    expect(c.lat, c.reference).toBeLessThanOrEqual(north);
    expect(c.lon, c.reference).toBeGreaterThanOrEqual(west);
    expect(c.lon, c.reference).toBeLessThanOrEqual(east);
  }
  expect(new Set(DEMO_CAMERAS.map((c) => c.reference)).size).toBe(DEMO_CAMERAS.length);
});

// The real police data lives in ../shared beside the repository (CI has it; a user's clone may not).
const POLICE_CSV = new URL('../../../../../shared/data/police/2021-08-staffordshire-street.csv', import.meta.url);

it.skipIf(!existsSync(POLICE_CSV))('the demo area holds real Staffordshire Police street crime, so analysis has data to work on', () => {
  const csv = readFileSync(POLICE_CSV, 'utf8');
  const { south, west, north, east } = DEMO_AREA.bounds;
  const inside = csv.split(/\r?\n/).slice(1).map((l) => l.split(',')).filter((f) => {
    const lon = Number(f[4]); const lat = Number(f[5]);
    return f[5] !== '' && lat >= south && lat <= north && lon >= west && lon <= east;
  });
  expect(inside.length).toBeGreaterThan(200);
});
