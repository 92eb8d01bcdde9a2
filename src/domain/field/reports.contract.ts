import { z } from 'zod';
import { line, text, calendarDay } from '../validation';
import { instant } from '../primitives';

// What officers report on patrol, as the office reads it: car-park machine inspections (a failed
// check raises a maintenance fault on the machine), defects on council land passed to the team that
// owns the category, ASB reports passed to the community safety team or opened as an occurrence.
// The handheld sends them through sync (sync.ts); these are the office's lists and the handheld's
// reference data.

export const MACHINE_CHECKS = { working: 'Working', cash: 'Takes cash', card: 'Takes cards', paper: 'Has paper', display: 'Display readable' } as const;
export type MachineCheck = keyof typeof MACHINE_CHECKS;

export const DEFECT_STATUSES = { passed_to_team: 'Passed to the team', acknowledged: 'Acknowledged', resolved: 'Resolved' } as const;
export const DefectStatus = z.enum(['passed_to_team', 'acknowledged', 'resolved']);
export type DefectStatus = z.infer<typeof DefectStatus>;

export const ASB_PASS_TO = { team: 'Community safety team', control_room: 'Control room (occurrence)' } as const;
export const AsbPassTo = z.enum(['team', 'control_room']);

const day = calendarDay();

/** What the handheld caches to work offline. */
export const FieldReportsReference = z.object({
  machines: z.array(z.object({ id: z.uuid(), reference: z.string(), name: z.string(), carPark: z.string(), lat: z.number(), lon: z.number() })),
  defectCategories: z.array(z.object({ code: z.string(), label: z.string(), team: z.string() })),
  asbCategories: z.array(z.object({ code: z.string(), label: z.string() })),
  parishContracts: z.array(z.object({ id: z.uuid(), name: z.string() })),
}).meta({ id: 'FieldReportsReference' });
export type FieldReportsReference = z.infer<typeof FieldReportsReference>;

export const CarparkMachine = z.object({
  id: z.uuid(), equipmentId: z.uuid(), reference: z.string(), name: z.string(), carPark: z.string(), lat: z.number(), lon: z.number(),
  status: z.string().describe('The equipment status (operational, faulty…)'), isActive: z.boolean(),
  lastInspection: z.object({ reference: z.string(), at: instant, passed: z.boolean() }).nullable(),
}).meta({ id: 'FieldCarparkMachine' });
export type CarparkMachine = z.infer<typeof CarparkMachine>;
export const CarparkMachines = z.object({ items: z.array(CarparkMachine) }).meta({ id: 'FieldCarparkMachines' });

export const RegisterCarparkMachine = z.object({
  reference: line().trim().min(1, 'Enter the machine’s reference').max(50),
  name: line().trim().min(1, 'Enter the machine’s name').max(200),
  carPark: line().trim().min(1, 'Enter the car park').max(200),
  lat: z.number().min(49, 'Enter a latitude in England or Wales').max(56, 'Enter a latitude in England or Wales'),
  lon: z.number().min(-7, 'Enter a longitude in England or Wales').max(2.5, 'Enter a longitude in England or Wales'),
}).meta({ id: 'FieldRegisterCarparkMachine' });
export type RegisterCarparkMachine = z.infer<typeof RegisterCarparkMachine>;

const person = z.object({ id: z.uuid(), name: z.string() });
const point = z.object({ lat: z.number(), lon: z.number(), accuracyM: z.number().nullable() });

export const CarparkInspection = z.object({
  id: z.uuid(), reference: z.string(), at: instant, machine: z.object({ id: z.uuid(), reference: z.string(), name: z.string(), carPark: z.string() }),
  checks: z.object({ working: z.boolean(), cash: z.boolean(), card: z.boolean(), paper: z.boolean(), display: z.boolean() }),
  failed: z.array(z.string()).describe('The checks that failed, by label'), note: z.string(), photoIds: z.array(z.uuid()),
  officer: person, patrolId: z.uuid().nullable(), fault: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
}).meta({ id: 'FieldCarparkInspection' });
export type CarparkInspection = z.infer<typeof CarparkInspection>;

const listQuery = {
  from: day.optional().describe('London date, inclusive'), to: day.optional().describe('London date, inclusive'),
  sort: z.enum(['at_desc', 'at_asc']).default('at_desc'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
};
export const InspectionsQuery = z.object({ ...listQuery, machineId: z.uuid().optional(), failed: z.enum(['yes', 'no']).optional() }).meta({ id: 'FieldInspectionsQuery' });
export type InspectionsQuery = z.infer<typeof InspectionsQuery>;
export const CarparkInspections = z.object({ items: z.array(CarparkInspection) }).meta({ id: 'FieldCarparkInspections' });

export const FieldDefect = z.object({
  id: z.uuid(), reference: z.string(), at: instant, category: z.object({ code: z.string(), label: z.string() }), team: z.string(),
  point, place: z.string(), description: z.string(), photoIds: z.array(z.uuid()), officer: person, patrolId: z.uuid().nullable(),
  status: DefectStatus, statusLabel: z.string(), statusAt: instant, statusNote: z.string(),
}).meta({ id: 'FieldDefect' });
export type FieldDefect = z.infer<typeof FieldDefect>;
export const DefectsQuery = z.object({ ...listQuery, status: DefectStatus.optional(), category: z.string().max(40).optional(), team: z.string().max(200).optional() }).meta({ id: 'FieldDefectsQuery' });
export type DefectsQuery = z.infer<typeof DefectsQuery>;
export const FieldDefects = z.object({ items: z.array(FieldDefect) }).meta({ id: 'FieldDefects' });
export const SetDefectStatus = z.object({
  status: DefectStatus.describe('Acknowledged by the team, or resolved'),
  note: text().trim().max(2000).default(''),
}).meta({ id: 'FieldSetDefectStatus' });

export const FieldAsbReport = z.object({
  id: z.uuid(), reference: z.string(), at: instant, category: z.object({ code: z.string(), label: z.string() }),
  passTo: AsbPassTo, passToLabel: z.string(), occurrence: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  point, place: z.string(), description: z.string(), photoIds: z.array(z.uuid()), officer: person, patrolId: z.uuid().nullable(),
}).meta({ id: 'FieldAsbReport' });
export type FieldAsbReport = z.infer<typeof FieldAsbReport>;
export const AsbReportsQuery = z.object({ ...listQuery, passTo: AsbPassTo.optional(), category: z.string().max(40).optional() }).meta({ id: 'FieldAsbReportsQuery' });
export type AsbReportsQuery = z.infer<typeof AsbReportsQuery>;
export const FieldAsbReports = z.object({ items: z.array(FieldAsbReport) }).meta({ id: 'FieldAsbReports' });

const code = line().trim().regex(/^[a-z0-9_]{1,40}$/, 'Enter a code of lower-case letters, digits and underscores');
export const DefectCategory = z.object({
  id: z.uuid(), code: z.string(), label: z.string(), team: z.string(), teamEmail: z.string().nullable(), validFrom: z.string(), validTo: z.string().nullable(),
}).meta({ id: 'FieldDefectCategory' });
export const AsbCategory = z.object({ id: z.uuid(), code: z.string(), label: z.string(), isActive: z.boolean() }).meta({ id: 'FieldAsbCategory' });
export const ReportCategories = z.object({ defectCategories: z.array(DefectCategory), asbCategories: z.array(AsbCategory) }).meta({ id: 'FieldReportCategories' });
export const AddDefectCategory = z.object({
  code, label: line().trim().min(1, 'Enter the category’s name').max(200), team: line().trim().min(1, 'Enter the team that owns it').max(200),
  teamEmail: line().trim().email('Enter the team’s e-mail address, or leave it blank').nullable().default(null),
  validFrom: day.describe('From this London date; the category’s earlier version, if any, ends the day before'),
}).meta({ id: 'FieldAddDefectCategory' });
export type AddDefectCategory = z.infer<typeof AddDefectCategory>;
export const AddAsbCategory = z.object({ code, label: line().trim().min(1, 'Enter the category’s name').max(200) }).meta({ id: 'FieldAddAsbCategory' });
