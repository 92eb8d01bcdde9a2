import { parseUkDate } from '../../../../domain/calendar/london';
import { PRIORITIES, type Priority, type SlaClockKind, type Weekday } from '../../../../domain/maintenance/contract';
import { parseUkDateTime } from '../../occurrences/when';
import { formatPence, parsePounds as parseMoney, penceAsPounds } from '../../../lib/money';

// The contracts pages' forms as pure functions: what was typed -> the request body, or the
// problems to show beside the fields (by the server's field names).

export type Problems = Record<string, string | undefined>;
export const PRIORITY_LIST = Object.keys(PRIORITIES) as Priority[];

/** Pounds as typed -> whole pence, or undefined when not a sum of money (the message is the form's own). */
const parsePounds = (text: string): number | undefined => parseMoney(text, 'amount').pence;
export { formatPence };
/** Pence as a form shows them: "1234.50". */
export const poundsInput = penceAsPounds;

/** 270 -> "4 hours 30 minutes"; 60 -> "1 hour"; 45 -> "45 minutes". */
export function durationWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h ? `${h.toLocaleString('en-GB')} ${h === 1 ? 'hour' : 'hours'}` : '', m ? `${m} ${m === 1 ? 'minute' : 'minutes'}` : ''].filter(Boolean);
  return parts.join(' ') || '0 minutes';
}

/** "4" (hours), "4:30" (hours and minutes) or "1.5" (hours) -> minutes; undefined when not a time. */
export function parseHours(text: string): number | undefined {
  const t = text.trim();
  const hm = /^(\d{1,4}):([0-5]\d)$/.exec(t);
  if (hm) return Number(hm[1]) * 60 + Number(hm[2]);
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(t)) return undefined;
  const minutes = Number(t) * 60;
  return Number.isInteger(Math.round(minutes * 1e6) / 1e6) ? Math.round(minutes) : undefined;
}

const result = <T>(body: T, problems: Problems) => (Object.values(problems).some(Boolean) ? { problems, body: undefined } : { problems, body });

// ---- A contract ----

export interface ContractDraft {
  reference: string; name: string; contractorOrganisationId: string; startsOn: string; endsOn: string;
  workingDays: Weekday[]; opensAt: string; closesAt: string; monthlyCharge: string;
  hasCredits: boolean; responseCredit: Record<Priority, string>; fixCredit: Record<Priority, string>; capPercent: string;
}
const perPriority = (v: string) => Object.fromEntries(PRIORITY_LIST.map((p) => [p, v])) as Record<Priority, string>;
export const emptyContract = (): ContractDraft => ({
  reference: '', name: '', contractorOrganisationId: '', startsOn: '', endsOn: '', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  opensAt: '08:00', closesAt: '17:00', monthlyCharge: '', hasCredits: false, responseCredit: perPriority(''), fixCredit: perPriority(''), capPercent: '10',
});

export function contractBodyOf(d: ContractDraft) {
  const problems: Problems = {};
  const startsOn = parseUkDate(d.startsOn);
  const endsOn = d.endsOn.trim() ? parseUkDate(d.endsOn) : null;
  if (!startsOn) problems.startsOn = d.startsOn.trim() ? 'Enter the day the contract starts as a real date, like 1/4/2026' : 'Enter the day the contract starts';
  if (endsOn === undefined) problems.endsOn = 'Enter the day the contract ends as a real date, like 31/3/2029, or leave it blank';
  const monthlyChargePence = parsePounds(d.monthlyCharge || '0');
  if (monthlyChargePence === undefined) problems.monthlyChargePence = 'Enter the monthly charge in pounds and pence, like 12500.00';
  let serviceCredits: { responseBreachPence: Record<Priority, number>; fixBreachPence: Record<Priority, number>; capPercent: number } | null = null;
  if (d.hasCredits) {
    const response = PRIORITY_LIST.map((p) => parsePounds(d.responseCredit[p]));
    const fix = PRIORITY_LIST.map((p) => parsePounds(d.fixCredit[p]));
    const cap = d.capPercent.trim() && /^\d+(\.\d{1,2})?$/.test(d.capPercent.trim()) ? Number(d.capPercent) : undefined;
    if (response.some((v) => v === undefined) || fix.some((v) => v === undefined)) problems.serviceCredits = 'Enter each credit in pounds and pence, like 100.00 (0 for none)';
    else if (cap === undefined || cap > 100) problems.serviceCredits = 'Enter the cap as a percentage of the monthly charge from 0 to 100, like 10';
    else serviceCredits = {
      responseBreachPence: Object.fromEntries(PRIORITY_LIST.map((p, i) => [p, response[i]!])) as Record<Priority, number>,
      fixBreachPence: Object.fromEntries(PRIORITY_LIST.map((p, i) => [p, fix[i]!])) as Record<Priority, number>,
      capPercent: cap,
    };
  }
  return result({
    reference: d.reference, name: d.name, contractorOrganisationId: d.contractorOrganisationId, startsOn: startsOn ?? '', endsOn: endsOn ?? null,
    workingDays: d.workingDays, opensAt: d.opensAt.trim(), closesAt: d.closesAt.trim(), monthlyChargePence: monthlyChargePence ?? 0, serviceCredits,
  }, problems);
}

// ---- A change to a contract ----

export interface ChangeDraft { name: string; endsOn: string; workingDays: Weekday[]; opensAt: string; closesAt: string; monthlyCharge: string; reason: string }

export function changeBodyOf(d: ChangeDraft, was: { name: string; endsOn: string | null; workingDays: Weekday[]; opensAt: string; closesAt: string; monthlyChargePence: number }) {
  const problems: Problems = {};
  const endsOn = d.endsOn.trim() ? parseUkDate(d.endsOn) : null;
  if (endsOn === undefined) problems.endsOn = 'Enter the day the contract ends as a real date, like 31/3/2029, or leave it blank';
  const monthlyChargePence = parsePounds(d.monthlyCharge || '0');
  if (monthlyChargePence === undefined) problems.monthlyChargePence = 'Enter the monthly charge in pounds and pence, like 12500.00';
  const sameDays = [...d.workingDays].sort().join() === [...was.workingDays].sort().join();
  return result({
    name: d.name.trim() !== was.name ? d.name : undefined,
    endsOn: endsOn !== undefined && endsOn !== was.endsOn ? endsOn : undefined,
    workingDays: sameDays ? undefined : d.workingDays,
    opensAt: d.opensAt.trim() !== was.opensAt ? d.opensAt.trim() : undefined,
    closesAt: d.closesAt.trim() !== was.closesAt ? d.closesAt.trim() : undefined,
    monthlyChargePence: monthlyChargePence !== undefined && monthlyChargePence !== was.monthlyChargePence ? monthlyChargePence : undefined,
    reason: d.reason,
  }, problems);
}

// ---- SLA terms ----

export interface TermDraft { clock: '' | SlaClockKind; response: string; fix: string }
export interface SlaDraft { effectiveFrom: string; reason: string; terms: Record<Priority, TermDraft> }
export const emptySla = (): SlaDraft => ({
  effectiveFrom: '', reason: '', terms: Object.fromEntries(PRIORITY_LIST.map((p) => [p, { clock: '', response: '', fix: '' }])) as Record<Priority, TermDraft>,
});

/** The priorities given a clock become terms; the others keep the terms they have. */
export function slaBodyOf(d: SlaDraft, now = new Date()) {
  const problems: Problems = {};
  const effectiveFrom = parseUkDateTime(d.effectiveFrom, now);
  if (!effectiveFrom) problems.effectiveFrom = d.effectiveFrom.trim() ? 'Enter when the terms take effect as a date and time, like 1/1/2027 00:00' : 'Enter when the terms take effect';
  const terms: { priority: Priority; clock: SlaClockKind; responseMinutes: number; fixMinutes: number }[] = [];
  const wrong: string[] = [];
  for (const p of PRIORITY_LIST) {
    const t = d.terms[p];
    if (!t.clock) continue;
    const responseMinutes = parseHours(t.response);
    const fixMinutes = parseHours(t.fix);
    if (responseMinutes === undefined || fixMinutes === undefined) wrong.push(p);
    else terms.push({ priority: p, clock: t.clock, responseMinutes, fixMinutes });
  }
  if (wrong.length) problems.terms = `Enter the response and fix times for ${wrong.join(', ')} in hours, like 4 or 4:30`;
  else if (!terms.length) problems.terms = 'Choose the clock for at least one priority';
  return result({ effectiveFrom: effectiveFrom ?? '', reason: d.reason, terms }, problems);
}

// ---- Closure days and notes ----

export function closureBodyOf(d: { day: string; reason: string }) {
  const day = parseUkDate(d.day);
  return result({ day: day ?? '', reason: d.reason }, { day: day ? undefined : d.day.trim() ? 'Enter the day as a real date, like 24/12/2026' : 'Enter the day the council is closed' });
}

export function noteBodyOf(d: { kind: string; occurredOn: string; note: string }) {
  const occurredOn = parseUkDate(d.occurredOn);
  return result({ kind: d.kind as never, occurredOn: occurredOn ?? '', note: d.note }, {
    kind: d.kind ? undefined : 'Choose what kind of underperformance or non-compliance it was',
    occurredOn: occurredOn ? undefined : d.occurredOn.trim() ? 'Enter the day it happened as a real date, like 2/11/2026' : 'Enter the day it happened',
  });
}
