import { londonDay, londonDayBefore, londonWallClock } from '../../../../domain/calendar/london';
import { labelOf } from '../../../../domain/labels';
import {
  CHECK_ITEMS, type CheckItem, type CheckKind, type CheckOutcome, type CheckSettings, type EquipmentKind, type Shift,
} from '../../../../domain/estate/checks';

// The daily checks' decisions, pure: which items apply to what, which shift it is, what is done and
// what comes next, and when an incomplete check is overdue.

/**
 * The cameras a round checks: every one still in the estate and meant to be working. Out-of-service
 * cameras are known to be off (awaiting repair or removal) and decommissioned ones are gone;
 * body-worn cameras are not watched from the control room. Faulty and degraded cameras are checked:
 * the check shows whether they have come back.
 */
export function isCameraChecked(camera: { status: string; kind: string }): boolean {
  return !['out_of_service', 'decommissioned'].includes(camera.status) && camera.kind !== 'body_worn';
}

/** The items a camera is checked for, in the order the operator goes through them. */
export function cameraItems(camera: { kind: string; capabilities: readonly string[] }): CheckItem[] {
  const moves = camera.kind === 'ptz' || camera.capabilities.some((c) => c === 'pan' || c === 'tilt' || c === 'zoom');
  return [
    'picture',
    ...(moves ? (['ptz'] as const) : []),
    'focus',
    ...(camera.capabilities.includes('infrared') ? (['infrared'] as const) : []),
    'recording',
    'clock',
  ];
}

const EQUIPMENT_ITEMS: Record<EquipmentKind, CheckItem[]> = {
  recorder: ['recording', 'clock', 'storage'],
  monitor: ['picture'],
  video_wall: ['picture'],
  radio: ['transmit_receive', 'battery'],
  airwave_handset: ['transmit_receive', 'battery'],
  // Inspected by patrol officers on the handheld (field module), not in the control room's rounds.
  carpark_machine: [],
};
export const equipmentItems = (kind: EquipmentKind): CheckItem[] => EQUIPMENT_ITEMS[kind];

/** Equipment a round checks: in service and not known to be out of service. */
export const isEquipmentChecked = (e: { status: string; is_in_service: boolean }): boolean => e.is_in_service && e.status !== 'out_of_service';

// ---- Shifts ----

export interface ShiftSlot { date: string; shift: Shift; startsAt: Date; endsAt: Date }

const hm = (t: string) => ({ hour: Number(t.slice(0, 2)), minute: Number(t.slice(3, 5)) });

/** The shift of a (London date, shift): the night shift of a date runs into the next morning. */
export function shiftSlot({ date, shift, settings }: { date: string; shift: Shift; settings: CheckSettings }): ShiftSlot {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const nextDay = next.toISOString().slice(0, 10);
  const startsAt = londonWallClock(date, hm(shift === 'day' ? settings.dayStartsAt : settings.nightStartsAt))!;
  const endsAt = shift === 'day' ? londonWallClock(date, hm(settings.nightStartsAt))! : londonWallClock(nextDay, hm(settings.dayStartsAt))!;
  return { date, shift, startsAt, endsAt };
}

/** The shift on duty at an instant: before the day shift starts, it is still the previous date's night. */
export function shiftAt({ at, settings }: { at: Date; settings: CheckSettings }): ShiftSlot {
  const today = londonDay(at);
  const day = shiftSlot({ date: today, shift: 'day', settings });
  if (at < day.startsAt) return shiftSlot({ date: londonDayBefore(today)!, shift: 'night', settings });
  return at < day.endsAt ? day : shiftSlot({ date: today, shift: 'night', settings });
}

export function previousShift({ slot, settings }: { slot: ShiftSlot; settings: CheckSettings }): ShiftSlot {
  return slot.shift === 'night' ? shiftSlot({ date: slot.date, shift: 'day', settings }) : shiftSlot({ date: londonDayBefore(slot.date)!, shift: 'night', settings });
}

/** Results for a round are taken until an hour after its shift ends (a check finished at handover). */
export const LATE_RESULTS_MINUTES = 60;
export const isRoundOpenForResults = ({ endsAt, now }: { endsAt: Date; now: Date }) => now.getTime() < endsAt.getTime() + LATE_RESULTS_MINUTES * 60_000;

// ---- Results ----

/**
 * The outcome to record, or the field to fix. A failure needs a note saying what is wrong. For the
 * recorder clock an offset may be given instead of an outcome: within the tolerance passes; an
 * outcome that contradicts the offset is refused.
 */
export function decideOutcome({ item, outcome, note, clockOffsetSeconds, toleranceSeconds }: {
  item: CheckItem; outcome?: CheckOutcome; note?: string; clockOffsetSeconds?: number; toleranceSeconds: number;
}): { outcome: CheckOutcome } | { path: string; message: string } {
  if (clockOffsetSeconds !== undefined && item !== 'clock') return { path: 'clockOffsetSeconds', message: 'A clock difference is only recorded for the recorder clock' };
  let decided = outcome;
  if (item === 'clock' && clockOffsetSeconds !== undefined) {
    const within = Math.abs(clockOffsetSeconds) <= toleranceSeconds;
    if (outcome === 'pass' && !within) return { path: 'outcome', message: `The clock is ${Math.abs(clockOffsetSeconds)} s out, beyond the ±${toleranceSeconds} s tolerance: record it as failed` };
    if (outcome === 'fail' && within) return { path: 'outcome', message: `The clock is within the ±${toleranceSeconds} s tolerance: record it as passed` };
    decided ??= within ? 'pass' : 'fail';
  }
  if (!decided) return { path: 'outcome', message: 'Choose pass, fail or not applicable' };
  if (decided === 'fail' && !note?.trim()) {
    if (item === 'clock' && clockOffsetSeconds !== undefined) return { outcome: decided };
    return { path: 'note', message: 'Say what is wrong: a failed item needs a note' };
  }
  return { outcome: decided };
}

/** What a fault raised by a failed item says: the item, the target, and the operator's note (or the clock's offset). */
export function faultDescription({ item, targetReference, note, clockOffsetSeconds }: { item: CheckItem; targetReference: string; note?: string | null; clockOffsetSeconds?: number | null }): string {
  const detail = note?.trim() || (clockOffsetSeconds != null ? `Clock ${clockOffsetSeconds > 0 ? '+' : ''}${clockOffsetSeconds} s out` : '');
  return `${labelOf(CHECK_ITEMS, item)} failed on the daily check of ${targetReference}${detail ? `: ${detail}` : ''}`;
}

export const formatFaultReference = ({ year, number }: { year: number; number: number }) => `FLT-${year}-${String(number).padStart(6, '0')}`;

export interface TargetItems { targetId: string; reference: string; items: readonly CheckItem[] }
interface ResultLike { id: string; targetId: string; item: string; supersedesId: string | null }

/** The current results: those no later result supersedes (a correction replaces what it points at). */
export function currentResults<R extends ResultLike>(results: readonly R[]): R[] {
  const superseded = new Set(results.map((r) => r.supersedesId).filter((id): id is string => !!id));
  return results.filter((r) => !superseded.has(r.id));
}

const key = (targetId: string, item: string) => `${targetId}:${item}`;

/** Items done (with a current result) out of every item of every target. */
export function progress({ targets, current }: { targets: readonly TargetItems[]; current: readonly { targetId: string; item: string }[] }) {
  const expected = new Set(targets.flatMap((t) => t.items.map((i) => key(t.targetId, i))));
  const done = new Set(current.map((r) => key(r.targetId, r.item)).filter((k) => expected.has(k)));
  return { done: done.size, total: expected.size, isComplete: done.size === expected.size };
}

/**
 * The next item to check: the first without a result after the one just recorded (so the operator
 * moves on through the camera and then to the next camera), wrapping round to any left earlier.
 */
export function nextCheck({ targets, current, after }: {
  targets: readonly TargetItems[]; current: readonly { targetId: string; item: string }[]; after?: { targetId: string; item: string };
}): { targetId: string; reference: string; item: CheckItem } | null {
  const done = new Set(current.map((r) => key(r.targetId, r.item)));
  const order = targets.flatMap((t) => t.items.map((item) => ({ targetId: t.targetId, reference: t.reference, item })));
  const start = after ? order.findIndex((o) => o.targetId === after.targetId && o.item === after.item) + 1 : 0;
  for (let i = 0; i < order.length; i++) {
    const o = order[(start + i) % order.length];
    if (!done.has(key(o.targetId, o.item))) return o;
  }
  return null;
}

/** An incomplete check is overdue once its shift has ended or is past the point it should be done by. */
export function isOverdue({ isComplete, now, startsAt, endsAt, dueWithinMinutes }: { isComplete: boolean; now: Date; startsAt: Date; endsAt: Date; dueWithinMinutes: number }): boolean {
  if (isComplete) return false;
  const due = Math.min(endsAt.getTime(), startsAt.getTime() + dueWithinMinutes * 60_000);
  return now.getTime() >= due;
}

export type { CheckKind };
