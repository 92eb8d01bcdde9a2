import { describe, expect, it } from 'vitest';
import { clockStops, decideStep, responseAndFix, type FaultStage, type FaultStep } from './faults';

describe('a fault’s steps', () => {
  const ok = (stage: FaultStage, step: FaultStep, party: 'council' | 'contractor' = 'contractor', clockStopped = false) => decideStep({ stage, step, party, clockStopped });

  it('go reported → attended → (awaiting parts →) fixed → accepted, each by the party whose step it is', () => {
    expect(ok('reported', 'attended')).toEqual({ ok: true, stage: 'attended' });
    expect(ok('attended', 'awaiting_parts')).toEqual({ ok: true, stage: 'awaiting_parts' });
    expect(ok('awaiting_parts', 'attended')).toEqual({ ok: true, stage: 'attended' });
    expect(ok('awaiting_parts', 'fixed')).toEqual({ ok: true, stage: 'fixed' });
    expect(ok('fixed', 'accepted', 'council')).toEqual({ ok: true, stage: 'accepted' });
    expect(ok('fixed', 'reopened', 'council')).toEqual({ ok: true, stage: 'reported' });
    expect(ok('attended', 'diagnosed')).toEqual({ ok: true, stage: 'attended' });
    expect(ok('fixed', 'prioritised', 'council')).toEqual({ ok: true, stage: 'fixed' });
  });

  it('refuse what the party may not do, steps out of order, and anything on an accepted fault', () => {
    expect(ok('fixed', 'accepted', 'contractor')).toEqual({ ok: false, reason: 'Only the council can record “fix accepted”' });
    expect(ok('reported', 'attended', 'council')).toEqual({ ok: false, reason: '“Attended” is the contractor’s to record' });
    expect(ok('reported', 'prioritised', 'contractor').ok).toBe(false);
    expect(ok('reported', 'fixed')).toEqual({ ok: false, reason: 'A fault reported cannot be fixed' });
    expect(ok('attended', 'accepted', 'council').ok).toBe(false);
    expect(ok('accepted', 'note', 'council')).toEqual({ ok: false, reason: expect.stringMatching(/closed/) });
    expect(ok('reported', 'raised').ok).toBe(false);
  });

  it('stop the clock once at a time and restart only a stopped one', () => {
    expect(ok('attended', 'clock_stopped', 'council', false)).toEqual({ ok: true, stage: 'attended' });
    expect(ok('attended', 'clock_stopped', 'council', true)).toEqual({ ok: false, reason: 'The clock is already stopped: restart it first' });
    expect(ok('attended', 'clock_restarted', 'contractor', false).ok).toBe(false);
    expect(ok('fixed', 'clock_stopped', 'council').ok).toBe(false);
  });
});

describe('what the steps say for the clocks', () => {
  const at = (hhmm: string, day = '2026-11-10') => `${day}T${hhmm}:00Z`;

  it('pairs each stop with its restart; a fix ends a running stop; a stop still running is open', () => {
    expect(clockStops([
      { kind: 'raised', at: at('08:00') },
      { kind: 'clock_stopped', at: at('09:00'), stopReason: 'awaiting_council_access' },
      { kind: 'clock_stopped', at: at('09:30'), stopReason: 'awaiting_part' }, // already stopped: not a second stop
      { kind: 'clock_restarted', at: at('10:00') },
      { kind: 'clock_stopped', at: at('11:00'), stopReason: 'awaiting_part' },
      { kind: 'fixed', at: at('12:00') },
    ])).toEqual([
      { reason: 'awaiting_council_access', from: new Date(at('09:00')), to: new Date(at('10:00')) },
      { reason: 'awaiting_part', from: new Date(at('11:00')), to: new Date(at('12:00')) },
    ]);
    expect(clockStops([{ kind: 'clock_stopped', at: at('09:00'), stopReason: 'awaiting_part' }])).toEqual([{ reason: 'awaiting_part', from: new Date(at('09:00')) }]);
  });

  it('takes the first attendance as the response, and the last fix not reopened as the fix', () => {
    const steps = [
      { kind: 'raised' as const, at: at('08:00') }, { kind: 'attended' as const, at: at('09:15') }, { kind: 'fixed' as const, at: at('10:00') },
      { kind: 'reopened' as const, at: at('11:00') }, { kind: 'attended' as const, at: at('13:00') },
    ];
    expect(responseAndFix(steps)).toEqual({ respondedAt: new Date(at('09:15')), fixedAt: undefined, acceptedAt: undefined });
    expect(responseAndFix([...steps, { kind: 'fixed', at: at('14:00') }, { kind: 'accepted', at: at('15:00') }]))
      .toEqual({ respondedAt: new Date(at('09:15')), fixedAt: new Date(at('14:00')), acceptedAt: new Date(at('15:00')) });
  });
});
