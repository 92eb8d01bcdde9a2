import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_POLICY } from '../../../domain/deadlines/policy';
import { requestClock } from '../../../domain/requests/clock';
import type { CalendarData, RequestDetail } from '../../../domain/requests/contract';
import { calendarOf, clockOnPage } from './clockOnPage';
import { clockCaseOf as serverClockCaseOf } from '../../../server/modules/requests/register/register.views';
import type { RequestRow } from '../../../server/modules/requests/register/register.repository';

// The page's due date against the server's for the same request, and both against the date worked by hand.

type Case = Parameters<typeof clockOnPage>[0];
const request = (over: Partial<Case> & Pick<Case, 'type' | 'receivedOn'>): Case => ({
  stageReceivedOn: over.receivedOn, complaintStage: 1, extended: false, isDataProtectionComplaint: false, pauses: [],
  clockCase: { policy: DEFAULT_CLOCK_POLICY }, closedAt: null, ...over,
});

/** The server's clock for the same request: its row as the register holds it, through the server's own mapping. */
function serverDue(r: Case, calendar: CalendarData, today: string) {
  const row = {
    type: r.type, received_on: r.receivedOn, stage_received_on: r.stageReceivedOn, complaint_stage: r.complaintStage, extended: r.extended,
    is_data_protection_complaint: r.isDataProtectionComplaint, policy: r.clockCase.policy, closed_at: r.closedAt ? new Date(r.closedAt) : null,
  } as unknown as RequestRow;
  const pauses = r.pauses.map((p) => ({ id: p.id, reason: p.reason, from: p.from, to: p.to }));
  return requestClock(serverClockCaseOf(row, pauses), { calendar: calendarOf(calendar), today });
}

/** No imported years and no closure days: the release's own bank holidays only. */
const none: CalendarData = { imported: {}, closures: [], cover: { from: '2020-01-01', to: '2027-12-31' } };
const pause = (from: string, to: string | null): RequestDetail['pauses'][number] => ({ id: '00000000-0000-4000-8000-000000000001', reason: 'identity', from, to });

const CASES: { name: string; r: Case; calendar?: CalendarData; today: string; due: string | null }[] = [
  // One calendar month: 2 April; ten days stopped (10th to 19th March) → 12 April, a Sunday → Monday 13 April.
  { name: 'SAR received 2 March 2026, stopped 10 to 20 March', r: request({ type: 'sar', receivedOn: '2026-03-02', pauses: [pause('2026-03-10', '2026-03-20')] }), today: '2026-03-25', due: '2026-04-13' },
  // Three months: 2 June, plus the ten days stopped → Friday 12 June.
  { name: 'the same SAR, extended', r: request({ type: 'sar', receivedOn: '2026-03-02', pauses: [pause('2026-03-10', '2026-03-20')], extended: true }), today: '2026-03-25', due: '2026-06-12' },
  // 20 UK working days from Tuesday 16 December: Christmas, Boxing Day, New Year's Day and 2 January (Scotland) skipped → Friday 16 January.
  { name: 'FOI received 15 December 2025', r: request({ type: 'foi', receivedOn: '2025-12-15' }), today: '2025-12-15', due: '2026-01-16' },
  // Stage 1: 10 working days from Tuesday 3 March → Monday 16 March; a council closure on Thursday 5 March → Tuesday 17 March.
  { name: 'complaint received 2 March 2026, a closure day on the 5th', r: request({ type: 'complaint', receivedOn: '2026-03-02' }), today: '2026-03-02', due: '2026-03-17',
    calendar: { ...none, closures: [{ id: '00000000-0000-4000-8000-000000000002', day: '2026-03-05', reason: 'Office move' }] } },
  { name: 'a SAR whose clock is still stopped', r: request({ type: 'sar', receivedOn: '2026-03-02', pauses: [pause('2026-03-10', null)] }), today: '2026-03-25', due: null },
];

describe('the request page works the due date out as the server does', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const calendar = c.calendar ?? none;
      const page = clockOnPage(c.r, { calendar, today: c.today });
      expect(page.due).toBe(c.due);
      expect(page.due).toBe(serverDue(c.r, calendar, c.today).due);
      expect(page.steps).toEqual(serverDue(c.r, calendar, c.today).steps);
    });
  }

  it('says how long is left, and that a stopped clock is stopped', () => {
    expect(clockOnPage(CASES[0]!.r, { calendar: none, today: '2026-04-10' }).label).toBe('3 days left');
    expect(clockOnPage(CASES[0]!.r, { calendar: none, today: '2026-04-15' })).toMatchObject({ state: 'overdue', label: 'Overdue by 2 days' });
    expect(clockOnPage(CASES[4]!.r, { calendar: none, today: '2026-03-25' })).toMatchObject({ state: 'paused', label: 'Clock stopped' });
  });

  it('gives a SAR the last day to send the extension letter, and a data-protection complaint the day to acknowledge by', () => {
    expect(clockOnPage(CASES[0]!.r, { calendar: none, today: '2026-03-25' }).extensionNoticeBy).toBe('2026-04-13');
    const dp = request({ type: 'complaint', receivedOn: '2026-03-02', isDataProtectionComplaint: true });
    expect(clockOnPage(dp, { calendar: none, today: '2026-03-02' }).acknowledgeBy).toBe(serverDue(dp, none, '2026-03-02').acknowledgeBy);
  });
});
