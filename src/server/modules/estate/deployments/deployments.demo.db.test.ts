import { afterAll, expect, it } from 'vitest';
import { silentLog, testConfig, testStorage } from '../../../../../test/support/deps';
import { ownDatabase } from '../../../../../test/support/product';
import type { DemoCouncil } from '../../../platform/modules';
import { DEMO_AREA } from '../../../seed/demo';
import { seedDemoDeployments } from './deployments.demo';
import * as uc from './deployments.usecases';

// The demo's mobile cameras have a deployment in every state, wherever "now" falls (here across
// the spring clock change), on real streets of the demo town.

const drops: Array<() => Promise<void>> = [];
afterAll(async () => { for (const d of drops) await d(); });

it.each(['2026-03-29T08:00:00Z', '2026-11-23T18:30:00Z'])('seeds deployments in every state at %s', async (iso) => {
  const handle = await ownDatabase({ max: 2 });
  drops.push(handle.drop);
  const org = await handle.db.insertInto('organisations').values({ name: 'Demo', kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
  const users = {} as DemoCouncil['users'];
  for (const [username, role] of [['enforcement', 'enforcement_officer'], ['coordinator', 'coordinator']] as const) {
    const u = await handle.db.insertInto('users').values({ username, display_name: username, organisation_id: org.id, password_hash: 'x' }).returning(['id', 'username']).executeTakeFirstOrThrow();
    await handle.db.insertInto('user_roles').values({ user_id: u.id, role }).execute();
    users[username] = { id: u.id, username, role };
  }
  const now = new Date(iso);
  const deps = { db: handle.db, config: testConfig(), clock: { now: () => now }, log: silentLog, storage: testStorage() };
  await seedDemoDeployments(deps, { users } as DemoCouncil);

  const all = await uc.listDeployments(deps, {});
  expect(new Set(all.map((d) => d.state))).toEqual(new Set(['requested', 'approved', 'refused', 'deployed', 'removed']));
  const { bounds } = DEMO_AREA;
  for (const d of all) {
    expect(d.latitude).toBeGreaterThan(bounds.south); expect(d.latitude).toBeLessThan(bounds.north);
    expect(d.longitude).toBeGreaterThan(bounds.west); expect(d.longitude).toBeLessThan(bounds.east);
  }
  const due = await uc.listReviewsDue(deps);
  expect(due).toMatchObject({ overdue: 1, dueSoon: 1 });
  const history = await uc.listMobileCameraHistory(deps);
  expect(history.items.map((c) => c.camera.reference)).toEqual(['M01', 'M02', 'M03', 'M04', 'M05']);
  expect(history.items.filter((c) => c.current).map((c) => c.camera.reference)).toEqual(['M02', 'M03', 'M05']);
  expect(history.items[0].deployments).toEqual([expect.objectContaining({ to: expect.any(String) })]);
});
