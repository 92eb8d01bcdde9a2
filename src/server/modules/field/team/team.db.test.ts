import { afterAll, beforeAll, expect, it } from 'vitest';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import { makeUser } from '../../../../../test/support/deps';
import type { Deps } from '../../../platform/deps';
import { timeline, utc, type Officer } from '../patrols/patrols.fixtures';
import { teamView } from './team.usecases';

// The team leader's view on real patrols synced from handhelds, on a database of its own (the view
// reads every officer's patrols and devices): who is out and their last known point, notices
// issued today by officer, each device's backlog, the day's figures. The London days are the ones
// that catch a mistake: Sunday 25 October 2026 is 25 hours long (the clocks go back at 02:00 BST),
// and a patrol at midnight on 31 October counts on both days. Instants are UTC; London in comments.

let own: OwnDatabase;
beforeAll(async () => { own = await ownDatabase(); });
afterAll(async () => { await own?.drop(); });

/** A team of officers with its leader (the leader sees their own team only); the leader's id. */
async function team(deps: Deps, name: string, members: Officer[]) {
  const { id } = await deps.db.insertInto('teams').values({ name }).returning('id').executeTakeFirstOrThrow();
  const leader = await makeUser(deps, { roles: ['patrol_leader'] });
  await deps.db.updateTable('users').set({ team_id: id }).where('id', 'in', [leader.id, ...members.map((m) => m.userId)]).execute();
  return leader.id;
}

const byName = <T extends { officer: { name: string } }>(rows: T[]) => [...rows].sort((a, b) => a.officer.name.localeCompare(b.officer.name));

it('works out the view for the London day, across the clocks going back and a month’s end', async () => {
  const t = timeline(own.db, utc('2026-10-24T19:00'));
  const ann = await t.officer('Ann Fielding', utc('2026-10-24T19:00'));
  const ben = await t.officer('Ben Marsh', utc('2026-10-24T19:00'));
  // Ann and Ben are the North team's; Cara is the South team's, out since 20:00 GMT on the 25th with
  // a PCN at 20:30: none of it is in the North leader's view, and the South leader sees only her.
  const cara = await t.officer('Cara Other', utc('2026-10-24T19:00'));
  const north = await team(t.deps, 'North patrol team', [ann, ben]);
  const south = await team(t.deps, 'South patrol team', [cara]);
  const pc = t.start(utc('2026-10-25T20:00'));
  await t.send(cara, utc('2026-10-25T20:00'), [pc.record]);
  await t.send(cara, utc('2026-10-25T21:00'), [t.pcn(cara, pc.patrolId, utc('2026-10-25T20:30'))]);

  // Ben's P0: Sat 24 Oct 21:00 BST to Sun 25 Oct 00:45 BST; 45 minutes of it on the 25th. A PCN at
  // 23:50 BST on the 24th, an FPN at 00:20 BST on the 25th.
  const p0 = t.start(utc('2026-10-24T20:00'));
  await t.send(ben, utc('2026-10-24T20:00'), [p0.record]);
  await t.send(ben, utc('2026-10-24T23:45'), [t.pcn(ben, p0.patrolId, utc('2026-10-24T22:50')), t.fpn(p0.patrolId, utc('2026-10-24T23:20')), t.end(p0.patrolId, utc('2026-10-24T23:45'))]);

  // Ann's P1: 00:30 BST to 01:30 GMT on the 25th, two hours by the clock on the wall's one. A PCN at
  // 01:15 BST and an FPN at 01:15 GMT, an hour apart at the same wall-clock time.
  const p1 = t.start(utc('2026-10-24T23:30'));
  await t.send(ann, utc('2026-10-24T23:30'), [p1.record]);
  await t.send(ann, utc('2026-10-25T01:30'), [
    t.trail(p1.patrolId, [[utc('2026-10-24T23:40'), 52.80, -1.63], [utc('2026-10-25T00:40'), 52.81, -1.63]]),
    t.pcn(ann, p1.patrolId, utc('2026-10-25T00:15')), t.fpn(p1.patrolId, utc('2026-10-25T01:15')), t.end(p1.patrolId, utc('2026-10-25T01:30')),
  ], 4);

  // Ben's P2: 22:30 GMT on the 25th, still out at 23:50 GMT (80 minutes); a PCN at 23:40 GMT, which a
  // 24-hour day from midnight BST would leave out. His trail reaches the server out of order.
  const p2 = t.start(utc('2026-10-25T22:30'));
  await t.send(ben, utc('2026-10-25T22:30'), [p2.record]);
  await t.send(ben, utc('2026-10-25T23:42'), [t.trail(p2.patrolId, [[utc('2026-10-25T22:35'), 52.79, -1.62], [utc('2026-10-25T23:41'), 52.795, -1.625]]), t.pcn(ben, p2.patrolId, utc('2026-10-25T23:40'))]);
  await t.send(ben, utc('2026-10-25T23:45'), [t.trail(p2.patrolId, [[utc('2026-10-25T23:10'), 52.70, -1.60]])], 1);

  t.clock.set(utc('2026-10-25T23:50'));
  const sunday = await teamView(t.deps, { leaderId: north });
  const southView = await teamView(t.deps, { leaderId: south });
  expect(southView.onPatrol.map((p) => p.officer.name)).toEqual(['Cara Other']);
  expect(southView.noticesToday.map((n) => [n.officer.name, n.pcn])).toEqual([['Cara Other', 1]]);
  expect(southView.devices.map((d) => d.officer.name)).toEqual(['Cara Other']);
  expect(southView.figures).toMatchObject({ patrols: 1, patrolMinutes: 230, pcn: 1 });
  expect(sunday.day).toBe('2026-10-25');
  expect(sunday.onPatrol).toEqual([{
    patrolId: p2.patrolId, officer: { id: ben.userId, name: 'Ben Marsh' }, beat: 'Market Place', task: 'Parking and PSPO patrol',
    startedAt: '2026-10-25T22:30:00.000Z', expectedEndAt: '2026-10-26T01:30:00.000Z', lastPoint: { lat: 52.795, lon: -1.625, at: '2026-10-25T23:41:00.000Z' },
  }]);
  expect(byName(sunday.noticesToday)).toEqual([
    { officer: { id: ann.userId, name: 'Ann Fielding' }, pcn: 1, fpn: 1, defect: 0, asb: 0, inspection: 0, total: 2 },
    { officer: { id: ben.userId, name: 'Ben Marsh' }, pcn: 1, fpn: 1, defect: 0, asb: 0, inspection: 0, total: 2 },
  ]);
  // Started on the 25th: P1 and P2. Minutes on it: P0 45 + P1 120 + P2 80 (until now).
  expect(sunday.figures).toEqual({ patrols: 2, patrolMinutes: 245, pcn: 2, fpn: 2, defect: 0, asb: 0, inspection: 0 });
  // Ann's handheld last synced at 01:30 GMT with 4 records still to send: flagged.
  expect(sunday.devices).toEqual([
    { id: ann.deviceId, name: 'Handheld', officer: { id: ann.userId, name: 'Ann Fielding' }, queued: 4, lastSeenAt: '2026-10-25T01:30:00.000Z', stale: true },
    { id: ben.deviceId, name: 'Handheld', officer: { id: ben.userId, name: 'Ben Marsh' }, queued: 1, lastSeenAt: '2026-10-25T23:45:00.000Z', stale: false },
  ]);

  await t.send(ben, utc('2026-10-26T00:30'), [t.end(p2.patrolId, utc('2026-10-26T00:30'))]);

  // Ann's P3: Sat 31 Oct 23:30 GMT to Sun 1 Nov 00:30 GMT: 30 minutes on the 1st. A PCN at 23:50
  // on the 31st, an FPN at 00:10 on the 1st.
  const p3 = t.start(utc('2026-10-31T23:30'));
  await t.send(ann, utc('2026-10-31T23:30'), [p3.record]);
  await t.send(ann, utc('2026-11-01T00:30'), [t.pcn(ann, p3.patrolId, utc('2026-10-31T23:50')), t.fpn(p3.patrolId, utc('2026-11-01T00:10')), t.end(p3.patrolId, utc('2026-11-01T00:30'))]);
  // Ann's P4: 09:00 to 09:45, a PCN at 09:20; and a PCN off patrol at 09:50, which the view does not count (it counts notices on patrols).
  const p4 = t.start(utc('2026-11-01T09:00'));
  await t.send(ann, utc('2026-11-01T09:00'), [p4.record]);
  await t.send(ann, utc('2026-11-01T09:50'), [t.pcn(ann, p4.patrolId, utc('2026-11-01T09:20')), t.end(p4.patrolId, utc('2026-11-01T09:45')), t.pcn(ann, null, utc('2026-11-01T09:50'))]);
  // Ben's P5 from 10:00, out at noon, an FPN at 11:00; a second handheld of his registered at 10:30 and never synced.
  const p5 = t.start(utc('2026-11-01T10:00'));
  await t.send(ben, utc('2026-11-01T10:00'), [p5.record]);
  const spare = await t.device(ben, utc('2026-11-01T10:30'));
  await t.send(ben, utc('2026-11-01T11:35'), [t.trail(p5.patrolId, [[utc('2026-11-01T10:05'), 52.80, -1.64], [utc('2026-11-01T11:30'), 52.805, -1.645]])]);
  await t.send(ben, utc('2026-11-01T11:40'), [t.fpn(p5.patrolId, utc('2026-11-01T11:00')), t.trail(p5.patrolId, [[utc('2026-11-01T10:45'), 52.7, -1.7]])], 2);
  // Ann's P6 from 11:00, no point yet.
  const p6 = t.start(utc('2026-11-01T11:00'));
  await t.send(ann, utc('2026-11-01T11:05'), [p6.record], 3);

  t.clock.set(utc('2026-11-01T12:00'));
  const first = await teamView(t.deps, { leaderId: north });
  expect(first.day).toBe('2026-11-01');
  expect(first.onPatrol.map((p) => ({ patrolId: p.patrolId, officer: p.officer.name, lastPoint: p.lastPoint }))).toEqual([
    { patrolId: p6.patrolId, officer: 'Ann Fielding', lastPoint: null },
    { patrolId: p5.patrolId, officer: 'Ben Marsh', lastPoint: { lat: 52.805, lon: -1.645, at: '2026-11-01T11:30:00.000Z' } },
  ]);
  expect(byName(first.noticesToday)).toEqual([
    { officer: { id: ann.userId, name: 'Ann Fielding' }, pcn: 1, fpn: 1, defect: 0, asb: 0, inspection: 0, total: 2 },
    { officer: { id: ben.userId, name: 'Ben Marsh' }, pcn: 0, fpn: 1, defect: 0, asb: 0, inspection: 0, total: 1 },
  ]);
  // Started on the 1st: P4, P5, P6. Minutes: P3 30 + P4 45 + P5 120 + P6 60.
  expect(first.figures).toEqual({ patrols: 3, patrolMinutes: 255, pcn: 1, fpn: 2, defect: 0, asb: 0, inspection: 0 });
  // Oldest first: the spare (10:30, never synced: flagged), Ann's (11:05), Ben's (11:40).
  expect(first.devices.map((d) => ({ id: d.id, queued: d.queued, lastSeenAt: d.lastSeenAt, stale: d.stale }))).toEqual([
    { id: spare.deviceId, queued: 0, lastSeenAt: '2026-11-01T10:30:00.000Z', stale: true },
    { id: ann.deviceId, queued: 3, lastSeenAt: '2026-11-01T11:05:00.000Z', stale: false },
    { id: ben.deviceId, queued: 2, lastSeenAt: '2026-11-01T11:40:00.000Z', stale: false },
  ]);
});
