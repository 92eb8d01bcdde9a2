import { addDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inLondon } from '../calendar/london';
import { londonMonth } from './period';
import { contractPerformance, PRIORITIES, repeatFaults, ServiceCreditRule, serviceCredits, type Priority, type ReportFault } from './performance';

// Instants in UTC with the London wall clock beside them: BST (UTC+1) until 01:00 UTC on 25 October 2026.
const at = (iso: string) => new Date(iso);
const october = londonMonth('2026-10')!;
const november = londonMonth('2026-11')!;

const fault = (f: Partial<ReportFault> & Pick<ReportFault, 'id' | 'raisedAt'>): ReportFault => ({
  cameraId: null, priority: 'P3', respondedAt: null, fixedAt: null, acceptedAt: null, responseSlaMet: null, fixSlaMet: null, ...f,
});

// October 2026 on one contract.
const faults: ReportFault[] = [
  // September's: raised 28 Sep, fixed 30 Sep 12:00 BST (11:00Z), its fix SLA missed. Not October's, but f2 repeats it.
  fault({ id: 'f0', cameraId: 'c2', priority: 'P2', raisedAt: at('2026-09-28T08:00:00Z'), respondedAt: at('2026-09-28T09:00:00Z'), fixedAt: at('2026-09-30T11:00:00Z'), acceptedAt: at('2026-09-30T15:00:00Z'), responseSlaMet: true, fixSlaMet: false }),
  // f1 P1: raised 1 Oct 08:00 BST, responded 08:45 (45 min), fixed 11:00 (180 min), accepted. Both SLAs met.
  fault({ id: 'f1', cameraId: 'c1', priority: 'P1', raisedAt: at('2026-10-01T07:00:00Z'), respondedAt: at('2026-10-01T07:45:00Z'), fixedAt: at('2026-10-01T10:00:00Z'), acceptedAt: at('2026-10-01T12:00:00Z'), responseSlaMet: true, fixSlaMet: true }),
  // f2 P1: raised 5 Oct 22:00 BST, responded 6 Oct 00:30 (150 min), fixed 09:00 (660 min), accepted. Both SLAs missed.
  //    A repeat: c2's f0 was fixed 30 Sep, 5 days before.
  fault({ id: 'f2', cameraId: 'c2', priority: 'P1', raisedAt: at('2026-10-05T21:00:00Z'), respondedAt: at('2026-10-05T23:30:00Z'), fixedAt: at('2026-10-06T08:00:00Z'), acceptedAt: at('2026-10-06T10:00:00Z'), responseSlaMet: false, fixSlaMet: false }),
  // f3 P2: raised 20 Oct 10:00 BST, responded 13:00 (180 min), fixed 21 Oct 10:00 (1440 min) but not yet accepted,
  //    so not a repair yet. Both met. A repeat: c1's f1 was fixed 1 Oct, 19 days before.
  fault({ id: 'f3', cameraId: 'c1', priority: 'P2', raisedAt: at('2026-10-20T09:00:00Z'), respondedAt: at('2026-10-20T12:00:00Z'), fixedAt: at('2026-10-21T09:00:00Z'), responseSlaMet: true, fixSlaMet: true }),
  // f4 P3, a recorder: raised 25 Oct 00:30 BST, responded 03:30 GMT: 240 real minutes (the wall clock says 180:
  //    01:00–02:00 happens twice). Response met; the fix not decided.
  fault({ id: 'f4', cameraId: null, priority: 'P3', raisedAt: at('2026-10-24T23:30:00Z'), respondedAt: at('2026-10-25T03:30:00Z'), responseSlaMet: true }),
  // f5 P3: raised 31 Oct 23:30 GMT, nothing yet.
  fault({ id: 'f5', cameraId: 'c3', priority: 'P3', raisedAt: at('2026-10-31T23:30:00Z') }),
  // November's: raised the instant October ends (1 Nov 00:00 GMT), a breach, not counted.
  fault({ id: 'f6', cameraId: 'c1', priority: 'P1', raisedAt: at('2026-11-01T00:00:00Z'), responseSlaMet: false }),
];

const rule: ServiceCreditRule = {
  monthlyChargePence: 200_000, // £2,000.00
  responseBreachPence: { P1: 5_000, P2: 2_500, P3: 1_000, P4: 0 },
  fixBreachPence: { P1: 10_000, P2: 5_000, P3: 2_000, P4: 500 },
  capPercent: 10, // £200.00
};

describe("a contract's month, hand-worked (October 2026: f1–f5 raised in it)", () => {
  const report = contractPerformance({ period: october, faults, creditRule: rule });
  const p = (priority: Priority) => report.byPriority.find((r) => r.priority === priority)!;

  it('counts the faults raised in the month by priority, every priority present', () => {
    expect(report.byPriority.map((r) => [r.priority, r.raised])).toEqual([['P1', 2], ['P2', 1], ['P3', 2], ['P4', 0]]);
    expect(report.total.raised).toBe(5);
  });

  it('gives each SLA met as a percentage of the faults whose SLA is decided, the undecided as pending', () => {
    // Response: met f1, f3, f4; missed f2; pending f5 → 3 / 4 = 75%.
    expect(report.total.response).toEqual({ met: 3, breached: 1, pending: 1, metPercent: 75 });
    // Fix: met f1, f3; missed f2; pending f4, f5 → 2 / 3 = 66.67%.
    expect(report.total.fix).toMatchObject({ met: 2, breached: 1, pending: 2 });
    expect(report.total.fix.metPercent).toBeCloseTo(66.666_667, 5);
    expect(p('P1').response).toEqual({ met: 1, breached: 1, pending: 0, metPercent: 50 });
    expect(p('P3').fix).toEqual({ met: 0, breached: 0, pending: 2, metPercent: null });
    expect(p('P4').response.metPercent).toBeNull();
  });

  it('gives mean minutes raised → responded, and raised → fixed over accepted fixes, in real elapsed time', () => {
    // Respond: (45 + 150 + 180 + 240) / 4 = 615 / 4 = 153.75. Repair: f1 180, f2 660 (f3 not accepted) → 420.
    expect(report.total.meanMinutesToRespond).toBe(153.75);
    expect(report.total.meanMinutesToRepair).toBe(420);
    expect(p('P1')).toMatchObject({ meanMinutesToRespond: 97.5, meanMinutesToRepair: 420 }); // (45 + 150) / 2; (180 + 660) / 2
    expect(p('P2')).toMatchObject({ meanMinutesToRespond: 180, meanMinutesToRepair: null });
    expect(p('P4')).toMatchObject({ meanMinutesToRespond: null, meanMinutesToRepair: null });
  });

  it('finds the repeat faults, including one after a fix in the month before', () => {
    expect(report.repeatFaults).toEqual([
      { faultId: 'f2', cameraId: 'c2', raisedAt: at('2026-10-05T21:00:00Z'), earlierFaultId: 'f0', earlierFixedAt: at('2026-09-30T11:00:00Z') },
      { faultId: 'f3', cameraId: 'c1', raisedAt: at('2026-10-20T09:00:00Z'), earlierFaultId: 'f1', earlierFixedAt: at('2026-10-01T10:00:00Z') },
    ]);
    expect([report.total.repeats, p('P1').repeats, p('P2').repeats, p('P3').repeats]).toEqual([2, 1, 1, 0]);
  });

  it("credits the month's breaches by priority, up to the cap", () => {
    // f2 (P1) missed both: 5,000p + 10,000p = 15,000p, under the cap of 10% × 200,000p = 20,000p.
    // f0's missed fix is September's; f6's missed response is November's.
    expect(report.serviceCredits).toMatchObject({ earnedPence: 15_000, capPence: 20_000, creditPence: 15_000, isCapped: false });
    expect(report.serviceCredits!.lines[0]).toEqual({ priority: 'P1', responseBreaches: 1, responsePence: 5_000, fixBreaches: 1, fixPence: 10_000 });
    // A cap of 5% is 10,000p: the credit stops there.
    const capped = contractPerformance({ period: october, faults, creditRule: { ...rule, capPercent: 5 } }).serviceCredits;
    expect(capped).toMatchObject({ earnedPence: 15_000, capPence: 10_000, creditPence: 10_000, isCapped: true });
    // A contract without credits has none to show.
    expect(contractPerformance({ period: october, faults }).serviceCredits).toBeNull();
  });
});

describe('an empty month', () => {
  it('has counts of 0 and no percentages or means rather than NaN', () => {
    const report = contractPerformance({ period: november, faults: [], creditRule: rule });
    const none = { raised: 0, response: { met: 0, breached: 0, pending: 0, metPercent: null }, fix: { met: 0, breached: 0, pending: 0, metPercent: null }, meanMinutesToRespond: null, meanMinutesToRepair: null, repeats: 0 };
    expect(report.total).toEqual(none);
    expect(report.byPriority).toEqual(Object.keys(PRIORITIES).map((priority) => ({ priority, ...none })));
    expect(report.repeatFaults).toEqual([]);
    expect(report.serviceCredits).toMatchObject({ earnedPence: 0, capPence: 20_000, creditPence: 0, isCapped: false });
  });
});

describe('repeat faults', () => {
  // Fixed 10 Oct 12:00 BST (11:00Z). 30 London days later is 9 Nov 12:00 GMT (12:00Z): 721 real hours, as the clocks went back.
  const fixedAt = at('2026-10-10T11:00:00Z');
  const earlier = (cameraId: string) => fault({ id: `${cameraId}-earlier`, cameraId, raisedAt: at('2026-10-10T08:00:00Z'), fixedAt });
  const later = (cameraId: string, raisedAt: string) => fault({ id: `${cameraId}-later`, cameraId, raisedAt: at(raisedAt) });
  const ids = (list: ReportFault[]) => repeatFaults({ period: november, faults: list }).map((r) => r.faultId);

  it('counts 30 London calendar days to the same wall-clock minute, inclusive, across the clock change', () => {
    expect(ids([earlier('a'), later('a', '2026-11-09T11:30:00Z')])).toEqual(['a-later']); // 720.5 hours after: more than 30 × 24
    expect(ids([earlier('b'), later('b', '2026-11-09T12:00:00Z')])).toEqual(['b-later']); // the last minute that counts
    expect(ids([earlier('c'), later('c', '2026-11-09T12:01:00Z')])).toEqual([]);
  });

  it('needs the same camera, an earlier fix before the raise, and a fault raised in the period', () => {
    expect(ids([earlier('a'), later('b', '2026-11-02T12:00:00Z')])).toEqual([]); // another camera
    const unfixed = fault({ id: 'open', cameraId: 'd', raisedAt: at('2026-11-01T09:00:00Z'), fixedAt: at('2026-11-10T09:00:00Z') });
    expect(ids([unfixed, later('d', '2026-11-05T09:00:00Z')])).toEqual([]); // raised while the earlier one was unfixed
    expect(ids([earlier('e'), later('e', '2026-10-20T09:00:00Z')])).toEqual([]); // October's repeat, not November's
    const equipment = [{ ...earlier('x'), cameraId: null }, { ...later('x', '2026-11-02T09:00:00Z'), cameraId: null }];
    expect(ids(equipment)).toEqual([]);
  });

  it('names the latest earlier fix', () => {
    const older = fault({ id: 'older', cameraId: 'a', raisedAt: at('2026-10-01T08:00:00Z'), fixedAt: at('2026-10-02T08:00:00Z') });
    const [repeat] = repeatFaults({ period: november, faults: [earlier('a'), older, later('a', '2026-11-01T09:00:00Z')] });
    expect(repeat).toMatchObject({ earlierFaultId: 'a-earlier', earlierFixedAt: fixedAt });
  });
});

describe('service credits', () => {
  it('caps at a percentage of the monthly charge rounded down to whole pence, exactly', () => {
    const breach = fault({ id: 'b', priority: 'P1', raisedAt: at('2026-10-02T09:00:00Z'), fixSlaMet: false });
    const credits = serviceCredits({ faults: [breach], rule: { ...rule, monthlyChargePence: 12_345, capPercent: 7.5 } });
    expect(credits).toMatchObject({ earnedPence: 10_000, capPence: 925, creditPence: 925, isCapped: true }); // 12,345 × 7.5% = 925.875
  });

  it('is a rule an administrator enters with reasons for what is wrong', () => {
    expect(ServiceCreditRule.safeParse(rule).success).toBe(true);
    const bad = ServiceCreditRule.safeParse({ ...rule, monthlyChargePence: 10.5, capPercent: 7.125, fixBreachPence: { ...rule.fixBreachPence, P2: -1 } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['monthlyChargePence', 'Enter the monthly charge in whole pence'],
      ['fixBreachPence.P2', 'The credit for a missed fix for P2 cannot be negative'],
      ['capPercent', 'Give the cap to at most 2 decimal places'],
    ]);
  });
});

describe('the figures, for any month of faults', () => {
  const DAY = 86_400_000;
  const start = october.from.getTime();
  const minute = (t: number) => new Date(t - (t % 60_000));
  const outcome = fc.constantFrom(true, false, null);
  const anyFault = fc.record({
    camera: fc.option(fc.constantFrom('c1', 'c2', 'c3'), { nil: null }),
    priority: fc.constantFrom<Priority>('P1', 'P2', 'P3', 'P4'),
    raised: fc.integer({ min: start - 40 * DAY, max: start + 35 * DAY }),
    respondAfter: fc.option(fc.integer({ min: 0, max: 3 * DAY }), { nil: null }),
    fixAfter: fc.option(fc.integer({ min: 0, max: 20 * DAY }), { nil: null }),
    accepted: fc.boolean(),
    responseSlaMet: outcome, fixSlaMet: outcome,
  });
  const faultList = fc.array(anyFault, { maxLength: 30 }).map((list) => list.map((f, i): ReportFault => ({
    id: `f${i}`, cameraId: f.camera, priority: f.priority, raisedAt: minute(f.raised),
    respondedAt: f.respondAfter === null ? null : minute(f.raised + f.respondAfter),
    fixedAt: f.fixAfter === null ? null : minute(f.raised + f.fixAfter),
    acceptedAt: f.fixAfter !== null && f.accepted ? minute(f.raised + f.fixAfter + DAY) : null,
    responseSlaMet: f.responseSlaMet, fixSlaMet: f.fixSlaMet,
  })));

  it('add up: the total is the sum of the priorities, percentages lie in 0–100 or are null when nothing is decided', () => {
    fc.assert(fc.property(faultList, (list) => {
      const { total, byPriority } = contractPerformance({ period: october, faults: list });
      const sum = (pick: (r: typeof total) => number) => byPriority.reduce((s, r) => s + pick(r), 0);
      for (const pick of [(r: typeof total) => r.raised, (r: typeof total) => r.response.met, (r: typeof total) => r.response.breached,
        (r: typeof total) => r.fix.pending, (r: typeof total) => r.repeats]) expect(pick(total)).toBe(sum(pick));
      for (const r of [total, ...byPriority]) {
        for (const sla of [r.response, r.fix]) {
          expect(sla.met + sla.breached + sla.pending).toBe(r.raised);
          if (sla.met + sla.breached === 0) expect(sla.metPercent).toBeNull();
          else expect(sla.metPercent).toSatisfy((x: number) => x >= 0 && x <= 100);
        }
        for (const mean of [r.meanMinutesToRespond, r.meanMinutesToRepair]) expect(mean === null || mean >= 0).toBe(true);
      }
    }));
  });

  it('find exactly the repeats the definition gives, checked fault against fault', () => {
    fc.assert(fc.property(faultList, (list) => {
      const expected = list.filter((f) => f.cameraId !== null && f.raisedAt >= october.from && f.raisedAt < october.to && list.some((g) =>
        g.id !== f.id && g.cameraId === f.cameraId && g.fixedAt !== null && g.fixedAt <= f.raisedAt && f.raisedAt <= addDays(inLondon(g.fixedAt), 30)));
      expect(repeatFaults({ period: october, faults: list }).map((r) => r.faultId).sort()).toEqual(expected.map((f) => f.id).sort());
    }));
  });

  it('never credit more than the cap or than the breaches earn, and another breach never lowers the credit', () => {
    fc.assert(fc.property(faultList, fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), (list, charge, bp) => {
      const r = { ...rule, monthlyChargePence: charge, capPercent: bp / 100 };
      const credits = serviceCredits({ faults: list, rule: r });
      expect(credits.creditPence).toBeLessThanOrEqual(credits.capPence);
      expect(credits.creditPence).toBeLessThanOrEqual(credits.earnedPence);
      expect(credits.capPence).toBe(Math.floor((charge * bp) / 10_000));
      const more = serviceCredits({ faults: [...list, fault({ id: 'extra', priority: 'P1', raisedAt: october.from, responseSlaMet: false })], rule: r });
      expect(more.creditPence).toBeGreaterThanOrEqual(credits.creditPence);
    }));
  });
});
