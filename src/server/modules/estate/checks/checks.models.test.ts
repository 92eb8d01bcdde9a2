import { describe, expect, it } from 'vitest';
import { CHECK_SETTINGS_DEFAULTS, type CheckSettings } from '../../../../domain/estate/checks';
import {
  cameraItems, currentResults, decideOutcome, equipmentItems, faultDescription, formatFaultReference, isCameraChecked, isEquipmentChecked, isOverdue,
  isRoundOpenForResults, nextCheck, previousShift, progress, shiftAt,
} from './checks.models';

const settings: CheckSettings = { ...CHECK_SETTINGS_DEFAULTS };

describe('which items apply to which camera', () => {
  it('checks a fixed camera without capabilities for picture, focus, recording and clock only', () => {
    expect(cameraItems({ kind: 'fixed', capabilities: [] })).toEqual(['picture', 'focus', 'recording', 'clock']);
  });
  it('checks pan/tilt/zoom on a PTZ camera, or on any camera that can pan, tilt or zoom', () => {
    expect(cameraItems({ kind: 'ptz', capabilities: [] })).toContain('ptz');
    expect(cameraItems({ kind: 'fixed', capabilities: ['zoom'] })).toContain('ptz');
    expect(cameraItems({ kind: 'fixed', capabilities: ['audio', 'presets'] })).not.toContain('ptz');
  });
  it('checks infrared only with the infrared capability', () => {
    expect(cameraItems({ kind: 'ptz', capabilities: ['pan', 'tilt', 'zoom', 'infrared'] })).toEqual(['picture', 'ptz', 'focus', 'infrared', 'recording', 'clock']);
    expect(cameraItems({ kind: 'ptz', capabilities: ['pan'] })).not.toContain('infrared');
  });
  it('checks every camera meant to be working (faulty and degraded too), not those out of service, decommissioned or body-worn', () => {
    expect(isCameraChecked({ status: 'operational', kind: 'fixed' })).toBe(true);
    expect(isCameraChecked({ status: 'faulty', kind: 'ptz' })).toBe(true);
    expect(isCameraChecked({ status: 'degraded', kind: 'mobile' })).toBe(true);
    expect(isCameraChecked({ status: 'out_of_service', kind: 'fixed' })).toBe(false);
    expect(isCameraChecked({ status: 'decommissioned', kind: 'fixed' })).toBe(false);
    expect(isCameraChecked({ status: 'operational', kind: 'body_worn' })).toBe(false);
  });
  it('checks equipment by its kind, only while in service', () => {
    expect(equipmentItems('recorder')).toEqual(['recording', 'clock', 'storage']);
    expect(equipmentItems('airwave_handset')).toEqual(['transmit_receive', 'battery']);
    expect(equipmentItems('video_wall')).toEqual(['picture']);
    expect(isEquipmentChecked({ status: 'faulty', is_in_service: true })).toBe(true);
    expect(isEquipmentChecked({ status: 'operational', is_in_service: false })).toBe(false);
    expect(isEquipmentChecked({ status: 'out_of_service', is_in_service: true })).toBe(false);
  });
});

describe('shifts', () => {
  it('is the day shift from 07:00 to 19:00 London time, in summer time too', () => {
    const s = shiftAt({ at: new Date('2026-07-01T10:00:00Z'), settings }); // 11:00 BST
    expect(s).toMatchObject({ date: '2026-07-01', shift: 'day' });
    expect(s.startsAt.toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(s.endsAt.toISOString()).toBe('2026-07-01T18:00:00.000Z');
  });
  it('keeps the night shift on the date it started until 07:00 the next morning', () => {
    const s = shiftAt({ at: new Date('2026-01-15T03:00:00Z'), settings });
    expect(s).toMatchObject({ date: '2026-01-14', shift: 'night' });
    expect(s.startsAt.toISOString()).toBe('2026-01-14T19:00:00.000Z');
    expect(s.endsAt.toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(shiftAt({ at: new Date('2026-01-15T19:00:00Z'), settings })).toMatchObject({ date: '2026-01-15', shift: 'night' });
  });
  it('runs a night shift over the clocks going back for 13 hours', () => {
    const s = shiftAt({ at: new Date('2026-10-25T02:00:00Z'), settings });
    expect(s.date).toBe('2026-10-24');
    expect((s.endsAt.getTime() - s.startsAt.getTime()) / 3600_000).toBe(13);
  });
  it('takes the start times from the settings', () => {
    const early: CheckSettings = { ...settings, dayStartsAt: '06:00', nightStartsAt: '18:00' };
    expect(shiftAt({ at: new Date('2026-01-15T06:30:00Z'), settings: early }).shift).toBe('day');
    expect(shiftAt({ at: new Date('2026-01-15T06:30:00Z'), settings }).shift).toBe('night');
  });
  it('goes back from a day shift to the night before, and from a night to that day', () => {
    const day = shiftAt({ at: new Date('2026-01-15T12:00:00Z'), settings });
    expect(previousShift({ slot: day, settings })).toMatchObject({ date: '2026-01-14', shift: 'night' });
    const night = shiftAt({ at: new Date('2026-01-15T22:00:00Z'), settings });
    expect(previousShift({ slot: night, settings })).toMatchObject({ date: '2026-01-15', shift: 'day' });
  });
  it('takes results until an hour after the shift ends', () => {
    const endsAt = new Date('2026-01-15T19:00:00Z');
    expect(isRoundOpenForResults({ endsAt, now: new Date('2026-01-15T19:59:00Z') })).toBe(true);
    expect(isRoundOpenForResults({ endsAt, now: new Date('2026-01-15T20:00:00Z') })).toBe(false);
  });
});

describe('recording an outcome', () => {
  const tolerance = { toleranceSeconds: settings.clockToleranceSeconds };
  it('needs a note only when something fails', () => {
    expect(decideOutcome({ item: 'picture', outcome: 'pass', ...tolerance })).toEqual({ outcome: 'pass' });
    expect(decideOutcome({ item: 'picture', outcome: 'not_applicable', ...tolerance })).toEqual({ outcome: 'not_applicable' });
    expect(decideOutcome({ item: 'picture', outcome: 'fail', note: '  ', ...tolerance })).toMatchObject({ path: 'note' });
    expect(decideOutcome({ item: 'picture', outcome: 'fail', note: 'Black screen', ...tolerance })).toEqual({ outcome: 'fail' });
  });
  it('decides the recorder clock from its offset against the ±10 s tolerance', () => {
    expect(decideOutcome({ item: 'clock', clockOffsetSeconds: -10, ...tolerance })).toEqual({ outcome: 'pass' });
    expect(decideOutcome({ item: 'clock', clockOffsetSeconds: 11, ...tolerance })).toEqual({ outcome: 'fail' });
    expect(decideOutcome({ item: 'clock', clockOffsetSeconds: 14, outcome: 'pass', ...tolerance })).toMatchObject({ path: 'outcome' });
    expect(decideOutcome({ item: 'clock', clockOffsetSeconds: 3, outcome: 'fail', note: 'x', ...tolerance })).toMatchObject({ path: 'outcome' });
    expect(decideOutcome({ item: 'focus', clockOffsetSeconds: 3, ...tolerance })).toMatchObject({ path: 'clockOffsetSeconds' });
    expect(decideOutcome({ item: 'clock', ...tolerance })).toMatchObject({ path: 'outcome' });
  });
  it('describes a fault by its item, target and note, or the clock offset', () => {
    expect(faultDescription({ item: 'focus', targetReference: 'C07', note: 'Blurred since the storm' })).toBe('Focus failed on the daily check of C07: Blurred since the storm');
    expect(faultDescription({ item: 'clock', targetReference: 'REC-1', clockOffsetSeconds: 42 })).toBe('Recorder clock failed on the daily check of REC-1: Clock +42 s out');
    expect(formatFaultReference({ year: 2026, number: 1 })).toBe('FLT-2026-000001');
  });
});

describe('completeness and the next item', () => {
  const targets = [
    { targetId: 'a', reference: 'C01', items: ['picture', 'focus'] as const },
    { targetId: 'b', reference: 'C02', items: ['picture', 'ptz', 'focus'] as const },
  ];
  it('is complete only when every item of every target has a current result', () => {
    expect(progress({ targets, current: [] })).toEqual({ done: 0, total: 5, isComplete: false });
    const four = [{ targetId: 'a', item: 'picture' }, { targetId: 'a', item: 'focus' }, { targetId: 'b', item: 'picture' }, { targetId: 'b', item: 'focus' }];
    expect(progress({ targets, current: four })).toEqual({ done: 4, total: 5, isComplete: false });
    expect(progress({ targets, current: [...four, { targetId: 'b', item: 'ptz' }] })).toMatchObject({ done: 5, isComplete: true });
    // A result for something the round does not check counts for nothing.
    expect(progress({ targets, current: [...four, { targetId: 'z', item: 'ptz' }] }).isComplete).toBe(false);
  });
  it('keeps the newest of a corrected result: the one nothing supersedes', () => {
    const rows = [
      { id: '1', targetId: 'a', item: 'picture', supersedesId: null },
      { id: '2', targetId: 'a', item: 'picture', supersedesId: '1' },
      { id: '3', targetId: 'a', item: 'picture', supersedesId: '2' },
      { id: '4', targetId: 'a', item: 'focus', supersedesId: null },
    ];
    expect(currentResults(rows).map((r) => r.id)).toEqual(['3', '4']);
  });
  it('goes on through the camera, then to the next camera, then back to anything skipped', () => {
    expect(nextCheck({ targets, current: [] })).toEqual({ targetId: 'a', reference: 'C01', item: 'picture' });
    const current = [{ targetId: 'a', item: 'picture' }];
    expect(nextCheck({ targets, current, after: { targetId: 'a', item: 'picture' } })).toMatchObject({ targetId: 'a', item: 'focus' });
    // Skipped C01 focus, did C02 picture: next is C02 pan/tilt/zoom, and after C02's last, back to C01 focus.
    const more = [...current, { targetId: 'b', item: 'picture' }, { targetId: 'b', item: 'ptz' }, { targetId: 'b', item: 'focus' }];
    expect(nextCheck({ targets, current: more.slice(0, 2), after: { targetId: 'b', item: 'picture' } })).toMatchObject({ targetId: 'b', item: 'ptz' });
    expect(nextCheck({ targets, current: more, after: { targetId: 'b', item: 'focus' } })).toMatchObject({ targetId: 'a', item: 'focus' });
    expect(nextCheck({ targets, current: [...more, { targetId: 'a', item: 'focus' }] })).toBeNull();
  });
  it('flags an incomplete check once the shift has ended or is past its due point', () => {
    const startsAt = new Date('2026-01-15T07:00:00Z');
    const endsAt = new Date('2026-01-15T19:00:00Z');
    const at = (iso: string) => new Date(iso);
    expect(isOverdue({ isComplete: false, now: at('2026-01-15T09:59:00Z'), startsAt, endsAt, dueWithinMinutes: 180 })).toBe(false);
    expect(isOverdue({ isComplete: false, now: at('2026-01-15T10:00:00Z'), startsAt, endsAt, dueWithinMinutes: 180 })).toBe(true);
    expect(isOverdue({ isComplete: true, now: at('2026-01-15T20:00:00Z'), startsAt, endsAt, dueWithinMinutes: 180 })).toBe(false);
    expect(isOverdue({ isComplete: false, now: at('2026-01-15T19:00:00Z'), startsAt, endsAt, dueWithinMinutes: 720 })).toBe(true);
  });
});
