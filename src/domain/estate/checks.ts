import { z } from 'zod';
import { codesOf } from '../labels';
import { instant, paging, PersonRef } from '../primitives';
import { line, text } from '../validation';

// Daily equipment checks: every shift an operator checks each camera and the control room's own
// equipment, one key per result; a failed item raises a fault. The contract between server and web app.

export const CHECK_KINDS = { cameras: 'Cameras', equipment: 'Control-room equipment' } as const;
export const CheckKind = codesOf(CHECK_KINDS, 'Choose cameras or equipment');
export type CheckKind = z.infer<typeof CheckKind>;

/** The control room's two shifts (their start times are a setting: 07:00 and 19:00 by default). */
export const SHIFTS = { day: 'Day shift', night: 'Night shift' } as const;
export const Shift = codesOf(SHIFTS);
export type Shift = z.infer<typeof Shift>;

/** What is checked. Which items apply depends on the camera's kind and capabilities, or the equipment's kind. */
export const CHECK_ITEMS = {
  picture: 'Picture',
  ptz: 'Pan, tilt and zoom',
  focus: 'Focus',
  infrared: 'Infrared (night view)',
  recording: 'Recording',
  clock: 'Recorder clock',
  storage: 'Recorder storage',
  transmit_receive: 'Transmit and receive',
  battery: 'Battery',
} as const;
export const CheckItem = codesOf(CHECK_ITEMS, 'Choose an item from the round');
export type CheckItem = z.infer<typeof CheckItem>;

export const CHECK_OUTCOMES = { pass: 'Pass', fail: 'Fail', not_applicable: 'Not applicable' } as const;
export const CheckOutcome = codesOf(CHECK_OUTCOMES, 'Choose pass, fail or not applicable');
export type CheckOutcome = z.infer<typeof CheckOutcome>;

export const EQUIPMENT_KINDS = { recorder: 'Recorder', monitor: 'Monitor', video_wall: 'Video wall', radio: 'Radio', airwave_handset: 'Airwave handset', carpark_machine: 'Car-park machine' } as const;
export const EquipmentKind = codesOf(EQUIPMENT_KINDS, 'Choose a kind of equipment');
export type EquipmentKind = z.infer<typeof EquipmentKind>;

export const EQUIPMENT_STATUSES = { operational: 'Operational', degraded: 'Degraded', faulty: 'Faulty', out_of_service: 'Out of service' } as const;
export const EquipmentStatus = codesOf(EQUIPMENT_STATUSES);

export const FAULT_STATES = { open: 'Open', closed: 'Closed' } as const;
export const FaultState = codesOf(FAULT_STATES, 'Choose open or closed');

export const TARGET_TYPES = { camera: 'Camera', equipment: 'Equipment' } as const;
export const TargetType = codesOf(TARGET_TYPES, 'Choose camera or equipment');

// ---- Settings ----

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Enter a time as HH:MM, like 07:00');
/** When the shifts start, the recorder clock tolerance, and how far into a shift its check should be done. */
export const CheckSettings = z.object({
  dayStartsAt: hhmm,
  nightStartsAt: hhmm,
  clockToleranceSeconds: z.number({ message: 'Enter the tolerance in seconds, like 10' }).int('Enter whole seconds').min(1, 'The tolerance must be at least 1 second').max(600, 'The tolerance must be 600 seconds or fewer'),
  dueWithinMinutes: z.number({ message: 'Enter a number of minutes, like 180' }).int('Enter whole minutes').min(0, 'Enter 0 minutes or more').max(720, 'Enter 720 minutes (12 hours) or fewer'),
}).refine((s) => s.dayStartsAt < s.nightStartsAt, { message: 'The night shift must start after the day shift', path: ['nightStartsAt'] })
  .meta({ id: 'CheckSettings' });
/** The occurrence log's rota (07:00 and 19:00), the camera specification's ±10 s, three hours into the shift. */
export const CHECK_SETTINGS_DEFAULTS = { dayStartsAt: '07:00', nightStartsAt: '19:00', clockToleranceSeconds: 10, dueWithinMinutes: 180 } as const;
export type CheckSettings = z.infer<typeof CheckSettings>;

// ---- Equipment register ----

export const Equipment = z.object({
  id: z.uuid(), reference: z.string(), name: z.string(), kind: EquipmentKind, location: z.string(), status: EquipmentStatus, isInService: z.boolean(),
}).meta({ id: 'Equipment' });
export type Equipment = z.infer<typeof Equipment>;

export const RegisterEquipment = z.object({
  reference: line('Enter a reference').trim().min(1, 'Enter a reference, like REC-1').max(50, 'Keep the reference to 50 characters or fewer'),
  name: line('Enter a name').trim().min(1, 'Enter a name').max(200, 'Keep the name to 200 characters or fewer'),
  kind: EquipmentKind,
  location: line().trim().max(200, 'Keep the location to 200 characters or fewer').default(''),
}).meta({ id: 'RegisterEquipment' });

// ---- Rounds ----

export const CurrentRoundQuery = z.object({ kind: CheckKind.default('cameras') });

/** What a round checks: a camera or a piece of equipment, with its items in order. */
export const CheckTarget = z.object({
  type: TargetType, id: z.uuid(), reference: z.string(), name: z.string(), status: z.string(), items: z.array(CheckItem),
}).meta({ id: 'CheckTarget' });

export const CheckResult = z.object({
  id: z.uuid(), targetType: TargetType, targetId: z.uuid(), item: CheckItem, outcome: CheckOutcome, note: z.string().nullable(),
  clockOffsetSeconds: z.number().int().nullable(), recordedAt: instant, recordedBy: PersonRef, supersedesId: z.uuid().nullable(),
}).meta({ id: 'CheckResult' });
export type CheckResult = z.infer<typeof CheckResult>;

/** The next item to check, or null when the round is complete. */
export const NextCheck = z.object({ targetType: TargetType, targetId: z.uuid(), reference: z.string(), item: CheckItem }).meta({ id: 'NextCheck' });

export const CheckRound = z.object({
  id: z.uuid(), date: z.string(), shift: Shift, kind: CheckKind, shiftStartsAt: instant, shiftEndsAt: instant, openedAt: instant,
  clockToleranceSeconds: z.number().int(),
  targets: z.array(CheckTarget),
  /** The current result of each (target, item) already checked: corrections replace what they supersede. */
  results: z.array(CheckResult),
  done: z.number().int(), total: z.number().int(), next: NextCheck.nullable(),
}).meta({ id: 'CheckRound' });
export type CheckRound = z.infer<typeof CheckRound>;

export const RecordCheckResult = z.object({
  targetId: z.uuid('Choose a camera or piece of equipment from the round'),
  item: CheckItem,
  /** May be left out for the recorder clock when its offset is given: the tolerance decides. */
  outcome: CheckOutcome.optional(),
  note: text().trim().max(2000, 'Keep the note to 2000 characters or fewer').optional(),
  /** The recorder clock's difference from the reference clock, in seconds (+ ahead, − behind). */
  clockOffsetSeconds: z.number({ message: 'Enter the clock difference in seconds, like -4' }).int('Enter whole seconds').min(-86400).max(86400).optional(),
}).meta({ id: 'RecordCheckResult' });
export type RecordCheckResult = z.infer<typeof RecordCheckResult>;

export const RecordedCheck = z.object({
  result: CheckResult,
  /** The fault the failure raised or was added to. */
  fault: z.object({ id: z.uuid(), reference: z.string(), isNew: z.boolean() }).nullable(),
  done: z.number().int(), total: z.number().int(), next: NextCheck.nullable(),
}).meta({ id: 'RecordedCheck' });

// ---- The supervisor's view ----

export const RoundCompletion = z.object({
  date: z.string(), shift: Shift, kind: CheckKind, shiftStartsAt: instant, shiftEndsAt: instant,
  roundId: z.uuid().nullable(), done: z.number().int(), total: z.number().int(), isComplete: z.boolean(),
  checkedBy: z.array(z.string()), firstRecordedAt: instant.nullable(), lastRecordedAt: instant.nullable(),
  /** Incomplete though the shift has ended or is past the point its check should be done by. */
  isOverdue: z.boolean(),
}).meta({ id: 'RoundCompletion' });
export type RoundCompletion = z.infer<typeof RoundCompletion>;

export const ChecksOverview = z.object({ rounds: z.array(RoundCompletion) }).meta({ id: 'ChecksOverview' });

// ---- Faults raised by checks ----

export const FaultsQuery = z.object({ state: FaultState.optional(), target: TargetType.optional(), ...paging });
export const FaultsExportQuery = z.object({ state: FaultState.optional(), target: TargetType.optional() });

export const CheckFault = z.object({
  id: z.uuid(), reference: z.string(), targetType: TargetType, targetId: z.uuid(), targetReference: z.string(), targetName: z.string(),
  item: CheckItem, description: z.string(), raisedBy: PersonRef, raisedAt: instant, state: FaultState, failures: z.number().int(),
}).meta({ id: 'CheckFault' });
export type CheckFault = z.infer<typeof CheckFault>;

export const CheckFaults = z.object({ items: z.array(CheckFault), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'CheckFaults' });
