import { afterAll, expect, it } from 'vitest';
import { silentLog, testConfig, testStorage } from '../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../test/support/product';
import { DEMO_CAMERAS, DEMO_HISTORY, seedDemoCameras } from './estate.demo';
import * as estate from './estate.usecases';

// The demo register seeded into a database of its own: every camera, and a past month the register
// can be read "as at".

let handle: OwnDatabase | undefined;
afterAll(async () => { await handle?.drop(); });

it('seeds every camera with its history, so the register as at a past day differs from today\'s', async () => {
  handle = await ownDatabase({ max: 2 });
  const now = new Date('2026-11-20T10:00:00Z');
  const deps = { db: handle.db, config: testConfig(), clock: { now: () => now }, log: silentLog, storage: testStorage() };
  expect(await seedDemoCameras(deps)).toEqual({ cameras: DEMO_CAMERAS.length, changes: DEMO_HISTORY.length });

  const page = await estate.listRegister(deps, { filter: { includeDecommissioned: true, sort: 'reference_asc' }, page: 1, pageSize: 500 });
  expect(page.total).toBe(DEMO_CAMERAS.length);
  const c12 = page.items.find((c) => c.reference === 'C12')!;
  const c05 = page.items.find((c) => c.reference === 'C05')!;
  expect(c12.bearing).toBe(DEMO_CAMERAS.find((c) => c.reference === 'C12')!.bearing);

  const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
  expect((await estate.getCamera(deps, { id: c12.id, asAt: monthAgo })).bearing).toBe(DEMO_HISTORY.find((h) => h.reference === 'C12')!.from.bearing);
  expect((await estate.getCamera(deps, { id: c05.id, asAt: new Date(now.getTime() - 18 * 86_400_000) })).status).toBe('faulty');
  const history = await estate.cameraHistory(deps, { id: c05.id });
  expect(history.items.map((v) => [v.validFrom, v.reason])).toEqual([
    ['2026-11-04T10:00:00.000Z', 'Fault cleared: fibre repaired by the contractor'],
    ['2026-10-31T10:00:00.000Z', 'No picture: fibre cut by road works'],
    ['2026-10-06T10:00:00.000Z', 'registered'],
  ]);
  const faultyThen = await estate.listRegister(deps, { filter: { status: 'faulty', sort: 'reference_asc', asAt: new Date(now.getTime() - 18 * 86_400_000) }, page: 1, pageSize: 50 });
  const faultyNow = await estate.listRegister(deps, { filter: { status: 'faulty', sort: 'reference_asc' }, page: 1, pageSize: 50 });
  expect(faultyThen.items.map((c) => c.reference)).toContain('C05');
  expect(faultyNow.items.map((c) => c.reference)).not.toContain('C05');
  expect(faultyNow.items.map((c) => c.reference)).toContain('C07');
});
