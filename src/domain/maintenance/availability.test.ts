import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityByCamera, cameraAvailability, overallAvailability, type Outage } from './availability';
import { hoursIn, londonMonth, type Period } from './period';

// Instants are written in UTC with the London wall clock beside them: BST is UTC+1 until 01:00 UTC
// on the last Sunday of October (25 October 2026) and from 01:00 UTC on the last Sunday of March
// (29 March 2026); GMT is UTC.
const at = (iso: string) => new Date(iso);
const october = londonMonth('2026-10')!;
const march = londonMonth('2026-03')!;

describe('a report period', () => {
  it('is a London calendar month of real elapsed hours', () => {
    expect(october).toEqual({ from: at('2026-09-30T23:00:00Z'), to: at('2026-11-01T00:00:00Z') }); // 00:00 BST to 00:00 GMT
    expect(hoursIn(october)).toBe(745); // 31 × 24 + the hour 01:00–02:00 on 25 October, lived twice
    expect(hoursIn(march)).toBe(743); // 31 × 24 − the hour 01:00–02:00 on 29 March, skipped
    expect(hoursIn(londonMonth('2026-11')!)).toBe(720);
    expect(hoursIn(londonMonth('2026-07')!)).toBe(744);
    expect(hoursIn(londonMonth('2028-02')!)).toBe(696); // a leap year
    expect(londonMonth('2026-12')).toEqual({ from: at('2026-12-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z') });
    for (const bad of ['2026-13', '2026-00', '2026-1', 'October', '']) expect(londonMonth(bad)).toBeUndefined();
  });
});

describe("a camera's availability over October 2026 (745 hours), hand-worked", () => {
  it('counts overlapping faults once and a fault from September only from 1 October, in real hours across the clock change', () => {
    const outages: Outage[] = [
      // A: 30 Sep 22:00 BST to 2 Oct 10:00 BST (21:00Z–09:00Z). The period starts 1 Oct 00:00 BST (30 Sep 23:00Z):
      //    30 Sep 23:00Z → 2 Oct 09:00Z = 1 + 24 + 9 = 34 hours in October (the 2 hours in September are not).
      { openedAt: at('2026-09-30T21:00:00Z'), closedAt: at('2026-10-02T09:00:00Z') },
      // B: 2 Oct 08:00–12:00 BST (07:00Z–11:00Z), a second fault while A is open: 07:00Z–09:00Z is already
      //    counted under A, so B adds only 09:00Z–11:00Z = 2 hours.
      { openedAt: at('2026-10-02T07:00:00Z'), closedAt: at('2026-10-02T11:00:00Z') },
      // C: 25 Oct 00:30 BST to 03:30 GMT (24 Oct 23:30Z – 25 Oct 03:30Z). The wall clock moves 3 hours, but
      //    01:00–02:00 happens twice (BST, then GMT): 4 real hours.
      { openedAt: at('2026-10-24T23:30:00Z'), closedAt: at('2026-10-25T03:30:00Z') },
    ];
    // Down 34 + 2 + 4 = 40 hours; operational 745 − 40 = 705; 705 / 745 = 141 / 149 = 94.6308724832…%.
    const result = cameraAvailability({ period: october, outages });
    expect(result.inServiceHours).toBe(745);
    expect(result.downHours).toBe(40);
    expect(result.operationalHours).toBe(705);
    expect(result.percent).toBeCloseTo(94.630_872_483_2, 9);
  });

  it('counts only the time in service of a camera installed during the month, and a fault still open up to the month end', () => {
    const installedAt = at('2026-10-15T11:00:00Z'); // 15 Oct 12:00 BST
    // In service 15 Oct 11:00Z → 1 Nov 00:00Z = 16 days 13 hours = 397 hours (the wall clock says 16 days 12 hours:
    // the extra hour is 25 October's).
    const outages: Outage[] = [
      // During commissioning, 14 Oct 10:00 BST to 15 Oct 14:00 BST (09:00Z – 13:00Z): only 11:00Z–13:00Z = 2 hours count.
      { openedAt: at('2026-10-14T09:00:00Z'), closedAt: at('2026-10-15T13:00:00Z') },
      // Opened 31 Oct 20:00 GMT (20:00Z), still open: counted to the period end, 1 Nov 00:00Z = 4 hours.
      { openedAt: at('2026-10-31T20:00:00Z'), closedAt: null },
    ];
    // Down 2 + 4 = 6; operational 397 − 6 = 391; 391 / 397 = 98.4886649874…%.
    const result = cameraAvailability({ period: october, outages, inService: { from: installedAt } });
    expect(result).toMatchObject({ inServiceHours: 397, downHours: 6, operationalHours: 391 });
    expect(result.percent).toBeCloseTo(98.488_664_987_4, 9);
  });

  it('stops counting when a camera is decommissioned, here in the night the clocks go forward in March', () => {
    // March 2026: 1 Mar 00:00 GMT (00:00Z) to 1 Apr 00:00 BST (31 Mar 23:00Z) = 743 hours.
    // Decommissioned 29 Mar 03:00 BST (02:00Z): in service 1 Mar 00:00Z → 29 Mar 02:00Z = 28 days 2 hours = 674 hours.
    // A fault opened 28 Mar 23:00 GMT (23:00Z) and never closed: down to 02:00Z = 3 hours (the wall clock says 4).
    // Operational 674 − 3 = 671; 671 / 674 = 99.5548961424…%.
    const result = cameraAvailability({
      period: march, inService: { from: at('2019-05-01T09:00:00Z'), to: at('2026-03-29T02:00:00Z') },
      outages: [{ openedAt: at('2026-03-28T23:00:00Z'), closedAt: null }],
    });
    expect(result).toMatchObject({ inServiceHours: 674, downHours: 3, operationalHours: 671 });
    expect(result.percent).toBeCloseTo(99.554_896_142_4, 9);
  });

  it('is 100% with no faults, 0% down all month, and none at all for a camera not in service during the period', () => {
    expect(cameraAvailability({ period: october, outages: [] }).percent).toBe(100);
    expect(cameraAvailability({ period: october, outages: [{ openedAt: at('2026-08-01T00:00:00Z'), closedAt: null }] }))
      .toEqual({ inServiceHours: 745, downHours: 745, operationalHours: 0, percent: 0 });
    const gone = { to: at('2026-09-01T00:00:00Z') };
    expect(cameraAvailability({ period: october, outages: [], inService: gone })).toEqual({ inServiceHours: 0, downHours: 0, operationalHours: 0, percent: null });
    const notYet = { from: at('2026-11-01T00:00:00Z') }; // installed the instant the period ends
    expect(cameraAvailability({ period: october, outages: [], inService: notYet }).percent).toBeNull();
  });

  it('ignores faults wholly outside the period and faults that closed as they opened', () => {
    const outages: Outage[] = [
      { openedAt: at('2026-09-01T00:00:00Z'), closedAt: at('2026-09-30T23:00:00Z') }, // closed the instant October began
      { openedAt: at('2026-11-01T00:00:00Z'), closedAt: null }, // opened the instant it ended
      { openedAt: at('2026-10-10T10:00:00Z'), closedAt: at('2026-10-10T10:00:00Z') },
    ];
    expect(cameraAvailability({ period: october, outages }).percent).toBe(100);
  });
});

describe('the estate', () => {
  it("gives each listed camera its own figure and the estate's as hours over hours", () => {
    const outages = [
      { cameraId: 'c1', openedAt: at('2026-10-02T07:00:00Z'), closedAt: at('2026-10-02T11:00:00Z') }, // 4 h
      { cameraId: 'c2', openedAt: at('2026-10-31T20:00:00Z'), closedAt: null }, // 4 h
      { cameraId: 'unlisted', openedAt: at('2026-10-01T00:00:00Z'), closedAt: null },
    ];
    const cameras = [{ cameraId: 'c1' }, { cameraId: 'c2', inService: { from: at('2026-10-15T11:00:00Z') } }, { cameraId: 'c3' }];
    const rows = availabilityByCamera({ period: october, cameras, outages });
    expect(rows.map((r) => [r.cameraId, r.inServiceHours, r.downHours])).toEqual([['c1', 745, 4], ['c2', 397, 4], ['c3', 745, 0]]);
    // (745 + 397 + 745 − 8) / (745 + 397 + 745) = 1879 / 1887 = 99.5760466348…%
    const estate = overallAvailability(rows);
    expect(estate).toMatchObject({ inServiceHours: 1887, downHours: 8, operationalHours: 1879 });
    expect(estate.percent).toBeCloseTo(99.576_046_634_8, 9);
    expect(overallAvailability([]).percent).toBeNull();
  });
});

describe('availability, for any fault history', () => {
  const DAY = 86_400_000;
  const month = fc.record({ year: fc.integer({ min: 2020, max: 2035 }), month: fc.integer({ min: 1, max: 12 }) })
    .map(({ year, month: m }) => londonMonth(`${year}-${String(m).padStart(2, '0')}`)!);
  // Faults from 40 days before the period to 5 days after it, a minute to 60 days long, some still open.
  const outage = (period: Period) => fc.record({
    openedAt: fc.integer({ min: period.from.getTime() - 40 * DAY, max: period.to.getTime() + 5 * DAY }).map((t) => new Date(t - (t % 60_000))),
    length: fc.option(fc.integer({ min: 1, max: 60 * 24 * 60 }), { nil: null }),
  }).map(({ openedAt, length }): Outage => ({ openedAt, closedAt: length === null ? null : new Date(openedAt.getTime() + length * 60_000) }));
  const history = month.chain((period) => fc.record({ period: fc.constant(period), outages: fc.array(outage(period), { maxLength: 12 }), extra: outage(period) }));

  it('is between 0 and 100, and never less than 0 hours down or more than the hours in service', () => {
    fc.assert(fc.property(history, ({ period, outages }) => {
      const r = cameraAvailability({ period, outages });
      expect(r.percent).not.toBeNull();
      expect(r.percent!).toBeGreaterThanOrEqual(0);
      expect(r.percent!).toBeLessThanOrEqual(100);
      expect(r.downHours).toBeGreaterThanOrEqual(0);
      expect(r.downHours).toBeLessThanOrEqual(r.inServiceHours);
      expect(r.inServiceHours).toBe(hoursIn(period));
    }));
  });

  it('never rises when a fault is added', () => {
    fc.assert(fc.property(history, ({ period, outages, extra }) => {
      const before = cameraAvailability({ period, outages }).percent!;
      expect(cameraAvailability({ period, outages: [...outages, extra] }).percent!).toBeLessThanOrEqual(before);
    }));
  });

  it('is unchanged when a fault is split into two that touch, or the faults come in another order', () => {
    fc.assert(fc.property(history, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), ({ period, outages, extra }, index, where) => {
      const all = [...outages, extra];
      const i = index % all.length;
      const { openedAt, closedAt } = all[i];
      const end = closedAt?.getTime() ?? period.to.getTime() + 10 * DAY;
      const cut = new Date(openedAt.getTime() + Math.floor((end - openedAt.getTime()) * where));
      const split = [...all.slice(0, i), { openedAt, closedAt: cut }, { openedAt: cut, closedAt }, ...all.slice(i + 1)];
      const whole = cameraAvailability({ period, outages: all });
      expect(cameraAvailability({ period, outages: split })).toEqual(whole);
      expect(cameraAvailability({ period, outages: [...split].reverse() })).toEqual(whole);
    }));
  });
});
