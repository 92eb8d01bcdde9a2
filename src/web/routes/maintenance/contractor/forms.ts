import { londonDay, londonParts, londonWallClock } from '../../../../domain/calendar/london';
import type { ContractorStepBody } from '../../../api/contractorFaults';
import type { SlaStopReason } from '../../../../domain/maintenance/contract';

// The contractor's step forms, pure: the date and time an engineer types (London time, as the phone's
// date and time pickers give them) as an instant, and each form's fields as the request body.

const pad = (n: number) => String(n).padStart(2, '0');

/** Now as the date and time inputs show it (London time): { date: '2026-12-03', time: '14:05' }. */
export function londonInputsNow(now = new Date()): { date: string; time: string } {
  const p = londonParts(now);
  return { date: londonDay(now), time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/**
 * A date input's "YYYY-MM-DD" and a time input's "HH:MM" (London wall clock) -> ISO 8601 instant;
 * undefined when either is missing or not a real date or time.
 */
export function londonInputsToIso(date: string, time: string): string | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return undefined;
  return londonWallClock(date.trim(), { hour, minute })?.toISOString();
}

/** A step form's fields, as typed. */
export interface StepFields {
  /** The date and time as typed, and `shown`: the minute the form offered as now (left as it is: now, to the second, as the server takes it). */
  date?: string; time?: string; shown?: { date: string; time: string }; note?: string;
  partId?: string; description?: string; quantity?: string;
  stopClock?: boolean; reason?: SlaStopReason | '';
}

/** The problems found before sending, by the server's field names. */
export type StepProblems = Array<[string, string | false | undefined]>;

/** The quantity as typed -> a whole number, or undefined. */
export function parseQuantity(text: string | undefined): number | undefined {
  const t = (text ?? '').trim();
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/**
 * A step form -> the request body, or the problems to show beside its fields. The server checks the
 * rest (lengths, times not in the future): only what cannot be sent as typed is caught here.
 * `parts` are the council's parts signed out against the fault (a chosen one gives its description).
 */
export function stepBody(
  kind: ContractorStepBody['kind'], f: StepFields, parts: ReadonlyArray<{ partId: string; description: string }> = [],
): { body: ContractorStepBody; problems?: undefined } | { body?: undefined; problems: StepProblems } {
  const note = f.note?.trim() ?? '';
  const at = () => londonInputsToIso(f.date ?? '', f.time ?? '');
  const timed = (what: string): { at?: string; problems?: StepProblems } => {
    // The minute offered as now, untouched: sent as now, since that minute's start may be before the fault was raised.
    if (f.shown && f.shown.date === f.date && f.shown.time === f.time) return {};
    const iso = at();
    return iso ? { at: iso } : { problems: [['at', `Enter ${what} as a date and a time, for example 14:05`]] };
  };
  switch (kind) {
    case 'attended': {
      const t = timed('when the engineer arrived');
      return t.problems ? { problems: t.problems } : { body: { kind, at: t.at, note: note || undefined } };
    }
    case 'fixed': {
      const t = timed('when it was fixed');
      return t.problems ? { problems: t.problems } : { body: { kind, at: t.at, note } };
    }
    case 'diagnosed': case 'note':
      return { body: { kind, note } };
    case 'part_used': {
      const quantity = parseQuantity(f.quantity);
      const part = f.partId ? parts.find((p) => p.partId === f.partId) : undefined;
      const description = part ? part.description : (f.description ?? '').trim();
      const problems: StepProblems = [
        ['quantity', quantity === undefined && 'Enter how many were used, as a whole number'],
        ['description', !part && !description && 'Choose the council’s part or describe your own'],
      ];
      if (problems.some(([, p]) => p)) return { problems };
      return { body: { kind, description, quantity: quantity!, partId: part?.partId } };
    }
    case 'awaiting_parts':
      return { body: { kind, note, stopClock: f.stopClock ?? true } };
    case 'clock_stopped':
      if (!f.reason) return { problems: [['reason', 'Choose why the clock stops']] };
      return { body: { kind, reason: f.reason, note } };
    case 'clock_restarted':
      return { body: { kind, note: note || undefined } };
  }
}
