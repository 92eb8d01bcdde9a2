import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/workingCalendar';
import {
  isoWeekLabel, isoWeekOf, noticeKeys, reminderDayFor, remindersDue, weeklySummary, weeklySummaryWeek, type NoticeCandidate,
} from './notices';

const calendar = createWorkingCalendar();
const open = (over: Partial<NoticeCandidate> = {}): NoticeCandidate => ({ id: 'r1', type: 'agency_footage', dueOn: '2026-06-12', closed: false, paused: false, ...over });

describe('the reminder day', () => {
  it('is the fifth working day before the due date', () => {
    expect(reminderDayFor({ dueOn: '2026-06-12', type: 'agency_footage', calendar })).toBe('2026-06-05'); // Friday to Friday
    expect(reminderDayFor({ dueOn: '2026-06-15', type: 'agency_footage', calendar })).toBe('2026-06-08'); // Monday: the weekend skipped
  });

  it('skips bank holidays and, on the council’s own clocks only, its closure days', () => {
    // Spring bank holiday, Monday 25 May 2026.
    expect(reminderDayFor({ dueOn: '2026-05-29', type: 'sar', calendar })).toBe('2026-05-21');
    const closed = createWorkingCalendar({ closures: [{ day: '2026-05-27', reason: 'Office move' }] });
    expect(reminderDayFor({ dueOn: '2026-05-29', type: 'complaint', calendar: closed })).toBe('2026-05-20');
    expect(reminderDayFor({ dueOn: '2026-05-29', type: 'sar', calendar: closed })).toBe('2026-05-21');
  });

  it('counts a Scottish bank holiday as no working day for FOI (UK-wide) but does for a SAR', () => {
    // St Andrew's Day, Monday 30 November 2026 (Scotland).
    expect(reminderDayFor({ dueOn: '2026-12-04', type: 'foi', calendar })).toBe('2026-11-26');
    expect(reminderDayFor({ dueOn: '2026-12-04', type: 'sar', calendar })).toBe('2026-11-27');
  });
});

describe('the reminders due', () => {
  it('reminds from the fifth working day before to the due date itself, then tells of the breach from the day after', () => {
    const at = (today: string) => remindersDue([open()], { today, calendar }).map((r) => r.kind);
    expect(at('2026-06-04')).toEqual([]);
    expect(at('2026-06-05')).toEqual(['due_soon']);
    expect(at('2026-06-08')).toEqual(['due_soon']); // a run missed on the day still reminds (the key keeps it to once)
    expect(at('2026-06-12')).toEqual(['due_soon']);
    expect(at('2026-06-13')).toEqual(['breached']);
    expect(at('2026-07-30')).toEqual(['breached']);
  });

  it('keys each reminder by request and due date, so a moved due date reminds again', () => {
    const [first] = remindersDue([open()], { today: '2026-06-08', calendar });
    expect(first).toEqual({ requestId: 'r1', kind: 'due_soon', dueOn: '2026-06-12', key: 'due_soon:r1:2026-06-12' });
    const [moved] = remindersDue([open({ dueOn: '2026-06-16' })], { today: '2026-06-09', calendar });
    expect(moved!.key).toBe('due_soon:r1:2026-06-16');
    expect(remindersDue([open()], { today: '2026-06-15', calendar })[0]!.key).toBe(noticeKeys.breached('r1', '2026-06-12'));
  });

  it('sends nothing for a closed request or one whose clock is stopped', () => {
    const today = '2026-06-13';
    expect(remindersDue([open({ closed: true })], { today, calendar })).toEqual([]);
    expect(remindersDue([open({ paused: true })], { today, calendar })).toEqual([]);
    expect(remindersDue([open({ paused: true, dueOn: null })], { today, calendar })).toEqual([]);
    expect(remindersDue([open({ closed: true }), open({ id: 'r2' })], { today, calendar }).map((r) => r.requestId)).toEqual(['r2']);
  });
});

describe('the ISO week', () => {
  it('begins on Monday; week 1 holds the first Thursday', () => {
    expect(isoWeekLabel(isoWeekOf('2026-01-01'))).toBe('2026-W01');
    expect(isoWeekLabel(isoWeekOf('2026-12-31'))).toBe('2026-W53');
    expect(isoWeekLabel(isoWeekOf('2027-01-03'))).toBe('2026-W53');
    expect(isoWeekLabel(isoWeekOf('2027-01-04'))).toBe('2027-W01');
    expect(isoWeekLabel(isoWeekOf('2024-12-30'))).toBe('2025-W01');
    expect(isoWeekLabel(isoWeekOf('2026-06-08'))).toBe('2026-W24');
    expect(isoWeekLabel(isoWeekOf('2026-06-14'))).toBe('2026-W24');
  });

  it('has its summary due from Monday 07:00 London time to the end of Sunday', () => {
    expect(weeklySummaryWeek(new Date('2026-06-08T05:59:00Z'))).toBeNull(); // 06:59 BST
    expect(weeklySummaryWeek(new Date('2026-06-08T06:00:00Z'))).toEqual({ year: 2026, week: 24 }); // 07:00 BST
    expect(weeklySummaryWeek(new Date('2026-06-10T12:00:00Z'))).toEqual({ year: 2026, week: 24 });
    expect(weeklySummaryWeek(new Date('2026-06-14T22:59:00Z'))).toEqual({ year: 2026, week: 24 }); // Sunday 23:59 BST
    expect(weeklySummaryWeek(new Date('2026-12-07T06:59:00Z'))).toBeNull(); // 06:59 GMT
    expect(weeklySummaryWeek(new Date('2026-12-07T07:00:00Z'))).toEqual({ year: 2026, week: 50 });
    expect(noticeKeys.weekly({ year: 2026, week: 5 }, 'u1')).toBe('weekly:2026-W05:u1');
  });
});

describe('the weekly summary', () => {
  it('counts open requests by type, overdue, due in the next seven days and stopped', () => {
    const s = weeklySummary([
      { type: 'sar', dueOn: '2026-06-01', paused: false }, // overdue
      { type: 'sar', dueOn: '2026-06-08', paused: false }, // due today
      { type: 'foi', dueOn: '2026-06-15', paused: false }, // seven days on
      { type: 'foi', dueOn: '2026-06-16', paused: false }, // later
      { type: 'complaint', dueOn: null, paused: true },
    ], '2026-06-08');
    expect(s).toEqual({ open: 5, byType: [{ type: 'sar', open: 2 }, { type: 'foi', open: 2 }, { type: 'complaint', open: 1 }], overdue: 1, dueNext7Days: 2, paused: 1 });
  });
});
