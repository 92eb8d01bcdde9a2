import { londonWallClock } from '../calendar/london';
import { addDays } from '../calendar/days';

// The on-call rota: concrete dated shifts, each from (inclusive) to (exclusive) an instant, at a
// level for a duty (1 first on call, 2 second, 3 the manager…). Councils write their rotas as
// London wall-clock times ("Fri 17:00 to Mon 09:00"); `shiftOn` turns such a shift into instants,
// so a night across a clock change is as long as it really is (9 or 11 hours for 22:00–08:00).
// Who is on call is then a question about instants, the same whatever the clock on the wall says.

export const ROTA_LEVELS: Record<number, string> = { 1: 'First on call', 2: 'Second on call', 3: 'Manager', 4: 'Senior manager', 5: 'Director on call' };
export const rotaLevelName = (level: number) => ROTA_LEVELS[level] ?? `Level ${level}`;

export interface RotaShift {
  dutyId: string;
  level: number;
  startsAt: Date;
  endsAt: Date;
}

const HHMM = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/**
 * The instants of a shift that starts on a London day at a wall-clock time and ends at another
 * (on the next day when it is not later the same day: "22:00–08:00" runs across midnight).
 * Times in the hour the clocks skip are taken an hour later; in the hour that happens twice, the
 * second (GMT) one, as londonWallClock does. Undefined for a day or time that is not real.
 */
export function shiftOn(day: string, from: string, to: string): { startsAt: Date; endsAt: Date } | undefined {
  const f = HHMM.exec(from);
  const t = HHMM.exec(to);
  if (!f || !t) return undefined;
  const startsAt = londonWallClock(day, { hour: Number(f[1]), minute: Number(f[2]) });
  if (!startsAt) return undefined;
  const sameDay = to.padStart(5, '0') > from.padStart(5, '0');
  const endsAt = londonWallClock(sameDay ? day : addDays(day, 1), { hour: Number(t[1]), minute: Number(t[2]) })!;
  return endsAt > startsAt ? { startsAt, endsAt } : undefined;
}

/** Whether a shift covers an instant: from inclusive, to exclusive (at a handover the next person is on call). */
export const covers = (s: Pick<RotaShift, 'startsAt' | 'endsAt'>, at: Date) => s.startsAt.getTime() <= at.getTime() && at.getTime() < s.endsAt.getTime();

/**
 * Who is on call for a duty at an instant, above a level (0: from the first on call up): the shift
 * at the lowest level higher than `above` that covers the instant, or null when nobody above that
 * level is on call then. With several at the same level, the one whose shift started last.
 * "Up the rota" from someone at level n is `onCall(shifts, { dutyId, at, above: n })`.
 */
export function onCall<T extends RotaShift>(shifts: readonly T[], { dutyId, at, above = 0 }: { dutyId: string; at: Date; above?: number }): T | null {
  let best: T | null = null;
  for (const s of shifts) {
    if (s.dutyId !== dutyId || s.level <= above || !covers(s, at)) continue;
    if (!best || s.level < best.level || (s.level === best.level && s.startsAt > best.startsAt)) best = s;
  }
  return best;
}

/** Everyone on call for a duty at an instant, one per level, lowest level first (the escalation order). */
export function escalationOrder<T extends RotaShift>(shifts: readonly T[], { dutyId, at }: { dutyId: string; at: Date }): T[] {
  const order: T[] = [];
  for (let s = onCall(shifts, { dutyId, at }); s; s = onCall(shifts, { dutyId, at, above: s.level })) order.push(s);
  return order;
}

/** Hours of a shift (for the rota page): 9 for 22:00–08:00 into BST, 11 into GMT. */
export const shiftHours = (s: Pick<RotaShift, 'startsAt' | 'endsAt'>) => (s.endsAt.getTime() - s.startsAt.getTime()) / 3_600_000;
