import type { ShiftStart } from '../../../../domain/occurrences/contract';

// When the outgoing operator's shift began, so that the handover holds that shift's work and no one
// else's. Pure: the use case gathers the times.

/** The longest a shift is taken to run (a 12-hour shift and its handover). */
export const SHIFT_HOURS = 13;

/**
 * The operator came on at the earlier of signing in and acknowledging the handover addressed to
 * them (either may come first; a re-sign-in mid-shift must not cut the shift short), but never
 * before their own previous handover (that shift was handed over already) nor more than a shift's
 * length ago. A time the operator gives wins, if it is not in the future.
 */
export function shiftStart({ now, given, signedInAt, acknowledgedAt, previousHandoverAt }: {
  now: Date; given?: Date | null; signedInAt?: Date | null; acknowledgedAt?: Date | null; previousHandoverAt?: Date | null;
}): { at: Date; because: ShiftStart } {
  if (given && given.getTime() <= now.getTime()) return { at: given, because: 'given' };
  const earliest = now.getTime() - SHIFT_HOURS * 3600_000;
  const cameOn = [
    { at: signedInAt, because: 'signed_in' as const },
    { at: acknowledgedAt, because: 'acknowledged' as const },
  ].filter((c): c is { at: Date; because: 'signed_in' | 'acknowledged' } => !!c.at && c.at.getTime() >= earliest && c.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  const floor = previousHandoverAt && previousHandoverAt.getTime() > earliest && previousHandoverAt.getTime() <= now.getTime()
    ? { at: previousHandoverAt, because: 'previous_handover' as const }
    : { at: new Date(earliest), because: 'shift_length' as const };
  return cameOn && cameOn.at.getTime() > floor.at.getTime() ? cameOn : floor;
}

/** Who may acknowledge a handover: its addressee, or a member of the team it is addressed to; never its writer. */
export function acknowledgeRefusal({ handover, actor }: {
  handover: { from_user_id: string; to_user_id: string | null; to_team_id: string | null; acknowledged_at: Date | null };
  actor: { userId: string; teamId: string | null };
}): 'already' | 'own' | 'not_addressee' | undefined {
  if (handover.acknowledged_at) return 'already';
  if (handover.from_user_id === actor.userId) return 'own';
  if (handover.to_user_id) return handover.to_user_id === actor.userId ? undefined : 'not_addressee';
  if (handover.to_team_id) return handover.to_team_id === actor.teamId ? undefined : 'not_addressee';
  return undefined; // written before handovers were addressed: anyone coming on
}
