import { z } from 'zod';
import { codesOf } from '../labels';
import { dateTime, line, text } from '../validation';
import { instant, paging, PersonRef, sha256Hex } from '../primitives';
import { Priority, SlaClockKind, SlaStopReason } from './contract';
import { FAULT_STAGES, FAULT_STEPS } from './faults';
import { SLA_OUTCOMES } from './faultSla';

// The fault workflow's part of the maintenance contract: raising a fault, the council's and the
// contractor's steps, and a fault as the pages show it with its two SLA clocks. The rules are in
// faults.ts (who may take which step, from which stage) and faultSla.ts (the clocks).

export { FAULT_STAGES, FAULT_STEPS, SLA_OUTCOMES };
export const FAULT_SOURCES = { check: 'Daily check', operator: 'Control room', ooh: 'Out of hours', contractor: 'Contractor', field: 'Patrol officer' } as const;
export const FaultSource = codesOf(FAULT_SOURCES);
export const FaultStage = codesOf(FAULT_STAGES, 'Choose a stage');
export const FaultStepKind = codesOf(FAULT_STEPS);
export const SlaOutcome = codesOf(SLA_OUTCOMES);
export const FAULT_TARGETS = { camera: 'Camera', equipment: 'Control-room equipment' } as const;
export const FaultTarget = codesOf(FAULT_TARGETS, 'Choose camera or control-room equipment');

/** The largest photo a step may carry. */
export const FAULT_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

const words = (what: string, { min = 3, max = 4000 }: { min?: number; max?: number } = {}) =>
  text({ message: `Enter ${what}` }).trim().min(min, `Enter ${what} (at least ${min} characters)`).max(max, `Keep ${what} to ${max} characters or fewer`);
const optionalNote = text().trim().max(4000, 'Keep the note to 4000 characters or fewer').optional();
const when = (what: string) => dateTime({ message: `Enter ${what} as a date and time` }).optional()
  .describe(`${what[0]!.toUpperCase()}${what.slice(1)}; now when left out. Not in the future, nor before the fault was raised`);

// ---- Raising ----

export const RaiseFault = z.object({
  target: FaultTarget,
  cameraId: z.uuid({ message: 'Choose the camera from the register' }).optional(),
  equipmentId: z.uuid({ message: 'Choose the equipment from the list' }).optional(),
  description: words('what is wrong', { max: 2500 }),
  priority: Priority.optional().describe('Set now or when the fault is triaged'),
  contractId: z.uuid({ message: 'Choose the contract' }).optional().describe('The contract in force today when left out (the contractor\'s own when a contractor raises it)'),
}).superRefine((f, ctx) => {
  if (f.target === 'camera' && !f.cameraId) ctx.addIssue({ code: 'custom', path: ['cameraId'], message: 'Choose the camera from the register' });
  if (f.target === 'equipment' && !f.equipmentId) ctx.addIssue({ code: 'custom', path: ['equipmentId'], message: 'Choose the equipment from the list' });
}).meta({ id: 'RaiseFault' });
export type RaiseFault = z.output<typeof RaiseFault>;

// ---- Steps ----

/** The council's steps: triage (priority, contract), clock stops, notes. Accepting or reopening a fix is FixDecision (coordinators). */
export const CouncilStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prioritised'), priority: Priority, contractId: z.uuid({ message: 'Choose the contract' }).optional(), note: optionalNote }),
  z.object({ kind: z.literal('clock_stopped'), reason: SlaStopReason, note: words('why the clock stops'), at: when('when the clock stopped') }),
  z.object({ kind: z.literal('clock_restarted'), note: optionalNote, at: when('when the clock restarted') }),
  z.object({ kind: z.literal('note'), note: words('the note') }),
], { message: 'Choose what to record' }).meta({ id: 'CouncilFaultStep' });
export type CouncilStep = z.output<typeof CouncilStep>;

/** The coordinator's decision on a fix: accepted (the fault closes; its camera returns to operation when nothing else holds it), or reopened with the reason. */
export const FixDecision = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accepted'), note: optionalNote }),
  z.object({ kind: z.literal('reopened'), note: words('why the fix is not accepted') }),
], { message: 'Choose whether to accept the fix or reopen the fault' }).meta({ id: 'FaultFixDecision' });
export type FixDecision = z.output<typeof FixDecision>;

/** The contractor's steps: attendance (with its time), diagnosis, parts used, awaiting parts, the fix, notes, clock stops the contract allows. */
export const ContractorStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attended'), at: when('when the engineer arrived'), note: optionalNote }),
  z.object({ kind: z.literal('diagnosed'), note: words('the diagnosis') }),
  z.object({
    kind: z.literal('part_used'),
    description: line({ message: 'Enter the part used' }).trim().min(2, 'Enter the part used').max(200, 'Keep the part to 200 characters or fewer'),
    quantity: z.number({ message: 'Enter how many were used' }).int('Enter a whole number').min(1, 'Enter at least 1').max(1000, 'Enter 1000 or fewer'),
    partId: z.uuid({ message: 'Choose the part from the council\'s stock' }).optional().describe('A council part signed out against this fault'),
  }),
  z.object({ kind: z.literal('awaiting_parts'), note: words('the part awaited'), stopClock: z.boolean().default(true).describe('Stop the fix clock while the ordered part is awaited (the contract allows it)') }),
  z.object({ kind: z.literal('clock_stopped'), reason: SlaStopReason, note: words('why the clock stops'), at: when('when the clock stopped') }),
  z.object({ kind: z.literal('clock_restarted'), note: optionalNote, at: when('when the clock restarted') }),
  z.object({ kind: z.literal('fixed'), at: when('when it was fixed'), note: words('what was done') }),
  z.object({ kind: z.literal('note'), note: words('the note') }),
], { message: 'Choose what to record' }).meta({ id: 'ContractorFaultStep' });
export type ContractorStep = z.output<typeof ContractorStep>;

export const AttachFaultPhoto = z.object({ sha256: sha256Hex, note: optionalNote }).meta({ id: 'AttachFaultPhoto' });
export const FaultPhoto = z.object({ sha256: z.string(), contentType: z.string(), size: z.number().int() }).meta({ id: 'FaultPhoto' });

// ---- Lists ----

export const FAULT_SORT_FIELDS = ['raised_at', 'reference', 'priority', 'stage'] as const;
export const FaultSort = z.enum(FAULT_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`] as const) as [`${(typeof FAULT_SORT_FIELDS)[number]}_${'asc' | 'desc'}`, ...`${(typeof FAULT_SORT_FIELDS)[number]}_${'asc' | 'desc'}`[]]);
export type FaultSort = z.infer<typeof FaultSort>;
export const FAULT_SLA_FILTERS = { at_risk: 'At risk or breached', breached: 'Breached' } as const;

export const FaultsQuery = z.object({
  state: z.enum(['open', 'closed']).optional(),
  stage: FaultStage.optional(),
  priority: z.union([Priority, z.literal('none')]).optional().describe('A priority, or none for faults not yet prioritised'),
  target: FaultTarget.optional(),
  source: FaultSource.optional(),
  contractId: z.uuid().optional(),
  cameraId: z.uuid().optional(),
  sla: z.enum(['at_risk', 'breached']).optional().describe('Open faults whose response or fix clock is at risk (75% used) or breached, or breached only'),
  q: line().trim().max(100).optional().describe('Reference, camera or equipment, or words of the description'),
  from: dateTime().optional().describe('Raised at or after'),
  to: dateTime().optional().describe('Raised before'),
  sort: FaultSort.default('raised_at_desc'),
  ...paging,
}).meta({ id: 'FaultsQuery' });
export type FaultsQuery = z.output<typeof FaultsQuery>;

// ---- Replies ----

export const FaultClock = z.object({
  clock: SlaClockKind, targetMinutes: z.number().int(),
  deadline: instant.nullable().describe('null while a stop with no end holds the clock short of its target'),
  warningAt: instant.nullable(), elapsedMinutes: z.number(), outcome: SlaOutcome, doneAt: instant.nullable(),
}).meta({ id: 'FaultClock' });
export type FaultClock = z.infer<typeof FaultClock>;

export const FaultSummary = z.object({
  id: z.uuid(), reference: z.string(), source: FaultSource, target: FaultTarget,
  targetRef: z.object({ id: z.uuid(), reference: z.string(), name: z.string() }),
  description: z.string(), priority: Priority.nullable(),
  contract: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  stage: FaultStage, state: z.enum(['open', 'closed']),
  raisedAt: instant, raisedBy: PersonRef.nullable().describe('null in the contractor\'s view of a fault the council raised'),
  updatedAt: instant,
  response: FaultClock.nullable().describe('null while the fault has no contract or priority (or no terms in force)'),
  fix: FaultClock.nullable(),
}).meta({ id: 'FaultSummary' });
export type FaultSummary = z.infer<typeof FaultSummary>;

export const FaultList = z.object({
  items: z.array(FaultSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
}).meta({ id: 'FaultList' });
export type FaultList = z.infer<typeof FaultList>;

export const FaultEvent = z.object({
  seq: z.number().int(), kind: FaultStepKind, at: instant, recordedAt: instant,
  by: z.object({ name: z.string(), organisation: z.string() }).nullable(),
  priority: Priority.nullable(), stopReason: SlaStopReason.nullable(), note: z.string().nullable(), photoSha256: z.string().nullable(),
  part: z.object({ description: z.string(), quantity: z.number().int(), partId: z.uuid().nullable() }).nullable(),
}).meta({ id: 'FaultEvent' });
export type FaultEvent = z.infer<typeof FaultEvent>;

export const FaultDetail = FaultSummary.extend({
  events: z.array(FaultEvent),
  stops: z.array(z.object({ reason: SlaStopReason, from: instant, to: instant.nullable() })),
  clockStopped: z.boolean(),
  partsSignedOut: z.array(z.object({ partId: z.uuid(), partNumber: z.string(), description: z.string(), quantity: z.number().int(), at: instant })),
  nextSteps: z.array(FaultStepKind).describe('The steps the caller may take now'),
}).meta({ id: 'FaultDetail' });
export type FaultDetail = z.infer<typeof FaultDetail>;

export const FaultStepRecorded = z.object({ id: z.uuid(), reference: z.string(), seq: z.number().int(), stage: FaultStage, state: z.enum(['open', 'closed']) }).meta({ id: 'FaultStepRecorded' });
export type FaultStepRecorded = z.infer<typeof FaultStepRecorded>;

/** The coordinator's home page: open faults at risk or breached. */
export const FaultsAtRisk = z.object({
  breached: z.number().int(), atRisk: z.number().int(), awaitingAcceptance: z.number().int(),
  items: z.array(FaultSummary),
}).meta({ id: 'FaultsAtRisk' });
export type FaultsAtRisk = z.infer<typeof FaultsAtRisk>;

/** What a contractor may raise a fault on: no more of the register than it needs to find the camera. */
export const FaultTargets = z.object({
  cameras: z.array(z.object({ id: z.uuid(), reference: z.string(), name: z.string(), location: z.string(), status: z.string() })),
  equipment: z.array(z.object({ id: z.uuid(), reference: z.string(), name: z.string(), location: z.string(), status: z.string() })),
}).meta({ id: 'FaultTargets' });
export type FaultTargets = z.infer<typeof FaultTargets>;
