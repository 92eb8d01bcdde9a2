import { describe, expect, it } from 'vitest';
import type { RoundCompletion } from '../../../api/checks';
import { checkedByWords, panelRounds, roundName, roundState } from './overview';

const round = (over: Partial<RoundCompletion>): RoundCompletion => ({
  date: '2026-12-03', shift: 'day', kind: 'cameras', shiftStartsAt: '2026-12-03T07:00:00.000Z', shiftEndsAt: '2026-12-03T19:00:00.000Z',
  roundId: null, done: 0, total: 10, isComplete: false, checkedBy: [], firstRecordedAt: null, lastRecordedAt: null, isOverdue: false, ...over,
});
const previous = { date: '2026-12-02', shift: 'night' as const, shiftStartsAt: '2026-12-02T19:00:00.000Z', shiftEndsAt: '2026-12-03T07:00:00.000Z' };

describe('the supervisor’s checks panel', () => {
  it('shows the current shift’s rounds, and only the previous shift’s left incomplete', () => {
    const now = [round({}), round({ kind: 'equipment', done: 4, total: 4, isComplete: true })];
    const before = [round({ ...previous, done: 10, isComplete: true }), round({ ...previous, kind: 'equipment', done: 1, total: 4, isOverdue: true }), round({ ...previous, total: 0, isComplete: true })];
    const { current, earlier } = panelRounds([...now, ...before]);
    expect(current).toEqual(now);
    expect(earlier.map((r) => r.kind)).toEqual(['equipment']);
  });

  it('says how each round stands, overdue ones in red', () => {
    expect(roundState(round({}))).toEqual({ words: 'Not started', colour: 'yellow' });
    expect(roundState(round({ done: 3 }))).toEqual({ words: 'Not complete', colour: 'yellow' });
    expect(roundState(round({ done: 3, isOverdue: true }))).toEqual({ words: 'Overdue: not complete', colour: 'red' });
    expect(roundState(round({ isOverdue: true }))).toEqual({ words: 'Overdue: not started', colour: 'red' });
    expect(roundState(round({ done: 10, isComplete: true }))).toEqual({ words: 'Complete', colour: 'green' });
    expect(roundState(round({ total: 0, isComplete: true }))).toEqual({ words: 'Nothing to check', colour: 'grey' });
  });

  it('names the round and who is doing it', () => {
    expect(roundName(round({ ...previous, kind: 'equipment' }), (d) => d)).toBe('Control-room equipment, night shift of 2026-12-02');
    expect(checkedByWords([])).toBe('Nobody yet');
    expect(checkedByWords(['Rosa Khan'])).toBe('Rosa Khan');
    expect(checkedByWords(['Rosa Khan', 'Dev Patel', 'Ann Lee'])).toBe('Rosa Khan, Dev Patel and Ann Lee');
  });
});
