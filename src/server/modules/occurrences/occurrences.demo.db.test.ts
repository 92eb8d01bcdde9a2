import { afterAll, expect, it } from 'vitest';
import { silentLog, testConfig, testStorage } from '../../../../test/support/deps';
import { ownDatabase } from '../../../../test/support/product';
import { insertCameras } from '../estate/estate.repository';
import { seedDemoOccurrences } from './occurrences.demo';
import { inLondon } from '../../../domain/calendar/london';

// The demo is seeded "now", whatever the time of day: the supervisor's screen must always show the
// one handover still waiting (the latest), and the log must end with occurrences still open.

const drops: Array<() => Promise<void>> = [];
afterAll(async () => { for (const d of drops) await d(); });

async function seedAt(iso: string, days: number) {
  const handle = await ownDatabase({ max: 2 });
  drops.push(handle.drop);
  const org = await handle.db.insertInto('organisations').values({ name: 'Demo', kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
  const user = async (username: string) => {
    const u = await handle.db.insertInto('users').values({ username, display_name: username, organisation_id: org.id, password_hash: 'x' }).returning(['id', 'username']).executeTakeFirstOrThrow();
    await handle.db.insertInto('user_roles').values({ user_id: u.id, role: username === 'sup' ? 'supervisor' : 'operator' }).execute();
    return u;
  };
  const [a, b, supervisor] = [await user('op1'), await user('op2'), await user('sup')];
  const cameras = await insertCameras(handle.db, ['C01', 'C02'].map((reference, i) => ({ reference, name: reference, location_text: 'High Street', latitude: 52.8 + i / 1000, longitude: -1.63, kind: 'fixed' as const })));
  const now = new Date(iso);
  await seedDemoOccurrences({ db: handle.db, config: testConfig(), clock: { now: () => now }, log: silentLog, storage: testStorage() }, {
    operators: [a, b, supervisor], supervisor, cameraIds: cameras.map((c) => c.id), days,
  });
  const handovers = await handle.db.selectFrom('handovers').select(['created_at', 'acknowledged_at', 'from_user_id', 'to_user_id', 'acknowledged_by', 'shift_started_at']).orderBy('created_at').execute();
  const open = await handle.db.selectFrom('occurrences').select('opened_at').where('status', '=', 'open').execute();
  // A handover lists only what was open when it was written.
  const late = await handle.db.selectFrom('handover_occurrences as ho').innerJoin('handovers as h', 'h.id', 'ho.handover_id').innerJoin('occurrences as o', 'o.id', 'ho.occurrence_id')
    .select('o.reference').whereRef('o.opened_at', '>', 'h.created_at').execute();
  return { handovers, open, late, a, b };
}

it.each([
  ['just after the morning handover', '2026-11-23T07:02:00Z', '2026-11-23T07:00:00Z', 2],
  ['late in the day shift', '2026-11-23T18:59:00Z', '2026-11-23T07:00:00Z', 2],
  ['in the night shift, after midnight', '2026-11-24T02:30:00Z', '2026-11-23T19:00:00Z', 2],
  ['a fortnight, in the morning after a quiet night', '2026-11-23T08:02:00Z', '2026-11-23T07:00:00Z', 14],
  // British Summer Time: the shifts still change at 07:00 and 19:00 on the wall clock (06:00 and 18:00 UTC).
  ['in summer, just after the morning handover', '2026-07-15T06:02:00Z', '2026-07-15T06:00:00Z', 2],
  ['in summer, in the night shift, after midnight', '2026-07-16T00:30:00Z', '2026-07-15T18:00:00Z', 2],
  ['a fortnight across the clocks going back', '2026-11-02T07:02:00Z', '2026-11-02T07:00:00Z', 14],
])('leaves exactly the latest handover waiting, and some occurrences open, when seeded %s', async (_when, now, latest, days) => {
  const { handovers, open, late, a, b } = await seedAt(now, days);
  expect(late).toEqual([]);
  const waiting = handovers.filter((h) => h.acknowledged_at === null);
  expect(waiting.map((h) => h.created_at.toISOString())).toEqual([new Date(latest).toISOString()]);
  expect(handovers.at(-1)!.created_at.toISOString()).toBe(new Date(latest).toISOString()); // none in the future
  expect(handovers.length).toBeGreaterThanOrEqual(4);
  expect(new Set(handovers.map((h) => inLondon(h.created_at).toTimeString().slice(0, 5)))).toEqual(new Set(['07:00', '19:00']));
  // The shift on duty has occurrences of its own still open, none opened in the future.
  expect(open.length).toBeGreaterThanOrEqual(2);
  expect(open.every((o) => o.opened_at.getTime() < new Date(now).getTime())).toBe(true);
  // The operators take turns: each shift is handed to the next operator by name (these have no team),
  // acknowledged by them; the one waiting is for the first operator, who is on shift now.
  for (const h of handovers) {
    expect([h.from_user_id, h.to_user_id].sort()).toEqual([a.id, b.id].sort());
    expect(h.acknowledged_by ?? h.to_user_id).toBe(h.to_user_id);
    expect(h.shift_started_at!.getTime()).toBe(h.created_at.getTime() - 12 * 3600_000);
  }
  expect(handovers.at(-1)!.to_user_id).toBe(a.id);
});
