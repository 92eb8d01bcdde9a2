import { describe, expect, it } from 'vitest';
import { DEFAULT_LONE_WORKING_POLICY, duressStepIndex, formatCountdown, isLate, ladderProblem, nextCheckIn, normaliseWord, reminderAt, stepDueTimes } from './loneWorking';

describe('lone working rules', () => {
  const t = new Date('2026-03-29T00:30:00Z');
  it('a check-in is due one interval on; its deadline adds the grace; at the deadline is on time, a second after is late', () => {
    const { dueAt, deadlineAt } = nextCheckIn(t, 30, { graceSeconds: 0 });
    expect(dueAt.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(deadlineAt).toEqual(dueAt);
    expect(nextCheckIn(t, 30, { graceSeconds: 120 }).deadlineAt.toISOString()).toBe('2026-03-29T01:02:00.000Z');
    expect(isLate(new Date(deadlineAt.getTime() - 1000), deadlineAt)).toBe(false);
    expect(isLate(deadlineAt, deadlineAt)).toBe(false);
    expect(isLate(new Date(deadlineAt.getTime() + 1000), deadlineAt)).toBe(true);
  });
  it('the reminder goes five minutes before, or half the interval when that is shorter', () => {
    const due = new Date('2026-03-29T01:00:00Z');
    expect(reminderAt(due, 30, { reminderMinutesBefore: 5 }).toISOString()).toBe('2026-03-29T00:55:00.000Z');
    expect(reminderAt(due, 4, { reminderMinutesBefore: 5 }).toISOString()).toBe('2026-03-29T00:58:00.000Z');
  });
  it('the default ladder (uk-rules 9.2): 0, +5, +10, +15 minutes; duress jumps to the police', () => {
    expect(stepDueTimes(t, DEFAULT_LONE_WORKING_POLICY).map((d) => (d.getTime() - t.getTime()) / 60_000)).toEqual([0, 5, 10, 15]);
    expect(DEFAULT_LONE_WORKING_POLICY.steps[duressStepIndex(DEFAULT_LONE_WORKING_POLICY)]!.action).toBe('call_police');
    expect(ladderProblem(DEFAULT_LONE_WORKING_POLICY.steps)).toBeUndefined();
    expect(ladderProblem([...DEFAULT_LONE_WORKING_POLICY.steps].reverse())).toMatchObject({ path: 'steps.1.offsetSeconds' });
  });
  it('words and countdowns', () => {
    expect(normaliseWord('  Blue   Bell ')).toBe('blue bell');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(-200)).toBe('-3:20');
    expect(formatCountdown(3723)).toBe('1:02:03');
  });
});
