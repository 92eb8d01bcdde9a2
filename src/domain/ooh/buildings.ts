import { londonDay, londonDayBefore, londonWallClock } from '../calendar/london';

// The out-of-hours rules for absence, alarms, patrols and building access, as pure functions the
// server decides with and the web app explains with. Each problem says what to fix.

export interface Problem { path: string; message: string }

// ---- Out-of-hours access ----

/** A name as the access list is matched on: case, accents, punctuation and spacing do not count. */
export function normaliseName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/['’`.]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface AccessListEntry { id: string; buildingId: string; name: string; validFrom: string; validTo: string | null; removed?: boolean }

/** Whether an entry lets its person in at an instant: London days from `validFrom` to `validTo`, both inclusive. */
export function entryValidAt(entry: Pick<AccessListEntry, 'validFrom' | 'validTo'>, at: Date): boolean {
  const day = londonDay(at);
  return day >= entry.validFrom && (entry.validTo === null || day <= entry.validTo);
}

/**
 * The access-list entry a visitor matches, or null: the same name once normalised, the building they
 * ask to enter, and now within the entry's validity. A removed entry matches no one.
 */
export function matchAccessList<E extends AccessListEntry>(entries: readonly E[], visitor: { name: string; buildingId: string; at: Date }): E | null {
  const wanted = normaliseName(visitor.name);
  if (!wanted) return null;
  return entries.find((e) => !e.removed && e.buildingId === visitor.buildingId && normaliseName(e.name) === wanted && entryValidAt(e, visitor.at)) ?? null;
}

/** What is wrong with letting a visitor in or refusing them, given whether they matched the list. */
export function accessDecisionProblems(input: { decision: 'let_in' | 'refused'; reason: string; authorisedBy: string }, matched: boolean): Problem[] {
  if (input.decision === 'refused') {
    return input.reason.trim() ? [] : [{ path: 'reason', message: 'Enter why the visitor was refused' }];
  }
  if (matched || input.authorisedBy.trim()) return [];
  return [{ path: 'authorisedBy', message: 'The visitor is not on this building’s access list for today: refuse them, or enter the name of the manager who authorised letting them in' }];
}

// ---- Alarms ----

export type AlarmEventKind = 'keyholder_called' | 'attended' | 'fire_service_called' | 'police_called' | 'cause' | 'note' | 'reset' | 'stood_down';
const NEEDS_WHO: Partial<Record<AlarmEventKind, string>> = { keyholder_called: 'Enter the keyholder called', attended: 'Enter who attended' };
export const CLOSING_KINDS: readonly AlarmEventKind[] = ['reset', 'stood_down'];
/** How far ahead of the server's clock a time may be (a wall clock a little fast). */
const SLACK_MS = 5 * 60_000;

/**
 * What is wrong with the next step on an alarm: each step happens in order (not before the alarm
 * went off nor before the last step recorded, not in the future); a keyholder call and an attendance
 * say who; the cause says whether it was a false alarm. A closed alarm takes no step (see alarmClosedProblem).
 */
export function alarmStepProblems(
  alarm: { raisedAt: Date; lastAt: Date | null },
  step: { kind: AlarmEventKind; at: Date; who: string; falseAlarm?: boolean; note: string },
  now: Date,
): Problem[] {
  const problems: Problem[] = [];
  if (step.at.getTime() < alarm.raisedAt.getTime()) problems.push({ path: 'at', message: 'Enter a time after the alarm went off' });
  else if (alarm.lastAt && step.at.getTime() < alarm.lastAt.getTime()) problems.push({ path: 'at', message: 'Enter a time after the last step recorded: steps are recorded in the order they happened' });
  else if (step.at.getTime() > now.getTime() + SLACK_MS) problems.push({ path: 'at', message: 'Enter a time that has already happened' });
  const who = NEEDS_WHO[step.kind];
  if (who && !step.who.trim()) problems.push({ path: 'who', message: who });
  if (step.kind === 'cause' && step.falseAlarm === undefined) problems.push({ path: 'falseAlarm', message: 'Say whether it was a false alarm' });
  if ((step.kind === 'cause' || step.kind === 'note' || step.kind === 'stood_down') && !step.note.trim()) {
    problems.push({ path: 'note', message: step.kind === 'cause' ? 'Enter what caused it' : step.kind === 'stood_down' ? 'Enter why it was stood down' : 'Enter the note' });
  }
  return problems;
}

/** An alarm open over an hour, or any fire alarm, needs attention now. */
export function alarmUrgent(alarm: { kind: string; raisedAt: Date }, now: Date): boolean {
  return alarm.kind === 'fire' || now.getTime() - alarm.raisedAt.getTime() > 60 * 60_000;
}

// ---- Night patrols ----

/**
 * What is wrong with a patrol's checks against its building's checklist: each check on the list at
 * most once and none that is not on it; to complete, every check ticked, and a problem always with
 * a note.
 */
export function patrolProblems(checklist: readonly string[], checks: readonly { item: string; outcome: 'ok' | 'problem'; note: string }[], { completing }: { completing: boolean }): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  checks.forEach((c, i) => {
    if (!checklist.includes(c.item)) problems.push({ path: `checks.${i}.item`, message: `“${c.item}” is not on this building’s checklist` });
    else if (seen.has(c.item)) problems.push({ path: `checks.${i}.item`, message: `“${c.item}” is ticked twice: tick each check once` });
    seen.add(c.item);
    if (c.outcome === 'problem' && !c.note.trim()) problems.push({ path: `checks.${i}.note`, message: `Describe the problem found: ${c.item}` });
  });
  if (completing) {
    const missing = checklist.filter((item) => !seen.has(item));
    if (missing.length) problems.push({ path: 'checks', message: `Tick every check, or record a problem with a note, before completing the patrol: ${missing.join('; ')}` });
  }
  return problems;
}

// ---- Staff absence ----

/** What is wrong with an absence report: the shift ends after it starts, and lasts no more than a day. */
export function absenceProblems(input: { shiftStart: Date; shiftEnd: Date; reportedAt: Date }, now: Date): Problem[] {
  const problems: Problem[] = [];
  const hours = (input.shiftEnd.getTime() - input.shiftStart.getTime()) / 3_600_000;
  if (hours <= 0) problems.push({ path: 'shiftEnd', message: 'Enter a shift end after its start' });
  else if (hours > 24) problems.push({ path: 'shiftEnd', message: 'Enter one shift of 24 hours or less: report each shift separately' });
  if (input.reportedAt.getTime() > now.getTime() + SLACK_MS) problems.push({ path: 'reportedAt', message: 'Enter a time that has already happened' });
  return problems;
}

/** Where the manager's list starts by default: 18:00 yesterday, London time. */
export function absencesDefaultFrom(now: Date): Date {
  return londonWallClock(londonDayBefore(londonDay(now))!, { hour: 18 })!;
}

/** The shifts the next shift must know about: from now until 09:00 tomorrow, London time. */
export function absenceWindowEnd(now: Date): Date {
  const today = londonDay(now);
  const tomorrow = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)) + 1)).toISOString().slice(0, 10);
  return londonWallClock(tomorrow, { hour: 9 })!;
}
