// When the server will sign a user out, and when to warn them first (WCAG 2.2.1 Timing Adjustable).

/** The server notes a request at most once a minute, so its idle clock may have started this much earlier. */
const SAFETY_MS = 60_000;
const IDLE_WARNING_MS = 2 * 60_000;
const ABSOLUTE_WARNING_MS = 5 * 60_000;

export interface SignOutPlan {
  /** 'idle' can be put off by any request; 'absolute' cannot. */
  kind: 'idle' | 'absolute';
  /** When to sign out (ms since the epoch). */
  at: number;
  /** When to start warning. */
  warnAt: number;
}

export function planSignOut({ lastActivity, idleTimeoutMinutes, expiresAt }: {
  lastActivity: number;
  idleTimeoutMinutes: number;
  expiresAt: string;
}): SignOutPlan {
  const idleMs = idleTimeoutMinutes * 60_000;
  // Limit after the last request: a minute short of the server's, but never less than half of it.
  const limit = Math.max(idleMs - SAFETY_MS, idleMs / 2);
  const idleAt = lastActivity + limit;
  const absoluteAt = Date.parse(expiresAt);
  if (Number.isFinite(absoluteAt) && absoluteAt <= idleAt) {
    return { kind: 'absolute', at: absoluteAt, warnAt: absoluteAt - ABSOLUTE_WARNING_MS };
  }
  // Two minutes' warning, or half the limit when it is under four minutes.
  return { kind: 'idle', at: idleAt, warnAt: idleAt - Math.min(IDLE_WARNING_MS, limit / 2) };
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "2 minutes", "1 minute 5 seconds", "40 seconds". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (!minutes) return plural(seconds, 'second');
  return seconds ? `${plural(minutes, 'minute')} ${plural(seconds, 'second')}` : plural(minutes, 'minute');
}

/**
 * The time left, rounded up to steps of 30 seconds (15 in the last minute), so that a live region
 * holding it changes, and is read out, no more often than that.
 */
export function announcedDuration(ms: number): string {
  const step = ms > 60_000 ? 30_000 : 15_000;
  return formatDuration(Math.ceil(Math.max(ms, 0) / step) * step);
}
