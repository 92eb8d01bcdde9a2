import { CheckSettings } from '../../../../domain/estate/checks';
import { fieldErrors, type FormErrors } from '../../../lib/errors';

// The daily checks' settings form: what was typed, checked with the contract's own schema (the
// server checks again), so the messages are the same either way.

export type SettingsDraft = Record<'dayStartsAt' | 'nightStartsAt' | 'clockToleranceSeconds' | 'dueWithinMinutes', string>;
export const SETTINGS_FIELDS = ['dayStartsAt', 'nightStartsAt', 'clockToleranceSeconds', 'dueWithinMinutes'] as const;

export const draftOf = (s: CheckSettings): SettingsDraft => ({
  dayStartsAt: s.dayStartsAt, nightStartsAt: s.nightStartsAt, clockToleranceSeconds: String(s.clockToleranceSeconds), dueWithinMinutes: String(s.dueWithinMinutes),
});

/** A whole number as typed, or the text itself so that the contract's message says what is wrong. */
const asNumber = (typed: string) => (/^\s*\d+(\.\d+)?\s*$/.test(typed) ? Number(typed) : typed.trim() === '' ? undefined : typed);
/** "7:00" and " 07:00 " are 07:00. */
const asTime = (typed: string) => { const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(typed); return m ? `${m[1].padStart(2, '0')}:${m[2]}` : typed.trim(); };

export function readSettings(d: SettingsDraft): { settings: CheckSettings } | { errors: FormErrors } {
  const parsed = CheckSettings.safeParse({
    dayStartsAt: asTime(d.dayStartsAt), nightStartsAt: asTime(d.nightStartsAt), clockToleranceSeconds: asNumber(d.clockToleranceSeconds), dueWithinMinutes: asNumber(d.dueWithinMinutes),
  });
  if (parsed.success) return { settings: parsed.data };
  return { errors: fieldErrors(SETTINGS_FIELDS.map((f) => [f, parsed.error.issues.find((i) => i.path[0] === f)?.message]))! };
}
