import { z } from 'zod';
import { dateTime, line, text } from '../validation';
import { instant, paging } from '../primitives';

// The absence and buildings part of the out-of-hours contract (see contract.ts): staff absence
// reported overnight, building alarms and their response, night patrols with their checklists, and
// out-of-hours access to buildings checked against a list.

const name = (what: string, max = 120) => line().trim().min(1, `Enter ${what}`).max(max, `Keep ${what} to ${max} characters or fewer`);
const optional = (what: string, max = 200) => line().trim().max(max, `Keep ${what} to ${max} characters or fewer`).default('');
const notes = (max = 2000) => text().trim().max(max, `Keep the notes to ${max} characters or fewer`).default('');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');
const sortOf = <T extends readonly string[]>(fields: T, fallback: `${T[number]}_${'asc' | 'desc'}`) =>
  z.enum(fields.flatMap((f) => [`${f}_asc`, `${f}_desc`]) as [string, ...string[]]).default(fallback);

// ---- Vocabularies ----

export const ABSENCE_REASONS = { sickness: 'Sickness', family_emergency: 'Family emergency', transport: 'Transport', other: 'Other' } as const;
export const REPORTED_VIA = { phone: 'Phone call', text: 'Text message', email: 'E-mail' } as const;
export const ALARM_KINDS = { fire: 'Fire alarm', intruder: 'Intruder alarm', lift: 'Lift alarm', panic: 'Panic alarm', other: 'Other alarm' } as const;
export const ALARM_EVENT_KINDS = {
  keyholder_called: 'Keyholder called', attended: 'Attended', fire_service_called: 'Fire service called', police_called: 'Police called',
  cause: 'Cause found', note: 'Note', reset: 'Reset', stood_down: 'Stood down',
} as const;
export const ACCESS_DECISIONS = { let_in: 'Let in', refused: 'Refused' } as const;
const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const AbsenceReason = z.enum(keys(ABSENCE_REASONS));
export const ReportedVia = z.enum(keys(REPORTED_VIA));
export const AlarmKind = z.enum(keys(ALARM_KINDS));
export const AlarmEventKind = z.enum(keys(ALARM_EVENT_KINDS));
export const AccessDecision = z.enum(keys(ACCESS_DECISIONS));

// ---- Staff absence ----

export const ReportAbsence = z.object({
  organisation: name('the organisation (the council or the partner council)'),
  personName: name('the name of the person absent'),
  reportedBy: name('who reported it'),
  reportedVia: ReportedVia,
  reportedAt: dateTime({ message: 'Enter when it was reported' }),
  reason: AbsenceReason,
  shiftStart: dateTime({ message: 'Enter when the shift starts' }),
  shiftEnd: dateTime({ message: 'Enter when the shift ends' }),
  cover: optional('who covers the shift'),
  notes: notes(500),
  correctsId: z.uuid().optional().describe('The report this one corrects (it stays, marked as corrected)'),
}).meta({ id: 'OohReportAbsence' });
export type ReportAbsence = z.input<typeof ReportAbsence>;

export const ABSENCE_SORT_FIELDS = ['shift', 'reported', 'person', 'organisation'] as const;
export const AbsencesQuery = z.object({
  from: dateTime().optional().describe('Reported or shift ending from (default: yesterday 18:00, London)'),
  to: dateTime().optional(),
  organisation: line().trim().max(120, 'Keep the organisation to 120 characters or fewer').optional(),
  cover: z.enum(['covered', 'no_cover']).optional(),
  seen: z.enum(['seen', 'unseen']).optional(),
  sort: sortOf(ABSENCE_SORT_FIELDS, 'shift_asc'),
  ...paging,
});
export type AbsencesQuery = z.infer<typeof AbsencesQuery>;

export const Absence = z.object({
  id: z.uuid(), organisation: z.string(), personName: z.string(), reportedBy: z.string(), reportedVia: ReportedVia,
  reportedAt: instant, reason: AbsenceReason, shiftStart: instant, shiftEnd: instant,
  cover: z.string().describe('Who covers the shift; empty when no cover'), noCover: z.boolean(), notes: z.string(),
  correctsId: z.uuid().nullable().describe('The report this one corrected'),
  recordedBy: z.string(), recordedAt: instant,
  seen: z.object({ by: z.string(), at: instant }).nullable().describe('When the control-room manager marked it seen'),
}).meta({ id: 'OohAbsence' });
export type Absence = z.infer<typeof Absence>;
export const AbsenceList = z.object({ items: z.array(Absence), total: z.number().int(), unseen: z.number().int(), from: instant }).meta({ id: 'OohAbsenceList' });
export type AbsenceList = z.infer<typeof AbsenceList>;

// ---- Buildings, checklists and the access list ----

export const ChecklistItem = line().trim().min(1, 'Enter the check').max(120, 'Keep each check to 120 characters or fewer');
export const SaveBuilding = z.object({
  name: name('the building’s name'),
  address: optional('the address'),
  checklist: z.array(ChecklistItem).min(1, 'Add at least one check for the night patrol').max(40, 'Keep the checklist to 40 checks or fewer'),
}).meta({ id: 'OohSaveBuilding' });
export type SaveBuilding = z.input<typeof SaveBuilding>;

export const SaveAccessEntry = z.object({
  name: name('the person’s name'),
  organisation: optional('the organisation'),
  validFrom: day,
  validTo: day.nullable().default(null).describe('Last day (inclusive); null for no end'),
  idCheck: name('what to check (ID card, password…)', 120),
}).meta({ id: 'OohSaveAccessEntry' });
export type SaveAccessEntry = z.input<typeof SaveAccessEntry>;

export const AccessEntry = z.object({
  id: z.uuid(), buildingId: z.uuid(), name: z.string(), organisation: z.string(), validFrom: z.string(), validTo: z.string().nullable(), idCheck: z.string(),
}).meta({ id: 'OohAccessEntry' });
export type AccessEntry = z.infer<typeof AccessEntry>;

export const Building = z.object({
  id: z.uuid(), name: z.string(), address: z.string(), checklist: z.array(z.string()),
  openAlarms: z.number().int().describe('Alarms not yet reset'),
  lastPatrol: instant.nullable().describe('When the last patrol was completed'),
  accessList: z.array(AccessEntry),
}).meta({ id: 'OohBuilding' });
export type Building = z.infer<typeof Building>;
export const BuildingList = z.object({ items: z.array(Building) }).meta({ id: 'OohBuildingList' });

// ---- Alarms ----

export const RaiseAlarm = z.object({
  buildingId: z.uuid({ message: 'Choose the building' }),
  kind: AlarmKind,
  raisedAt: dateTime({ message: 'Enter when the alarm went off' }),
  location: optional('where in the building'),
  source: optional('how it came in (monitoring centre, caller)'),
}).meta({ id: 'OohRaiseAlarm' });
export type RaiseAlarm = z.input<typeof RaiseAlarm>;

export const AlarmStep = z.object({
  kind: AlarmEventKind,
  at: dateTime({ message: 'Enter when it happened' }),
  who: optional('who'),
  reference: optional('the incident number', 60),
  falseAlarm: z.boolean().optional(),
  note: notes(),
}).meta({ id: 'OohAlarmStep' });
export type AlarmStep = z.input<typeof AlarmStep>;

export const AlarmEvent = z.object({
  id: z.uuid(), seq: z.number().int(), kind: AlarmEventKind, at: instant, who: z.string(), reference: z.string(),
  falseAlarm: z.boolean().nullable(), note: z.string(), recordedBy: z.string(), recordedAt: instant,
}).meta({ id: 'OohAlarmEvent' });
export const Alarm = z.object({
  id: z.uuid(), building: z.object({ id: z.uuid(), name: z.string() }), kind: AlarmKind, raisedAt: instant, location: z.string(), source: z.string(),
  closedAt: instant.nullable().describe('When it was reset or stood down; null while open'),
  falseAlarm: z.boolean().nullable(), recordedBy: z.string(),
  events: z.array(AlarmEvent),
}).meta({ id: 'OohAlarm' });
export type Alarm = z.infer<typeof Alarm>;

export const ALARM_SORT_FIELDS = ['raised', 'building', 'kind'] as const;
export const AlarmsQuery = z.object({
  open: z.enum(['true', 'false']).optional().describe('true: not reset; false: reset or stood down'),
  buildingId: z.uuid().optional(), kind: AlarmKind.optional(),
  from: dateTime().optional(), to: dateTime().optional(),
  sort: sortOf(ALARM_SORT_FIELDS, 'raised_desc'), ...paging,
});
export type AlarmsQuery = z.infer<typeof AlarmsQuery>;
export const AlarmList = z.object({ items: z.array(Alarm), total: z.number().int() }).meta({ id: 'OohAlarmList' });

// ---- Night patrols ----

export const PatrolCheck = z.object({
  item: ChecklistItem,
  outcome: z.enum(['ok', 'problem']),
  note: text().trim().max(500, 'Keep the note to 500 characters or fewer').default(''),
}).meta({ id: 'OohPatrolCheck' });
export const LateWorker = z.object({
  name: name('the name of the person working late'),
  department: optional('the department', 120),
  location: optional('where they were', 120),
  expectedLeaving: optional('when they expect to leave', 40),
}).meta({ id: 'OohLateWorker' });
export const PatrolProgress = z.object({
  checks: z.array(PatrolCheck).max(40),
  lateWorkers: z.array(LateWorker).max(50).default([]),
  notes: notes(),
}).meta({ id: 'OohPatrolProgress' });
export type PatrolProgress = z.input<typeof PatrolProgress>;
export const StartPatrol = z.object({ buildingId: z.uuid({ message: 'Choose the building' }) }).meta({ id: 'OohStartPatrol' });

export const Patrol = z.object({
  id: z.uuid(), building: z.object({ id: z.uuid(), name: z.string() }), checklist: z.array(z.string()),
  checks: z.array(PatrolCheck), lateWorkers: z.array(LateWorker), notes: z.string(),
  startedBy: z.string(), startedAt: instant, completedAt: instant.nullable(),
  problems: z.number().int().describe('Checks with a problem'),
}).meta({ id: 'OohPatrol' });
export type Patrol = z.infer<typeof Patrol>;
export const PatrolsQuery = z.object({
  buildingId: z.uuid().optional(), from: dateTime().optional(), to: dateTime().optional(),
  problems: z.enum(['true']).optional(), sort: sortOf(['started'] as const, 'started_desc'), ...paging,
});
export type PatrolsQuery = z.infer<typeof PatrolsQuery>;
export const PatrolList = z.object({ items: z.array(Patrol), total: z.number().int() }).meta({ id: 'OohPatrolList' });

// ---- Out-of-hours access ----

export const RecordAccess = z.object({
  buildingId: z.uuid({ message: 'Choose the building' }),
  visitorName: name('the visitor’s name'),
  visitorOrganisation: optional('the visitor’s organisation'),
  idType: name('the ID checked (council ID card, driving licence, password)', 60),
  idLast4: z.string().trim().regex(/^([A-Za-z0-9]{4})?$/, 'Enter the last 4 letters or digits of the ID number, or leave it empty').default(''),
  decision: AccessDecision,
  reason: optional('the reason', 500),
  authorisedBy: optional('the manager who authorised it', 120),
}).meta({ id: 'OohRecordAccess' });
export type RecordAccess = z.input<typeof RecordAccess>;
export const AccessRequest = z.object({
  id: z.uuid(), building: z.object({ id: z.uuid(), name: z.string() }), visitorName: z.string(), visitorOrganisation: z.string(),
  idType: z.string(), idLast4: z.string(), listEntry: AccessEntry.nullable().describe('The access-list entry the visitor matched'),
  decision: AccessDecision, reason: z.string(), authorisedBy: z.string(), at: instant, timeOut: instant.nullable(), recordedBy: z.string(),
}).meta({ id: 'OohAccessRequest' });
export type AccessRequest = z.infer<typeof AccessRequest>;
export const AccessRequestsQuery = z.object({ buildingId: z.uuid().optional(), from: dateTime().optional(), to: dateTime().optional(), ...paging });
export const AccessRequestList = z.object({ items: z.array(AccessRequest), total: z.number().int() }).meta({ id: 'OohAccessRequestList' });
export const AccessCheckQuery = z.object({ buildingId: z.uuid(), name: line().trim().min(1, 'Enter the visitor’s name').max(120) });
export const AccessCheck = z.object({ match: AccessEntry.nullable().describe('The entry matched now, or null') }).meta({ id: 'OohAccessCheck' });
export const Departure = z.object({ at: dateTime({ message: 'Enter when they left' }) }).meta({ id: 'OohAccessDeparture' });
