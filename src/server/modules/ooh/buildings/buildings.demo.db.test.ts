import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, silentLog, testConfig, testStorage } from '../../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { absenceArea } from '../absence/absence.area';
import { buildingsArea } from './buildings.area';

// The demo's buildings and staff absence on a database of their own: four buildings with checklists
// and access lists, a month of patrols, alarms (one not reset), an access refusal, an absence tonight
// with no cover.

let own: OwnDatabase;
beforeAll(async () => { own = await ownDatabase(); });
afterAll(async () => { await own?.drop(); });

it('seeds buildings, patrols, alarms, access requests and absences', async () => {
  const now = new Date('2026-12-03T21:30:00Z');
  const deps: Deps = { db: own.db, config: testConfig(), clock: { now: () => now }, log: silentLog, storage: testStorage() };
  const users = Object.fromEntries(await Promise.all((['ooh', 'supervisor'] as const).map(async (name) => {
    const u = await makeUser(deps, { roles: [name === 'ooh' ? 'ooh_officer' : 'supervisor'] });
    return [name, { id: u.id, username: u.username, role: name === 'ooh' ? 'ooh_officer' as const : 'supervisor' as const }];
  }))) as DemoCouncil['users'];
  const council = { users } as DemoCouncil;

  expect(await buildingsArea.seedDemo!(deps, council)).toMatchObject({ oohBuildings: 4, oohAlarms: 6, oohAccessRequests: 3 });
  expect(await absenceArea.seedDemo!(deps, council)).toMatchObject({ oohAbsences: 5 });
  const db = own.db;

  const buildings = await db.selectFrom('ooh_buildings').select(['name', 'checklist']).execute();
  expect(buildings.map((b) => b.name).sort()).toEqual(['Central Library', 'Civic Centre', 'Northgate Leisure Centre', 'Riverside Depot']);
  expect(await db.selectFrom('ooh_access_list').select('id').execute()).toHaveLength(6);

  const patrols = await db.selectFrom('ooh_patrols').select(['completed_at', 'started_at']).execute();
  expect(patrols.length).toBeGreaterThanOrEqual(28);
  expect(patrols.every((p) => p.completed_at && p.started_at <= now)).toBe(true);

  const alarms = await db.selectFrom('ooh_alarms').select(['id', 'raised_at']).execute();
  expect(alarms).toHaveLength(6);
  expect(alarms.every((a) => a.raised_at <= now)).toBe(true);
  const resets = await db.selectFrom('ooh_alarm_events').select('alarm_id').where('kind', 'in', ['reset', 'stood_down']).execute();
  expect(alarms.filter((a) => !resets.some((r) => r.alarm_id === a.id))).toHaveLength(1);

  const access = await db.selectFrom('ooh_access_requests').select(['decision']).execute();
  expect(access.map((a) => a.decision).sort()).toEqual(['let_in', 'let_in', 'refused']);

  const absences = await db.selectFrom('ooh_absences').select(['person_name', 'no_cover', 'shift_start', 'reported_at']).execute();
  expect(absences).toHaveLength(5);
  expect(absences.every((a) => a.reported_at <= now)).toBe(true);
  const tonight = absences.find((a) => a.person_name === 'Lucy Evans')!;
  expect(tonight.no_cover).toBe(true);
  expect(Math.abs(tonight.shift_start.getTime() - now.getTime())).toBeLessThan(12 * 3_600_000);

  // What the dashboard's shift shows: the alarm not reset, the absence with no cover.
  const [alarmSection] = await buildingsArea.shift!(db, now);
  expect(alarmSection!.items).toHaveLength(1);
  const [absenceSection] = await absenceArea.shift!(db, now);
  expect(absenceSection!.items.some((i) => i.urgent && i.text.startsWith('Lucy Evans'))).toBe(true);
});
