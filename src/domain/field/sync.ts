import { z } from 'zod';
import { dateTime, line, text } from '../validation';
import { instant } from '../primitives';

// What a handheld sends when it syncs: the records an officer made, online or not, each with an id
// made on the device. The server accepts each id once and answers the same on a retry, so a sync
// whose reply was lost is simply sent again. Photos go first, one by one (PUT /api/v1/field/photos/{id}),
// and records name them by their ids. The payloads here are the handheld's words; each kind is
// applied by the module that owns it (enforcement: PCNs, FPNs, the notebook; field: the rest).

export const SYNC_KINDS = [
  'patrol.start', 'patrol.trail', 'patrol.note', 'patrol.check_in', 'patrol.end',
  'pcn.issue', 'fpn.issue', 'notebook.entry',
  'carpark.inspection', 'defect.report', 'asb.report',
] as const;
export const SyncKind = z.enum(SYNC_KINDS);
export type SyncKind = z.infer<typeof SyncKind>;
export const SYNC_KIND_LABELS: Record<SyncKind, string> = {
  'patrol.start': 'Patrol started', 'patrol.trail': 'Patrol route points', 'patrol.note': 'Patrol note', 'patrol.check_in': 'Check-in', 'patrol.end': 'Patrol ended',
  'pcn.issue': 'Penalty charge notice', 'fpn.issue': 'Fixed penalty notice', 'notebook.entry': 'Notebook entry',
  'carpark.inspection': 'Car-park machine inspection', 'defect.report': 'Defect', 'asb.report': 'Anti-social behaviour report',
};

export const FieldPoint = z.object({
  lat: z.number().min(49, 'Enter a latitude in England or Wales').max(56, 'Enter a latitude in England or Wales'),
  lon: z.number().min(-7, 'Enter a longitude in England or Wales').max(2.5, 'Enter a longitude in England or Wales'),
  accuracyM: z.number().min(0).max(100_000).nullable().default(null).describe('The device’s own estimate, in metres'),
}).meta({ id: 'FieldPoint' });
export type FieldPoint = z.infer<typeof FieldPoint>;

/** Photos taken with the record, uploaded before it (by id). */
const photoIds = z.array(z.uuid()).max(20, 'Attach at most 20 photos').default([]);
const at = dateTime({ message: 'Enter when it happened' });

export const PatrolStartPayload = z.object({
  patrolId: z.uuid(),
  beat: line().trim().min(1, 'Enter the beat').max(200),
  task: line().trim().min(1, 'Enter the task').max(500),
  parishContractId: z.uuid().nullable().default(null).describe('Contracted work for a parish or town council'),
  startedAt: at,
  expectedEndAt: dateTime({ message: 'Enter when the patrol is expected to end' }),
  checkInMinutes: z.number().int().min(5, 'Check in at least every 5 minutes').max(240, 'Check in at least every 4 hours'),
}).meta({ id: 'FieldPatrolStartPayload' });

export const PatrolTrailPayload = z.object({
  patrolId: z.uuid(),
  points: z.array(FieldPoint.extend({ at })).min(1).max(2000),
}).meta({ id: 'FieldPatrolTrailPayload' });

export const PatrolNotePayload = z.object({
  patrolId: z.uuid(),
  at,
  text: text().trim().min(1, 'Enter the note').max(4000),
  point: FieldPoint.nullable().default(null),
  photoIds,
}).meta({ id: 'FieldPatrolNotePayload' });

export const PatrolCheckInPayload = z.object({ patrolId: z.uuid(), at, point: FieldPoint.nullable().default(null) }).meta({ id: 'FieldPatrolCheckInPayload' });
export const PatrolEndPayload = z.object({ patrolId: z.uuid(), at, note: text().trim().max(2000).default('') }).meta({ id: 'FieldPatrolEndPayload' });

export const VehicleSeen = z.object({
  vrm: line().trim().toUpperCase().regex(/^[A-Z0-9 ]{1,10}$/, 'Enter the registration: letters and numbers only').max(10),
  make: line().trim().max(50).default(''),
  model: line().trim().max(50).default(''),
  colour: line().trim().max(30).default(''),
  permitSeen: line().trim().max(200).default('').describe('Permit, ticket, voucher or blue badge seen, as displayed'),
}).meta({ id: 'FieldVehicleSeen' });

/** The patrol a notice was issued on, where there was one (parish contracts are billed by it). */
const onPatrol = z.uuid().nullable().default(null);

export const PcnIssuePayload = z.object({
  pcnId: z.uuid(),
  patrolId: onPatrol,
  number: line().trim().toUpperCase().regex(/^[A-Z]{2,3}[0-9]{7,9}[0-9A-Z]?$/, 'Enter a PCN number from this device’s block'),
  enforcementAreaId: z.uuid(),
  contraventionCode: line().trim().toUpperCase().regex(/^[0-9]{2}[A-Z]?$/, 'Enter a contravention code such as 01 or 30'),
  observedFrom: dateTime({ message: 'Enter when the observation began' }),
  observedTo: dateTime({ message: 'Enter when the observation ended' }),
  issuedAt: at,
  vehicle: VehicleSeen,
  point: FieldPoint,
  street: line().trim().min(1, 'Enter the street').max(200),
  locationDetail: line().trim().max(300).default('').describe('Outside no. 12, bay 4…'),
  served: z.enum(['affixed', 'handed', 'drive_away']).describe('Fixed to the vehicle, handed to the driver, or the vehicle drove away before it could be served (a postal PCN follows)'),
  notes: text().trim().max(4000).default(''),
  photoIds,
}).meta({ id: 'FieldPcnIssuePayload' });
export type PcnIssuePayload = z.infer<typeof PcnIssuePayload>;

export const OffenderDetails = z.object({
  name: line().trim().min(1, 'Enter the offender’s name').max(200),
  address: text().trim().min(1, 'Enter the offender’s address').max(500),
  postcode: line().trim().toUpperCase().max(10).default(''),
  dateOfBirth: line().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date of birth').nullable().default(null),
  description: text().trim().max(1000).default('').describe('Height, build, clothing…'),
  identification: line().trim().max(300).default('').describe('How the name and address were confirmed'),
  guardian: line().trim().max(300).default('').describe('Parent or guardian present (under 18)'),
}).meta({ id: 'FieldOffenderDetails' });

export const FpnIssuePayload = z.object({
  fpnId: z.uuid(),
  patrolId: onPatrol,
  offenceCode: line().trim().min(1, 'Choose the offence').max(40),
  issuedAt: at,
  offender: OffenderDetails,
  point: FieldPoint,
  place: line().trim().min(1, 'Enter where it happened').max(300),
  circumstances: text().trim().min(1, 'Describe what happened').max(4000),
  bodyWornVideoRef: line().trim().max(100).default(''),
  photoIds,
}).meta({ id: 'FieldFpnIssuePayload' });
export type FpnIssuePayload = z.infer<typeof FpnIssuePayload>;

export const NotebookEntryPayload = z.object({
  entryId: z.uuid(),
  at,
  text: text().trim().min(1, 'Enter what you saw and did').max(10_000),
  correctsEntryId: z.uuid().nullable().default(null).describe('A correction is a new entry that points at the old one'),
  fpnId: z.uuid().nullable().default(null),
  pcnId: z.uuid().nullable().default(null),
}).meta({ id: 'FieldNotebookEntryPayload' });

export const CarparkInspectionPayload = z.object({
  inspectionId: z.uuid(),
  patrolId: onPatrol,
  machineId: z.uuid(),
  at,
  checks: z.object({ working: z.boolean(), cash: z.boolean(), card: z.boolean(), paper: z.boolean(), display: z.boolean() }),
  note: text().trim().max(2000).default(''),
  photoIds,
}).meta({ id: 'FieldCarparkInspectionPayload' });

export const DefectReportPayload = z.object({
  defectId: z.uuid(),
  patrolId: onPatrol,
  at,
  category: line().trim().min(1, 'Choose the kind of defect').max(40),
  point: FieldPoint,
  place: line().trim().max(300).default(''),
  description: text().trim().min(1, 'Describe the defect').max(4000),
  photoIds,
}).meta({ id: 'FieldDefectReportPayload' });

export const AsbReportPayload = z.object({
  reportId: z.uuid(),
  patrolId: onPatrol,
  at,
  category: line().trim().min(1, 'Choose the kind of behaviour').max(40),
  point: FieldPoint,
  place: line().trim().max(300).default(''),
  description: text().trim().min(1, 'Describe what is happening').max(4000),
  passTo: z.enum(['team', 'control_room']).describe('The owning team, or an occurrence for the control room'),
  photoIds,
}).meta({ id: 'FieldAsbReportPayload' });

export const SYNC_PAYLOADS = {
  'patrol.start': PatrolStartPayload, 'patrol.trail': PatrolTrailPayload, 'patrol.note': PatrolNotePayload,
  'patrol.check_in': PatrolCheckInPayload, 'patrol.end': PatrolEndPayload,
  'pcn.issue': PcnIssuePayload, 'fpn.issue': FpnIssuePayload, 'notebook.entry': NotebookEntryPayload,
  'carpark.inspection': CarparkInspectionPayload, 'defect.report': DefectReportPayload, 'asb.report': AsbReportPayload,
} as const satisfies Record<SyncKind, z.ZodType>;

/** One record as the device queued it: the id it made, what it is, when, and the payload for its kind. */
export const SyncRecord = z.object({
  id: z.uuid().describe('Made on the device; the server accepts each once'),
  kind: SyncKind,
  createdAt: instant.describe('The device’s clock when the officer saved it'),
  payload: z.record(z.string(), z.unknown()).describe('The kind’s payload (FieldPatrolStartPayload, FieldPcnIssuePayload…)'),
}).meta({ id: 'FieldSyncRecord' });
export type SyncRecord = z.infer<typeof SyncRecord>;

export const SyncRequest = z.object({
  deviceId: z.uuid(),
  records: z.array(SyncRecord).min(1).max(200, 'Send at most 200 records at a time'),
  queued: z.number().int().min(0).max(1_000_000).describe('Records still waiting on the device after this batch (for the team leader’s view)'),
}).meta({ id: 'FieldSyncRequest' });

export const SyncOutcome = z.enum(['accepted', 'rejected']);
export const SyncResult = z.object({
  id: z.uuid(),
  outcome: SyncOutcome.describe('Accepted (now or on an earlier try), or rejected with what to fix: either way the device stops sending it'),
  replayed: z.boolean().describe('True where the server had this id already and answers as it did then'),
  reference: z.string().nullable().describe('What people call the record made (a PCN number, FPN-2026-000123…)'),
  problems: z.array(z.object({ path: z.string(), message: z.string() })).describe('Why it was rejected'),
}).meta({ id: 'FieldSyncResult' });
export type SyncResult = z.infer<typeof SyncResult>;
export const SyncReply = z.object({ results: z.array(SyncResult), serverTime: instant }).meta({ id: 'FieldSyncReply' });
export type SyncReply = z.infer<typeof SyncReply>;

export type PatrolStartPayload = z.infer<typeof PatrolStartPayload>;
export type PatrolTrailPayload = z.infer<typeof PatrolTrailPayload>;
export type PatrolNotePayload = z.infer<typeof PatrolNotePayload>;
export type PatrolCheckInPayload = z.infer<typeof PatrolCheckInPayload>;
export type PatrolEndPayload = z.infer<typeof PatrolEndPayload>;
export type NotebookEntryPayload = z.infer<typeof NotebookEntryPayload>;
export type CarparkInspectionPayload = z.infer<typeof CarparkInspectionPayload>;
export type DefectReportPayload = z.infer<typeof DefectReportPayload>;
export type AsbReportPayload = z.infer<typeof AsbReportPayload>;
