import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../src/server/config';
import { connect } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import type { Deps } from '../src/server/platform/deps';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { DEFAULT_LONE_WORKING_POLICY } from '../src/domain/ooh/loneWorking';
import * as lw from '../src/server/modules/ooh/lone-working/lone-working.usecases';
import { benchDatabase, benchServer, result } from './_support';
import { pgBossIdleLateness } from './_pgboss-idle';

// Lone-worker escalation under load (issue 13). Two real server processes (`vigil serve`, each
// running the timer loop) on one database; 500 lone-worker sessions on 1-minute check-ins, their
// first deadlines spread over a minute. Half are kept: this process checks each in a few seconds
// before its deadline, minute after minute. The other half miss theirs, so each climbs the ladder
// (four rungs, 20 s apart here rather than 5 minutes, so that the run fits in about three minutes).
// Figures: the lateness of every rung against its due time (p50, p99, max), no rung fired twice,
// every missed session's every rung fired, no kept session escalated; beside them, measured in the
// same run, how late pg-boss (the job queue) starts a job sent with startAfter to an idle worker at
// its default polling interval. Target: rung lateness p99 under 2 s, with no rung fired twice.
// BENCH_SESSIONS (500) and BENCH_RUNG_SECONDS (20) change the sizes.

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 500);
const RUNG = Number(process.env.BENCH_RUNG_SECONDS ?? 20);
const RUNGS = DEFAULT_LONE_WORKING_POLICY.steps.length;
const say = (line: string) => process.stdout.write(`${line}\n`);
const pct = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.max(0, Math.ceil(s.length * q) - 1)] : NaN; };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const db = await benchDatabase();
const handle = connect({ url: db.url, max: 8, applicationName: 'vigil-bench-ooh' });
const servers: Awaited<ReturnType<typeof benchServer>>[] = [];
try {
  await migrate({ pool: handle.pool });
  const deps: Deps = { db: handle.db, config: loadConfig({ VIGIL_DEMO: 'false', LOG_LEVEL: 'silent' }), clock: { now: () => new Date() }, log: pino({ level: 'silent' }), storage: undefined as never };

  // The baseline first, on the idle database: the job queue's own pick-up lateness.
  const boss = await pgBossIdleLateness({ url: db.url });
  say(`pg-boss idle worker (polling every ${boss.pollingIntervalMs} ms): ${boss.late.length} jobs, lateness p50 ${pct(boss.late, 0.5)} ms, p99 ${pct(boss.late, 0.99)} ms, max ${Math.max(...boss.late)} ms`);

  const org = await handle.db.insertInto('organisations').values({ name: `Bench council ${Date.now()}`, kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
  const user = await handle.db.insertInto('users').values({ username: `bench-ooh-${Date.now()}`, display_name: 'Bench OOH officer', organisation_id: org.id, password_hash: await hashPassword('bench password only') })
    .returning(['id', 'username']).executeTakeFirstOrThrow();
  const actor: lw.Actor = { audit: { actorId: user.id, actorUsername: user.username, ip: null, userAgent: null }, userId: user.id };
  await lw.setPolicy(deps, { actor, policy: { ...DEFAULT_LONE_WORKING_POLICY, steps: DEFAULT_LONE_WORKING_POLICY.steps.map((s, i) => ({ ...s, offsetSeconds: i * RUNG })) } });

  for (let i = 0; i < 2; i += 1) servers.push(await benchServer({ databaseUrl: db.url, env: { LOG_LEVEL: 'warn' } }));
  say(`two server processes up; starting ${SESSIONS} sessions on 1-minute check-ins, half to be missed`);

  // Started between 45 and 0 seconds "ago" (a clock set back): first deadlines fall 15 to 60 seconds
  // after each start, spread over the minute.
  const kept: string[] = [];
  const missed: string[] = [];
  // Keep the kept half, from the first session on: check each in 2–6 s before its deadline, until
  // the missed half's ladders are done.
  let checkIns = 0;
  let lateCheckIns = 0;
  let runUntil = Number.POSITIVE_INFINITY;
  const keeper = (async () => {
    while (Date.now() < runUntil) {
      const due = kept.length ? await handle.db.selectFrom('lone_working_sessions').select(['id', 'deadline_at']).where('id', 'in', [...kept])
        .where('status', '=', 'active').where('deadline_at', '<', new Date(Date.now() + 4_000 + Math.random() * 2_000)).execute() : [];
      for (const s of due) {
        if (s.deadline_at && s.deadline_at.getTime() < Date.now()) lateCheckIns += 1;
        await lw.officerCheckIn(deps, { actor, id: s.id, note: 'Bench: phoned in' });
        checkIns += 1;
      }
      await sleep(500);
    }
  })();
  const t0 = performance.now();
  for (let i = 0; i < SESSIONS; i += 1) {
    const back = Math.round((45_000 * (SESSIONS - i)) / SESSIONS);
    const at = { ...deps, clock: { now: () => new Date(Date.now() - back) } };
    const s = await lw.startSession(at, { actor, input: {
      worker: { name: `Worker ${i}`, organisation: 'Bench housing', phone: '07700 900000', email: null }, location: `${i} Bench Street`, latitude: null, longitude: null, task: 'Visit',
      expectedEndAt: new Date(Date.now() + 3 * 3600_000), intervalMinutes: 1, vehicle: '', importantInfo: '', managerName: 'Pat Manager', managerPhone: '07700 900456', duressWord: null,
    } });
    (i % 2 === 0 ? kept : missed).push(s.id);
  }
  say(`${SESSIONS} sessions started in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  runUntil = Date.now() + 60_000 + RUNGS * RUNG * 1000 + 15_000;
  await keeper;

  say(`${checkIns} check-ins made for the kept half (${lateCheckIns} after their deadline)`);

  const steps = await handle.db.selectFrom('lone_working_steps').select(['session_id', 'step_index', 'late_ms']).where('session_id', 'in', [...kept, ...missed]).execute();
  const missedSet = new Set(missed);
  const rungs = steps.filter((s) => missedSet.has(s.session_id));
  const keptEscalated = new Set(steps.filter((s) => !missedSet.has(s.session_id)).map((s) => s.session_id)).size;
  const late = rungs.map((s) => s.late_ms);
  const twice = (await sql<{ n: number }>`
    select count(*)::int as n from (
      select subject_id, payload from timers where fired_at is not null and kind like 'ooh.lone-worker-%' group by subject_id, kind, payload, due_at having count(*) > 1
    ) d`.execute(handle.db)).rows[0]!.n;
  const firedBy = (await sql<{ fired_by: string; n: number }>`select fired_by, count(*)::int as n from timers where fired_at is not null group by fired_by`.execute(handle.db)).rows;
  say(`rungs fired: ${rungs.length} of ${missed.length * RUNGS} expected; kept sessions that escalated: ${keptEscalated}; timers fired by ${firedBy.map((f) => `${f.fired_by} (${f.n})`).join(', ')}`);
  say(`rung lateness: p50 ${pct(late, 0.5)} ms, p99 ${pct(late, 0.99)} ms, max ${late.reduce((a, b) => Math.max(a, b), 0)} ms`);

  const p99 = pct(late, 0.99);
  const complete = rungs.length === missed.length * RUNGS && keptEscalated === 0;
  result({ bench: 'ooh', metric: 'step_lateness_p99', value: p99, unit: 'ms', baseline: pct(boss.late, 0.99), target: '<2000ms', pass: p99 < 2000 && complete });
  result({ bench: 'ooh', metric: 'steps_fired_twice', value: twice, unit: '', baseline: 0, ratio: 0, target: '0', pass: twice === 0 });
} finally {
  for (const s of servers) await s.stop();
  await handle.close();
  await db.stop();
}
