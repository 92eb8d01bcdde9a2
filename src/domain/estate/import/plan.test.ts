import { expect, it } from 'vitest';
import { parseRegister } from './parse';
import { planImport, type RegisterEntry } from './plan';
import { importResult } from './result';

const entry = (reference: string, lon: number, lat: number, over: Partial<RegisterEntry> = {}): RegisterEntry => ({
  id: `id-${reference}`, reference, name: reference, location: '', longitude: lon, latitude: lat, kind: 'ptz', status: 'operational', bearing: null, fieldOfView: null,
  range: null, mountingHeight: null, videoSystem: null, channel: null, connectivityLine: null, installedOn: null, owner: 'council', ownerName: null, purpose: '',
  ward: null, capabilities: [], ...over,
});
const rows = (csv: string) => parseRegister(csv).rows;

it('matches on camera number: new cameras added, changed ones updated with what changed, the rest unchanged', () => {
  const register = [entry('C1', -1.632558, 52.808427, { name: 'High St' }), entry('C2', -1.633433, 52.808528, { name: 'Brook St', bearing: 90 })];
  const plan = planImport({ register, rows: rows('id,name,lon,lat,bearing\nc1,High St,-1.6325580000000002,52.80842700000001,\nC2,Brook St,-1.633433,52.808528,180\nC3,,-1.62,52.80,\n') });
  expect(plan.unchanged.map((u) => u.id)).toEqual(['id-C1']);
  expect(plan.update.map((u) => [u.id, u.changed, u.values.bearing, u.values.name])).toEqual([['id-C2', ['bearing'], 180, 'Brook St']]);
  expect(plan.add.map((a) => [a.row.number, a.values.name, a.values.kind, a.values.bearing])).toEqual([['C3', 'Camera C3', 'ptz', null]]);
});

it('flags a new number standing within 5 m of a camera the file does not name, and renumbers it only when confirmed', () => {
  const register = [entry('C31', -1.632558, 52.808427)];
  const csv = 'id,lon,lat\nC31A,-1.63256,52.80843\n'; // about 0.3 m away
  const flagged = planImport({ register, rows: rows(csv) });
  expect(flagged.add).toEqual([]);
  expect(flagged.flagged.map((f) => [f.row.number, f.camera.reference])).toEqual([['C31A', 'C31']]);
  expect(flagged.flagged[0].metres).toBeLessThan(1);
  expect(importResult({ parsed: parseRegister(csv), plan: flagged, outcome: 'dry_run', fileName: 'r.csv' }).flagged[0].reason).toMatch(/renumbered\? C31A is new but stands 0\.\d m from camera C31/);

  const confirmed = planImport({ register, rows: rows(csv), confirm: ['c31a'] });
  expect(confirmed.update.map((u) => [u.id, u.renumberedFrom])).toEqual([['id-C31', 'C31']]);
  expect(confirmed.flagged).toEqual([]);
});

it('does not flag two cameras on one pole when the file lists both, nor a camera 10 m away', () => {
  const register = [entry('C1', -1.632558, 52.808427)];
  expect(planImport({ register, rows: rows('id,lon,lat\nC1,-1.632558,52.808427\nC1B,-1.632558,52.808427\n') }).add.map((a) => a.row.number)).toEqual(['C1B']);
  expect(planImport({ register, rows: rows('id,lon,lat\nC9,-1.632558,52.808517\n') }).add.map((a) => a.row.number)).toEqual(['C9']); // 10 m north
});

it('compares a row with a camera at the import\'s precision: a camera the edit form stored with more decimals, or text over two lines, is unchanged by its own export', () => {
  const register = [entry('C1', -1.632558, 52.808427, { bearing: 359.96, fieldOfView: 62.3333333, range: 80.1234567, mountingHeight: 6.005, purpose: 'Public safety\nin the town', capabilities: ['pan', 'tilt'] })];
  const same = rows('id,lon,lat,bearing,fov,range,height,purpose,capabilities\nC1,-1.632558,52.808427,359.96,62.3333333,80.1234567,6.005,"Public safety\nin the town","tilt, pan"\n');
  expect(same[0].values).toMatchObject({ bearing: 0, fieldOfView: 62.33, range: 80.12 });
  expect(planImport({ register, rows: same }).unchanged.map((u) => u.id)).toEqual(['id-C1']);
  const moved = rows('id,lon,lat,bearing,fov,range,height\nC1,-1.632558,52.808427,359.8,62.34,80.13,6.02\n');
  expect(planImport({ register, rows: moved }).update.map((u) => u.changed)).toEqual([['bearing', 'fieldOfView', 'range', 'mountingHeight']]);
});

it('refuses to move a camera up on a mobile deployment, or to put back in operation a camera with open faults; other changes to them go through', () => {
  const register = [
    entry('M1', -1.6320, 52.8080, { kind: 'mobile', deployment: 'MD-2026-0007' }),
    entry('C5', -1.6330, 52.8090, { status: 'faulty', openFaults: 2 }),
    entry('C6', -1.6340, 52.8100, { status: 'faulty', openFaults: 0 }),
  ];
  const plan = planImport({ register, rows: rows('id,name,lon,lat,status,ward\nM1,M1,-1.6400,52.8000,,\nC5,C5,-1.6330,52.8090,Operational,Burton\nC6,C6,-1.6340,52.8100,Operational,\nM1X,,-1.7,52.9,,\n') });
  expect(plan.refused.map((r) => [r.row.number, r.reasons])).toEqual([
    ['M1', ['camera M1 is deployed on MD-2026-0007: move it or take it down through its deployment, not by import']],
    ['C5', ['camera C5 has 2 open faults: it returns to operational when they are cleared, not by import']],
  ]);
  expect(plan.update.map((u) => u.row.number)).toEqual(['C6']); // faulty by hand, no open fault: the register may say so
  const result = importResult({ parsed: parseRegister('id,lon,lat\n'), plan, outcome: 'dry_run', fileName: 'r.csv' });
  expect(result.counts.refused).toBe(2);
  expect(result.refused.map((r) => r.line)).toEqual([2, 3]);
  // Renaming a deployed camera is not moving it.
  expect(planImport({ register, rows: rows('id,name,lon,lat\nM1,Mobile one,-1.6320,52.8080\n') }).update.map((u) => u.changed)).toEqual([['name']]);
});
