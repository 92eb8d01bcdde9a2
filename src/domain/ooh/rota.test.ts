import { describe, expect, it } from 'vitest';
import { escalationOrder, onCall, shiftHours, shiftOn, type RotaShift } from './rota';

// Who is on call, worked by hand in London wall-clock time. GMT is UTC+0 until 01:00 UTC on
// 29 March 2026 (clocks go forward to BST, UTC+1) and again from 01:00 UTC on 25 October 2026.

const Z = (iso: string) => new Date(iso);
const shift = (name: string, level: number, day: string, from: string, to: string, dutyId = 'dsw'): RotaShift & { name: string } => ({ name, dutyId, level, ...shiftOn(day, from, to)! });

describe('shiftOn: a wall-clock shift as instants', () => {
  it('runs across midnight: 22:00–08:00 on a GMT night is 10 hours', () => {
    const s = shiftOn('2026-03-03', '22:00', '08:00')!;
    expect(s).toEqual({ startsAt: Z('2026-03-03T22:00:00Z'), endsAt: Z('2026-03-04T08:00:00Z') });
    expect(shiftHours(s)).toBe(10);
  });

  it('is 9 hours on the night the clocks go forward (29 March 2026, 01:00 GMT -> 02:00 BST)', () => {
    const s = shiftOn('2026-03-28', '22:00', '08:00')!;
    expect(s).toEqual({ startsAt: Z('2026-03-28T22:00:00Z'), endsAt: Z('2026-03-29T07:00:00Z') });
    expect(shiftHours(s)).toBe(9);
  });

  it('is 11 hours on the night the clocks go back (25 October 2026, 02:00 BST -> 01:00 GMT)', () => {
    const s = shiftOn('2026-10-24', '22:00', '08:00')!;
    expect(s).toEqual({ startsAt: Z('2026-10-24T21:00:00Z'), endsAt: Z('2026-10-25T08:00:00Z') });
    expect(shiftHours(s)).toBe(11);
  });

  it('starts a shift set in the skipped hour an hour later on the wall, and refuses times that are not real', () => {
    expect(shiftOn('2026-03-29', '01:30', '08:00')!.startsAt).toEqual(Z('2026-03-29T01:30:00Z')); // 02:30 BST
    expect(shiftOn('2026-03-29', '25:00', '08:00')).toBeUndefined();
    expect(shiftOn('2026-02-30', '22:00', '08:00')).toBeUndefined();
  });
});

describe('onCall: who is on call at an instant', () => {
  it('finds the night shift across midnight, from inclusive, to exclusive', () => {
    const night = shift('Ann', 1, '2026-03-03', '22:00', '08:00');
    const day = shift('Bob', 1, '2026-03-04', '08:00', '22:00');
    const rota = [night, day];
    expect(onCall(rota, { dutyId: 'dsw', at: Z('2026-03-03T21:59:59Z') })).toBeNull();
    expect(onCall(rota, { dutyId: 'dsw', at: Z('2026-03-03T22:00:00Z') })?.name).toBe('Ann');
    expect(onCall(rota, { dutyId: 'dsw', at: Z('2026-03-04T03:00:00Z') })?.name).toBe('Ann');
    // Exactly at the 08:00 handover the day shift is on call.
    expect(onCall(rota, { dutyId: 'dsw', at: Z('2026-03-04T07:59:59.999Z') })?.name).toBe('Ann');
    expect(onCall(rota, { dutyId: 'dsw', at: Z('2026-03-04T08:00:00Z') })?.name).toBe('Bob');
    expect(onCall(rota, { dutyId: 'other', at: Z('2026-03-04T03:00:00Z') })).toBeNull();
  });

  it('tells the two 01:30s of 25 October 2026 apart: the first (BST) is before a 01:30 handover, the second (GMT) after it', () => {
    // Carol 20:00 to 01:30; Dev from 01:30 to 08:00. A wall-clock 01:30 handover is the second 01:30 (01:30 GMT = 01:30Z).
    const carol = shift('Carol', 1, '2026-10-24', '20:00', '01:30');
    const dev = shift('Dev', 1, '2026-10-25', '01:30', '08:00');
    expect(carol.endsAt).toEqual(Z('2026-10-25T01:30:00Z'));
    expect(dev.startsAt).toEqual(Z('2026-10-25T01:30:00Z'));
    expect(shiftHours(carol)).toBe(6.5); // 20:00 BST to the second 01:30: 19:00Z to 01:30Z
    const rota = [carol, dev];
    expect(onCall(rota, { dutyId: 'dsw', at: Z('2026-10-25T00:30:00Z') })?.name).toBe('Carol'); // 01:30 BST, the first time
    expect(onCall(rota, { dutyId: 'dsw', at: Z('2026-10-25T01:30:00Z') })?.name).toBe('Dev'); // 01:30 GMT, the second time
  });

  it('covers both halves of the clock-change nights with one 22:00–08:00 shift', () => {
    const spring = shift('Eve', 1, '2026-03-28', '22:00', '08:00');
    expect(onCall([spring], { dutyId: 'dsw', at: Z('2026-03-29T06:59:00Z') })?.name).toBe('Eve'); // 07:59 BST
    expect(onCall([spring], { dutyId: 'dsw', at: Z('2026-03-29T07:00:00Z') })).toBeNull(); // 08:00 BST
    const autumn = shift('Fay', 1, '2026-10-24', '22:00', '08:00');
    expect(onCall([autumn], { dutyId: 'dsw', at: Z('2026-10-25T07:59:00Z') })?.name).toBe('Fay'); // 07:59 GMT
    expect(onCall([autumn], { dutyId: 'dsw', at: Z('2026-10-24T20:59:00Z') })).toBeNull(); // 21:59 BST
  });

  it('goes up the rota: with nobody first on call the next level is found; with nobody at all, null', () => {
    const first = shift('Gil', 1, '2026-03-03', '22:00', '08:00');
    const second = shift('Hal', 2, '2026-03-03', '17:00', '09:00');
    const manager = shift('Ivy', 3, '2026-03-03', '00:00', '23:59');
    const rota = [first, second, manager];
    const at = Z('2026-03-03T23:00:00Z');
    expect(escalationOrder(rota, { dutyId: 'dsw', at }).map((s) => s.name)).toEqual(['Gil', 'Hal', 'Ivy']);
    expect(onCall(rota, { dutyId: 'dsw', at, above: 1 })?.name).toBe('Hal');
    expect(onCall(rota, { dutyId: 'dsw', at, above: 2 })?.name).toBe('Ivy');
    expect(onCall(rota, { dutyId: 'dsw', at, above: 3 })).toBeNull(); // the top of the rota
    // 08:30 on 4 March: Gil's shift is over, Hal is the first one on call.
    expect(onCall(rota, { dutyId: 'dsw', at: Z('2026-03-04T08:30:00Z') })?.name).toBe('Hal');
    expect(onCall(rota, { dutyId: 'dsw', at: Z('2026-03-04T09:00:00Z') })).toBeNull();
  });

  it('takes the shift that started last when two at one level overlap', () => {
    const a = shift('Jo', 1, '2026-03-03', '17:00', '09:00');
    const b = shift('Kim', 1, '2026-03-03', '22:00', '02:00');
    expect(onCall([a, b], { dutyId: 'dsw', at: Z('2026-03-03T23:00:00Z') })?.name).toBe('Kim');
    expect(onCall([a, b], { dutyId: 'dsw', at: Z('2026-03-04T03:00:00Z') })?.name).toBe('Jo');
  });
});
