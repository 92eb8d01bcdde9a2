import { z } from 'zod';
import { codesOf } from '../labels';
import { changesSomething, dateTime, line, text as plainText, uniqueArray } from '../validation';
import { ShiftSection } from '../platform/contract';

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
export const WRITTEN_KINDS = { observation: ENTRY_KINDS.observation, action: ENTRY_KINDS.action, communication: ENTRY_KINDS.communication } as const;

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
  /** Who wrote it: a name for council staff, a role for partner agencies; null when Vigil itself wrote it (retention). */
  author: z.string().nullable(),
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
  /** Personal data removed from its text, oldest first: when, by whom (a role for partners) and why (not shown to partners). */
  redactions: z.array(z.object({ redactedAt: instant, by: z.string(), reason: z.string().nullable() })),
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
  /** The procedure version the occurrence follows (the one in force when it was opened), and whether a newer one has been made since. */
  procedureVersion: z.object({ version: z.number().int(), isCurrent: z.boolean() }).nullable(),
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
export const ClosedOccurrence = z.object({ reference: z.string(), skippedRequired: z.array(z.object({ id: z.uuid(), text: z.string() })) }).meta({ id: 'ClosedOccurrence' });
export const ReopenedOccurrence = z.object({ reference: z.string() }).meta({ id: 'ReopenedOccurrence' });
export const SharedWith = z.object({ reference: z.string(), organisation: z.string() }).meta({ id: 'OccurrenceShared' });
export const PersonalDataRemoved = z.object({ reference: z.string(), removedAt: instant }).meta({ id: 'PersonalDataRemoved' });

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

// ---- Shift handover ----

/** Who a handover is addressed to: the person coming on, or a team (any of its members may acknowledge it). */
export const HandoverAddressee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), id: z.uuid(), name: z.string() }),
  z.object({ kind: z.literal('team'), id: z.uuid(), name: z.string() }),
]).meta({ id: 'HandoverAddressee' });
export type HandoverAddressee = z.infer<typeof HandoverAddressee>;

/** Why the shift is taken to have started when it did (the outgoing operator may give another time). */
export const SHIFT_STARTS = {
  given: 'the time you gave',
  signed_in: 'when you signed in',
  acknowledged: 'when you acknowledged the handover to you',
  previous_handover: 'your previous handover',
  shift_length: 'a shift’s length ago',
} as const;
export const ShiftStart = codesOf(SHIFT_STARTS);
export type ShiftStart = z.infer<typeof ShiftStart>;

export const HandoverAction = z.object({
  id: z.uuid(), text: z.string(), dueAt: instant, overdue: z.boolean(), doneAt: instant.nullable(),
  owner: z.object({ id: z.uuid(), name: z.string() }), occurrence: Ref.nullable(),
}).meta({ id: 'HandoverAction' });
export type HandoverAction = z.infer<typeof HandoverAction>;

/** An occurrence the outgoing operator worked on during the shift, and what they did to it. */
export const ShiftWork = z.object({
  id: z.uuid(), reference: z.string(), summary: z.string(), status: Status,
  opened: z.boolean(), closed: z.boolean(),
  /** Entries the outgoing operator recorded on it during the shift (opening and closing included). */
  entries: z.number().int(),
}).meta({ id: 'ShiftWork' });
export type ShiftWork = z.infer<typeof ShiftWork>;

export const HandoverDraft = z.object({
  shiftStartedAt: instant, shiftStart: ShiftStart,
  /** Every open occurrence; those the operator worked on this shift (or were handed) are `yours`, and start ticked. */
  occurrences: z.array(z.object({ id: z.uuid(), reference: z.string(), summary: z.string(), openedAt: instant, priority: Priority, category: z.string(), yours: z.boolean() })),
  worked: z.array(ShiftWork),
  /** The operator's open actions (owned, set, or handed to them): a handover passes them on. */
  actions: z.array(HandoverAction),
  /** Who the handover may be addressed to. */
  addressees: z.object({
    /** `username` tells apart two people of the same name. */
    people: z.array(z.object({ id: z.uuid(), name: z.string(), username: z.string() })),
    teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
  }),
  /** The other duties' open work (out-of-hours calls, lone workers out, alarms not reset, major incidents): the handover keeps it as it stands when sent. */
  duties: z.array(ShiftSection),
}).meta({ id: 'HandoverDraft' });
export type HandoverDraft = z.infer<typeof HandoverDraft>;

export const HandoverSummary = z.object({
  id: z.uuid(), from: z.string(), to: HandoverAddressee.nullable(), createdAt: instant, acknowledgedAt: instant.nullable(), acknowledgedBy: z.string().nullable(),
  occurrenceCount: z.number().int(), actionCount: z.number().int(),
  /** Whether the caller may acknowledge it (it is addressed to them or their team, and waits). */
  canAcknowledge: z.boolean(),
}).meta({ id: 'HandoverSummary' });
export type HandoverSummary = z.infer<typeof HandoverSummary>;

export const Handover = z.object({
  id: z.uuid(), from: z.string(), to: HandoverAddressee.nullable(), createdAt: instant, shiftStartedAt: instant.nullable(), acknowledgedAt: instant.nullable(), acknowledgedBy: z.string().nullable(),
  canAcknowledge: z.boolean(),
  notes: z.string(), equipmentFaults: z.string(),
  occurrences: z.array(z.object({ id: z.uuid(), reference: z.string(), summary: z.string(), status: Status, priority: Priority, openedAt: instant })),
  /** What the outgoing operator did during the shift. */
  worked: z.array(ShiftWork),
  actions: z.array(HandoverAction),
  /** Open actions from earlier shifts that this handover passed on. */
  carriedOver: z.array(HandoverAction),
  /** The other duties' open work as it stood when the handover was sent. */
  duties: z.array(ShiftSection),
}).meta({ id: 'Handover' });
export type Handover = z.infer<typeof Handover>;

export const HandoverSent = z.object({ id: z.uuid(), to: HandoverAddressee, occurrenceCount: z.number().int(), actionCount: z.number().int() }).meta({ id: 'HandoverSent' });
export type HandoverSent = z.infer<typeof HandoverSent>;
export const Acknowledged = z.object({ id: z.uuid(), acknowledgedAt: instant }).meta({ id: 'HandoverAcknowledged' });
export const ActionDone = z.object({ id: z.uuid(), doneAt: instant }).meta({ id: 'ActionDone' });
export const Created = z.object({ id: z.uuid() }).meta({ id: 'Created' });

export const Assignee = z.object({ id: z.uuid(), name: z.string(), roles: z.array(z.string()) }).meta({ id: 'Assignee' });
export type Assignee = z.infer<typeof Assignee>;

export const SupervisorAlert = z.object({ id: z.uuid(), kind: z.string(), message: z.string(), createdAt: instant, occurrence: Ref.nullable() });
export const SupervisorOverview = z.object({ unacknowledgedHandovers: z.array(HandoverSummary), alerts: z.array(SupervisorAlert) }).meta({ id: 'SupervisorOverview' });
export type SupervisorOverview = z.infer<typeof SupervisorOverview>;

// ---- Procedures (administrators) ----

export const ProcedureStep = z.object({ id: z.uuid(), position: z.number().int(), text: z.string(), isRequired: z.boolean() }).meta({ id: 'ProcedureStep' });
export type ProcedureStep = z.infer<typeof ProcedureStep>;
/** One version of a category's procedure: an edit adds one; occurrences keep the version they were opened with. */
export const ProcedureVersion = z.object({ version: z.number().int(), createdAt: instant, createdBy: z.string().nullable() }).meta({ id: 'ProcedureVersion' });
export type ProcedureVersion = z.infer<typeof ProcedureVersion>;
export const ProcedureVersionSummary = ProcedureVersion.extend({ stepCount: z.number().int(), requiredCount: z.number().int() }).meta({ id: 'ProcedureVersionSummary' });
export const CategoryProcedure = z.object({
  category: z.object({ id: z.uuid(), key: z.string(), name: z.string() }),
  /** The version in force (null while the category has never had a procedure). */
  version: ProcedureVersion.nullable(),
  steps: z.array(ProcedureStep),
}).meta({ id: 'CategoryProcedure' });
export type CategoryProcedure = z.infer<typeof CategoryProcedure>;
export const CategoryWithSteps = Category.extend({
  version: ProcedureVersionSummary.nullable(),
  /** Every version, newest first. */
  history: z.array(ProcedureVersionSummary),
  steps: z.array(ProcedureStep),
}).meta({ id: 'CategoryWithProcedure' });
export type CategoryWithSteps = z.infer<typeof CategoryWithSteps>;
export const NewCategory = z.object({ id: z.uuid(), key: z.string(), name: z.string() }).meta({ id: 'NewCategory' });

/** What a partner agency sees of an occurrence shared with it: roles where staff names would be, and none of the council's internal workings. */
export const SharedOccurrence = Occurrence.omit({ procedure: true, procedureVersion: true, personalDataCount: true, personalDataFlagged: true, sharedWith: true }).meta({ id: 'SharedOccurrence' });
export type SharedOccurrence = z.infer<typeof SharedOccurrence>;

// ---- What the API takes ----

const text = (max: number, what: string) => plainText().trim().min(1, `Enter ${what}`).max(max, `Keep ${what} to ${max} characters or fewer`);
const oneLine = (max: number, what: string) => line().trim().min(1, `Enter ${what}`).max(max, `Keep ${what} to ${max} characters or fewer`);
const when = dateTime({ message: 'Enter a date and time' });
const optionalWhen = when.nullable().optional();
const pathId = (name: string) => z.uuid({ message: `The ${name} in the address is not an id` }).meta({ param: { name, in: 'path' } });

export const IdParam = z.object({ id: pathId('id') });
export const PersonalDataParams = z.object({ id: pathId('id'), pdId: pathId('pdId') });

export const OpenOccurrence = z.object({
  source: Source,
  categoryId: z.uuid('Choose a category'),
  priority: Priority.default('normal'),
  summary: oneLine(200, 'a short description'),
  locationText: line().trim().max(200).optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  cameraIds: uniqueArray(z.uuid(), { what: 'camera', max: 50 }).default([]),
  observedAt: optionalWhen,
}).refine((v) => (v.latitude == null) === (v.longitude == null), { message: 'Give both latitude and longitude, or neither', path: ['latitude'] }).meta({ id: 'OpenOccurrence' });

export const AddEntry = z.object({
  kind: codesOf(WRITTEN_KINDS).default('observation'),
  body: text(4000, 'what happened'),
  observedAt: optionalWhen,
}).meta({ id: 'AddEntry' });

export const NotifyAgency = z.object({
  agency: Agency,
  agencyReference: line().trim().max(60, 'Keep the reference to 60 characters or fewer').optional(),
  notifiedAt: optionalWhen,
  body: plainText().trim().max(4000).optional(),
}).meta({ id: 'NotifyAgency' });

export const MarkFootage = z.object({ cameraId: z.uuid('Choose a camera'), from: when, to: when, body: plainText().trim().max(4000).optional() }).meta({ id: 'MarkFootage' });
export const Amend = z.object({ entryId: z.uuid(), body: text(4000, 'the correction'), reason: text(1000, 'the reason for the correction') }).meta({ id: 'AmendEntry' });
export const AddCameras = z.object({ cameraIds: uniqueArray(z.uuid(), { what: 'camera', max: 50 }).min(1, 'Choose at least one camera') }).meta({ id: 'AddCameras' });
export const TickStep = z.object({ stepId: z.uuid(), body: plainText().trim().max(1000).optional() }).meta({ id: 'TickStep' });
export const Close = z.object({ outcome: Outcome, body: plainText().trim().max(4000).optional(), skipReason: plainText().trim().max(1000).optional() }).meta({ id: 'CloseOccurrence' });
export const Reopen = z.object({ reason: text(1000, 'why it is being reopened') }).meta({ id: 'ReopenOccurrence' });
export const PersonalData = z.object({
  name: line().trim().max(200).optional(),
  details: plainText().trim().max(2000).optional(),
}).refine((v) => !!v.name || !!v.details, { message: 'Enter a name or details', path: ['name'] }).meta({ id: 'RecordPersonalData' });
export const RemovePersonalData = z.object({
  reason: plainText({ message: 'Enter why it is being removed' }).trim().min(3, 'Enter why it is being removed (at least 3 characters)').max(1000, 'Keep the reason to 1000 characters or fewer'),
}).meta({ id: 'RemovePersonalData' });
export const Share = z.object({ organisationId: z.uuid('Choose an organisation') }).meta({ id: 'ShareOccurrence' });

/** The area of a search on the map: south,west,north,east (WGS84). */
const Area = z.string().regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'Give the area as south,west,north,east').transform((v) => {
  const [south, west, north, east] = v.split(',').map(Number);
  return { south, west, north, east };
});

/** A search's filters, as the query string carries them (`to` is exclusive). */
export const OccurrenceFilter = z.object({
  q: line().trim().max(200).optional(),
  from: dateTime().optional(),
  to: dateTime().optional(),
  category: line().trim().max(40).optional(),
  source: Source.optional(),
  cameraId: z.uuid().optional(),
  outcome: Outcome.optional(),
  agency: Agency.optional(),
  operatorId: z.uuid().optional(),
  status: Status.optional(),
  area: Area.optional(),
  sort: Sort.default('opened_desc'),
});
export const OccurrenceSearch = OccurrenceFilter.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) });
export const CountQuery = OccurrenceFilter.extend({ by: CountBy });

export const HandoverList = z.object({
  /** `waiting_for_me`: not yet acknowledged, addressed to the caller or the caller's team. */
  status: z.enum(['unacknowledged', 'waiting_for_me', 'all']).default('all'),
});
export const HandoverDraftQuery = z.object({ shiftStartedAt: dateTime({ message: 'Enter when your shift started' }).optional() });
export const NewAction = z.object({
  text: line().trim().min(1, 'Describe the action').max(500),
  ownerId: z.uuid('Choose who owns this action'),
  dueAt: dateTime({ message: 'Enter when it is due' }),
  occurrenceId: z.uuid().nullable().optional(),
}).meta({ id: 'NewAction' });
export const CreateHandover = z.object({
  to: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('user'), id: z.uuid('Choose who you are handing over to') }),
    z.object({ kind: z.literal('team'), id: z.uuid('Choose who you are handing over to') }),
  ], { error: 'Choose who you are handing over to' }),
  occurrenceIds: uniqueArray(z.uuid(), { what: 'occurrence', max: 500 }).default([]),
  actions: z.array(NewAction).max(100).default([]),
  equipmentFaults: plainText().trim().max(4000).default(''),
  notes: plainText().trim().max(8000).default(''),
  shiftStartedAt: dateTime().nullable().optional(),
}).meta({ id: 'CreateHandover' });

export const ReplaceProcedure = z.object({
  steps: z.array(z.object({ text: line().trim().min(1, 'Describe the step').max(300), isRequired: z.boolean().default(false) })).max(30, 'Keep a procedure to 30 steps'),
}).meta({ id: 'Procedure' });
export const AddCategory = z.object({ name: line().trim().min(2, 'Enter a name').max(60) }).meta({ id: 'AddCategory' });
export const UpdateCategory = changesSomething(z.object({ name: line().trim().min(2).max(60).optional(), isActive: z.boolean().optional() })).meta({ id: 'UpdateCategory' });

// ---- Shared with partners: their list, and the council withdrawing a share ----

/** A row of a partner's list: no staff names, and when it was shared with them. */
export const SharedOccurrenceSummary = OccurrenceSummary.omit({ openedBy: true }).extend({ sharedAt: instant }).meta({ id: 'SharedOccurrenceSummary' });
export type SharedOccurrenceSummary = z.infer<typeof SharedOccurrenceSummary>;
export const SharedOccurrencePage = OccurrencePage.extend({ items: z.array(SharedOccurrenceSummary) }).meta({ id: 'SharedOccurrencePage' });
export type SharedOccurrencePage = z.infer<typeof SharedOccurrencePage>;
/** A partner's filters: the council's, less who opened it (partners see no staff). */
export const SharedOccurrenceFilter = OccurrenceFilter.omit({ operatorId: true });
export const SharedOccurrenceSearch = SharedOccurrenceFilter.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) });

export const ShareParams = z.object({ id: pathId('id'), organisationId: pathId('organisationId') });
export const WithdrawShare = z.object({
  reason: plainText({ message: 'Enter why the share is being withdrawn' }).trim().min(3, 'Enter why the share is being withdrawn (at least 3 characters)').max(1000, 'Keep the reason to 1000 characters or fewer'),
}).meta({ id: 'WithdrawShare' });
export const ShareWithdrawn = z.object({ reference: z.string(), organisation: z.string(), withdrawnAt: instant }).meta({ id: 'ShareWithdrawn' });

// ---- Redacting personal data typed into an entry (supervisors) ----

export const EntryParams = z.object({ id: pathId('id'), entryId: pathId('entryId') });
export const RedactEntry = z.object({
  remove: line({ message: 'Enter the words to remove' }).trim().min(2, 'Enter the words to remove, as they appear in the entry (at least 2 characters)').max(200, 'Keep the words to remove to 200 characters or fewer: redact a long passage a part at a time'),
  reason: plainText({ message: 'Enter why they are being removed' }).trim().min(3, 'Enter why they are being removed (at least 3 characters)').max(1000, 'Keep the reason to 1000 characters or fewer'),
}).meta({ id: 'RedactEntry' });
export const EntryRedacted = z.object({ reference: z.string(), entryId: z.uuid(), redactedAt: instant, replaced: z.number().int() }).meta({ id: 'EntryRedacted' });
