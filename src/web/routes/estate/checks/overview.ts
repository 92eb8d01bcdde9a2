import { CHECK_KINDS, SHIFTS, type RoundCompletion } from '../../../api/checks';

// The supervisor's panel, pure: which rounds it shows and how each stands, in words and a colour.

/** The current shift's rounds (cameras, then equipment), and the previous shift's left incomplete. */
export function panelRounds(rounds: readonly RoundCompletion[]) {
  const latest = rounds.reduce((at, r) => (r.shiftStartsAt > at ? r.shiftStartsAt : at), '');
  const current = rounds.filter((r) => r.shiftStartsAt === latest);
  const earlier = rounds.filter((r) => r.shiftStartsAt !== latest && !r.isComplete && r.total > 0);
  return { current, earlier };
}

export type RoundState = { words: string; colour: 'green' | 'red' | 'yellow' | 'grey' };

/** Complete, overdue (past the point it should be done by), under way, not started, or nothing to check. */
export function roundState(r: RoundCompletion): RoundState {
  if (r.total === 0) return { words: 'Nothing to check', colour: 'grey' };
  if (r.isComplete) return { words: 'Complete', colour: 'green' };
  if (r.isOverdue) return { words: r.done === 0 ? 'Overdue: not started' : 'Overdue: not complete', colour: 'red' };
  return r.done === 0 ? { words: 'Not started', colour: 'yellow' } : { words: 'Not complete', colour: 'yellow' };
}

/** "Cameras, day shift of 3/12/2026". */
export const roundName = (r: RoundCompletion, day: (d: string) => string) => `${CHECK_KINDS[r.kind]}, ${SHIFTS[r.shift].toLowerCase()} of ${day(r.date)}`;

/** "Rosa Khan and Dev Patel", or "Nobody yet". */
export function checkedByWords(names: readonly string[]): string {
  if (!names.length) return 'Nobody yet';
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
