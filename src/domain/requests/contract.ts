import { z } from 'zod';
import { codesOf } from '../labels';
import { isValidDay } from '../calendar/london';
import { dateTime, line, text, uniqueArray } from '../validation';
import { CameraRef, instant, paging, PersonRef } from '../primitives';
import { CHANNELS, PAUSE_REASONS, REQUEST_TYPES, STATUSES } from './workflow';

// Information requests: the contract between server and web app. The rules are in workflow.ts (the
// statuses each kind of request moves through) and clock.ts (its due date, on src/domain/deadlines).

export { CHANNELS, PAUSE_REASONS, REQUEST_TYPES, STATUSES };
export const RequestType = codesOf(REQUEST_TYPES, 'Choose the kind of request');
export const Channel = codesOf(CHANNELS, 'Choose how the request arrived');
export const PauseReason = codesOf(PAUSE_REASONS, 'Choose what the clock waits for');
export const Status = codesOf(STATUSES, 'Choose a status');

/** REQ-2026-000123: the year it was received in and its number that year, gap-free. */
export const formatRequestReference = (year: number, n: number) => `REQ-${year}-${String(n).padStart(6, '0')}`;

export const day = (what: string) => z.string({ message: `Enter ${what}` }).refine(isValidDay, `Enter ${what} as a real date, YYYY-MM-DD`).meta({ format: 'date' });
export const words = (what: string, { min = 3, max = 4000 }: { min?: number; max?: number } = {}) =>
  text({ message: `Enter ${what}` }).trim().min(min, `Enter ${what} (at least ${min} characters)`).max(max, `Keep ${what} to ${max} characters or fewer`);
const shortLine = (what: string, max: number) => line({ message: `Enter ${what}` }).trim().max(max, `Keep ${what} to ${max} characters or fewer`);
const optionalNote = text().trim().max(4000, 'Keep the note to 4000 characters or fewer').default('');

// ---- Receiving ----

export const Requester = z.object({
  name: line({ message: 'Enter the requester’s name' }).trim().min(2, 'Enter the requester’s name').max(200, 'Keep the name to 200 characters or fewer'),
  organisation: shortLine('the organisation', 200).default(''),
  email: z.union([z.literal(''), z.email({ message: 'Enter an e-mail address like name@example.org, or leave it blank' })]).default(''),
  phone: shortLine('the telephone number', 40).default(''),
  address: text().trim().max(1000, 'Keep the address to 1000 characters or fewer').default(''),
}).meta({ id: 'Requester' });

/** An agency's authority for a footage request (DPA 2018 Sch 2 Pt 1 para 2). */
export const AgencyAuthority = z.object({
  crimeReference: shortLine('the crime reference', 60).min(2, 'Enter the crime or incident reference'),
  exemption: shortLine('the exemption relied on', 300).min(3, 'Enter the exemption relied on, like DPA 2018 Sch 2 Pt 1 para 2'),
  officerName: shortLine('the officer’s name', 200).min(2, 'Enter the officer’s name'),
  officerRank: shortLine('the officer’s rank', 60).min(2, 'Enter the officer’s rank'),
  officerNumber: shortLine('the officer’s collar or warrant number', 40).min(1, 'Enter the officer’s collar or warrant number'),
}).meta({ id: 'AgencyAuthority' });
export type AgencyAuthority = z.infer<typeof AgencyAuthority>;

const timeRange = {
  timeFrom: dateTime({ message: 'Enter the start of the time asked about as a date and time' }).optional(),
  timeTo: dateTime({ message: 'Enter the end of the time asked about as a date and time' }).optional(),
};
const rangeInOrder = (v: { timeFrom?: Date; timeTo?: Date }, ctx: z.core.$RefinementCtx<unknown>) => {
  if (v.timeFrom && v.timeTo && v.timeFrom > v.timeTo) ctx.addIssue({ code: 'custom', path: ['timeTo'], message: 'The end of the time asked about must be after its start' });
};

export const ReceiveRequest = z.object({
  type: RequestType,
  receivedOn: day('the day it was received').describe('Not in the future'),
  channel: Channel,
  requester: Requester,
  summary: words('what is asked for'),
  place: shortLine('the place', 300).default(''),
  ...timeRange,
  cameraIds: uniqueArray(z.uuid({ message: 'Choose cameras from the register' }), { what: 'camera', max: 50 }).default([]),
  personDescription: text().trim().max(2000, 'Keep the description to 2000 characters or fewer').default('').describe('A SAR: what the person looks like, to find them in the footage'),
  clothing: text().trim().max(1000, 'Keep what they wore to 1000 characters or fewer').default(''),
  authority: AgencyAuthority.optional().describe('A footage request from the police or another agency: required'),
  ownerId: z.uuid({ message: 'Choose who deals with it' }).optional(),
  isDataProtectionComplaint: z.boolean().default(false).describe('A complaint about the handling of personal data: acknowledged within 30 days'),
}).superRefine((v, ctx) => {
  rangeInOrder(v, ctx);
  if (v.type === 'agency_footage' && !v.authority) ctx.addIssue({ code: 'custom', path: ['authority'], message: 'Enter the agency’s authority: crime reference, exemption, officer’s name, rank and number' });
}).meta({ id: 'ReceiveRequest' });
export type ReceiveRequest = z.output<typeof ReceiveRequest>;

/** What a partner agency's user sends from the app: their organisation and contact are their own. */
export const SubmitFootageRequest = z.object({
  summary: words('what happened and what footage is needed'),
  place: shortLine('the place', 300).min(3, 'Enter where it happened'),
  timeFrom: dateTime({ message: 'Enter when the footage starts as a date and time' }),
  timeTo: dateTime({ message: 'Enter when the footage ends as a date and time' }),
  cameraIds: uniqueArray(z.uuid({ message: 'Choose cameras from the list' }), { what: 'camera', max: 50 }).default([]),
  authority: AgencyAuthority,
  phone: shortLine('a telephone number', 40).default(''),
}).superRefine(rangeInOrder).meta({ id: 'SubmitFootageRequest' });
export type SubmitFootageRequest = z.output<typeof SubmitFootageRequest>;

// ---- Steps ----

export const ChangeStatus = z.object({ status: Status, note: optionalNote }).meta({ id: 'ChangeRequestStatus' });
export const StopClock = z.object({
  reason: PauseReason,
  on: day('the day the clock stopped').optional().describe('Today when left out; not before receipt nor in the future'),
  note: words('what was asked for', { min: 3, max: 2000 }),
}).meta({ id: 'StopRequestClock' });
export const RestartClock = z.object({
  on: day('the day it arrived').optional().describe('Today when left out: the clock runs again from that day'),
  note: optionalNote,
}).meta({ id: 'RestartRequestClock' });
export const ExtendClock = z.object({
  reason: words('why more time is needed', { min: 10, max: 2000 }),
  notifiedOn: day('the day the requester was told').describe('A SAR: within the first month'),
}).meta({ id: 'ExtendRequestClock' });
export const AssignRequest = z.object({ ownerId: z.uuid({ message: 'Choose who deals with it' }) }).meta({ id: 'AssignRequest' });
export const EscalateComplaint = z.object({ on: day('the day the next stage was asked for'), note: words('why the complainant is not satisfied') }).meta({ id: 'EscalateComplaint' });
export const RequestNote = z.object({
  note: words('the note'),
  correctsSeq: z.number().int().min(1).optional().describe('The event this note corrects'),
}).meta({ id: 'RequestNote' });
export const ReopenRequest = z.object({ reason: words('why it is reopened', { min: 10, max: 2000 }) }).meta({ id: 'ReopenRequest' });

// ---- Reading ----

export const ClockView = z.object({
  state: z.enum(['running', 'due_soon', 'overdue', 'paused', 'closed']),
  due: day('').nullable(),
  daysLeft: z.number().int().nullable(),
  unit: z.enum(['calendar days', 'working days']),
  label: z.string(),
}).meta({ id: 'RequestClockView' });

export const RequestSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  type: RequestType,
  status: Status,
  receivedOn: z.string(),
  requester: z.object({ name: z.string(), organisation: z.string() }),
  summary: z.string(),
  owner: PersonRef.nullable(),
  clock: ClockView,
  extended: z.boolean(),
}).meta({ id: 'RequestSummary' });
export type RequestSummary = z.infer<typeof RequestSummary>;

export const DUE_FILTERS = { overdue: 'Overdue', this_week: 'Due in the next 7 days', paused: 'Clock stopped', open: 'All open', closed: 'Closed' } as const;
export const REQUEST_SORTS = ['due_asc', 'due_desc', 'received_desc', 'received_asc', 'reference_asc', 'reference_desc'] as const;

export const RequestsQuery = z.object({
  type: RequestType.optional(),
  status: Status.optional(),
  ownerId: z.union([z.uuid(), z.literal('me'), z.literal('none')], { message: 'Choose an owner' }).optional(),
  due: codesOf(DUE_FILTERS, 'Choose a due-date filter').optional(),
  dueBefore: day('the latest due date').optional(),
  q: shortLine('the search', 200).optional(),
  sort: z.enum(REQUEST_SORTS, { message: 'Choose a sort order' }).default('due_asc'),
  ...paging,
}).meta({ id: 'RequestsQuery' });
export type RequestsQuery = z.output<typeof RequestsQuery>;

export const RequestList = z.object({
  items: z.array(RequestSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
}).meta({ id: 'RequestList' });

const workingDays = (what: string) => z.number({ message: `Enter ${what} as a number of working days` }).int(`Enter ${what} as a whole number of working days`).min(1, `${what} must be at least 1 working day`).max(120, `${what} must be 120 working days or fewer`);

/** The council's own clocks, in working days (administrators set them; each change is dated). */
export const ClockPolicy = z.object({
  complaintStages: z.array(z.object({
    name: line({ message: 'Name the stage' }).trim().min(2, 'Name the stage').max(60, 'Keep the stage name to 60 characters or fewer'),
    acknowledgeWorkingDays: workingDays('the time to acknowledge'),
    respondWorkingDays: workingDays('the time to respond'),
  })).min(1, 'A complaint has at least one stage').max(5, 'A complaint has at most five stages'),
  enquiryWorkingDays: workingDays('a member’s enquiry'),
  agencyFootageWorkingDays: workingDays('an agency’s footage request'),
  thirdPartyFootageWorkingDays: workingDays('a third party’s footage request'),
  viewingWorkingDays: workingDays('offering a viewing'),
}).meta({ id: 'ClockPolicy' });

export const RequestEvent = z.object({
  seq: z.number().int(), kind: z.string(), at: instant, by: PersonRef.nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).describe('What the step recorded: the note, the days, the statuses before and after'),
  correctsSeq: z.number().int().nullable(),
}).meta({ id: 'RequestEvent' });

export const PauseView = z.object({ id: z.uuid(), reason: PauseReason, from: z.string(), to: z.string().nullable() }).meta({ id: 'RequestPause' });

export const RequestDetail = RequestSummary.extend({
  channel: Channel,
  requester: Requester,
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  place: z.string(),
  timeFrom: instant.nullable(),
  timeTo: instant.nullable(),
  cameras: z.array(CameraRef),
  personDescription: z.string(),
  clothing: z.string(),
  authority: AgencyAuthority.nullable(),
  complaintStage: z.number().int(),
  stageReceivedOn: z.string(),
  isDataProtectionComplaint: z.boolean(),
  extensionReason: z.string(),
  extensionNotifiedOn: z.string().nullable(),
  outcome: z.string(),
  closedAt: instant.nullable(),
  pauses: z.array(PauseView),
  /** What the clock is worked out from, so the page can work it out again and show its working. */
  clockCase: z.object({ policy: ClockPolicy }),
  clockSteps: z.array(z.string()),
  extensionNoticeBy: z.string().nullable(),
  acknowledgeBy: z.string().nullable(),
  nextStatuses: z.array(Status),
  canStopClock: z.array(PauseReason),
  canExtend: z.boolean(),
  events: z.array(RequestEvent),
  version: z.number().int(),
}).meta({ id: 'RequestDetail' });
export type RequestDetail = z.infer<typeof RequestDetail>;

export const RequestsDashboard = z.object({
  overdue: z.array(RequestSummary),
  dueThisWeek: z.array(RequestSummary),
  paused: z.array(RequestSummary),
  openByType: z.array(z.object({ type: RequestType, open: z.number().int(), overdue: z.number().int() })),
}).meta({ id: 'RequestsDashboard' });
export type RequestsDashboard = z.infer<typeof RequestsDashboard>;

/** The calendar the clocks count on, as the web app needs it to work them out itself. */
export const CalendarData = z.object({
  imported: z.record(z.string(), z.array(z.object({ date: z.string(), title: z.string(), notes: z.string() }))),
  closures: z.array(z.object({ id: z.uuid(), day: z.string(), reason: z.string() })),
  cover: z.object({ from: z.string(), to: z.string() }),
}).meta({ id: 'CalendarData' });
export type CalendarData = z.infer<typeof CalendarData>;
