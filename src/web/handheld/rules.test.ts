import { describe, expect, it } from 'vitest';
import { addBlock, allocate, emptyBlocks, needsTopUp, remaining } from './pcnBlock';
import { parsePcnNumber } from '../../domain/references/pcn';
import { ageOn, formatRemaining, observation, offlineUnlockAllowed, trailDue } from './rules';

describe('PCN numbers from the device’s blocks', () => {
  it('issues each serial of the block once, with its check character, then the next block', () => {
    let s = addBlock(emptyBlocks(), { prefix: 'HF', firstSerial: 1001, lastSerial: 1002 });
    s = addBlock(s, { prefix: 'HF', firstSerial: 5001, lastSerial: 5100 });
    expect(remaining(s)).toBe(102);
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) { const r = allocate(s); numbers.push(r.number); s = r.state; }
    expect(numbers.map((n) => parsePcnNumber(n)?.serial)).toEqual([1001, 1002, 5001]);
    expect(numbers.every((n) => /^HF\d{8}[0-9X]$/.test(n))).toBe(true);
    expect(remaining(s)).toBe(99);
  });

  it('asks for a new block when fewer than 20 remain, and refuses when none are left', () => {
    let s = addBlock(emptyBlocks(), { prefix: 'HF', firstSerial: 1, lastSerial: 20 });
    expect(needsTopUp(s)).toBe(false);
    s = allocate(s).state;
    expect(needsTopUp(s)).toBe(true);
    for (let i = 0; i < 19; i++) s = allocate(s).state;
    expect(remaining(s)).toBe(0);
    expect(() => allocate(s)).toThrow(/no PCN numbers left/);
  });

  it('adding the same block twice changes nothing', () => {
    const b = { prefix: 'HF', firstSerial: 1, lastSerial: 50 };
    const s = addBlock(emptyBlocks(), b);
    expect(addBlock(s, b)).toBe(s);
  });
});

describe('the observation timer', () => {
  const start = new Date('2026-03-02T10:00:00Z');
  it('adds the 10-minute grace period where it applies', () => {
    const o = observation({ observationMinutes: 5, graceApplies: true }, start, new Date('2026-03-02T10:03:30Z'));
    expect(o.totalMinutes).toBe(15);
    expect(formatRemaining(o.remainingMs)).toBe('11:30');
    expect(o.done).toBe(false);
    expect(observation({ observationMinutes: 5, graceApplies: true }, start, new Date('2026-03-02T10:15:00Z')).done).toBe(true);
  });
  it('has no grace on a yellow line', () => {
    const o = observation({ observationMinutes: 5, graceApplies: false }, start, new Date('2026-03-02T10:05:00Z'));
    expect(o).toMatchObject({ totalMinutes: 5, graceMinutes: 0, done: true });
  });
});

describe('ages and offline unlock', () => {
  it('counts whole years, the day before and on the birthday', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
    expect(ageOn('2010-02-28', '2026-02-27')).toBe(15);
  });
  it('refuses offline unlock after the session’s expiry, or before any sign-in', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(offlineUnlockAllowed('2026-03-02T18:00:00Z', now).ok).toBe(true);
    expect(offlineUnlockAllowed('2026-03-02T09:59:59Z', now)).toMatchObject({ ok: false, reason: expect.stringMatching(/run out/) });
    expect(offlineUnlockAllowed(undefined, now).ok).toBe(false);
  });
  it('a trail record is due at 20 points or after a minute', () => {
    const now = new Date('2026-03-02T10:00:30Z');
    expect(trailDue([], now)).toBe(false);
    expect(trailDue([{ at: '2026-03-02T10:00:00Z' }], now)).toBe(false);
    expect(trailDue([{ at: '2026-03-02T09:59:29Z' }], now)).toBe(true);
    expect(trailDue(Array.from({ length: 20 }, () => ({ at: '2026-03-02T10:00:20Z' })), now)).toBe(true);
  });
});
