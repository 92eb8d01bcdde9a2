import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDeps } from '../../../../../test/support/deps';
import { aCheckedCamera, anActor, anEquipment, ownDayClock } from './checks.fixtures';
import * as checks from './checks.usecases';

// The daily checks on a real PostgreSQL: faults, camera status and its history, corrections,
// concurrent opening, completion and the supervisor's flag. Each test works on a day of its own.

const HOUR = 3600_000;

function setup() {
  const clock = ownDayClock();
  return { clock, deps: testDeps({ clock }) };
}

describe('a failed item', () => {
  it('raises one fault and turns the camera faulty, the change kept in its history with who, when and why', async () => {
    const { clock, deps } = setup();
    const { user, actor } = await anActor(deps);
    const camera = await aCheckedCamera(deps);
    const round = await checks.openCurrentRound(deps, { actor, kind: 'cameras' });
    expect(round.targets.find((t) => t.id === camera.id)?.items).toEqual(['picture', 'ptz', 'focus', 'infrared', 'recording', 'clock']);

    const r = await checks.recordResult(deps, { actor, roundId: round.id, input: { targetId: camera.id, item: 'picture', outcome: 'fail', note: 'Black screen' } });
    expect(r.fault).toMatchObject({ isNew: true });
    expect(r.fault!.reference).toMatch(/^FLT-\d{4}-\d{6}$/);
    const faults = await deps.db.selectFrom('faults').selectAll().where('camera_id', '=', camera.id).execute();
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({ item: 'picture', state: 'open', stage: 'reported', source: 'check', raised_by: user.id, check_result_id: r.result.id });
    const events = await deps.db.selectFrom('fault_events').select(['seq', 'kind', 'by_user_id']).where('fault_id', '=', faults[0].id).execute();
    expect(events).toEqual([{ seq: 1, kind: 'raised', by_user_id: user.id }]);
    expect(faults[0].description).toBe(`Picture failed on the daily check of ${camera.reference}: Black screen`);

    const cam = await deps.db.selectFrom('cameras').select(['status', 'updated_by', 'change_reason']).where('id', '=', camera.id).executeTakeFirstOrThrow();
    expect(cam).toEqual({ status: 'faulty', updated_by: user.id, change_reason: 'check failed: picture' });
    const versions = await deps.db.selectFrom('camera_versions').selectAll().where('camera_id', '=', camera.id).orderBy('version').execute();
    expect(versions.map((v) => (v.entry as { status: string }).status)).toEqual(['operational', 'faulty']);
    expect(versions[1]).toMatchObject({ changed_by: user.id, reason: 'check failed: picture' });
    expect(versions[1].valid_from.getTime()).toBe(clock.now().getTime());
  });

  it('adds a second failure of the same item to the open fault; another item raises its own', async () => {
    const { clock, deps } = setup();
    const { actor } = await anActor(deps);
    const camera = await aCheckedCamera(deps);
    const day = await checks.openCurrentRound(deps, { actor, kind: 'cameras' });
    const first = await checks.recordResult(deps, { actor, roundId: day.id, input: { targetId: camera.id, item: 'focus', outcome: 'fail', note: 'Blurred' } });
    clock.advance(12 * HOUR); // the night shift's round
    const night = await checks.openCurrentRound(deps, { actor, kind: 'cameras' });
    expect(night.id).not.toBe(day.id);
    const second = await checks.recordResult(deps, { actor, roundId: night.id, input: { targetId: camera.id, item: 'focus', outcome: 'fail', note: 'Still blurred' } });
    expect(second.fault).toEqual({ id: first.fault!.id, reference: first.fault!.reference, isNew: false });
    const linked = await deps.db.selectFrom('fault_check_results').select('check_result_id').where('fault_id', '=', first.fault!.id).execute();
    expect(linked.map((l) => l.check_result_id).sort()).toEqual([first.result.id, second.result.id].sort());

    const other = await checks.recordResult(deps, { actor, roundId: night.id, input: { targetId: camera.id, item: 'ptz', outcome: 'fail', note: 'Will not pan' } });
    expect(other.fault?.isNew).toBe(true);
    expect(await deps.db.selectFrom('faults').select('id').where('camera_id', '=', camera.id).execute()).toHaveLength(2);
    // Already faulty: no second status change in the history.
    expect(await deps.db.selectFrom('camera_versions').select('version').where('camera_id', '=', camera.id).execute()).toHaveLength(2);
  });

  it('turns equipment faulty too, and a recorder clock beyond the tolerance fails without a note', async () => {
    const { deps } = setup();
    const { actor } = await anActor(deps);
    const recorder = await anEquipment(deps);
    const round = await checks.openCurrentRound(deps, { actor, kind: 'equipment' });
    expect(round.targets.find((t) => t.id === recorder.id)?.items).toEqual(['recording', 'clock', 'storage']);
    const r = await checks.recordResult(deps, { actor, roundId: round.id, input: { targetId: recorder.id, item: 'clock', clockOffsetSeconds: -25 } });
    expect(r.result).toMatchObject({ outcome: 'fail', clockOffsetSeconds: -25, note: null });
    expect(r.fault?.isNew).toBe(true);
    const eq = await deps.db.selectFrom('equipment').select(['status', 'change_reason']).where('id', '=', recorder.id).executeTakeFirstOrThrow();
    expect(eq).toEqual({ status: 'faulty', change_reason: 'check failed: clock' });
    const history = await deps.db.selectFrom('equipment_versions').select(['reason', 'changed_by', 'entry']).where('equipment_id', '=', recorder.id).orderBy('version').execute();
    expect(history.map((h) => [h.reason, (h.entry as { status: string }).status])).toEqual([['registered', 'operational'], ['check failed: clock', 'faulty']]);
    expect(history[1].changed_by).toBe(actor.userId);
  });
});

describe('results', () => {
  it('keeps a correction as a new result that supersedes the earlier one, never changing it', async () => {
    const { clock, deps } = setup();
    const { actor } = await anActor(deps);
    const camera = await aCheckedCamera(deps);
    const round = await checks.openCurrentRound(deps, { actor, kind: 'cameras' });
    const first = await checks.recordResult(deps, { actor, roundId: round.id, input: { targetId: camera.id, item: 'recording', outcome: 'pass' } });
    clock.advance(60_000);
    const second = await checks.recordResult(deps, { actor, roundId: round.id, input: { targetId: camera.id, item: 'recording', outcome: 'not_applicable' } });
    expect(second.result.supersedesId).toBe(first.result.id);
    expect(second.done).toBe(first.done); // the same item, still one done
    const view = await checks.getRound(deps, { roundId: round.id });
    expect(view.results.filter((x) => x.targetId === camera.id)).toMatchObject([{ id: second.result.id, outcome: 'not_applicable' }]);
    expect(await deps.db.selectFrom('check_results').select('id').where('round_id', '=', round.id).execute()).toHaveLength(2);
    await expect(sql`update check_results set outcome = 'fail' where id = ${first.result.id}`.execute(deps.db)).rejects.toThrow();
  });

  it('refuses an item the target is not checked for, a target not in the round, and a round whose shift has ended', async () => {
    const { clock, deps } = setup();
    const { actor } = await anActor(deps);
    const fixed = await aCheckedCamera(deps, { kind: 'fixed', capabilities: [] });
    const round = await checks.openCurrentRound(deps, { actor, kind: 'cameras' });
    await expect(checks.recordResult(deps, { actor, roundId: round.id, input: { targetId: fixed.id, item: 'infrared', outcome: 'pass' } })).rejects.toMatchObject({ status: 400 });
    const later = await aCheckedCamera(deps); // registered after the round opened
    await expect(checks.recordResult(deps, { actor, roundId: round.id, input: { targetId: later.id, item: 'picture', outcome: 'pass' } })).rejects.toMatchObject({ status: 400 });
    clock.advance(24 * HOUR);
    await expect(checks.recordResult(deps, { actor, roundId: round.id, input: { targetId: fixed.id, item: 'picture', outcome: 'pass' } })).rejects.toMatchObject({ code: 'checks.round_closed' });
  });
});

describe('rounds', () => {
  it('opens one round when several operators ask at once', async () => {
    const { deps } = setup();
    const actors = await Promise.all([1, 2, 3, 4, 5].map(() => anActor(deps)));
    const rounds = await Promise.all(actors.map(({ actor }) => checks.openCurrentRound(deps, { actor, kind: 'cameras' })));
    expect(new Set(rounds.map((r) => r.id)).size).toBe(1);
    const n = await deps.db.selectFrom('check_rounds').select(sql<number>`count(*)::int`.as('n')).where('check_date', '=', sql<Date>`${rounds[0].date}::date`).where('kind', '=', 'cameras').executeTakeFirstOrThrow();
    expect(n.n).toBe(1);
    const targets = await deps.db.selectFrom('check_round_targets').select('position').where('round_id', '=', rounds[0].id).execute();
    expect(targets).toHaveLength(rounds[0].targets.length);
  });

  it('tracks completion per shift and flags an incomplete check past its point and after its shift', async () => {
    const { clock, deps } = setup();
    const { user, actor } = await anActor(deps);
    const camera = await aCheckedCamera(deps);
    const round = await checks.openCurrentRound(deps, { actor, kind: 'cameras' }); // 10:00 UTC, 3 hours into the day shift
    // Everything passes but one item, recorded straight into the table.
    await sql`insert into check_results (round_id, camera_id, item, outcome, recorded_at, recorded_by)
      select t.round_id, t.camera_id, i.item, 'pass', ${new Date(new Date(round.shiftStartsAt).getTime() + HOUR / 2)}, ${user.id}::uuid from check_round_targets t cross join unnest(t.items) as i(item)
      where t.round_id = ${round.id}::uuid and not (t.camera_id = ${camera.id}::uuid and i.item = 'clock')`.execute(deps.db);
    const mine = (o: Awaited<ReturnType<typeof checks.checksOverview>>, i = 0) => o.rounds.filter((r) => r.kind === 'cameras')[i];

    clock.set(new Date(new Date(round.shiftStartsAt).getTime() + HOUR));
    let now = mine(await checks.checksOverview(deps));
    expect(now).toMatchObject({ roundId: round.id, done: round.total - 1, total: round.total, isComplete: false, isOverdue: false });
    expect(now.checkedBy).toContain((await deps.db.selectFrom('users').select('display_name').where('id', '=', user.id).executeTakeFirstOrThrow()).display_name);
    clock.advance(2 * HOUR); // three hours in: due
    expect(mine(await checks.checksOverview(deps))).toMatchObject({ roundId: round.id, isOverdue: true });

    const last = await checks.recordResult(deps, { actor, roundId: round.id, input: { targetId: camera.id, item: 'clock', outcome: 'pass' } });
    expect(last).toMatchObject({ done: round.total, total: round.total, next: null });
    now = mine(await checks.checksOverview(deps));
    expect(now).toMatchObject({ isComplete: true, isOverdue: false, lastRecordedAt: clock.now().toISOString() });

    clock.set(new Date(new Date(round.shiftEndsAt).getTime() + HOUR)); // the night: not begun yet, not yet due
    const overview = await checks.checksOverview(deps);
    expect(mine(overview, 0)).toMatchObject({ shift: 'night', roundId: null, done: 0, isOverdue: false });
    expect(mine(overview, 1)).toMatchObject({ shift: 'day', roundId: round.id, isComplete: true });
    clock.advance(12 * HOUR); // the next day: the night's check was never done
    expect(mine(await checks.checksOverview(deps), 1)).toMatchObject({ shift: 'night', roundId: null, isComplete: false, isOverdue: true });
  });
});
