import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser } from '../../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import { actorOf } from '../handheld/handheld.fixtures';
import { timeline, utc } from '../patrols/patrols.fixtures';
import { addContract, addParish, monthlyReport } from './parishes.usecases';

// The parish billing report on real patrols synced from handhelds, on a database of its own: each
// contract in force in a London month, its patrol minutes (each patrol clipped to the month), its
// visits (patrols that started in it) and the notices issued on its patrols in the month. Across
// September's end in BST, the clocks going back on 25 October 2026 and October's end in GMT.
// Instants are UTC; London in comments.

let own: OwnDatabase;
beforeAll(async () => { own = await ownDatabase(); });
afterAll(async () => { await own?.drop(); });

const none = { pcn: 0, fpn: 0, defect: 0, asb: 0, inspection: 0 };

it('bills each contract’s London month: minutes clipped to the month, visits where they started, notices where they were issued', async () => {
  const t = timeline(own.db, utc('2026-09-01T09:00'));
  const clerk = actorOf(await makeUser(t.deps, { roles: ['patrol_leader'] }));
  const stapenhill = await addParish(t.deps, { actor: clerk, input: { name: 'Stapenhill Parish Council', contact: '', notes: '' } });
  const outwoods = await addParish(t.deps, { actor: clerk, input: { name: 'Outwoods Parish Council', contact: '', notes: '' } });
  const contract = (parishId: string, label: string, hoursPerMonth: number, visitsPerMonth: number, validFrom: string, validTo: string | null) =>
    addContract(t.deps, { actor: clerk, input: { parishId, label, hoursPerMonth, visitsPerMonth, validFrom, validTo, notes: '' } });
  const a = await contract(stapenhill.id, '', 10, 4, '2026-01-01', null);
  const summer = await contract(stapenhill.id, 'Summer evenings', 2, 2, '2026-06-01', '2026-09-30');
  const b = await contract(outwoods.id, '', 5, 2, '2026-10-01', null);

  const ann = await t.officer('Ann Fielding', utc('2026-09-01T09:00'));
  const ben = await t.officer('Ben Marsh', utc('2026-09-01T09:00'));
  const patrol = async (o: typeof ann, from: Date, to: Date | null, contractId: string | null, notices: (id: string) => Parameters<typeof t.send>[2] = () => []) => {
    const p = t.start(from, { contractId, hours: 4 });
    await t.send(o, from, [p.record]);
    const last = to ?? from;
    await t.send(o, last, [...notices(p.patrolId), ...(to ? [t.end(p.patrolId, to)] : [])]);
    return p.patrolId;
  };

  // Summer evenings: Wed 30 Sep 17:00 to 18:00 BST, 60 minutes in September, its last day.
  await patrol(ann, utc('2026-09-30T16:00'), utc('2026-09-30T17:00'), summer.id);
  // A: Wed 30 Sep 22:00 BST to Thu 1 Oct 01:00 BST: 120 minutes in September, 60 in October, a visit
  // in September; a PCN at 23:30 BST on the 30th.
  await patrol(ben, utc('2026-09-30T21:00'), utc('2026-10-01T00:00'), a.id, (id) => [t.pcn(ben, id, utc('2026-09-30T22:30'))]);
  // A: Sun 25 Oct 00:30 BST to 01:30 GMT: 120 minutes (the wall clock says one hour); a PCN at
  // 01:15 BST and an FPN at 01:15 GMT.
  await patrol(ann, utc('2026-10-24T23:30'), utc('2026-10-25T01:30'), a.id, (id) => [t.pcn(ann, id, utc('2026-10-25T00:15')), t.fpn(id, utc('2026-10-25T01:15'))]);
  // B: Sat 31 Oct 14:00 to 15:30 GMT, 90 minutes; a PCN at 14:30.
  await patrol(ben, utc('2026-10-31T14:00'), utc('2026-10-31T15:30'), b.id, (id) => [t.pcn(ben, id, utc('2026-10-31T14:30'))]);
  // No contract: Sat 31 Oct 20:00 to 21:00 GMT with a PCN: on nobody's bill.
  await patrol(ann, utc('2026-10-31T20:00'), utc('2026-10-31T21:00'), null, (id) => [t.pcn(ann, id, utc('2026-10-31T20:30'))]);
  // A: Sat 31 Oct 23:30 to Sun 1 Nov 00:30 GMT: 30 minutes in each month, a visit in October; a PCN
  // at 23:50 (October), an FPN at 00:10 (November).
  await patrol(ann, utc('2026-10-31T23:30'), utc('2026-11-01T00:30'), a.id, (id) => [t.pcn(ann, id, utc('2026-10-31T23:50')), t.fpn(id, utc('2026-11-01T00:10'))]);
  // B: Sun 1 Nov from 10:00 GMT, still out at noon (counted until now); an FPN at 11:00.
  const out = await patrol(ben, utc('2026-11-01T10:00'), null, b.id);
  await t.send(ben, utc('2026-11-01T11:00'), [t.fpn(out, utc('2026-11-01T11:00'))]);
  t.clock.set(utc('2026-11-01T12:00'));

  const row = (name: string, patrolMinutes: number, visits: number, notices: Partial<typeof none>, contractedMinutes: number, contractedVisits: number) => ({
    name, patrolMinutes, visits, notices: { ...none, ...notices }, contractedMinutes, contractedVisits,
    minutesDifference: patrolMinutes - contractedMinutes, visitsDifference: visits - contractedVisits, hoursPercent: Math.round((patrolMinutes / contractedMinutes) * 100),
  });
  const report = async (month: string) => {
    const r = await monthlyReport(t.deps, { month });
    return { from: r.from, to: r.to, rows: r.rows.map(({ contract: c, ...rest }) => ({ name: c.name, ...rest })) };
  };

  // September (BST): 31 Aug 23:00 to 30 Sep 23:00 UTC. B is not in force yet.
  expect(await report('2026-09')).toEqual({
    from: '2026-08-31T23:00:00.000Z', to: '2026-09-30T23:00:00.000Z',
    rows: [row('Stapenhill Parish Council', 120, 1, { pcn: 1 }, 600, 4), row('Stapenhill Parish Council: Summer evenings', 60, 1, {}, 120, 2)],
  });
  // October: 30 Sep 23:00 to 1 Nov 00:00 UTC (31 days and an hour). Summer evenings ended on 30 September.
  // A: 60 + 120 + 30 = 210 minutes, 2 visits, PCNs at 01:15 BST on the 25th and 23:50 on the 31st, the FPN at 01:15 GMT.
  expect(await report('2026-10')).toEqual({
    from: '2026-09-30T23:00:00.000Z', to: '2026-11-01T00:00:00.000Z',
    rows: [row('Outwoods Parish Council', 90, 1, { pcn: 1 }, 300, 2), row('Stapenhill Parish Council', 210, 2, { pcn: 2, fpn: 1 }, 600, 4)],
  });
  expect((await report('2026-10')).rows[1]!.hoursPercent).toBe(35);
  // November, at noon on the 1st: A 30 minutes and the FPN at 00:10, no visit; B 120 minutes so far, a visit, an FPN.
  expect(await report('2026-11')).toEqual({
    from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z',
    rows: [row('Outwoods Parish Council', 120, 1, { fpn: 1 }, 300, 2), row('Stapenhill Parish Council', 30, 0, { fpn: 1 }, 600, 4)],
  });
});
