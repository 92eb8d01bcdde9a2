import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/workingCalendar';
import { DEFAULT_CLOCK_POLICY } from '../deadlines/policy';
import { clockFromDue, describeClock, requestClock } from './clock';
import { FLOWS, REQUEST_TYPES, nextStatuses, statusChangeProblem, type RequestType } from './workflow';

const calendar = createWorkingCalendar();
const base = { extended: false, pauses: [], policy: DEFAULT_CLOCK_POLICY, closed: false };

describe('the statuses of a request', () => {
  it('give every kind a working status, a closing status and a clock', () => {
    for (const type of Object.keys(REQUEST_TYPES) as RequestType[]) {
      expect(FLOWS[type].working[0], type).toBe('received');
      expect(FLOWS[type].closing.length, type).toBeGreaterThan(0);
    }
  });

  it('refuse a change the kind does not allow, from a closed request or while the clock is stopped', () => {
    expect(statusChangeProblem({ type: 'foi', from: 'received', to: 'disclosed' })).toMatch(/cannot be disclosed/);
    expect(statusChangeProblem({ type: 'sar', from: 'responded', to: 'searching' })).toMatch(/closed/);
    expect(statusChangeProblem({ type: 'sar', from: 'awaiting_identity', to: 'searching' })).toMatch(/clock is stopped/);
    expect(statusChangeProblem({ type: 'sar', from: 'received', to: 'received' })).toMatch(/already/);
    expect(statusChangeProblem({ type: 'agency_footage', from: 'searching', to: 'partly_disclosed' })).toBeUndefined();
    expect(nextStatuses({ type: 'viewing', from: 'received' })).toEqual(['booked', 'viewed', 'cancelled', 'no_show']);
  });
});

describe('a request’s clock', () => {
  it('counts a SAR in calendar days and an FOI in UK working days, due soon within five', () => {
    const sar = requestClock({ ...base, type: 'sar', receivedOn: '2026-03-02' }, { calendar, today: '2026-03-30' });
    expect(sar).toMatchObject({ state: 'due_soon', due: '2026-04-02', daysLeft: 3, unit: 'calendar days' });
    expect(describeClock(sar)).toBe('3 days left');
    const foi = requestClock({ ...base, type: 'foi', receivedOn: '2026-03-16' }, { calendar, today: '2026-03-16' });
    expect(foi).toMatchObject({ state: 'running', due: '2026-04-16', daysLeft: 20, unit: 'working days' });
  });

  it('is overdue the day after its due date, and says by how much', () => {
    const c = clockFromDue({ type: 'enquiry', due: '2026-03-27', paused: false, closed: false }, { calendar, today: '2026-03-31' });
    expect(c).toMatchObject({ state: 'overdue', daysLeft: -2 });
    expect(describeClock(c)).toBe('Overdue by 2 working days');
    expect(describeClock(clockFromDue({ type: 'sar', due: '2026-03-27', paused: false, closed: false }, { calendar, today: '2026-03-27' }))).toBe('Due today');
  });

  it('has no due date while stopped, and none running once closed', () => {
    expect(requestClock({ ...base, type: 'sar', receivedOn: '2026-03-02', pauses: [{ from: '2026-03-05', to: null }] }, { calendar, today: '2026-03-09' })).toMatchObject({ state: 'paused', due: null });
    expect(requestClock({ ...base, type: 'sar', receivedOn: '2026-03-02', closed: true }, { calendar, today: '2026-05-01' })).toMatchObject({ state: 'closed', due: '2026-04-02', daysLeft: null });
  });

  it('runs a complaint’s clock from the day its current stage began, and gives a data-protection complaint its acknowledgement day', () => {
    const c = requestClock({ ...base, type: 'complaint', receivedOn: '2026-06-22', stage: 2, stageReceivedOn: '2026-07-13', isDataProtectionComplaint: true }, { calendar, today: '2026-07-13' });
    // Stage 2: 20 working days after Mon 13 Jul (E&W; the Boyne is not an E&W holiday): Mon 10 Aug.
    expect(c.due).toBe('2026-08-10');
    expect(c.acknowledgeBy).toBe('2026-07-21');
  });

  it('tells by when a SAR’s extension letter must go', () => {
    expect(requestClock({ ...base, type: 'sar', receivedOn: '2026-01-30', extended: true }, { calendar, today: '2026-02-01' })).toMatchObject({ due: '2026-04-30', extensionNoticeBy: '2026-03-02' });
  });
});
