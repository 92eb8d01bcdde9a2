import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeUser, sealed, testClock, testDeps } from '../../../../test/support/deps';
import type { Deps } from '../../platform/deps';
import type { RegisterCamera } from '../../../domain/estate/contract';
import * as estate from './estate.usecases';
import * as repo from './estate.repository';
import { columnsToSet } from './estate.models';

// The register on a real PostgreSQL: history kept by who and when, the register as at a past
// moment, refused stale updates, filters, sorting and the picker's ordering. Each test keeps to
// cameras of its own (a ward or a name of its own), so that tests never share rows.

const DAY = 86_400_000;
const ref = () => `T${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;

async function aCoordinator(deps: Deps) {
  const u = await makeUser(deps, { roles: ['coordinator'] });
  return { user: u, actor: { audit: { actorId: u.id, actorUsername: u.username, ip: '192.0.2.4', userAgent: 'test' }, userId: u.id } };
}

const input = (over: Partial<RegisterCamera> = {}): RegisterCamera => ({
  reference: ref(), name: 'Station Street', location: 'Station Street, Burton upon Trent', latitude: 52.8045, longitude: -1.6405, kind: 'ptz', status: 'operational',
  owner: 'council', capabilities: ['pan', 'tilt', 'zoom'], purpose: 'Public safety in the town centre', bearing: 90, fieldOfView: 60, range: 80, ...over,
});

describe('register history', () => {
  it('keeps each change to bearing and status with who and when, and answers the register as at a past moment', async () => {
    const clock = testClock(new Date('2026-03-01T09:00:00Z'));
    const deps = testDeps({ clock });
    const a = await aCoordinator(deps);
    const b = await aCoordinator(deps);
    const ward = `Ward ${randomUUID()}`;
    const cam = await estate.registerCamera(deps, { actor: a.actor, input: input({ ward }) });
    expect(cam).toMatchObject({ version: 1, bearing: 90, status: 'operational', changedAt: '2026-03-01T09:00:00.000Z', changeReason: 'registered' });

    clock.set(new Date('2026-03-10T14:00:00Z'));
    await estate.updateCamera(deps, { actor: a.actor, id: cam.id, input: { version: 1, bearing: 215, reason: 'Re-pointed at the taxi rank' } });
    clock.set(new Date('2026-03-20T08:00:00Z'));
    const now = await estate.updateCamera(deps, { actor: b.actor, id: cam.id, input: { version: 2, status: 'faulty' } });
    expect(now).toMatchObject({ version: 3, bearing: 215, status: 'faulty', changeReason: 'edited' });

    const history = await estate.cameraHistory(deps, { id: cam.id });
    expect(history.items.map((v) => [v.version, v.validFrom, v.changedBy?.id, v.reason])).toEqual([
      [3, '2026-03-20T08:00:00.000Z', b.user.id, 'edited'],
      [2, '2026-03-10T14:00:00.000Z', a.user.id, 'Re-pointed at the taxi rank'],
      [1, '2026-03-01T09:00:00.000Z', a.user.id, 'registered'],
    ]);
    expect(history.items[0].changes).toEqual([{ field: 'status', label: 'Status', from: 'operational', to: 'faulty' }]);
    expect(history.items[1].changes).toEqual([{ field: 'bearing', label: 'Bearing', from: 90, to: 215 }]);
    expect(history.items[0].changedBy?.name).toBe('Test coordinator');

    // "Where was it pointing on 4 March?" — and on the 15th, and before it was registered.
    expect(await estate.getCamera(deps, { id: cam.id, asAt: new Date('2026-03-04T12:00:00Z') })).toMatchObject({ bearing: 90, status: 'operational', version: 1 });
    expect(await estate.getCamera(deps, { id: cam.id, asAt: new Date('2026-03-15T12:00:00Z') })).toMatchObject({ bearing: 215, status: 'operational', version: 2 });
    await expect(estate.getCamera(deps, { id: cam.id, asAt: new Date('2026-02-28T12:00:00Z') })).rejects.toMatchObject({ status: 404 });

    const list = (asAt?: Date) => estate.listRegister(deps, { filter: { ward, sort: 'reference_asc', asAt }, page: 1, pageSize: 10 });
    expect((await list(new Date('2026-03-04T12:00:00Z'))).items.map((c) => [c.bearing, c.status])).toEqual([[90, 'operational']]);
    expect((await list()).items.map((c) => [c.bearing, c.status])).toEqual([[215, 'faulty']]);
    expect((await list(new Date('2026-02-01T00:00:00Z'))).items).toEqual([]);
  });

  it('refuses a stale version with a clear message, and changes nothing', async () => {
    const deps = testDeps();
    const { actor } = await aCoordinator(deps);
    const cam = await estate.registerCamera(deps, { actor, input: input() });
    await estate.updateCamera(deps, { actor, id: cam.id, input: { version: 1, bearing: 100 } });
    await expect(estate.updateCamera(deps, { actor, id: cam.id, input: { version: 1, bearing: 300 } }))
      .rejects.toMatchObject({ status: 409, code: 'estate.stale_version', message: expect.stringMatching(/changed by someone else .*version 1.*version 2.*Reload/) });
    expect(await estate.getCamera(deps, { id: cam.id })).toMatchObject({ bearing: 100, version: 2 });
  });

  it('refuses a taken number and an update that changes nothing', async () => {
    const deps = testDeps();
    const { actor } = await aCoordinator(deps);
    const first = await estate.registerCamera(deps, { actor, input: input() });
    await expect(estate.registerCamera(deps, { actor, input: input({ reference: first.reference }) })).rejects.toMatchObject({ status: 409, code: 'estate.reference_taken' });
    const other = await estate.registerCamera(deps, { actor, input: input() });
    await expect(estate.updateCamera(deps, { actor, id: other.id, input: { version: 1, reference: first.reference } })).rejects.toMatchObject({ code: 'estate.reference_taken' });
    await expect(estate.updateCamera(deps, { actor, id: other.id, input: { version: 1, bearing: 90 } })).rejects.toMatchObject({ status: 400, code: 'estate.nothing_changed' });
  });

  it('decommissions by status, keeping the camera and its history, out of the list unless asked for', async () => {
    const deps = testDeps();
    const { actor } = await aCoordinator(deps);
    const ward = `Ward ${randomUUID()}`;
    const cam = await estate.registerCamera(deps, { actor, input: input({ ward }) });
    await expect(estate.updateCamera(deps, { actor, id: cam.id, input: { version: 1, status: 'decommissioned' } })).rejects.toMatchObject({ status: 400, fieldErrors: [{ path: 'reason' }] });
    await estate.updateCamera(deps, { actor, id: cam.id, input: { version: 1, status: 'decommissioned', reason: 'Pole removed for road works' } });
    const list = (includeDecommissioned?: boolean) => estate.listRegister(deps, { filter: { ward, includeDecommissioned, sort: 'reference_asc' }, page: 1, pageSize: 10 });
    expect((await list()).total).toBe(0);
    expect((await list(true)).items.map((c) => c.status)).toEqual(['decommissioned']);
    const audit = await (await sealed(deps.db)).selectFrom('audit_events').select('action').where('record_id', '=', cam.id).orderBy('seq').execute();
    expect(audit.map((e) => e.action)).toEqual(['camera.registered', 'camera.decommissioned']);
  });

  it('answers "as at" by when each version took effect, not by its number (versions written out of date order)', async () => {
    const clock = testClock(new Date('2026-03-01T09:00:00Z'));
    const deps = testDeps({ clock });
    const { actor } = await aCoordinator(deps);
    const ward = `Ward ${randomUUID()}`;
    const cam = await estate.registerCamera(deps, { actor, input: input({ ward }) });
    clock.set(new Date('2026-03-20T08:00:00Z'));
    await estate.updateCamera(deps, { actor, id: cam.id, input: { version: 1, bearing: 215 } });
    // Recorded after version 2, but it took effect before it (a change made last week, written today).
    clock.set(new Date('2026-03-10T14:00:00Z'));
    await estate.updateCamera(deps, { actor, id: cam.id, input: { version: 2, bearing: 180, reason: 'Re-pointed on the 10th, recorded late' } });

    const at = (d: string) => estate.getCamera(deps, { id: cam.id, asAt: new Date(d) });
    expect(await at('2026-03-05T12:00:00Z')).toMatchObject({ bearing: 90, version: 1 });
    expect(await at('2026-03-15T12:00:00Z')).toMatchObject({ bearing: 180, version: 3 });
    expect(await at('2026-03-25T12:00:00Z')).toMatchObject({ bearing: 215, version: 2 });
    const list = (d: string) => estate.listRegister(deps, { filter: { ward, sort: 'reference_asc', asAt: new Date(d) }, page: 1, pageSize: 10 });
    expect((await list('2026-03-15T12:00:00Z')).items.map((c) => c.bearing)).toEqual([180]);
    expect((await list('2026-03-25T12:00:00Z')).items.map((c) => c.bearing)).toEqual([215]);
  });

  it('answers two people taking the same number at once with the same 409 as the check, not a 500', async () => {
    const deps = testDeps();
    const { actor } = await aCoordinator(deps);
    const other = await estate.registerCamera(deps, { actor, input: input() });
    // Another coordinator's camera with the number, written but not committed: the check cannot see
    // it, so the write goes ahead, waits on the other transaction and then meets the unique index.
    const race = async (write: (reference: string) => Promise<unknown>) => {
      const reference = ref();
      let commit!: () => void;
      const committed = new Promise<void>((resolve) => { commit = resolve; });
      let written!: () => void;
      const inserted = new Promise<void>((resolve) => { written = resolve; });
      const theirs = deps.db.transaction().execute(async (trx) => {
        const { reason: _, ...fields } = input({ reference });
        await repo.insertCamera(trx, { ...columnsToSet(fields), updated_by: actor.userId, changed_at: new Date(), change_reason: 'registered' });
        written();
        await committed;
      });
      await inserted;
      const mine = write(reference).then(() => undefined, (e: unknown) => e);
      await waitForLockWait(deps);
      commit();
      await theirs;
      return mine;
    };
    expect(await race((reference) => estate.registerCamera(deps, { actor, input: input({ reference }) }))).toMatchObject({ status: 409, code: 'estate.reference_taken' });
    expect(await race((reference) => estate.updateCamera(deps, { actor, id: other.id, input: { version: 1, reference } }))).toMatchObject({ status: 409, code: 'estate.reference_taken' });
    expect(await estate.getCamera(deps, { id: other.id })).toMatchObject({ version: 1, reference: other.reference });
  });
});

/** Until a statement on the cameras waits on another transaction's lock (at most two seconds). */
async function waitForLockWait(deps: Deps) {
  for (let i = 0; i < 40; i++) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and query ilike '%cameras%'`.execute(deps.db);
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the history’s guarantees', () => {
  it('gives a change that does not say when, who and why the time it was made, no person and "changed", never the last change’s', async () => {
    const clock = testClock(new Date('2026-03-01T09:00:00Z'));
    const deps = testDeps({ clock });
    const { user, actor } = await aCoordinator(deps);
    const cam = await estate.registerCamera(deps, { actor, input: input() });
    const before = new Date();
    await sql`update cameras set bearing_deg = 120 where id = ${cam.id}`.execute(deps.db);
    const versions = () => deps.db.selectFrom('camera_versions').select(['version', 'valid_from', 'changed_by', 'reason']).where('camera_id', '=', cam.id).orderBy('version').execute();
    const [first, second] = await versions();
    expect(first).toMatchObject({ version: 1, changed_by: user.id, reason: 'registered', valid_from: new Date('2026-03-01T09:00:00Z') });
    expect(second).toMatchObject({ version: 2, changed_by: null, reason: 'changed' });
    expect(second.valid_from.getTime()).toBeGreaterThanOrEqual(before.getTime() - 5_000);
    expect(await estate.getCamera(deps, { id: cam.id })).toMatchObject({ version: 2, changeReason: 'changed', changedAt: second.valid_from.toISOString() });

    // A change that says all three keeps them, even when the same person gives the same reason twice.
    clock.set(new Date('2026-03-05T10:00:00Z'));
    await estate.updateCamera(deps, { actor, id: cam.id, input: { version: 2, bearing: 130 } });
    clock.set(new Date('2026-03-06T10:00:00Z'));
    await estate.updateCamera(deps, { actor, id: cam.id, input: { version: 3, bearing: 140 } });
    expect((await versions()).slice(2)).toMatchObject([
      { version: 3, changed_by: user.id, reason: 'edited', valid_from: new Date('2026-03-05T10:00:00Z') },
      { version: 4, changed_by: user.id, reason: 'edited', valid_from: new Date('2026-03-06T10:00:00Z') },
    ]);
  });

  it('refuses to delete a camera, and keeps its history whole', async () => {
    const deps = testDeps();
    const { actor } = await aCoordinator(deps);
    const cam = await estate.registerCamera(deps, { actor, input: input() });
    await expect(sql`delete from cameras where id = ${cam.id}`.execute(deps.db)).rejects.toThrow(/never deleted: set the status to decommissioned/);
    expect(await deps.db.selectFrom('camera_versions').select('version').where('camera_id', '=', cam.id).execute()).toEqual([{ version: 1 }]);
  });

  it('keeps every column of the register in each version (a column added later must be added to the history too)', async () => {
    const deps = testDeps();
    const { actor } = await aCoordinator(deps);
    const cam = await estate.registerCamera(deps, { actor, input: input() });
    const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'cameras'`.execute(deps.db);
    const bookkeeping = ['id', 'created_at', 'updated_at', 'version', 'updated_by', 'changed_at', 'change_reason'];
    const kept = await deps.db.selectFrom('camera_versions').select('entry').where('camera_id', '=', cam.id).executeTakeFirstOrThrow();
    expect(Object.keys(kept.entry as object).sort()).toEqual(rows.map((r) => r.column_name).filter((c) => !bookkeeping.includes(c)).sort());
  });
});

describe('listing the register', () => {
  it('filters by kind, status, owner and text, sorts either way, and pages', async () => {
    const deps = testDeps();
    const { actor } = await aCoordinator(deps);
    const ward = `Ward ${randomUUID()}`;
    const made = [
      input({ ward, name: 'Alpha', kind: 'fixed', installedOn: '2018-01-01', location: 'Union Street' }),
      input({ ward, name: 'Bravo', kind: 'ptz', status: 'faulty', installedOn: '2021-06-01', owner: 'partner' }),
      input({ ward, name: 'Charlie', kind: 'mobile', installedOn: null }),
    ];
    for (const i of made) await estate.registerCamera(deps, { actor, input: i });
    const names = async (f: Partial<Parameters<typeof estate.listRegister>[1]['filter']>, page = 1, pageSize = 10) =>
      (await estate.listRegister(deps, { filter: { ward: ward.toUpperCase(), sort: 'reference_asc', ...f }, page, pageSize })).items.map((c) => c.name);
    expect(await names({ kind: 'fixed' })).toEqual(['Alpha']);
    expect(await names({ status: 'faulty' })).toEqual(['Bravo']);
    expect(await names({ owner: 'partner' })).toEqual(['Bravo']);
    expect(await names({ q: 'union' })).toEqual(['Alpha']);
    expect(await names({ q: made[2].reference.slice(0, 10) })).toEqual(['Charlie']);
    expect(await names({ q: '%' })).toEqual([]);
    expect(await names({ sort: 'name_desc' })).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(await names({ sort: 'installed_on_desc' })).toEqual(['Bravo', 'Alpha', 'Charlie']);
    expect(await names({ sort: 'installed_on_asc' })).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(await names({ sort: 'name_asc' }, 2, 2)).toEqual(['Charlie']);
    expect((await estate.listRegister(deps, { filter: { ward, sort: 'name_asc' }, page: 2, pageSize: 2 })).total).toBe(3);
  });
});

describe('the occurrence log\'s camera picker', () => {
  it('finds by number, name or street and gives the nearest to the point first', async () => {
    const deps = testDeps();
    const { actor } = await aCoordinator(deps);
    const street = `Testmoor ${randomUUID().slice(0, 8)} Street`;
    const point = { lat: 52.8030, lon: -1.6350 };
    // About 50 m, 300 m and 1.2 km from the point; registered far-first so that only ordering by distance passes.
    const far = await estate.registerCamera(deps, { actor, input: input({ location: street, latitude: 52.8138 - 0.0001, longitude: -1.6350 }) });
    const mid = await estate.registerCamera(deps, { actor, input: input({ location: street, latitude: 52.8030, longitude: -1.6306 }) });
    const near = await estate.registerCamera(deps, { actor, input: input({ location: street, latitude: 52.8034, longitude: -1.6350 }) });
    const gone = await estate.registerCamera(deps, { actor, input: input({ location: street, latitude: 52.8031, longitude: -1.6350 }) });
    await estate.updateCamera(deps, { actor, id: gone.id, input: { version: 1, status: 'decommissioned', reason: 'Removed' } });

    const picked = await estate.pickCameras(deps, { q: street.toLowerCase(), lat: point.lat, lon: point.lon, limit: 20 });
    expect(picked.items.map((c) => c.id)).toEqual([near.id, mid.id, far.id]);
    const [d1, d2, d3] = picked.items.map((c) => c.distanceM!);
    expect(d1).toBeGreaterThan(35); expect(d1).toBeLessThan(55);
    expect(d2).toBeGreaterThan(280); expect(d2).toBeLessThan(320);
    expect(d3).toBeGreaterThan(1150); expect(d3).toBeLessThan(1220);

    expect((await estate.pickCameras(deps, { q: street, lat: point.lat, lon: point.lon, limit: 2 })).items.map((c) => c.id)).toEqual([near.id, mid.id]);
    // By number: the number typed exactly comes first, without a point.
    const byNumber = await estate.pickCameras(deps, { q: mid.reference.toLowerCase(), limit: 20 });
    expect(byNumber.items[0]).toMatchObject({ id: mid.id, distanceM: null });
  });
});
