import { z } from 'zod';
import { codesOf } from '../labels';
import { dateTime, line, text, uniqueArray } from '../validation';
import { isValidDay } from '../calendar/london';
import { instant, PersonRef } from '../primitives';
import { SLA_CLOCK_KINDS, SLA_STOP_REASONS, WEEKDAYS } from './slaClock';

// The maintenance module's typed contract (issue 11): its vocabularies with their labels, and the
// request and response schemas of its contracts, SLA terms and closure days. The figures
// (slaClock.ts, availability.ts, performance.ts) stay pure functions beside it.

// ---- Vocabularies ----

export const PRIORITIES = { P1: 'P1 (critical)', P2: 'P2 (high)', P3: 'P3 (medium)', P4: 'P4 (low)' } as const;
export const Priority = codesOf(PRIORITIES, 'Choose a priority from P1 to P4');
export type Priority = z.infer<typeof Priority>;
const priorities = Object.keys(PRIORITIES) as Priority[];

export { SLA_CLOCK_KINDS, SLA_STOP_REASONS, WEEKDAYS };
export const SlaClockKind = codesOf(SLA_CLOCK_KINDS, 'Choose the clock: 24/7 or working hours');
export type SlaClockKind = z.infer<typeof SlaClockKind>;
export const SlaStopReason = codesOf(SLA_STOP_REASONS, 'Choose why the clock stops');
export type SlaStopReason = z.infer<typeof SlaStopReason>;
export const Weekday = codesOf(WEEKDAYS, 'Choose days of the week');
export type Weekday = z.infer<typeof Weekday>;

/** The ISO number of each weekday (Monday 1), as the database keeps a contract's working days. */
export const WEEKDAY_NUMBERS: Record<Weekday, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const weekdays = Object.keys(WEEKDAYS) as Weekday[];
/** The weekday of an ISO number (Monday 1 … Sunday 7). */
export const weekdayOfNumber = (n: number): Weekday => {
  const d = weekdays[n - 1];
  if (!d) throw new RangeError(`No weekday ${n}`);
  return d;
};

/** The longest SLA time a term may give, in clock minutes (a year). */
export const MAX_SLA_MINUTES = 525_600;
/** How far in the past new SLA terms may take effect: a change applies to faults raised after it, not before. */
export const SLA_TERMS_GRACE_MS = 60_000;

// ---- Building blocks ----

const day = (what: string) => z.string({ message: `Enter ${what}` }).refine(isValidDay, `Enter ${what} as a real date, YYYY-MM-DD`).meta({ format: 'date' });
const words = (what: string, { min = 3, max }: { min?: number; max: number }) =>
  text({ message: `Enter ${what}` }).trim().min(min, `Enter ${what} (at least ${min} characters)`).max(max, `Keep ${what} to ${max} characters or fewer`);
const WALL_CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
/** A London wall-clock time "HH:MM"; '24:00' is the end of the day (a closing time only). */
const wallClock = (what: string) => z.string({ message: `Enter ${what} as HH:MM` })
  .regex(WALL_CLOCK, `Enter ${what} as HH:MM on the 24-hour clock, like 08:00`);
const pence = (what: string) => z.number({ message: `Enter the ${what} in pence` }).int(`Enter the ${what} in whole pence`).min(0, `The ${what} cannot be negative`);
const perPriority = (what: string) => z.object(Object.fromEntries(priorities.map((p) => [p, pence(`${what} for ${p}`)])) as Record<Priority, ReturnType<typeof pence>>);
const capPercent = z.number({ message: 'Enter the cap as a percentage of the monthly charge, like 10' })
  .min(0, 'The cap cannot be negative').max(100, 'The cap must be 100% or less')
  .refine((n) => Number.isInteger(Math.round(n * 100 * 1e6) / 1e6), 'Give the cap to at most 2 decimal places');

// ---- Service credits ----

/**
 * What a contract credits the council when the contractor misses its SLAs: a sum in pence for each
 * fault whose response SLA was breached and another for each whose fix SLA was breached, by the
 * fault's priority (a fault that misses both earns both), all capped at a percentage of the month's
 * charge. The cap is rounded down to whole pence. A contract without the rule has no credits.
 */
export const ServiceCreditRule = z.object({
  monthlyChargePence: pence('monthly charge'),
  responseBreachPence: perPriority('credit for a missed response'),
  fixBreachPence: perPriority('credit for a missed fix'),
  capPercent,
}).meta({ id: 'ServiceCreditRule' });
export type ServiceCreditRule = z.infer<typeof ServiceCreditRule>;

/** The credit rule as a contract is given it: the monthly charge is the contract's own. */
export const ContractServiceCredits = ServiceCreditRule.omit({ monthlyChargePence: true }).meta({ id: 'ContractServiceCredits' });
export type ContractServiceCredits = z.infer<typeof ContractServiceCredits>;

// ---- Contracts ----

const reference = z.string({ message: 'Enter the contract reference' }).trim().toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9/-]{1,30}$/, 'Enter the contract reference: 2 to 31 letters, digits, slashes or hyphens, like CCTV/2026-01');
const workingDays = uniqueArray(Weekday, { what: 'day', max: 7 }).min(1, 'Choose at least one working day');

/** Closing after opening, judged only once both are times (a bad time has its own message). */
const hoursInOrder = (h: { opensAt?: string; closesAt?: string }) =>
  !(typeof h.opensAt === 'string' && typeof h.closesAt === 'string' && WALL_CLOCK.test(h.opensAt) && WALL_CLOCK.test(h.closesAt)) || h.closesAt > h.opensAt;
const HOURS_MESSAGE = { path: ['closesAt'], message: 'The closing time must be after the opening time' };

export const CreateContract = z.object({
  reference,
  name: line({ message: 'Enter the contract\'s name' }).trim().min(3, 'Enter the contract\'s name (at least 3 characters)').max(200, 'Keep the name to 200 characters or fewer'),
  contractorOrganisationId: z.uuid({ message: 'Choose the contractor' }),
  startsOn: day('the day the contract starts'),
  endsOn: day('the day the contract ends').nullable().optional(),
  workingDays: workingDays.default(['mon', 'tue', 'wed', 'thu', 'fri']),
  opensAt: wallClock('the opening time').default('08:00'),
  closesAt: wallClock('the closing time').default('17:00'),
  monthlyChargePence: pence('monthly charge').default(0),
  serviceCredits: ContractServiceCredits.nullable().optional(),
}).refine(hoursInOrder, HOURS_MESSAGE)
  .refine((c) => !c.endsOn || c.endsOn > c.startsOn, { path: ['endsOn'], message: 'The contract must end after it starts' })
  .meta({ id: 'CreateMaintenanceContract' });
export type CreateContract = z.output<typeof CreateContract>;

/** A change to a contract's terms, with the reason (audited with the old and new values). */
export const UpdateContract = z.object({
  name: line().trim().min(3, 'Enter the contract\'s name (at least 3 characters)').max(200, 'Keep the name to 200 characters or fewer').optional(),
  endsOn: day('the day the contract ends').nullable().optional(),
  workingDays: workingDays.optional(),
  opensAt: wallClock('the opening time').optional(),
  closesAt: wallClock('the closing time').optional(),
  monthlyChargePence: pence('monthly charge').optional(),
  serviceCredits: ContractServiceCredits.nullable().optional(),
  reason: words('the reason for the change', { max: 500 }),
}).refine(({ reason: _r, ...fields }) => Object.values(fields).some((v) => v !== undefined), { message: 'Change at least one field' })
  .refine(hoursInOrder, HOURS_MESSAGE)
  .meta({ id: 'UpdateMaintenanceContract' });
export type UpdateContract = z.output<typeof UpdateContract>;

export const ContractSummary = z.object({
  id: z.uuid(), reference: z.string(), name: z.string(),
  contractor: z.object({ id: z.uuid(), name: z.string() }),
  startsOn: z.string(), endsOn: z.string().nullable(),
}).meta({ id: 'MaintenanceContractSummary' });
export type ContractSummary = z.infer<typeof ContractSummary>;

export const Contract = ContractSummary.extend({
  workingDays: z.array(Weekday), opensAt: z.string(), closesAt: z.string(),
  monthlyChargePence: z.number().int(),
  serviceCredits: ServiceCreditRule.nullable().describe('The credit rule with the contract\'s monthly charge, or null where the contract has none'),
  createdAt: instant,
}).meta({ id: 'MaintenanceContract' });
export type Contract = z.infer<typeof Contract>;

export const ContractList = z.object({ items: z.array(ContractSummary) }).meta({ id: 'MaintenanceContractList' });

// ---- SLA terms ----

export const SlaTermInput = z.object({
  priority: Priority,
  clock: SlaClockKind,
  responseMinutes: z.number({ message: 'Enter the response time in minutes' }).int('Enter the response time in whole minutes').min(1, 'The response time must be at least 1 minute').max(MAX_SLA_MINUTES, 'The response time must be a year or less'),
  fixMinutes: z.number({ message: 'Enter the fix time in minutes' }).int('Enter the fix time in whole minutes').min(1, 'The fix time must be at least 1 minute').max(MAX_SLA_MINUTES, 'The fix time must be a year or less'),
}).refine((t) => t.fixMinutes >= t.responseMinutes, { path: ['fixMinutes'], message: 'The fix time cannot be shorter than the response time' })
  .meta({ id: 'SlaTermInput' });

/** New terms for one or more priorities, taking effect together: faults raised from `effectiveFrom` on run on them. */
export const SetSlaTerms = z.object({
  effectiveFrom: dateTime({ message: 'Enter when the new terms take effect' }),
  reason: words('the reason for the change', { max: 500 }),
  terms: z.array(SlaTermInput).min(1, 'Give the terms for at least one priority').max(4, 'Give at most one term per priority')
    .superRefine((terms, ctx) => {
      const seen = new Set<string>();
      terms.forEach((t, i) => {
        if (seen.has(t.priority)) ctx.addIssue({ code: 'custom', path: [i, 'priority'], message: `Give ${t.priority}'s terms once` });
        seen.add(t.priority);
      });
    }),
}).meta({ id: 'SetSlaTerms' });
export type SetSlaTerms = z.output<typeof SetSlaTerms>;

export const SlaTerm = z.object({
  id: z.uuid(), priority: Priority, clock: SlaClockKind, responseMinutes: z.number().int(), fixMinutes: z.number().int(),
  effectiveFrom: instant, setAt: instant, setBy: PersonRef.nullable(), reason: z.string(),
}).meta({ id: 'SlaTerm' });
export type SlaTerm = z.infer<typeof SlaTerm>;

export const SlaTerms = z.object({
  inForce: z.array(SlaTerm).describe('For each priority that has terms, those in force now'),
  upcoming: z.array(SlaTerm).describe('Terms set to take effect later, soonest first'),
  history: z.array(SlaTerm).describe('Every term ever set, the latest effective first'),
}).meta({ id: 'SlaTerms' });
export type SlaTerms = z.infer<typeof SlaTerms>;

// ---- Closure days ----

export const AddClosureDay = z.object({
  day: day('the day the council is closed'),
  reason: words('why the council is closed', { max: 200 }),
}).meta({ id: 'AddClosureDay' });
export type AddClosureDay = z.output<typeof AddClosureDay>;

export const ClosureDay = z.object({ day: z.string().meta({ format: 'date' }), reason: z.string() }).meta({ id: 'ClosureDay' });
export type ClosureDay = z.infer<typeof ClosureDay>;
export const ClosureDays = z.object({ items: z.array(ClosureDay) }).meta({ id: 'ClosureDays' });

// ---- Underperformance and non-compliance notes ----

export const CONTRACT_NOTE_KINDS = {
  missed_visit: 'Missed visit',
  staffing: 'Staffing',
  late_attendance: 'Late attendance',
  poor_workmanship: 'Poor workmanship',
  health_and_safety: 'Health and safety',
  other: 'Other',
} as const;
export const ContractNoteKind = codesOf(CONTRACT_NOTE_KINDS, 'Choose what kind of underperformance or non-compliance it was');
export type ContractNoteKind = z.infer<typeof ContractNoteKind>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * An underperformance or non-compliance note against a contract (a missed visit, short staffing…),
 * never changed: a correction is a new note whose `correctsNoteId` names the note it corrects.
 */
export const AddContractNote = z.object({
  kind: ContractNoteKind,
  occurredOn: day('the day it happened'),
  note: words('what happened', { max: 4000 }),
  correctsNoteId: z.uuid({ message: 'Choose the note this corrects' }).nullable().optional(),
}).meta({ id: 'AddMaintenanceContractNote' });
export type AddContractNote = z.output<typeof AddContractNote>;

export const ContractNotesQuery = z.object({
  kind: ContractNoteKind.optional(),
  month: z.string().regex(MONTH, 'Enter the month as YYYY-MM, like 2026-11').optional().describe('Notes of things that happened in this month (YYYY-MM)'),
});
export type ContractNotesQuery = z.output<typeof ContractNotesQuery>;

export const ContractNote = z.object({
  id: z.uuid(), contractId: z.uuid(), kind: ContractNoteKind, occurredOn: z.string().meta({ format: 'date' }), note: z.string(),
  correctsNoteId: z.uuid().nullable().describe('The note this one corrects, if it is a correction'),
  correctedByNoteId: z.uuid().nullable().describe('The latest note correcting this one, if any'),
  recordedBy: PersonRef.nullable(), recordedAt: instant,
}).meta({ id: 'MaintenanceContractNote' });
export type ContractNote = z.infer<typeof ContractNote>;
export const ContractNotes = z.object({ items: z.array(ContractNote).describe('The latest happened first') }).meta({ id: 'MaintenanceContractNotes' });
export type ContractNotes = z.infer<typeof ContractNotes>;
