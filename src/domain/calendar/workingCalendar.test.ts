import { describe, expect, it } from 'vitest';
import { parseGovUkFeed } from './govUkFeed';
import { BUILT_IN_CALENDAR, createWorkingCalendar } from './workingCalendar';

describe('the working calendar', () => {
  it('keeps the FOI Act’s UK-wide days apart from England & Wales', () => {
    expect(BUILT_IN_CALENDAR.nonWorkingReason('2026-03-17', 'uk')).toBe('St Patrick’s Day (Northern Ireland)');
    expect(BUILT_IN_CALENDAR.isWorkingDay('2026-03-17', 'england-and-wales')).toBe(true);
    expect(BUILT_IN_CALENDAR.nonWorkingReason('2026-12-26', 'england-and-wales')).toBe('Saturday');
  });

  it('lets an imported year replace the built-in one whole, so a moved day is moved, not doubled', () => {
    const calendar = createWorkingCalendar({ imported: { 'england-and-wales': [{ date: '2026-05-08', title: 'Early May bank holiday (moved)', notes: '' }] } });
    expect(calendar.isWorkingDay('2026-05-08', 'england-and-wales')).toBe(false);
    expect(calendar.isWorkingDay('2026-05-04', 'england-and-wales')).toBe(true);
    expect(calendar.isWorkingDay('2027-05-03', 'england-and-wales')).toBe(false); // other years untouched
  });

  it('widens its cover to the years imported', () => {
    const calendar = createWorkingCalendar({ imported: { scotland: [{ date: '2031-01-02', title: '2nd January', notes: '' }] } });
    expect(calendar.cover.to).toBe('2031-12-31');
    expect(calendar.nonWorkingReason('2031-01-02', 'uk')).toBe('2nd January (Scotland)');
  });

  it('stops only local clocks on a council closure day', () => {
    const calendar = createWorkingCalendar({ closures: [{ day: '2026-12-24', reason: 'Christmas Eve' }] });
    expect(calendar.nonWorkingReason('2026-12-24', 'local')).toBe('Council closure: Christmas Eve');
    expect(calendar.isWorkingDay('2026-12-24', 'uk')).toBe(true);
    expect(calendar.isWorkingDay('2026-12-24', 'england-and-wales')).toBe(true);
  });
});

describe('a GOV.UK feed', () => {
  it('is refused with reasons when it is not one, or lists a day twice', () => {
    expect(parseGovUkFeed({ foo: 1 })).toMatchObject({ ok: false });
    const twice = { division: 'x', events: [{ title: 'A', date: '2031-01-01', notes: '' }, { title: 'B', date: '2031-01-01', notes: '' }] };
    const r = parseGovUkFeed({ 'england-and-wales': twice, scotland: { division: 's', events: [] }, 'northern-ireland': { division: 'n', events: [] } });
    expect(r).toEqual({ ok: false, problems: ['england-and-wales: 2031-01-01 is listed twice'] });
  });
});
