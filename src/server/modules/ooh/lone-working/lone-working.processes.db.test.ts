import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { silentLog, testConfig, testStorage } from '../../../../../test/support/deps';
import { freshDatabase } from '../../../../../test/support/product';
import { actorFor, sessionInput } from '../../../../../test/support/lone-working-fixtures';
import { connect, type DbHandle } from '../../../platform/db/db';
import { migrate } from '../../../platform/db/migrate';
import type { Deps } from '../../../platform/deps';
import { DEFAULT_LONE_WORKING_POLICY } from '../../../../domain/ooh/loneWorking';
import * as uc from './lone-working.usecases';

// Two real OS processes, each running the timer loop with the real lone-working timers against one
// fresh database, while a dozen sessions miss check-ins due within two seconds on a ladder of
// short rungs (0, 2, 4, 6 s): every rung is raised exactly once across both, close to its time,
// and both processes take part.

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let handle: DbHandle;
let deps: Deps;
const script = fileURLToPath(new URL('../../../../../test/support/lone-working-timers-process.ts', import.meta.url));
const SESSIONS = 12;

beforeAll(async () => {
  fresh = await freshDatabase();
  handle = connect({ url: fresh.url, max: 4, applicationName: 'vigil-test-setup' });
  await migrate({ pool: handle.pool });
  deps = { db: handle.db, config: testConfig(), clock: { now: () => new Date() }, log: silentLog, storage: testStorage() };
});
afterAll(async () => {
  await handle?.close();
  await fresh?.drop();
});

/** Starts a timer process; resolves `ready` once its loop runs, `done` when it has stopped. */
function runProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, DATABASE_URL: fresh.url, VIGIL_DEMO: 'false', LOG_LEVEL: 'silent', RUN_SECONDS: '10' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const ready = new Promise<void>((resolve) => child.stdout!.on('data', (d) => { out += d; if (out.includes('ready')) resolve(); }));
  const done = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { ready, done };
}

it('raises every rung exactly once across two processes, each close to its time', async () => {
  const actor = await actorFor(deps);
  await uc.setPolicy(deps, { actor, policy: { ...DEFAULT_LONE_WORKING_POLICY, steps: DEFAULT_LONE_WORKING_POLICY.steps.map((s, i) => ({ ...s, offsetSeconds: i * 2 })) } });
  const processes = [runProcess(), runProcess()];
  await Promise.all(processes.map((p) => p.ready));
  // Started a minute (less two seconds) ago on one-minute check-ins: each deadline falls in two seconds.
  const back = { ...deps, clock: { now: () => new Date(Date.now() - 58_000) } };
  const ids = [];
  for (let i = 0; i < SESSIONS; i++) ids.push((await uc.startSession(back, { actor, input: sessionInput(back.clock.now(), { intervalMinutes: 1, duressWord: null }) })).id);

  expect(await Promise.all(processes.map((p) => p.done))).toEqual([0, 0]);

  const steps = await handle.db.selectFrom('lone_working_steps').select(['session_id', 'step_index', 'late_ms']).where('session_id', 'in', ids).execute();
  expect(steps.length).toBe(SESSIONS * 4);
  for (const id of ids) expect(steps.filter((s) => s.session_id === id).map((s) => s.step_index).sort()).toEqual([0, 1, 2, 3]);
  expect(Math.max(...steps.map((s) => s.late_ms))).toBeLessThan(2000);
  const fired = (await sql<{ kind: string; fired_by: string; n: number }>`select kind, fired_by, count(*)::int as n from timers where subject_id = any(${ids}) and fired_at is not null group by kind, fired_by`.execute(handle.db)).rows;
  expect(fired.filter((f) => f.kind === 'ooh.lone-worker-step').reduce((n, f) => n + f.n, 0)).toBe(SESSIONS * 3);
  expect(fired.filter((f) => f.kind === 'ooh.lone-worker-missed').reduce((n, f) => n + f.n, 0)).toBe(SESSIONS);
  expect(new Set(fired.map((f) => f.fired_by)).size).toBe(2);
}, 60_000);
