import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, silentLog, testConfig, testStorage, uniq } from '../../../../../test/support/deps';
import { freshDatabase } from '../../../../../test/support/product';
import { startSmtp } from '../../../../../test/support/smtp';
import { connect, type DbHandle } from '../../../platform/db/db';
import { migrate } from '../../../platform/db/migrate';
import type { Deps } from '../../../platform/deps';
import { addDays } from '../../../../domain/calendar/days';
import { londonDay } from '../../../../domain/calendar/london';
import * as register from '../register/register.usecases';
import { requestInput } from '../register/register.walk';

// Two real processes, each with its own pool and its own connection to the mail relay, run the
// notices job at the same moment, twice over, on a database of their own: the owner of an overdue
// request gets its breach notice at the SMTP server on loopback exactly once.

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let handle: DbHandle;
let deps: Deps;
const script = fileURLToPath(new URL('../../../../../test/support/notices-process.ts', import.meta.url));

beforeAll(async () => {
  smtp = await startSmtp();
  fresh = await freshDatabase();
  handle = connect({ url: fresh.url, max: 2, applicationName: 'vigil-test-setup' });
  await migrate({ pool: handle.pool });
  deps = { db: handle.db, config: testConfig(), clock: { now: () => new Date() }, log: silentLog, storage: testStorage() };
});
afterAll(async () => {
  await handle?.close();
  await fresh?.drop();
  await smtp?.close();
});

const runProcess = () => promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
  env: { ...process.env, DATABASE_URL: fresh.url, VIGIL_SMTP_URL: smtp.url, VIGIL_DEMO: 'false', LOG_LEVEL: 'silent' },
});

it('sends an overdue request’s breach notice once, with two processes running the job at once', async () => {
  const owner = await makeUser(deps, { roles: ['enforcement_officer'] });
  const address = `${uniq('owner')}@council.test`;
  await deps.db.updateTable('users').set({ email: address }).where('id', '=', owner.id).execute();
  const actor: register.Actor = { audit: { actorId: owner.id, actorUsername: owner.username, ip: null, userAgent: null }, userId: owner.id, viewer: { party: 'council' } };
  // Received three months ago: its month ran out weeks ago, whatever today is.
  const overdue = await register.receiveRequest(deps, { actor, input: requestInput({ type: 'sar', receivedOn: addDays(londonDay(), -90), ownerId: owner.id }) });
  expect(overdue.clock.state).toBe('overdue');

  const runs = await Promise.all([runProcess(), runProcess()]);
  await Promise.all([runProcess(), runProcess()]);
  const results = runs.map((r) => JSON.parse(r.stdout.trim().split('\n').pop()!));
  const mine = smtp.about(overdue.reference);
  expect(mine.map((m) => m.subject)).toEqual([expect.stringMatching(new RegExp(`^Overdue: ${overdue.reference}`))]);
  expect(mine[0]!.to).toEqual([address]);
  expect(results.length).toBe(2);
}, 60_000);
