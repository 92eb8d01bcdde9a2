import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog, testClock, testConfig, testStorage } from '../../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import { actorFor, asActor, ownInput, sessionInput } from '../../../../../test/support/lone-working-fixtures';
import { connect, type DbHandle } from '../../../platform/db/db';
import type { Deps } from '../../../platform/deps';
import { fireDueTimers } from '../../../platform/timers/timers';
import { DEFAULT_LONE_WORKING_POLICY } from '../../../../domain/ooh/loneWorking';
import { LONE_WORKING_TIMERS } from './lone-working.ladder';
import * as uc from './lone-working.usecases';

// The ladder under a controlled clock on a database of its own: a missed check-in raises every
// rung once, in order, at its time (fired_at equals due with the clock moved exactly to it), also
// across a "restart" (new pools mid-ladder) and with two pools racing; a check-in a second before
// the deadline cancels it all, one a second after is late and stops the ladder where it is; a
// duress word escalates at once and looks normal to the worker.

let own: OwnDatabase;
const url = () => (own.pool.options as { connectionString: string }).connectionString;
const clock = testClock(new Date('2026-03-29T00:30:00Z')); // the night the clocks go forward
const depsOn = (db = own.db): Deps => ({ db, config: testConfig(), clock, log: silentLog, storage: testStorage() });
const fire = (d = depsOn()) => fireDueTimers(d, LONE_WORKING_TIMERS);
const MIN = 60_000;
const OFFSETS = DEFAULT_LONE_WORKING_POLICY.steps.map((s) => s.offsetSeconds * 1000);

beforeAll(async () => { own = await ownDatabase(); });
afterAll(async () => { await own?.drop(); });

const steps = (db: OwnDatabase['db'], id: string) => db.selectFrom('lone_working_steps').select(['step_index', 'due_at', 'fired_at', 'late_ms', 'duress']).where('session_id', '=', id).orderBy('fired_at').orderBy('step_index').execute();

async function started(over = {}) {
  const actor = await actorFor(depsOn());
  const s = await uc.startSession(depsOn(), { actor, input: sessionInput(clock.now(), { intervalMinutes: 10, ...over }) });
  return { actor, s, deadline: new Date(s.deadlineAt!) };
}

describe('lone-working escalation', () => {
  it('a missed check-in raises every rung once, in order, at its time, however often the timers run', async () => {
    const { s, deadline } = await started();
    expect(deadline.getTime()).toBe(clock.now().getTime() + 10 * MIN);
    clock.set(new Date(deadline.getTime() - 1000));
    await fire(); // the reminder (5 min before) only
    expect(await steps(own.db, s.id)).toEqual([]);
    for (const [i, offset] of OFFSETS.entries()) {
      clock.set(new Date(deadline.getTime() + offset));
      await fire(); await fire(); await fire();
      const rows = await steps(own.db, s.id);
      expect(rows.map((r) => r.step_index)).toEqual(OFFSETS.slice(0, i + 1).map((_, k) => k));
      expect(rows[i]!.fired_at.getTime()).toBe(deadline.getTime() + offset);
      expect(rows[i]!.due_at.getTime()).toBe(deadline.getTime() + offset);
      expect(rows[i]!.late_ms).toBe(0);
    }
    clock.advance(60 * MIN);
    expect(await fire()).toBe(0); // nothing left: the next check-in is awaited only once someone checks in
    expect((await steps(own.db, s.id)).length).toBe(OFFSETS.length);
    const detail = await uc.getSession(depsOn(), { id: s.id });
    expect(detail).toMatchObject({ status: 'escalating', overdue: true, currentStep: { stepIndex: 3, action: 'call_police' } });
    expect(detail.events.map((e) => e.kind)).toEqual(['started', 'reminder', 'missed', 'step', 'step', 'step', 'step']);
  });

  it('across a restart (new pools mid-ladder) the remaining rungs still fire once, in order, at their time', async () => {
    const { s, deadline } = await started();
    const first = connect({ url: url(), max: 2, applicationName: 'vigil-lw-restart-1' });
    for (const offset of OFFSETS.slice(0, 2)) {
      clock.set(new Date(deadline.getTime() + offset));
      await fire(depsOn(first.db));
    }
    expect((await steps(own.db, s.id)).map((r) => r.step_index)).toEqual([0, 1]);
    await first.close(); // the server stops; a new one connects
    const second = connect({ url: url(), max: 2, applicationName: 'vigil-lw-restart-2' });
    try {
      for (const offset of OFFSETS.slice(2)) {
        clock.set(new Date(deadline.getTime() + offset));
        await fire(depsOn(second.db)); await fire(depsOn(second.db));
      }
      const rows = await steps(second.db, s.id);
      expect(rows.map((r) => r.step_index)).toEqual([0, 1, 2, 3]);
      expect(rows.map((r) => r.fired_at.getTime() - deadline.getTime())).toEqual(OFFSETS);
    } finally { await second.close(); }
  });

  it('two pools firing at the same moment never both raise a rung', async () => {
    const a = connect({ url: url(), max: 4, applicationName: 'vigil-lw-a' });
    const b = connect({ url: url(), max: 4, applicationName: 'vigil-lw-b' });
    try {
      const sessions = await Promise.all(Array.from({ length: 12 }, () => started()));
      const deadline = sessions[0]!.deadline;
      for (const offset of OFFSETS) {
        clock.set(new Date(deadline.getTime() + offset + 1000));
        await Promise.all([
          fireDueTimers(depsOn(a.db), LONE_WORKING_TIMERS, { firedBy: 'a', lanes: 4 }),
          fireDueTimers(depsOn(b.db), LONE_WORKING_TIMERS, { firedBy: 'b', lanes: 4 }),
        ]);
      }
      for (const { s } of sessions) expect((await steps(own.db, s.id)).map((r) => r.step_index)).toEqual([0, 1, 2, 3]);
    } finally { await a.close(); await b.close(); }
  });

  it('a check-in a second before the deadline cancels the escalation: no rung ever fires', async () => {
    const { actor, s, deadline } = await started({ intervalMinutes: 60 });
    clock.set(new Date(deadline.getTime() - 1000));
    const after = await uc.officerCheckIn(depsOn(), { actor, id: s.id, note: 'Rang in' });
    expect(after.deadlineAt).toBe(new Date(deadline.getTime() - 1000 + 60 * MIN).toISOString());
    clock.set(new Date(deadline.getTime() + OFFSETS.at(-1)! + 1000)); // past every rung of the first deadline, before the second
    await fire();
    expect(await steps(own.db, s.id)).toEqual([]);
    expect((await uc.getSession(depsOn(), { id: s.id })).events.find((e) => e.kind === 'check_in')!.details).toMatchObject({ late: false });
  });

  it('a check-in a second after the deadline is late and stops the ladder where it is', async () => {
    const { actor, s, deadline } = await started({ intervalMinutes: 60 });
    clock.set(deadline);
    await fire();
    clock.set(new Date(deadline.getTime() + 1000));
    const after = await uc.officerCheckIn(depsOn(), { actor, id: s.id, note: 'Worker rang' });
    expect(after.status).toBe('active');
    clock.set(new Date(deadline.getTime() + 30 * MIN));
    await fire();
    const rows = await steps(own.db, s.id);
    expect(rows.map((r) => r.step_index)).toEqual([0]);
    const checkIn = after.events.find((e) => e.kind === 'check_in')!;
    expect(checkIn.details).toMatchObject({ late: true, ladderStoppedAtStep: 0 });
  });

  it('duress escalates at once to the police rung and the worker\'s reply is the same as a normal check-in\'s', async () => {
    const worker = await actorFor(depsOn(), { roles: ['patrol_officer'] });
    const start = clock.now();
    const a = await uc.startOwnSession(depsOn(), { actor: asActor({ id: worker.userId, username: worker.username }), input: ownInput(start, { intervalMinutes: 20 }) });
    const b = await uc.startOwnSession(depsOn(), { actor: asActor({ id: worker.userId, username: worker.username }), input: ownInput(start, { intervalMinutes: 20 }) });
    clock.advance(5 * MIN);
    const normal = await uc.ownCheckIn(depsOn(), { actor: worker, id: a.id, word: 'daffodil' });
    const duress = await uc.ownCheckIn(depsOn(), { actor: worker, id: b.id, word: ' Bluebell ' });
    const strip = (r: object) => JSON.stringify(r).replaceAll(a.id, 'ID').replaceAll(b.id, 'ID').replaceAll(a.reference, 'REF').replaceAll(b.reference, 'REF');
    expect(strip(duress)).toBe(strip(normal));
    expect((await uc.ownSessions(depsOn(), { actor: worker })).items.every((i) => i.status === 'active')).toBe(true);
    const rows = await steps(own.db, b.id);
    expect(rows).toEqual([expect.objectContaining({ step_index: 3, duress: true, late_ms: 0 })]);
    expect(await steps(own.db, a.id)).toEqual([]);
    const board = await uc.board(depsOn());
    expect(board.items[0]).toMatchObject({ id: b.id, duress: true, status: 'escalating', currentStep: { action: 'call_police', duress: true } });
    // The worker checking in again does not stop a duress ladder; the officer does.
    clock.advance(MIN);
    await uc.ownCheckIn(depsOn(), { actor: worker, id: b.id });
    expect((await uc.getSession(depsOn(), { id: b.id })).status).toBe('escalating');
  });
});
