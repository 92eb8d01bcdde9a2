// Major incidents: the pure rules. A reference MI-YYYY-NNN (gap-free within the London year it was
// declared in); the vocabularies of the log (where information came from, how an action stands);
// and the times an officer may give (not in the future, not before the incident began).

export const formatIncidentReference = (year: number, number: number) => `MI-${year}-${String(number).padStart(3, '0')}`;

export const TIMELINE_SOURCES = {
  public: 'Member of the public',
  fio: 'Forward Incident Officer (FIO)',
  police: 'Police',
  fire: 'Fire and rescue',
  ambulance: 'Ambulance',
  environment_agency: 'Environment Agency',
  utilities: 'Utilities',
  council_service: 'Council service',
  other: 'Other',
} as const;
export type TimelineSource = keyof typeof TIMELINE_SOURCES;

export const ACTION_STATUSES = { open: 'Open', done: 'Done', cancelled: 'Cancelled' } as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;

/** The words an exercise carries on every page and document, so that no one mistakes it for real. */
export const EXERCISE_MARKING = 'EXERCISE EXERCISE EXERCISE';

/** A clock a little fast on an officer's machine is not a time in the future. */
const SKEW_MS = 60_000;

/**
 * What is wrong with a time an officer gives for something that happened (information received, a
 * decision made, the incident closed): undefined when nothing is. `earliest` is when it began.
 */
export function pastTimeProblem(at: Date, { now, earliest, what }: { now: Date; earliest?: Date; what: string }): string | undefined {
  if (at.getTime() > now.getTime() + SKEW_MS) return `The time ${what} cannot be in the future`;
  if (earliest && at.getTime() < earliest.getTime()) return `The time ${what} cannot be before the incident was declared`;
  return undefined;
}

/** Information may come in before the incident was declared: by up to a day. */
export const TIMELINE_LOOKBACK_MS = 24 * 3600_000;

/** How an action stands: its newest update, or open when it has none. */
export const actionStatus = (updates: readonly { status: ActionStatus }[]): ActionStatus => updates.at(-1)?.status ?? 'open';
