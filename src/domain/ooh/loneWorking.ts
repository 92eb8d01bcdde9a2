// Lone working's pure rules (issue 13, point 2; uk-rules 9.2): the escalation ladder's policy and
// its default, when a check-in is due, when it is missed, when its reminder goes, and which rungs a
// missed check-in (or a duress word) raises. The server and the web app both call these.

export type StepAction = 'call_worker' | 'call_manager' | 'call_police' | 'other';

export interface LadderStep {
  action: StepAction;
  label: string;
  /** After the missed check-in's deadline. */
  offsetSeconds: number;
  /** What the officer says and does, shown on screen. */
  script: string;
}

export interface LoneWorkingPolicy {
  /** Added to each check-in's due time before it counts as missed (0: the due time is the deadline). */
  graceSeconds: number;
  /** The reminder goes this long before a check-in is due (half the interval when that is shorter). */
  reminderMinutesBefore: number;
  steps: LadderStep[];
}

/** uk-rules 9.2: call the worker, again five minutes on, their manager at ten, the police at fifteen. */
export const DEFAULT_LONE_WORKING_POLICY: LoneWorkingPolicy = {
  graceSeconds: 0,
  reminderMinutesBefore: 5,
  steps: [
    { action: 'call_worker', label: 'Call the worker', offsetSeconds: 0, script: 'Call the worker on their phone. Say: "This is the out-of-hours control room checking on you; you missed your check-in. Are you safe?" If they answer and are safe, record "Answered and safe". If there is no answer, leave a message asking them to call back at once, and record "No answer".' },
    { action: 'call_worker', label: 'Call the worker again', offsetSeconds: 300, script: 'Call the worker again, and try their radio or any other number on the session. If they answer and are safe, record it. If not, record "No answer": their manager is called next.' },
    { action: 'call_manager', label: 'Call their manager', offsetSeconds: 600, script: 'Call the worker\'s manager (number on the session). Tell them the worker has missed a check-in and not answered two calls. Ask whether they know where the worker is, and whether they can reach them. Record what they say.' },
    { action: 'call_police', label: 'Call the police (999)', offsetSeconds: 900, script: 'Call 999 and ask for the police. Say a council lone worker has not responded to welfare checks. Give their name, last known location (and coordinates), task, vehicle, when they last checked in, and the important information for responders (risk markers). Record the police reference.' },
  ],
};

export const STEP_ACTIONS: Record<StepAction, string> = { call_worker: 'Call the worker', call_manager: 'Call their manager', call_police: 'Call the police', other: 'Other' };

const MINUTE = 60_000;

/** When a check-in made (or the session started) at `from` is next due, and its deadline. */
export function nextCheckIn(from: Date, intervalMinutes: number, policy: Pick<LoneWorkingPolicy, 'graceSeconds'>) {
  const dueAt = new Date(from.getTime() + intervalMinutes * MINUTE);
  return { dueAt, deadlineAt: new Date(dueAt.getTime() + policy.graceSeconds * 1000) };
}

/** When the reminder for a check-in due at `dueAt` goes: `reminderMinutesBefore`, or half the interval when that is shorter. */
export function reminderAt(dueAt: Date, intervalMinutes: number, policy: Pick<LoneWorkingPolicy, 'reminderMinutesBefore'>): Date {
  const lead = Math.min(policy.reminderMinutesBefore * MINUTE, (intervalMinutes * MINUTE) / 2);
  return new Date(dueAt.getTime() - lead);
}

/** A check-in at `at` is late when it comes after the deadline (at the deadline is on time). */
export const isLate = (at: Date, deadlineAt: Date | null): boolean => deadlineAt !== null && at.getTime() > deadlineAt.getTime();

/** The rung a duress word jumps to: the first that calls the police, else the last. */
export function duressStepIndex(policy: Pick<LoneWorkingPolicy, 'steps'>): number {
  const i = policy.steps.findIndex((s) => s.action === 'call_police');
  return i >= 0 ? i : policy.steps.length - 1;
}

/** Each rung's due time for a missed check-in whose deadline was `deadlineAt`. */
export const stepDueTimes = (deadlineAt: Date, policy: Pick<LoneWorkingPolicy, 'steps'>): Date[] =>
  policy.steps.map((s) => new Date(deadlineAt.getTime() + s.offsetSeconds * 1000));

/** What is wrong with a ladder (offsets must start at 0 or later and rise step by step), or undefined. */
export function ladderProblem(steps: readonly LadderStep[]): { path: string; message: string } | undefined {
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.offsetSeconds <= steps[i - 1]!.offsetSeconds) return { path: `steps.${i}.offsetSeconds`, message: 'Each step must come after the one before it' };
  }
  return undefined;
}

/** Normalises a duress word as typed (case and surrounding spaces do not matter). */
export const normaliseWord = (word: string) => word.trim().toLowerCase().replace(/\s+/g, ' ');

/** Seconds left to a deadline (negative once overdue), from the server's time. */
export const secondsLeft = (deadlineAt: Date | string, now: Date | number): number =>
  Math.floor((new Date(deadlineAt).getTime() - (now instanceof Date ? now.getTime() : now)) / 1000);

/** "12:05" or "-3:20" or "1:02:03" for a countdown. */
export function formatCountdown(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${sign}${h}:${String(m).padStart(2, '0')}:${ss}` : `${sign}${m}:${ss}`;
}
