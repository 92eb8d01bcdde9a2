import { addDays } from 'date-fns';
import { z } from 'zod';
import { instant } from '../primitives';
import { inLondon } from '../calendar/london';
import { HOUR_MS, isWithin, MINUTE_MS, type Period } from './period';

// The contractor's monthly performance figures for one contract, from its faults. A month's report
// covers the faults *raised* in it, so each fault is counted in exactly one month whenever it is
// fixed; a report made before all of them are closed shows the undecided ones as pending and is
// final once they are. Whether each SLA was met comes from the SLA clock (its stops deducted);
// the mean times here are plain elapsed time, what the council waited.

// The priorities and the service-credit rule are the module's contract's (contract.ts); re-exported here for the figures' callers.
import { PRIORITIES, Priority, ServiceCreditRule } from './contract';
export { PRIORITIES, Priority, ServiceCreditRule };
const priorities = Object.keys(PRIORITIES) as Priority[];

/** A repeat fault is one raised on the same camera within this many London calendar days after an earlier fault's fix. */
export const REPEAT_WITHIN_DAYS = 30;

export interface ReportFault {
  id: string;
  /** null for control-room equipment: such faults count everywhere but in repeats. */
  cameraId: string | null;
  priority: Priority;
  raisedAt: Date;
  /** When the contractor responded (attended). */
  respondedAt: Date | null;
  /** When the contractor said it was fixed (after a reopened fix, the last fix). */
  fixedAt: Date | null;
  /** When the council accepted the fix. */
  acceptedAt: Date | null;
  /** From the SLA clock: met, breached, or null while the clock still runs within its time. */
  responseSlaMet: boolean | null;
  fixSlaMet: boolean | null;
}

export interface SlaFigures {
  met: number;
  breached: number;
  /** Not yet decided: the fault is still within its time. */
  pending: number;
  /** 100 × met / (met + breached); null when none is decided yet. */
  metPercent: number | null;
}

export interface PerformanceFigures {
  raised: number;
  response: SlaFigures;
  fix: SlaFigures;
  /** Mean minutes from raised to responded, over the faults responded to; null when none was. */
  meanMinutesToRespond: number | null;
  /** Mean minutes from raised to fixed, over the faults whose fix the council accepted; null when none. */
  meanMinutesToRepair: number | null;
  /** Faults that repeat an earlier one on the same camera (see repeatFaults). */
  repeats: number;
}

export interface RepeatFault {
  faultId: string;
  cameraId: string;
  raisedAt: Date;
  /** The latest earlier fault on the camera fixed before this one was raised. */
  earlierFaultId: string;
  earlierFixedAt: Date;
}

// ---- Service credits ----


export interface ServiceCreditLine {
  priority: Priority;
  responseBreaches: number;
  responsePence: number;
  fixBreaches: number;
  fixPence: number;
}

export interface ServiceCredits {
  lines: ServiceCreditLine[];
  /** What the breaches earn before the cap. */
  earnedPence: number;
  capPence: number;
  /** What the council is credited: the lesser of the two. */
  creditPence: number;
  isCapped: boolean;
}

/** The credits the faults' breaches earn under the rule (faults already narrowed to the month). */
export function serviceCredits({ faults, rule }: { faults: readonly ReportFault[]; rule: ServiceCreditRule }): ServiceCredits {
  const lines = priorities.map((priority): ServiceCreditLine => {
    const mine = faults.filter((f) => f.priority === priority);
    const responseBreaches = mine.filter((f) => f.responseSlaMet === false).length;
    const fixBreaches = mine.filter((f) => f.fixSlaMet === false).length;
    return {
      priority, responseBreaches, fixBreaches,
      responsePence: responseBreaches * rule.responseBreachPence[priority],
      fixPence: fixBreaches * rule.fixBreachPence[priority],
    };
  });
  const earnedPence = lines.reduce((sum, l) => sum + l.responsePence + l.fixPence, 0);
  // In basis points, so that the cap is exact integer arithmetic (7.5% of 12,345p is 925p, not 925.875 or 925.87499…).
  const capPence = Math.floor((rule.monthlyChargePence * Math.round(rule.capPercent * 100)) / 10_000);
  return { lines, earnedPence, capPence, creditPence: Math.min(earnedPence, capPence), isCapped: earnedPence > capPence };
}

// ---- Repeat faults ----

/**
 * The faults raised in the period on a camera within REPEAT_WITHIN_DAYS London days (to the same
 * wall-clock minute, inclusive) after an earlier fault on it was fixed. Pass the faults fixed in the
 * days before the period too, or a repeat of last month's fault is missed. A fault raised while the
 * earlier one is still unfixed is not a repeat of it.
 */
export function repeatFaults({ period, faults }: { period: Period; faults: readonly ReportFault[] }): RepeatFault[] {
  const fixesByCamera = new Map<string, ReportFault[]>();
  for (const f of faults) {
    if (f.cameraId === null || f.fixedAt === null) continue;
    const list = fixesByCamera.get(f.cameraId) ?? [];
    list.push(f);
    fixesByCamera.set(f.cameraId, list);
  }
  for (const list of fixesByCamera.values()) list.sort((a, b) => a.fixedAt!.getTime() - b.fixedAt!.getTime());

  const repeats: RepeatFault[] = [];
  for (const f of faults) {
    if (f.cameraId === null || !isWithin(f.raisedAt, period)) continue;
    const fixes = fixesByCamera.get(f.cameraId) ?? [];
    const raised = f.raisedAt.getTime();
    // The latest fix at or before the raise, other than the fault's own.
    let i = lastIndexAtOrBefore(fixes, raised);
    while (i >= 0 && fixes[i].id === f.id) i--;
    const earlier = fixes[i];
    if (!earlier) continue;
    // 30 London days are 30 × 24 hours give or take the hour the clocks change: only a gap within
    // that hour of the limit needs the calendar (the slow part, with thousands of faults).
    const gap = raised - earlier.fixedAt!.getTime();
    if (gap > (REPEAT_WITHIN_DAYS * 24 + 1) * HOUR_MS) continue;
    if (gap >= (REPEAT_WITHIN_DAYS * 24 - 1) * HOUR_MS && raised > addDays(inLondon(earlier.fixedAt!), REPEAT_WITHIN_DAYS).getTime()) continue;
    repeats.push({ faultId: f.id, cameraId: f.cameraId, raisedAt: f.raisedAt, earlierFaultId: earlier.id, earlierFixedAt: earlier.fixedAt! });
  }
  return repeats;
}

/** The index of the last fault fixed at or before `t` in a list sorted by fix, or −1. */
function lastIndexAtOrBefore(sorted: readonly ReportFault[], t: number): number {
  let [lo, hi] = [0, sorted.length]; // the answer + 1 lies in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].fixedAt!.getTime() <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

// ---- The month's figures ----

export interface ContractPerformance {
  period: Period;
  /** P1 to P4, in that order, each present even with no faults. */
  byPriority: (PerformanceFigures & { priority: Priority })[];
  total: PerformanceFigures;
  repeatFaults: RepeatFault[];
  /** null when the contract defines no service credits. */
  serviceCredits: ServiceCredits | null;
}

const percent = (part: number, whole: number): number | null => (whole > 0 ? (100 * part) / whole : null);

function slaFigures(outcomes: readonly (boolean | null)[]): SlaFigures {
  const met = outcomes.filter((o) => o === true).length;
  const breached = outcomes.filter((o) => o === false).length;
  return { met, breached, pending: outcomes.length - met - breached, metPercent: percent(met, met + breached) };
}

function meanMinutes(durationsMs: readonly number[]): number | null {
  return durationsMs.length ? durationsMs.reduce((sum, ms) => sum + ms, 0) / durationsMs.length / MINUTE_MS : null;
}

function figures(faults: readonly ReportFault[], repeatIds: ReadonlySet<string>): PerformanceFigures {
  return {
    raised: faults.length,
    response: slaFigures(faults.map((f) => f.responseSlaMet)),
    fix: slaFigures(faults.map((f) => f.fixSlaMet)),
    meanMinutesToRespond: meanMinutes(faults.flatMap((f) => (f.respondedAt ? [f.respondedAt.getTime() - f.raisedAt.getTime()] : []))),
    meanMinutesToRepair: meanMinutes(faults.flatMap((f) => (f.fixedAt && f.acceptedAt ? [f.fixedAt.getTime() - f.raisedAt.getTime()] : []))),
    repeats: faults.filter((f) => repeatIds.has(f.id)).length,
  };
}

/**
 * A contract's figures for a period, over the faults raised in it. `faults` may hold others (those
 * fixed in the month before, for repeats): only those raised in the period are counted.
 */
export function contractPerformance({ period, faults, creditRule = null }: {
  period: Period; faults: readonly ReportFault[]; creditRule?: ServiceCreditRule | null;
}): ContractPerformance {
  const raised = faults.filter((f) => isWithin(f.raisedAt, period));
  const repeats = repeatFaults({ period, faults });
  const repeatIds = new Set(repeats.map((r) => r.faultId));
  return {
    period,
    byPriority: priorities.map((priority) => ({ priority, ...figures(raised.filter((f) => f.priority === priority), repeatIds) })),
    total: figures(raised, repeatIds),
    repeatFaults: repeats,
    serviceCredits: creditRule ? serviceCredits({ faults: raised, rule: creditRule }) : null,
  };
}

// ---- The report over HTTP (issue 11): request and response schemas ----

/** Below this availability a camera is picked out on the report's page and PDF. */
export const AVAILABILITY_TARGET_PERCENT = 95;

export const PerformanceMonth = z.string({ message: 'Enter the month as YYYY-MM' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter the month as YYYY-MM, like 2026-10');
export const PerformanceQuery = z.object({
  month: PerformanceMonth.optional().describe('The London calendar month, YYYY-MM; the last complete month when absent'),
});

const Sla = z.object({
  met: z.number().int(), breached: z.number().int(), pending: z.number().int().describe('Not yet decided: still within its time'),
  metPercent: z.number().nullable().describe('100 × met / (met + breached); null when none is decided'),
}).meta({ id: 'PerformanceSla' });

const Figures = z.object({
  raised: z.number().int(), response: Sla, fix: Sla,
  meanMinutesToRespond: z.number().nullable(), meanMinutesToRepair: z.number().nullable(),
  repeats: z.number().int(),
});

export const PerformanceReport = z.object({
  contract: z.object({ id: z.uuid(), reference: z.string(), name: z.string(), contractor: z.object({ id: z.uuid(), name: z.string() }) }),
  month: z.string().describe('YYYY-MM'),
  from: instant.describe('The month\'s first instant (London midnight)'),
  to: instant.describe('The first instant after it'),
  generatedAt: instant,
  isFinal: z.boolean().describe('The month is over and every fault raised in it has a priority and both SLAs decided'),
  unprioritised: z.number().int().describe('Faults raised in the month not yet given a priority: outside the figures until they are'),
  byPriority: z.array(Figures.extend({ priority: Priority })),
  total: Figures,
  repeatFaults: z.array(z.object({
    fault: z.object({ id: z.uuid(), reference: z.string() }), camera: z.object({ id: z.uuid(), reference: z.string(), name: z.string() }),
    raisedAt: instant, earlierFault: z.object({ id: z.uuid(), reference: z.string() }), earlierFixedAt: instant,
  })),
  serviceCredits: z.object({
    lines: z.array(z.object({ priority: Priority, responseBreaches: z.number().int(), responsePence: z.number().int(), fixBreaches: z.number().int(), fixPence: z.number().int() })),
    earnedPence: z.number().int(), capPence: z.number().int(), creditPence: z.number().int(), isCapped: z.boolean(),
  }).nullable().describe('null where the contract defines no service credits'),
  availability: z.object({
    targetPercent: z.number(),
    overallPercent: z.number().nullable(),
    cameras: z.array(z.object({
      id: z.uuid(), reference: z.string(), name: z.string(),
      inServiceHours: z.number(), downHours: z.number(), percent: z.number().nullable(),
    })).describe('Every camera in service during the month, least available first'),
  }),
}).meta({ id: 'MaintenancePerformanceReport' });
export type PerformanceReport = z.infer<typeof PerformanceReport>;

// ---- How the figures read, on the page and in the PDF ----
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-10" as "October 2026". */
export const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** Pence as £1,234.56. */
export const gbp = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A percentage to one decimal place, or a dash where there is none. */
export const percentText = (p: number | null) => (p === null ? '—' : `${p.toFixed(1)}%`);

/** Minutes as "3 h 05 min" (or "45 min"), or a dash. */
export function minutesText(m: number | null): string {
  if (m === null) return '—';
  const total = Math.round(m);
  const h = Math.floor(total / 60);
  return h ? `${h} h ${String(total % 60).padStart(2, '0')} min` : `${total} min`;
}
