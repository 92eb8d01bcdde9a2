// The handheld's pure rules: the observation timer, offenders' ages, offline unlock and money.

/** The statutory grace period after paid or permitted time in a designated parking place (SI 2022/71 reg 5). */
export const GRACE_MINUTES = 10;

export interface Observation { totalMinutes: number; graceMinutes: number; issueFrom: Date; remainingMs: number; done: boolean }

export function observation(code: { observationMinutes: number; graceApplies: boolean }, startedAt: Date, now: Date): Observation {
  const graceMinutes = code.graceApplies ? GRACE_MINUTES : 0;
  const totalMinutes = code.observationMinutes + graceMinutes;
  const issueFrom = new Date(startedAt.getTime() + totalMinutes * 60_000);
  const remainingMs = Math.max(0, issueFrom.getTime() - now.getTime());
  return { totalMinutes, graceMinutes, issueFrom, remainingMs, done: remainingMs === 0 };
}

export function formatRemaining(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Age in whole years on a date (both yyyy-mm-dd, calendar dates). */
export function ageOn(dateOfBirth: string, on: string): number | undefined {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  if (!b || !d) return undefined;
  let age = Number(d[1]) - Number(b[1]);
  if (Number(d[2]) < Number(b[2]) || (Number(d[2]) === Number(b[2]) && Number(d[3]) < Number(b[3]))) age--;
  return age;
}

/** Today's date in London, yyyy-mm-dd. */
export function londonDate(at: Date): string {
  const p = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const v = (t: string) => p.find((x) => x.type === t)!.value;
  return `${v('year')}-${v('month')}-${v('day')}`;
}

export function formatLondon(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

export const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;

/** Whether the device may be unlocked offline: the last session's limits still hold. */
export function offlineUnlockAllowed(sessionExpiresAt: string | undefined, now: Date): { ok: true } | { ok: false; reason: string } {
  if (!sessionExpiresAt) return { ok: false, reason: 'Sign in with signal first: this device has not been set up.' };
  if (new Date(sessionExpiresAt).getTime() <= now.getTime()) return { ok: false, reason: 'Your sign-in has run out. Sign in again when you have signal: what is waiting to sync stays on the device.' };
  return { ok: true };
}

/** Groups trail points: a trail record every minute or 20 points, whichever comes first. */
export const TRAIL_POINTS = 20;
export const TRAIL_MS = 60_000;
export function trailDue(points: { at: string }[], now: Date): boolean {
  if (points.length === 0) return false;
  return points.length >= TRAIL_POINTS || now.getTime() - new Date(points[0].at).getTime() >= TRAIL_MS;
}
