import { describe, expect, it } from 'vitest';
import { acknowledgeRefusal, shiftStart } from './handover.models';

const now = new Date('2026-11-24T07:00:00Z');
const t = (iso: string) => new Date(iso);

describe('the shift a handover covers', () => {
  it('starts when the operator signed in, or acknowledged the handover to them if that came first', () => {
    expect(shiftStart({ now, signedInAt: t('2026-11-23T18:55:00Z') })).toEqual({ at: t('2026-11-23T18:55:00Z'), because: 'signed_in' });
    // Signed in again at 03:00 (a session ended mid-shift): the acknowledgement at 19:05 is still the start.
    expect(shiftStart({ now, signedInAt: t('2026-11-24T03:00:00Z'), acknowledgedAt: t('2026-11-23T19:05:00Z') })).toEqual({ at: t('2026-11-23T19:05:00Z'), because: 'acknowledged' });
  });

  it('never reaches back before the operator’s own previous handover, nor more than a shift ago', () => {
    expect(shiftStart({ now, signedInAt: t('2026-11-23T06:50:00Z'), previousHandoverAt: t('2026-11-23T19:00:00Z') })).toEqual({ at: t('2026-11-23T19:00:00Z'), because: 'previous_handover' });
    expect(shiftStart({ now, signedInAt: t('2026-11-22T07:00:00Z') })).toEqual({ at: t('2026-11-23T18:00:00Z'), because: 'shift_length' });
    expect(shiftStart({ now })).toEqual({ at: t('2026-11-23T18:00:00Z'), because: 'shift_length' });
  });

  it('takes the time the operator gives, unless it is in the future', () => {
    expect(shiftStart({ now, given: t('2026-11-23T19:30:00Z'), signedInAt: t('2026-11-23T18:55:00Z') })).toEqual({ at: t('2026-11-23T19:30:00Z'), because: 'given' });
    expect(shiftStart({ now, given: t('2026-11-24T08:00:00Z'), signedInAt: t('2026-11-23T18:55:00Z') }).because).toBe('signed_in');
  });
});

describe('who may acknowledge a handover', () => {
  const base = { from_user_id: 'a', to_user_id: null, to_team_id: null, acknowledged_at: null };
  it('is the person it is addressed to, by id', () => {
    expect(acknowledgeRefusal({ handover: { ...base, to_user_id: 'b' }, actor: { userId: 'b', teamId: null } })).toBeUndefined();
    expect(acknowledgeRefusal({ handover: { ...base, to_user_id: 'b' }, actor: { userId: 'c', teamId: 'control' } })).toBe('not_addressee');
  });
  it('is any member of the team it is addressed to', () => {
    expect(acknowledgeRefusal({ handover: { ...base, to_team_id: 'control' }, actor: { userId: 'c', teamId: 'control' } })).toBeUndefined();
    expect(acknowledgeRefusal({ handover: { ...base, to_team_id: 'control' }, actor: { userId: 'c', teamId: 'ooh' } })).toBe('not_addressee');
    expect(acknowledgeRefusal({ handover: { ...base, to_team_id: 'control' }, actor: { userId: 'c', teamId: null } })).toBe('not_addressee');
  });
  it('is never its writer, and only once', () => {
    expect(acknowledgeRefusal({ handover: { ...base, to_team_id: 'control' }, actor: { userId: 'a', teamId: 'control' } })).toBe('own');
    expect(acknowledgeRefusal({ handover: { ...base, to_user_id: 'b', acknowledged_at: now }, actor: { userId: 'b', teamId: null } })).toBe('already');
  });
});
