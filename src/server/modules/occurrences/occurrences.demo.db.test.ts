import { afterAll, expect, it } from 'vitest';
import { silentLog, testConfig } from '../../../../test/support/deps';
import { ownDatabase } from '../../../../test/support/product';
import { insertCameras } from '../estate/estate.repository';
import { seedDemoOccurrences } from './occurrences.demo';

// The demo is seeded "now", whatever the time of day: the supervisor's screen must always show the
// one handover still waiting (the latest).

const drops: Array<() => Promise<void>> = [];
afterAll(async () => { for (const d of drops) await d(); });

async function seedAt(iso: string) {
  const handle = await ownDatabase({ max: 2 });
  drops.push(handle.drop);
  const org = await handle.db.insertInto('organisations').values({ name: 'Demo', kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
  const user = (username: string) => handle.db.insertInto('users').values({ username, display_name: username, organisation_id: org.id, password_hash: 'x' }).returning(['id', 'username']).executeTakeFirstOrThrow();
  const [a, b, supervisor] = [await user('op1'), await user('op2'), await user('sup')];
  const cameras = await insertCameras(handle.db, ['C01', 'C02'].map((reference, i) => ({ reference, name: reference, location_text: 'High Street', latitude: 52.8 + i / 1000, longitude: -1.63, kind: 'fixed' as const })));
  const now = new Date(iso);
  await seedDemoOccurrences({ db: handle.db, config: testConfig(), clock: { now: () => now }, log: silentLog }, {
    operators: [a, b, supervisor], supervisor, cameraIds: cameras.map((c) => c.id), days: 2,
  });
  const handovers = await handle.db.selectFrom('handovers').select(['created_at', 'acknowledged_at']).orderBy('created_at').execute();
  return handovers;
}

it.each([
  ['just after the morning handover', '2026-11-23T07:02:00Z', '2026-11-23T07:00:00Z'],
  ['late in the day shift', '2026-11-23T18:59:00Z', '2026-11-23T07:00:00Z'],
  ['in the night shift, after midnight', '2026-11-24T02:30:00Z', '2026-11-23T19:00:00Z'],
])('leaves exactly the latest handover waiting when seeded %s', async (_when, now, latest) => {
  const handovers = await seedAt(now);
  const waiting = handovers.filter((h) => h.acknowledged_at === null);
  expect(waiting.map((h) => h.created_at.toISOString())).toEqual([new Date(latest).toISOString()]);
  expect(handovers.at(-1)!.created_at.toISOString()).toBe(new Date(latest).toISOString()); // none in the future
  expect(handovers.length).toBeGreaterThanOrEqual(4);
});
