import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, silentLog, testConfig, testStorage } from '../../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import type { Deps } from '../../../platform/deps';
import { seedLoneWorkingDemo } from './lone-working.demo';
import * as uc from './lone-working.usecases';

// The demo's lone workers on a database of their own: a month ended, one due soon, one escalating at its second rung.

let own: OwnDatabase;
beforeAll(async () => { own = await ownDatabase(); });
afterAll(async () => { await own?.drop(); });

it('seeds ended sessions, a late check-in, a duress drill and two out now (one at its second rung)', async () => {
  const deps: Deps = { db: own.db, config: testConfig(), clock: { now: () => new Date() }, log: silentLog, storage: testStorage() };
  const users = Object.fromEntries(await Promise.all((['ooh', 'supervisor', 'patrol'] as const).map(async (name) => {
    const u = await makeUser(deps, { roles: [name === 'ooh' ? 'ooh_officer' : name === 'patrol' ? 'patrol_officer' : 'supervisor'] });
    return [name, { id: u.id, username: u.username, role: 'operator' as const }];
  })));
  const counts = await seedLoneWorkingDemo(deps, { users });
  expect(counts).toMatchObject({ loneWorkingEscalating: 1 });
  const board = await uc.board(deps);
  expect(board.items.map((i) => [i.status, i.currentStep?.stepIndex ?? null])).toEqual([['escalating', 1], ['active', null]]);
  const ended = await uc.board(deps, { state: 'ended' });
  expect(ended.items.length).toBeGreaterThanOrEqual(8);
  const steps = await own.db.selectFrom('lone_working_steps').select(['duress']).execute();
  expect(steps.some((s) => s.duress)).toBe(true);
});
