import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/days';
import { BUILT_IN_CALENDAR, createWorkingCalendar } from '../calendar/workingCalendar';
import { HAND_WORKED } from './cases';
import { deadlineFor, dpComplaintAcknowledgeBy, foiDeadline, localDeadline, sarDeadline } from './clocks';
import { RULES, rulesProblem } from './rules';

const pausesOf = (p?: [string, string][]) => (p ?? []).map(([from, to]) => ({ from, to }));

describe('the hand-worked deadlines', () => {
  it('number at least forty', () => expect(HAND_WORKED.length).toBeGreaterThanOrEqual(40));

  it.each(HAND_WORKED.map((c) => [`${c.kind} received ${c.received}${c.extended ? ' extended' : ''}${c.paused ? ` paused ${c.paused.map((p) => p.join(':')).join(' ')}` : ''}: ${c.note}`, c] as const))('%s', (_, c) => {
    expect(deadlineFor(c.kind, { received: c.received, pauses: pausesOf(c.paused), extended: c.extended }).due).toBe(c.due);
  });
});

describe('a subject access request', () => {
  it('tells by when the extension letter had to go: the unextended due date', () => {
    const d = sarDeadline({ received: '2026-01-30', extended: true });
    expect(d.extensionNoticeBy).toBe('2026-03-02');
    expect(d.steps.join('\n')).toMatch(/told by Mon 2 Mar 2026/);
  });

  it('while paused, is due as if the clock restarted today, and says it is paused', () => {
    const d = sarDeadline({ received: '2026-03-02', pauses: [{ from: '2026-03-10', to: null }], today: '2026-03-15' });
    expect(d).toMatchObject({ paused: true, pausedDays: 5, due: '2026-04-07' }); // 2 Apr + 5
  });

  it('counts overlapping pauses once', () => {
    const d = sarDeadline({ received: '2026-06-01', pauses: [{ from: '2026-06-03', to: '2026-06-10' }, { from: '2026-06-05', to: '2026-06-12' }] });
    expect(d.pausedDays).toBe(9);
    expect(d.due).toBe('2026-07-10');
  });

  it('explains a due date moved off a holiday', () => {
    expect(sarDeadline({ received: '2027-11-27' }).steps.join('\n')).toMatch(/Mon 27 Dec 2027 is not a working day \(Christmas Day; then Tue 28 Dec 2027: Boxing Day\)/);
  });
});

describe('an FOI request', () => {
  it('skips a Scottish or Northern Irish holiday that an England & Wales clock would count', () => {
    expect(foiDeadline({ received: '2025-12-15' }).due).toBe('2026-01-16');
    expect(localDeadline({ received: '2025-12-15', workingDays: 20, what: 'E&W' }).due).toBe('2026-01-15');
  });

  it('ignores the council’s own closure days, which the local clocks skip', () => {
    const calendar = createWorkingCalendar({ closures: [{ day: '2026-12-24', reason: 'Christmas Eve closure' }] });
    expect(foiDeadline({ received: '2026-12-14', calendar }).due).toBe('2027-01-15');
    expect(localDeadline({ received: '2026-12-21', workingDays: 10, what: 'x', calendar }).due).toBe('2027-01-08');
  });
});

describe('a data-protection complaint', () => {
  it('is acknowledged within 30 days beginning with receipt, from 19 June 2026 only', () => {
    expect(dpComplaintAcknowledgeBy('2026-06-19')).toBe('2026-07-18');
    expect(dpComplaintAcknowledgeBy('2026-12-01')).toBe('2026-12-30');
    expect(dpComplaintAcknowledgeBy('2026-06-18')).toBeUndefined();
  });
});

describe('the dated rules', () => {
  it('do not overlap', () => {
    for (const [key, rows] of Object.entries(RULES)) expect(rulesProblem(rows as never), key).toBeUndefined();
  });
});

// Properties, over receipt days 2018–2030 and any pauses.
const day = fc.integer({ min: 0, max: 365 * 12 }).map((n) => addDays('2018-01-01', n));
const kinds = fc.constantFrom('sar', 'foi', 'complaint', 'enquiry', 'agency_footage') ;
const pause = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }));

describe('every clock', () => {
  it('never lands on a weekend or bank holiday', () => {
    fc.assert(fc.property(kinds, day, fc.boolean(), (kind, received, extended) => {
      const d = deadlineFor(kind, { received, extended });
      return BUILT_IN_CALENDAR.isWorkingDay(d.due, d.rule);
    }), { numRuns: 2000 });
  });

  it('is never brought forward by pausing then resuming', () => {
    fc.assert(fc.property(kinds, day, fc.array(pause, { maxLength: 3 }), fc.boolean(), (kind, received, spans, extended) => {
      const pauses = spans.map(([start, length]) => ({ from: addDays(received, start), to: addDays(received, start + length) }));
      const without = deadlineFor(kind, { received, extended }).due;
      const withPauses = deadlineFor(kind, { received, extended, pauses }).due;
      return withPauses >= without;
    }), { numRuns: 2000 });
  });

  it('never gives an earlier due date for a later receipt', () => {
    fc.assert(fc.property(kinds, day, fc.integer({ min: 1, max: 60 }), fc.boolean(), (kind, received, later, extended) => {
      return deadlineFor(kind, { received: addDays(received, later), extended }).due >= deadlineFor(kind, { received, extended }).due;
    }), { numRuns: 2000 });
  });

  it('is later when extended', () => {
    fc.assert(fc.property(fc.constantFrom('sar', 'foi'), day, (kind, received) => deadlineFor(kind, { received, extended: true }).due > deadlineFor(kind, { received }).due), { numRuns: 500 });
  });
});
