import { describe, expect, it } from 'vitest';
import { monthName, monthsBetween, percentText, rangeProblem, shiftMonth, timeliness, type TimelinessRow } from './reports';

const row = (over: Partial<TimelinessRow>): TimelinessRow => ({ type: 'foi', receivedOn: '2026-04-01', dueOn: '2026-04-29', closedOn: null, ...over });
const figures = (report: ReturnType<typeof timeliness>, month: string, type: string) =>
  report.months.find((m) => m.month === month)!.types.find((t) => t.type === type)!.figures;

describe('the timeliness report', () => {
  const rows: TimelinessRow[] = [
    row({ closedOn: '2026-04-20' }), // April FOI, on time in April
    row({ closedOn: '2026-04-29' }), // on the due date itself: on time
    row({ closedOn: '2026-05-04' }), // received April, late in May
    row({ receivedOn: '2026-04-15', dueOn: '2026-05-14' }), // open, overdue on 1 June
    row({ receivedOn: '2026-04-20', dueOn: '2026-06-02' }), // open, not yet due
    row({ receivedOn: '2026-04-21', dueOn: null }), // open, clock stopped: never overdue
    row({ type: 'sar', receivedOn: '2026-05-02', dueOn: null, closedOn: '2026-05-10' }), // withdrawn while stopped: on time
    row({ type: 'sar', receivedOn: '2026-03-30', dueOn: '2026-04-30', closedOn: '2026-04-30' }), // received before the range, closed in it
    row({ type: 'sar', receivedOn: '2026-06-01', dueOn: '2026-07-01' }), // after the range
  ];
  const report = timeliness({ rows, from: '2026-04', to: '2026-05', today: '2026-06-01' });

  it('counts receipts in the month received and completions in the month closed, on time when closed by the due date', () => {
    expect(figures(report, '2026-04', 'foi')).toEqual({ received: 6, completed: 2, onTime: 2, late: 0, openOverdue: 1, onTimePercent: 100 });
    expect(figures(report, '2026-05', 'foi')).toEqual({ received: 0, completed: 1, onTime: 0, late: 1, openOverdue: 0, onTimePercent: 0 });
    expect(figures(report, '2026-04', 'sar')).toEqual({ received: 0, completed: 1, onTime: 1, late: 0, openOverdue: 0, onTimePercent: 100 });
    expect(figures(report, '2026-05', 'sar')).toEqual({ received: 1, completed: 1, onTime: 1, late: 0, openOverdue: 0, onTimePercent: 100 });
    expect(figures(report, '2026-05', 'complaint')).toEqual({ received: 0, completed: 0, onTime: 0, late: 0, openOverdue: 0, onTimePercent: null });
  });

  it('totals each month, each kind over the range, and the whole', () => {
    expect(report.months.map((m) => m.month)).toEqual(['2026-04', '2026-05']);
    expect(report.months[0]!.types.map((t) => t.type)).toEqual(['agency_footage', 'third_party_footage', 'sar', 'foi', 'complaint', 'enquiry', 'viewing']);
    expect(report.months[1]!.total).toEqual({ received: 1, completed: 2, onTime: 1, late: 1, openOverdue: 0, onTimePercent: 50 });
    expect(report.byType.find((t) => t.type === 'foi')!.figures).toEqual({ received: 6, completed: 3, onTime: 2, late: 1, openOverdue: 1, onTimePercent: 66.7 });
    expect(report.total).toEqual({ received: 7, completed: 5, onTime: 4, late: 1, openOverdue: 1, onTimePercent: 80 });
  });

  it('judges overdue on the day given', () => {
    const earlier = timeliness({ rows, from: '2026-04', to: '2026-04', today: '2026-05-14' });
    expect(figures(earlier, '2026-04', 'foi').openOverdue).toBe(0); // due today is not yet overdue
  });
});

describe('months', () => {
  it('runs over year ends, shifts both ways and names them', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-05', -11)).toBe('2025-06');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(monthName('2026-04')).toBe('April 2026');
    expect(percentText(66.7)).toBe('66.7%');
    expect(percentText(null)).toBe('—');
  });

  it('refuses a backwards range or one longer than two years', () => {
    expect(rangeProblem('2026-05', '2026-04')).toMatchObject({ path: 'from' });
    expect(rangeProblem('2024-01', '2025-12')).toBeUndefined();
    expect(rangeProblem('2024-01', '2026-01')).toMatchObject({ message: 'Choose at most 24 months' });
  });
});
