import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { z } from 'zod';
import { silentLog, testClock, testConfig, testStorage } from '../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../test/support/product';
import { connect, type DbHandle } from '../db/db';
import type { Deps } from '../deps';
import { cancelTimers, defineTimer, fireDueTimers, pendingTimers, scheduleTimer } from './timers';

// Durable timers on a database of their own (a timer loop fires every due timer it has a handler
// for): each fires once, at or after its time, in due order; a cancelled one never fires; a handler
// that throws leaves nothing behind and is tried again after a back-off; two processes racing over
// the same timers never both fire one.

let own: OwnDatabase;
let second: DbHandle;
const clock = testClock(new Date('2026-03-29T00:30:00Z'));
const deps = (db = own.db): Deps => ({ db, config: testConfig(), clock, log: silentLog, storage: testStorage() });

const effect = defineTimer({
  kind: 'test.effect',
  payload: z.object({ label: z.string(), fail: z.boolean().default(false) }),
  async fire(trx, d, timer) {
    await sql`insert into timer_test_effects (timer_id, label, at) values (${timer.id}, ${timer.payload.label}, ${d.clock.now()})`.execute(trx);
    if (timer.payload.fail && timer.attempts < 2) throw new Error('relay down');
  },
});

beforeAll(async () => {
  own = await ownDatabase();
  second = connect({ url: (own.pool.options as { connectionString: string }).connectionString, max: 6, applicationName: 'vigil-test-b' });
  await sql`create table timer_test_effects (timer_id uuid not null, label text not null, at timestamptz not null)`.execute(own.db);
});
afterAll(async () => { await second?.close(); await own?.drop(); });

const effects = async () => (await sql<{ timer_id: string; label: string; at: Date }>`select timer_id, label, at from timer_test_effects order by at, label`.execute(own.db)).rows;

describe('durable timers', () => {
  it('fires each timer once, when the clock reaches it, soonest first, and records how late it was', async () => {
    const subjectId = crypto.randomUUID();
    const t0 = clock.now().getTime();
    for (const [label, s] of [['c', 90], ['a', 30], ['b', 60]] as const) await scheduleTimer(own.db, effect, { subjectId, dueAt: new Date(t0 + s * 1000), payload: { label } });
    expect(await fireDueTimers(deps(), [effect])).toBe(0);
    clock.advance(59_000);
    expect(await fireDueTimers(deps(), [effect])).toBe(1);
    clock.advance(1_000);
    expect(await fireDueTimers(deps(), [effect])).toBe(1);
    clock.advance(45_000);
    expect(await fireDueTimers(deps(), [effect])).toBe(1);
    expect(await fireDueTimers(deps(), [effect])).toBe(0);
    expect((await effects()).map((e) => e.label)).toEqual(['a', 'b', 'c']);
    const rows = await own.db.selectFrom('timers').select(['payload', 'late_ms', 'fired_at']).where('subject_id', '=', subjectId).orderBy('due_at').execute();
    expect(rows.map((r) => r.late_ms)).toEqual([29_000, 0, 15_000]);
    expect(await pendingTimers(own.db, subjectId)).toEqual([]);
  });

  it('never fires a cancelled timer; a timer without a handler in this process waits for one', async () => {
    const subjectId = crypto.randomUUID();
    await scheduleTimer(own.db, effect, { subjectId, dueAt: clock.now(), payload: { label: 'cancelled' } });
    await own.db.insertInto('timers').values({ kind: 'test.other', subject_id: subjectId, due_at: clock.now() }).execute();
    expect(await cancelTimers(own.db, { subjectId, kind: effect.kind, reason: 'checked in', at: clock.now() })).toBe(1);
    clock.advance(1000);
    expect(await fireDueTimers(deps(), [effect])).toBe(0);
    expect((await effects()).some((e) => e.label === 'cancelled')).toBe(false);
    expect((await pendingTimers(own.db, subjectId)).map((t) => t.kind)).toEqual(['test.other']);
  });

  it('a handler that throws leaves no trace of its writes and is tried again after a back-off', async () => {
    const subjectId = crypto.randomUUID();
    await scheduleTimer(own.db, effect, { subjectId, dueAt: clock.now(), payload: { label: 'flaky', fail: true } });
    expect(await fireDueTimers(deps(), [effect])).toBe(1); // tried, failed
    expect(await fireDueTimers(deps(), [effect])).toBe(0); // backing off
    const failed = await own.db.selectFrom('timers').select(['attempts', 'last_error', 'fired_at']).where('subject_id', '=', subjectId).executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ attempts: 1, last_error: 'relay down', fired_at: null });
    clock.advance(1_000);
    expect(await fireDueTimers(deps(), [effect])).toBe(1); // second attempt fails again
    clock.advance(2_000);
    expect(await fireDueTimers(deps(), [effect])).toBe(1); // third succeeds
    expect((await effects()).filter((e) => e.label === 'flaky')).toHaveLength(1);
  });

  it('two processes firing the same 300 timers at once, four lanes each, fire every one exactly once', async () => {
    const subjectId = crypto.randomUUID();
    const due = clock.now();
    for (let i = 0; i < 300; i += 1) await scheduleTimer(own.db, effect, { subjectId, dueAt: new Date(due.getTime() - i), payload: { label: `race-${i}` } });
    const [a, b] = await Promise.all([
      fireDueTimers(deps(own.db), [effect], { firedBy: 'a', lanes: 4 }),
      fireDueTimers(deps(second.db), [effect], { firedBy: 'b', lanes: 4 }),
    ]);
    expect(a + b).toBe(300);
    const counts = (await sql<{ label: string; n: number }>`select label, count(*)::int as n from timer_test_effects where label like 'race-%' group by label`.execute(own.db)).rows;
    expect(counts).toHaveLength(300);
    expect(counts.every((c) => c.n === 1)).toBe(true);
  });
});
