import { z } from 'zod';
import { codesOf } from '../labels';
import { isValidDay } from '../calendar/london';
import { dateTime, line, text } from '../validation';
import { instant, paging, PersonRef } from '../primitives';

// The calls part of the out-of-hours contract (see contract.ts): the call categories with their
// priorities and the response each needs, the on-call rota, and the call log with its steps.

export const OOH_CALL_STATUSES = {
  open: 'Open', awaiting_ack: 'Awaiting acknowledgement', referred: 'Referred and acknowledged',
  downgraded: 'Downgraded to the day service', closed: 'Closed with advice', fault_raised: 'Maintenance fault raised',
} as const;
export type OohCallStatus = keyof typeof OOH_CALL_STATUSES;
/** The statuses of a call the out-of-hours service still has in hand. */
export const OOH_OPEN_STATUSES: readonly OohCallStatus[] = ['open', 'awaiting_ack', 'referred'];
export const OOH_CALL_SORTS = ['received_desc', 'received_asc', 'response_asc', 'reference_desc'] as const;

export const formatOohCallReference = (year: number, n: number) => `OOH-${year}-${String(n).padStart(6, '0')}`;

const oneLine = (what: string, max: number) => line({ message: `Enter ${what}` }).trim().max(max, `Keep ${what} to ${max} characters or fewer`);
const words = (what: string, { min = 3, max = 4000 }: { min?: number; max?: number } = {}) =>
  text({ message: `Enter ${what}` }).trim().min(min, `Enter ${what} (at least ${min} characters)`).max(max, `Keep ${what} to ${max} characters or fewer`);
const optionalNote = text().trim().max(4000, 'Keep the note to 4000 characters or fewer').default('');
const day = (what: string) => z.string({ message: `Enter ${what}` }).refine(isValidDay, `Enter ${what} as a real date, YYYY-MM-DD`).meta({ format: 'date' });

// ---- Categories, priorities, duties ----

export const OohResponse = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('within'), minutes: z.number({ message: 'Enter the response time in minutes' }).int('Enter a whole number of minutes').min(5, 'A response time is at least 5 minutes').max(7 * 24 * 60, 'A response time is at most 7 days') }),
  z.object({ kind: z.literal('next_working_day') }),
], { message: 'Choose the response needed' }).meta({ id: 'OohResponse' });

export const OohPriorityInput = z.object({
  key: z.string({ message: 'Enter the priority’s code' }).regex(/^[a-z][a-z0-9_]{1,30}$/, 'Enter the priority’s code in lower-case letters, digits and _'),
  name: oneLine('the priority’s name', 100).min(2, 'Enter the priority’s name'),
  response: OohResponse,
}).meta({ id: 'OohPriorityInput' });

export const OohPriority = OohPriorityInput.extend({ responseLabel: z.string().describe('What the response needs, in words') }).meta({ id: 'OohPriority' });

export const OohDuty = z.object({ id: z.uuid(), key: z.string(), name: z.string().describe('The rota duty, e.g. Duty social worker') }).meta({ id: 'OohDuty' });

export const OohCategory = z.object({
  id: z.uuid(), key: z.string(), name: z.string(),
  duty: OohDuty.nullable().describe('Who on the rota calls of this category are referred to'),
  ackMinutes: z.number().int().describe('Minutes the on-call person has to acknowledge before the call is referred up the rota'),
  priorities: z.array(OohPriority),
  becomesFault: z.boolean().describe('Calls of this category become a maintenance fault'),
  isActive: z.boolean(), version: z.number().int(),
}).meta({ id: 'OohCategory' });
export type OohCategory = z.infer<typeof OohCategory>;

export const OohCallSettings = z.object({ categories: z.array(OohCategory), duties: z.array(OohDuty) }).meta({ id: 'OohCallSettings' });

export const SaveOohCategory = z.object({
  name: oneLine('the category’s name', 100).min(2, 'Enter the category’s name'),
  dutyId: z.uuid({ message: 'Choose the rota duty calls are referred to' }).nullable(),
  ackMinutes: z.number({ message: 'Enter the minutes allowed to acknowledge' }).int('Enter a whole number of minutes').min(1, 'Allow at least 1 minute to acknowledge').max(240, 'Allow at most 240 minutes to acknowledge'),
  priorities: z.array(OohPriorityInput).min(1, 'Give the category at least one priority').max(6, 'A category has at most six priorities')
    .refine((ps) => new Set(ps.map((p) => p.key)).size === ps.length, 'Give each priority its own code'),
  becomesFault: z.boolean().default(false),
  isActive: z.boolean().default(true),
}).meta({ id: 'SaveOohCategory' });
export type SaveOohCategory = z.output<typeof SaveOohCategory>;

export const AddOohCategory = SaveOohCategory.extend({
  key: z.string({ message: 'Enter the category’s code' }).regex(/^[a-z][a-z0-9_]{1,40}$/, 'Enter the category’s code in lower-case letters, digits and _'),
}).meta({ id: 'AddOohCategory' });
export type AddOohCategory = z.output<typeof AddOohCategory>;

// ---- The rota ----

export const OohRotaEntry = z.object({
  id: z.uuid(), duty: OohDuty, level: z.number().int(), levelName: z.string().describe('First on call, Second on call, Manager…'),
  user: PersonRef.nullable().describe('The council user on call, when it is one'),
  personName: z.string(), phone: z.string(), startsAt: instant, endsAt: instant, note: z.string(),
}).meta({ id: 'OohRotaEntry' });
export type OohRotaEntry = z.infer<typeof OohRotaEntry>;

export const OohRotaQuery = z.object({
  from: day('the first day').optional(), to: day('the last day').optional(),
  dutyId: z.uuid({ message: 'Choose a duty' }).optional(),
}).meta({ id: 'OohRotaQuery' });
export type OohRotaQuery = z.output<typeof OohRotaQuery>;

export const OohOnCall = z.object({ duty: OohDuty, order: z.array(OohRotaEntry).describe('Who is on call now, lowest level first: the order of escalation') }).meta({ id: 'OohOnCall' });
export const OohRota = z.object({
  entries: z.array(OohRotaEntry), duties: z.array(OohDuty), onCallNow: z.array(OohOnCall),
  people: z.array(PersonRef).describe('Council users who may be put on the rota'),
}).meta({ id: 'OohRota' });

export const AddOohRotaEntry = z.object({
  dutyId: z.uuid({ message: 'Choose the duty' }),
  level: z.number({ message: 'Choose the level' }).int().min(1, 'Choose the level').max(5, 'Choose the level'),
  userId: z.uuid({ message: 'Choose the council user' }).optional(),
  personName: oneLine('the person’s name', 200).default(''),
  phone: oneLine('the telephone number', 40).default(''),
  startsAt: dateTime({ message: 'Enter when the shift starts' }),
  endsAt: dateTime({ message: 'Enter when the shift ends' }),
  note: oneLine('the note', 500).default(''),
}).superRefine((v, ctx) => {
  if (!v.userId && v.personName.length < 2) ctx.addIssue({ code: 'custom', path: ['personName'], message: 'Choose a council user or enter the person’s name' });
  if (!v.userId && !v.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter the telephone number of someone outside the council' });
  if (v.endsAt <= v.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The shift must end after it starts' });
  else if (v.endsAt.getTime() - v.startsAt.getTime() > 31 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'A shift is at most 31 days long' });
}).meta({ id: 'AddOohRotaEntry' });
export type AddOohRotaEntry = z.output<typeof AddOohRotaEntry>;

export const RemoveOohRotaEntry = z.object({ reason: words('why the shift is taken off the rota') }).meta({ id: 'RemoveOohRotaEntry' });

// ---- Calls ----

export const OohCallStatusCode = codesOf(OOH_CALL_STATUSES, 'Choose a status');

export const TakeOohCall = z.object({
  receivedAt: dateTime({ message: 'Enter when the call was received' }).optional().describe('Now when left out; not in the future'),
  callerName: oneLine('the caller’s name', 200).min(1, 'Enter the caller’s name (or “Anonymous”)'),
  callbackNumber: oneLine('the callback number', 40).default(''),
  address: words('the address or place', { min: 2, max: 500 }),
  lat: z.number({ message: 'Enter the latitude as a number' }).min(-90, 'Enter a latitude from -90 to 90').max(90, 'Enter a latitude from -90 to 90').optional(),
  lon: z.number({ message: 'Enter the longitude as a number' }).min(-180, 'Enter a longitude from -180 to 180').max(180, 'Enter a longitude from -180 to 180').optional(),
  categoryId: z.uuid({ message: 'Choose the category' }),
  priorityKey: z.string({ message: 'Choose the priority' }).min(1, 'Choose the priority').max(40, 'Choose the priority'),
  description: words('what the caller reports'),
  vulnerable: z.boolean().default(false).describe('THRIVE: the caller or someone else is vulnerable'),
  vulnerability: text().trim().max(1000, 'Keep the vulnerability note to 1000 characters or fewer').default(''),
}).superRefine((v, ctx) => {
  if ((v.lat === undefined) !== (v.lon === undefined)) ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'lon'], message: 'Enter both latitude and longitude, or neither' });
}).meta({ id: 'TakeOohCall' });
export type TakeOohCall = z.output<typeof TakeOohCall>;

export const OohCallsQuery = z.object({
  status: OohCallStatusCode.optional(),
  categoryId: z.uuid({ message: 'Choose a category' }).optional(),
  priorityKey: oneLine('the priority', 40).optional(),
  from: day('the first day received').optional(),
  to: day('the last day received').optional(),
  q: oneLine('the search', 200).optional(),
  sort: z.enum(OOH_CALL_SORTS, { message: 'Choose a sort order' }).default('received_desc'),
  ...paging,
}).meta({ id: 'OohCallsQuery' });
export type OohCallsQuery = z.output<typeof OohCallsQuery>;

export const OohDowngradedQuery = z.object({ from: day('the first day received'), to: day('the last day received') }).meta({ id: 'OohDowngradedQuery' });

const Referral = z.object({
  level: z.number().int(), levelName: z.string(), name: z.string(), phone: z.string(),
  referredAt: instant, ackDueAt: instant, acknowledgedAt: instant.nullable(),
}).meta({ id: 'OohReferral' });

export const OohCallSummary = z.object({
  id: z.uuid(), reference: z.string().describe('OOH-YYYY-NNNNNN'), receivedAt: instant,
  callerName: z.string(), address: z.string(),
  category: z.object({ id: z.uuid(), name: z.string() }), priority: z.object({ key: z.string(), name: z.string() }),
  responseBy: instant, responseLabel: z.string(),
  status: OohCallStatusCode, statusLabel: z.string(),
  referral: Referral.nullable(),
  ackOverdue: z.boolean().describe('Referred and not acknowledged in the time allowed'),
  responseOverdue: z.boolean().describe('Still open after its response time'),
  reReferrals: z.number().int().describe('Times referred up the rota for want of an acknowledgement'),
  rotaExhausted: z.boolean().describe('Nobody higher on the rota was left to refer it to'),
  vulnerable: z.boolean(),
}).meta({ id: 'OohCallSummary' });
export type OohCallSummary = z.infer<typeof OohCallSummary>;

export const OohCallList = z.object({ items: z.array(OohCallSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'OohCallList' });

export const OohCallEvent = z.object({
  seq: z.number().int(), kind: z.string(), at: instant, by: z.string().nullable().describe('Who recorded it; null for the system'),
  text: z.string().describe('What happened, in words'),
}).meta({ id: 'OohCallEvent' });

export const OohCallDetail = OohCallSummary.extend({
  callbackNumber: z.string(), lat: z.number().nullable(), lon: z.number().nullable(),
  description: z.string(), vulnerability: z.string(), takenBy: z.string().nullable(),
  dutyName: z.string().nullable(), ackMinutes: z.number().int(), becomesFault: z.boolean(),
  fault: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  outcomeNote: z.string(), closedAt: instant.nullable(),
  events: z.array(OohCallEvent),
  onCallNow: z.array(OohRotaEntry).describe('Who is on call now for the category’s duty, lowest level first'),
  can: z.object({ refer: z.boolean(), acknowledge: z.boolean(), downgrade: z.boolean(), close: z.boolean(), raiseFault: z.boolean() }),
}).meta({ id: 'OohCallDetail' });
export type OohCallDetail = z.infer<typeof OohCallDetail>;

export const ReferOohCall = z.object({ note: optionalNote }).meta({ id: 'ReferOohCall' });
export const AcknowledgeOohCall = z.object({
  acknowledgedAt: dateTime({ message: 'Enter when they acknowledged' }).optional().describe('Now when left out'),
  note: optionalNote,
}).meta({ id: 'AcknowledgeOohCall' });
export const DowngradeOohCall = z.object({ reason: words('why it can wait for the day service') }).meta({ id: 'DowngradeOohCall' });
export const CloseOohCall = z.object({ advice: words('the advice given') }).meta({ id: 'CloseOohCall' });
export const RaiseOohCallFault = z.object({
  target: z.enum(['camera', 'equipment'], { message: 'Choose camera or control-room equipment' }),
  cameraId: z.uuid({ message: 'Choose the camera from the register' }).optional(),
  equipmentId: z.uuid({ message: 'Choose the equipment from the list' }).optional(),
}).superRefine((f, ctx) => {
  if (f.target === 'camera' && !f.cameraId) ctx.addIssue({ code: 'custom', path: ['cameraId'], message: 'Choose the camera from the register' });
  if (f.target === 'equipment' && !f.equipmentId) ctx.addIssue({ code: 'custom', path: ['equipmentId'], message: 'Choose the equipment from the list' });
}).meta({ id: 'RaiseOohCallFault' });
