import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { DEMO_CAMERAS, DEMO_HISTORY, DEMO_REGISTERED_DAYS_AGO, firstState } from './estate.demo';
import { RegisterCamera } from '../../../domain/estate/contract';
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

describe('the demo register', () => {
  it('is about 60 cameras of every kind a town has, some not working, each a valid register entry', () => {
    expect(DEMO_CAMERAS.length).toBeGreaterThanOrEqual(55);
    const count = (f: (c: (typeof DEMO_CAMERAS)[number]) => boolean) => DEMO_CAMERAS.filter(f).length;
    expect(count((c) => c.kind === 'mobile')).toBeGreaterThanOrEqual(3);
    expect(count((c) => c.kind === 'anpr')).toBeGreaterThanOrEqual(1);
    expect(count((c) => c.status === 'degraded')).toBeGreaterThanOrEqual(2);
    expect(count((c) => c.status === 'faulty')).toBeGreaterThanOrEqual(2);
    expect(count((c) => c.owner !== 'council')).toBeGreaterThanOrEqual(2);
    expect(new Set(DEMO_CAMERAS.map((c) => c.ward)).size).toBeGreaterThanOrEqual(4);
    for (const { lat, lon, ...c } of DEMO_CAMERAS) {
      const parsed = RegisterCamera.safeParse({ ...c, latitude: lat, longitude: lon });
      expect(parsed.error?.issues ?? [], c.reference).toEqual([]);
    }
  });

  it('has a month of history that leads, change by change, to the register as it stands', () => {
    for (const camera of DEMO_CAMERAS) {
      const changes = DEMO_HISTORY.filter((h) => h.reference === camera.reference).sort((a, b) => b.daysAgo - a.daysAgo);
      let state: Record<string, unknown> = { ...firstState(camera) };
      for (const h of changes) {
        for (const [k, v] of Object.entries(h.from)) expect(state[k], `${h.reference} ${k} ${h.daysAgo} days ago`).toEqual(v);
        state = { ...state, ...h.to };
      }
      expect(state, camera.reference).toEqual(camera);
    }
    expect(DEMO_HISTORY.every((h) => DEMO_CAMERAS.some((c) => c.reference === h.reference))).toBe(true);
    expect(DEMO_HISTORY.every((h) => h.daysAgo > 0 && h.daysAgo <= 31 && h.daysAgo < DEMO_REGISTERED_DAYS_AGO)).toBe(true);
    expect(DEMO_HISTORY.some((h) => h.to.bearing !== undefined)).toBe(true);
    expect(DEMO_HISTORY.some((h) => h.to.status !== undefined)).toBe(true);
  });
});

// The real police data lives in ../shared beside the repository (CI has it; a user's clone may not).
const POLICE_CSV = new URL('../../../../../shared/data/police/2021-08-staffordshire-street.csv', import.meta.url);
const policeRows = () => (parse(readFileSync(POLICE_CSV, 'utf8'), { columns: true }) as Record<string, string>[]).filter((r) => r.Latitude !== '');

it.skipIf(!existsSync(POLICE_CSV))('the demo area holds real Staffordshire Police street crime, so analysis has data to work on', () => {
  const { south, west, north, east } = DEMO_AREA.bounds;
  const inside = policeRows().filter((r) => {
    const lat = Number(r.Latitude); const lon = Number(r.Longitude);
    return lat >= south && lat <= north && lon >= west && lon <= east;
  });
  expect(inside.length).toBeGreaterThan(200);
});

it.skipIf(!existsSync(POLICE_CSV))('each demo camera stands at a real street point, and the cameras added since the first 20 on the street they name', () => {
  const rows = policeRows();
  const at = (c: { lat: number; lon: number }) => rows.filter((r) => Math.abs(Number(r.Latitude) - c.lat) < 1e-6 && Math.abs(Number(r.Longitude) - c.lon) < 1e-6);
  for (const c of DEMO_CAMERAS) {
    const here = at(c);
    expect(here.length, c.reference).toBeGreaterThan(0);
    if (DEMO_CAMERAS.indexOf(c) < 20) continue;
    const street = c.location.replace(/, Burton upon Trent$/, '');
    expect(here.map((r) => r.Location.replace(/^On or near /, '').toLowerCase()), c.reference).toContain(street.toLowerCase());
  }
});
