import { z } from 'zod';
import { codesOf } from '../labels';

// The occurrence log's contract between server and web app: its vocabularies with their labels,
// and the shapes of what its API answers. The server's routes declare these as their response
// schemas (a reply with a field not here does not compile); the web app's types are inferred
// from them. Times are ISO 8601 instants (UTC), shown in London time by the web app.

export const SOURCES = {
  camera_patrol: 'Camera patrol',
  police_request: 'Police request',
  radio_scheme: 'Shop/pub radio scheme',
  public_call: 'Call from the public',
  council_staff: 'Council staff',
  alarm: 'Alarm',
  other: 'Other',
} as const;

export const PRIORITIES = { immediate: 'Immediate', high: 'High', normal: 'Normal', low: 'Low' } as const;

export const OUTCOMES = {
  arrest: 'Arrest',
  detained: 'Detained',
  dispersed: 'Dispersed',
  no_trace: 'No trace',
  handed_to_police: 'Handed to police',
  advice_given: 'Advice given',
  false_alarm: 'False alarm',
  other: 'Other',
} as const;

export const AGENCIES = {
  police: 'Police', ambulance: 'Ambulance', fire: 'Fire and rescue', council: 'Council team', partner: 'Partner', other: 'Other',
} as const;

/** What a timeline entry records. */
export const ENTRY_KINDS = {
  opened: 'Opened',
  observation: 'Observation',
  action: 'Action',
  communication: 'Communication',
  notification: 'Agency told',
  footage: 'Footage marked',
  procedure: 'Procedure step',
  camera: 'Cameras added',
  amendment: 'Amendment',
  closed: 'Closed',
  reopened: 'Reopened',
  personal_data_removed: 'Personal data removed',
} as const;

/** The kinds an operator writes by hand (the others are written by what they record). */
export const WRITTEN_KINDS = ['observation', 'action', 'communication'] as const;

export const STATUSES = { open: 'Open', closed: 'Closed' } as const;

export const SORTS = {
  opened_desc: 'Newest first', opened_asc: 'Oldest first', reference_desc: 'Reference (highest first)', reference_asc: 'Reference (lowest first)',
} as const;

export const COUNT_BY = { category: 'Category', source: 'Source', camera: 'Camera', outcome: 'Outcome', hour: 'Hour of day (UK time)' } as const;

export const Source = codesOf(SOURCES, 'Choose where it came from');
export const Priority = codesOf(PRIORITIES, 'Choose a priority');
export const Outcome = codesOf(OUTCOMES, 'Choose an outcome');
export const Agency = codesOf(AGENCIES, 'Choose who was told');
export const EntryKind = codesOf(ENTRY_KINDS);
export const Status = codesOf(STATUSES);
export const Sort = codesOf(SORTS);
export const CountBy = codesOf(COUNT_BY, 'Choose what to count by');
export type Source = z.infer<typeof Source>;
export type Priority = z.infer<typeof Priority>;
export type Outcome = z.infer<typeof Outcome>;
export type Agency = z.infer<typeof Agency>;
export type EntryKind = z.infer<typeof EntryKind>;
export type Status = z.infer<typeof Status>;
export type Sort = z.infer<typeof Sort>;
export type CountBy = z.infer<typeof CountBy>;

const instant = z.string().meta({ format: 'date-time' });
const Ref = z.object({ id: z.uuid(), reference: z.string() });
const CameraRef = z.object({ id: z.uuid(), reference: z.string(), name: z.string() });

// ---- What the API answers ----

const EntryFields = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  kind: EntryKind,
  body: z.string(),
  observedAt: instant.nullable(),
  recordedAt: instant,
  /** Who wrote it: a name for council staff, a role for partner agencies. */
  author: z.string(),
  amendsId: z.uuid().nullable(),
  reason: z.string().nullable(),
  agency: Agency.nullable(),
  agencyName: z.string().nullable(),
  agencyReference: z.string().nullable(),
  notifiedAt: instant.nullable(),
  camera: CameraRef.nullable(),
  footageFrom: instant.nullable(),
  footageTo: instant.nullable(),
  procedureStepId: z.uuid().nullable(),
  outcome: Outcome.nullable(),
});
export const Entry = EntryFields.extend({ amendments: z.array(EntryFields) }).meta({ id: 'OccurrenceEntry' });
export type Entry = z.infer<typeof Entry>;
export type EntryFields = z.infer<typeof EntryFields>;

export const Told = z.object({ agency: Agency, name: z.string(), told: z.boolean(), firstToldAt: instant.nullable(), references: z.array(z.string()) });

export const Occurrence = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: Status,
  summary: z.string(),
  openedAt: instant,
  openedBy: z.string(),
  source: Source,
  sourceName: z.string(),
  priority: Priority,
  priorityName: z.string(),
  category: z.object({ id: z.uuid(), key: z.string(), name: z.string() }),
  location: z.object({ text: z.string().nullable(), latitude: z.number().nullable(), longitude: z.number().nullable() }),
  outcome: Outcome.nullable(),
  outcomeName: z.string().nullable(),
  closedAt: instant.nullable(),
  closedBy: z.string().nullable(),
  cameras: z.array(CameraRef),
  entries: z.array(Entry),
  told: z.array(Told),
  footageMarks: z.array(Entry),
  procedure: z.array(z.object({ id: z.uuid(), text: z.string(), isRequired: z.boolean(), position: z.number().int(), ticked: z.boolean() })),
  personalDataCount: z.number().int(),
  /** Items past the review age, not yet removed: `since` is when the first was flagged. */
  personalDataFlagged: z.object({ count: z.number().int(), since: instant.nullable() }),
  /** Partner organisations it is shared with (empty in a partner's own view). */
  sharedWith: z.array(z.object({ id: z.uuid(), name: z.string(), sharedAt: instant })),
}).meta({ id: 'Occurrence' });
export type Occurrence = z.infer<typeof Occurrence>;

export const OccurrenceSummary = z.object({
  id: z.uuid(), reference: z.string(), openedAt: instant, summary: z.string(),
  source: Source, sourceName: z.string(), priority: Priority, priorityName: z.string(), status: Status,
  outcome: Outcome.nullable(), outcomeName: z.string().nullable(),
  category: z.object({ key: z.string(), name: z.string() }),
  location: z.string().nullable(), latitude: z.number().nullable(), longitude: z.number().nullable(),
  /** Camera references. */
  cameras: z.array(z.string()),
  /** Agencies told (codes). */
  told: z.array(z.string()),
  openedBy: z.string(),
  closedAt: instant.nullable(),
}).meta({ id: 'OccurrenceSummary' });
export type OccurrenceSummary = z.infer<typeof OccurrenceSummary>;

export const OccurrencePage = z.object({
  items: z.array(OccurrenceSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
  /** The total is a lower bound: counting stops at a cap, and a search for common words counts the newest occurrences only. */
  totalIsCapped: z.boolean(),
}).meta({ id: 'OccurrencePage' });
export type OccurrencePage = z.infer<typeof OccurrencePage>;

export const Counts = z.object({ by: CountBy, total: z.number().int(), items: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })) }).meta({ id: 'OccurrenceCounts' });
export type Counts = z.infer<typeof Counts>;

export const Category = z.object({ id: z.uuid(), key: z.string(), name: z.string(), isActive: z.boolean() }).meta({ id: 'OccurrenceCategory' });
export type Category = z.infer<typeof Category>;

/** What a write to an occurrence answers: the entry it appended (or the occurrence it opened). */
export const Appended = z.object({ id: z.uuid(), seq: z.number().int(), reference: z.string() }).meta({ id: 'AppendedEntry' });
export const Opened = z.object({ id: z.uuid(), reference: z.string() }).meta({ id: 'OpenedOccurrence' });

export const PersonalDataItem = z.object({
  id: z.uuid(), name: z.string().nullable(), details: z.string().nullable(), recordedAt: instant, recordedBy: z.string(),
  flaggedForReviewAt: instant.nullable(), removedAt: instant.nullable(), removalReason: z.string().nullable(),
}).meta({ id: 'PersonalDataItem' });
export type PersonalDataItem = z.infer<typeof PersonalDataItem>;

export const PersonalDataReviewItem = z.object({
  id: z.uuid(), occurrence: Ref, recordedAt: instant, flaggedAt: instant, held: z.boolean(),
  /** When retention will remove it; null while a hold keeps it. */
  removalDueAt: instant.nullable(),
}).meta({ id: 'PersonalDataReviewItem' });
export type PersonalDataReviewItem = z.infer<typeof PersonalDataReviewItem>;
export const PersonalDataReview = z.object({ items: z.array(PersonalDataReviewItem), total: z.number().int(), reviewDays: z.number(), removalDays: z.number() }).meta({ id: 'PersonalDataReview' });
export type PersonalDataReview = z.infer<typeof PersonalDataReview>;

export const Partner = z.object({ id: z.uuid(), name: z.string(), kind: z.string() }).meta({ id: 'Partner' });
export type Partner = z.infer<typeof Partner>;
