import { beforeAll, expect, it } from 'vitest';
import { makeOrganisation, makeUser, testClock, testDeps } from '../../../../../test/support/deps';
import { aContract } from '../contracts/contracts.walk';
import { lastCompleteMonth, performanceReport } from './performance.usecases';
import { seedCamera, seedFault, seedTerms } from './performance.seed';

// A hand-worked June 2026 (London; BST, so the month runs from 23:00Z on 31 May to 23:00Z on
// 30 June: 720 hours), judged on 1 July at 11:00 BST. All terms round the clock.
//   A  C1 P1 raised 3 Jun 10:00Z, attended +2 h (met 4 h), fixed 4 Jun 08:00Z (+22 h, met 24 h), accepted
//   B  C2 P1 raised 10 Jun 00:00Z, attended +5 h (breached), fixed +48 h (breached), accepted
//   C  C1 P2 raised 20 Jun 00:00Z: a repeat of A (fixed 16 days before). Attended +2 h (met 8 h);
//      clock stopped 03:00Z for 48 h awaiting a part, fixed 22 Jun 06:00Z: 54 h elapsed, 6 h on the
//      clock: met (48 h) only thanks to the stop.
//   D  C3 P2 raised 31 May 12:00Z (May's), fixed 1 Jun 11:00Z: C3 down 12 h of June
//   E  C4 P3 raised 30 Jun 20:00Z, nothing since: pending both; C4 down 3 h of June (to its end)
//   F  C5 no priority, raised 15 Jun 00:00Z, open: outside the figures, C5 down 383 h
//   C6 installed 16 June, never faulty: in service 360 h, 100%.

const clock = testClock(new Date('2026-07-01T10:00:00Z'));
const deps = testDeps({ clock });
let contractId: string;
const cams: Record<string, { id: string; reference: string }> = {};
const ids: Record<string, { id: string; reference: string }> = {};

beforeAll(async () => {
  const org = (await makeOrganisation(deps)).id;
  const { contract } = await aContract(deps, org);
  contractId = contract.id;
  const raisedBy = (await makeUser(deps, { roles: ['operator'], organisationId: org })).id;
  await seedTerms(deps.db, contractId, { P1: { responseMinutes: 240, fixMinutes: 1440 }, P2: { responseMinutes: 480, fixMinutes: 2880 }, P3: { responseMinutes: 1440, fixMinutes: 4320 }, P4: { responseMinutes: 2880, fixMinutes: 10080 } });
  for (const c of ['C1', 'C2', 'C3', 'C4', 'C5']) cams[c] = await seedCamera(deps.db);
  cams.C6 = await seedCamera(deps.db, { installedOn: '2026-06-16' });
  const fault = (camera: string, priority: 'P1' | 'P2' | 'P3' | null, raisedAt: string, steps: Parameters<typeof seedFault>[1]['fault']['steps'] = []) =>
    seedFault(deps.db, { contractId, raisedBy, fault: { cameraId: cams[camera].id, priority, raisedAt, steps } });
  ids.A = await fault('C1', 'P1', '2026-06-03T10:00:00Z', [{ kind: 'attended', at: '2026-06-03T12:00:00Z' }, { kind: 'fixed', at: '2026-06-04T08:00:00Z' }, { kind: 'accepted', at: '2026-06-04T12:00:00Z' }]);
  ids.B = await fault('C2', 'P1', '2026-06-10T00:00:00Z', [{ kind: 'attended', at: '2026-06-10T05:00:00Z' }, { kind: 'fixed', at: '2026-06-12T00:00:00Z' }, { kind: 'accepted', at: '2026-06-12T06:00:00Z' }]);
  ids.C = await fault('C1', 'P2', '2026-06-20T00:00:00Z', [
    { kind: 'attended', at: '2026-06-20T02:00:00Z' }, { kind: 'clock_stopped', at: '2026-06-20T03:00:00Z', stopReason: 'awaiting_part' },
    { kind: 'clock_restarted', at: '2026-06-22T03:00:00Z' }, { kind: 'fixed', at: '2026-06-22T06:00:00Z' }, { kind: 'accepted', at: '2026-06-22T10:00:00Z' }]);
  ids.D = await fault('C3', 'P2', '2026-05-31T12:00:00Z', [{ kind: 'attended', at: '2026-05-31T13:00:00Z' }, { kind: 'fixed', at: '2026-06-01T11:00:00Z' }, { kind: 'accepted', at: '2026-06-01T14:00:00Z' }]);
  ids.E = await fault('C4', 'P3', '2026-06-30T20:00:00Z');
  ids.F = await fault('C5', null, '2026-06-15T00:00:00Z');
});

it('works out the month by hand: SLAs by priority (a stop deducted), mean times, a repeat, credits, and availability across the month\'s edges', async () => {
  const r = await performanceReport(deps, { contractId, month: '2026-06' });
  expect(r).toMatchObject({ month: '2026-06', from: '2026-05-31T23:00:00.000Z', to: '2026-06-30T23:00:00.000Z', isFinal: false, unprioritised: 1 });
  const [p1, p2, p3, p4] = r.byPriority;
  expect(p1).toMatchObject({ priority: 'P1', raised: 2, response: { met: 1, breached: 1, pending: 0, metPercent: 50 }, fix: { met: 1, breached: 1, metPercent: 50 }, meanMinutesToRespond: 210, meanMinutesToRepair: 2100, repeats: 0 });
  expect(p2).toMatchObject({ priority: 'P2', raised: 1, response: { met: 1, metPercent: 100 }, fix: { met: 1, breached: 0, metPercent: 100 }, meanMinutesToRespond: 120, meanMinutesToRepair: 3240, repeats: 1 });
  expect(p3).toMatchObject({ priority: 'P3', raised: 1, response: { pending: 1, metPercent: null }, fix: { pending: 1, metPercent: null }, meanMinutesToRespond: null, meanMinutesToRepair: null });
  expect(p4).toMatchObject({ priority: 'P4', raised: 0 });
  expect(r.total).toMatchObject({ raised: 4, response: { met: 2, breached: 1, pending: 1 }, fix: { met: 2, breached: 1, pending: 1 }, meanMinutesToRespond: 180, meanMinutesToRepair: 2480, repeats: 1 });
  expect(r.total.response.metPercent).toBeCloseTo(66.667, 2);

  expect(r.repeatFaults).toEqual([{ fault: ids.C, camera: { id: cams.C1.id, reference: cams.C1.reference, name: 'Market Square' }, raisedAt: '2026-06-20T00:00:00.000Z', earlierFault: ids.A, earlierFixedAt: '2026-06-04T08:00:00.000Z' }]);
  // aContract's rule: P1 £100 a missed response, £200 a missed fix, capped at 10% of £12,500.
  expect(r.serviceCredits).toMatchObject({ earnedPence: 30_000, capPence: 125_000, creditPence: 30_000, isCapped: false });
  expect(r.serviceCredits!.lines[0]).toEqual({ priority: 'P1', responseBreaches: 1, responsePence: 10_000, fixBreaches: 1, fixPence: 20_000 });

  const avail = Object.fromEntries(Object.entries(cams).map(([k, c]) => [k, r.availability.cameras.find((a) => a.id === c.id)]));
  expect(avail.C1).toMatchObject({ inServiceHours: 720, downHours: 76 }); // A 22 h + C 54 h
  expect(avail.C2).toMatchObject({ downHours: 48 });
  expect(avail.C3).toMatchObject({ downHours: 12 }); // from midnight BST on 1 June only
  expect(avail.C4).toMatchObject({ downHours: 3 }); // to midnight BST on 1 July only
  expect(avail.C5).toMatchObject({ downHours: 383 }); // the unprioritised fault takes the camera down all the same
  expect(avail.C6).toMatchObject({ inServiceHours: 360, downHours: 0, percent: 100 });
  expect(avail.C1!.percent).toBeCloseTo((100 * 644) / 720, 6);
  // Least available first.
  const order = r.availability.cameras.map((a) => a.id);
  expect(order.indexOf(cams.C5.id)).toBeLessThan(order.indexOf(cams.C1.id));
  expect(order.indexOf(cams.C1.id)).toBeLessThan(order.indexOf(cams.C2.id));
});

it('without the repeat\'s earlier fault in the month before, still finds it; a month with none of the contract\'s faults is all zeros', async () => {
  const july = await performanceReport(deps, { contractId, month: '2026-07' });
  expect(july.total.raised).toBe(0);
  expect(july.repeatFaults).toEqual([]);
  // E is still open: C4 is down from the start of July until now (11:00 BST), and the month is counted to now, no further.
  expect(july.availability.cameras.find((a) => a.id === cams.C4.id)).toMatchObject({ inServiceHours: 11, downHours: 11, percent: 0 });
  expect(july.availability.cameras.find((a) => a.id === cams.C1.id)).toMatchObject({ inServiceHours: 11, downHours: 0 });
  expect(july.isFinal).toBe(false);
});

it('defaults to the last complete London month and refuses a bad month or an unknown contract', async () => {
  expect(lastCompleteMonth(new Date('2026-01-01T00:30:00Z'))).toBe('2025-12');
  expect(lastCompleteMonth(new Date('2026-06-30T23:30:00Z'))).toBe('2026-06'); // already 1 July in London
  expect((await performanceReport(deps, { contractId })).month).toBe('2026-06');
  await expect(performanceReport(deps, { contractId, month: '2026-13' })).rejects.toMatchObject({ code: 'validation.failed' });
  await expect(performanceReport(deps, { contractId: '00000000-0000-4000-8000-000000000000', month: '2026-06' })).rejects.toMatchObject({ status: 404 });
});
