import { z } from 'zod';
import { codesOf } from '../labels';
import { line, text, calendarDay } from '../validation';
import { instant, paging, PersonRef } from '../primitives';
import { FPN_PAYMENT_STATES, GUARDIAN_UNDER } from './fpn/rules';
import { NotebookEntryPayload } from '../field/sync';

// Fixed penalty notices for people, the officer's notebook and prosecutions: the enforcement
// module's FPN contract, shared by the server and the web app.

export const FPN_STATUSES = {
  issued: 'Issued, awaiting payment', part_paid: 'Part-paid', paid: 'Paid',
  withdrawn: 'Withdrawn', prosecution: 'Passed for prosecution',
} as const;
export type FpnStatus = keyof typeof FPN_STATUSES;
export const FpnStatusCode = codesOf(FPN_STATUSES, 'Choose a status');
export const FpnPaymentStateCode = codesOf(FPN_PAYMENT_STATES);
export const FPN_SORTS = ['issued_desc', 'issued_asc', 'reference_desc', 'amount_desc'] as const;
export const FPN_PAYMENT_METHODS = { card: 'Card', online: 'Online', cash: 'Cash', cheque: 'Cheque', bank_transfer: 'Bank transfer' } as const;

const day = calendarDay;
const words = (what: string, min: number, max: number) =>
  text({ message: `Enter ${what}` }).trim().min(min, `Enter ${what} (at least ${min} characters)`).max(max, `Keep ${what} to ${max} characters or fewer`);

// ---- Reference data for the handheld ----

export const FpnOffenceRef = z.object({
  code: z.string(), name: z.string(), legislation: z.string(),
  amountPence: z.number().int(), earlyAmountPence: z.number().int().nullable(), earlyDays: z.number().int().nullable(),
}).meta({ id: 'FpnOffenceRef' });
export const FpnReference = z.object({
  offences: z.array(FpnOffenceRef).describe('The offences in force today, with their amounts'),
  youngestAge: z.number().int().describe('The youngest age the council issues an FPN to (never under 10)'),
  guardianUnder: z.literal(GUARDIAN_UNDER).describe('Below this age a parent or guardian must be recorded'),
}).meta({ id: 'FpnReference' });
export type FpnReference = z.infer<typeof FpnReference>;

// ---- The list ----

export const FpnsQuery = z.object({
  status: FpnStatusCode.optional(),
  offence: line().trim().max(40).optional(),
  officer: z.uuid({ message: 'Choose an officer' }).optional(),
  from: day('the first day issued').optional(),
  to: day('the last day issued').optional(),
  q: line().trim().max(200, 'Keep the search to 200 characters or fewer').optional(),
  sort: z.enum(FPN_SORTS, { message: 'Choose a sort order' }).default('issued_desc'),
  ...paging,
}).meta({ id: 'FpnsQuery' });
export type FpnsQuery = z.output<typeof FpnsQuery>;

export const FpnSummary = z.object({
  id: z.uuid(), reference: z.string(), status: FpnStatusCode, statusLabel: z.string(),
  paymentState: FpnPaymentStateCode, paymentStateLabel: z.string(),
  offence: z.object({ code: z.string(), name: z.string() }),
  offenderName: z.string(), place: z.string(), issuedAt: instant, issuedBy: PersonRef,
  amountPence: z.number().int(), paidPence: z.number().int(),
  prosecutionFrom: z.string().describe('The first day proceedings may start'),
}).meta({ id: 'FpnSummary' });
export type FpnSummary = z.infer<typeof FpnSummary>;
export const FpnList = z.object({ items: z.array(FpnSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'FpnList' });
export type FpnList = z.infer<typeof FpnList>;

// ---- The notebook ----

export const NotebookEntry = z.object({
  id: z.uuid(), number: z.number().int().describe('The officer’s running entry number'),
  officer: PersonRef, at: instant, recordedAt: instant, text: z.string(),
  correctsEntry: z.object({ id: z.uuid(), number: z.number().int() }).nullable(),
  correctedBy: z.array(z.object({ id: z.uuid(), number: z.number().int() })),
  fpn: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  pcnId: z.uuid().nullable(),
}).meta({ id: 'NotebookEntry' });
export type NotebookEntry = z.infer<typeof NotebookEntry>;
export const NotebookQuery = z.object({ officer: z.uuid({ message: 'Choose an officer' }).optional(), ...paging }).meta({ id: 'NotebookQuery' });
export const NotebookList = z.object({ officer: PersonRef, items: z.array(NotebookEntry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'NotebookList' });
export type NotebookList = z.infer<typeof NotebookList>;
export const AddNotebookEntry = NotebookEntryPayload;
export type AddNotebookEntry = z.output<typeof AddNotebookEntry>;

// ---- The notice ----

export const FpnEvent = z.object({
  seq: z.number().int(), kind: z.string(), kindLabel: z.string(), at: instant, by: PersonRef.nullable(),
  amountPence: z.number().int().nullable(), paidOn: z.string().nullable(), detail: z.string(),
}).meta({ id: 'FpnEvent' });

export const FpnPhoto = z.object({ id: z.uuid(), sha256: z.string(), contentType: z.string(), bytes: z.number().int(), takenBy: PersonRef, uploadedAt: instant, deviceId: z.uuid() }).meta({ id: 'FpnPhoto' });

export const FpnDetail = FpnSummary.extend({
  legislation: z.string(),
  offender: z.object({ name: z.string(), address: z.string(), postcode: z.string(), dateOfBirth: z.string().nullable(), ageAtOffence: z.number().int().nullable(), description: z.string(), identification: z.string(), guardian: z.string() }),
  point: z.object({ lat: z.number(), lon: z.number(), accuracyM: z.number().nullable() }),
  circumstances: z.string(), bodyWornVideoRef: z.string(), deviceId: z.uuid().nullable(), patrolId: z.uuid().nullable(),
  amounts: z.object({ amountPence: z.number().int(), earlyAmountPence: z.number().int().nullable(), earlyDays: z.number().int().nullable() }),
  periods: z.object({ noticeDay: z.string(), earlyPaymentBy: z.string().nullable(), paymentDueBy: z.string(), prosecutionFrom: z.string() }),
  payableNowPence: z.number().int().describe('What would settle it if paid today (0 once settled, withdrawn or prosecuted)'),
  outstandingPence: z.number().int(),
  withdrawnReason: z.string(), caseStatement: z.string(), escalatedAt: instant.nullable(),
  photos: z.array(FpnPhoto), notebook: z.array(NotebookEntry), events: z.array(FpnEvent),
  allowed: z.object({ payment: z.boolean(), withdraw: z.boolean(), prosecute: z.boolean() }).describe('The steps the notice allows today'),
}).meta({ id: 'FpnDetail' });
export type FpnDetail = z.infer<typeof FpnDetail>;

export const RecordFpnPayment = z.object({
  amountPence: z.number({ message: 'Enter the amount paid in pence' }).int('Enter a whole number of pence').min(1, 'Enter the amount paid').max(10_000_000, 'Enter the amount paid'),
  paidOn: day('the day it was paid'),
  method: codesOf(FPN_PAYMENT_METHODS, 'Choose how it was paid'),
  receipt: line().trim().max(100, 'Keep the receipt to 100 characters or fewer').default(''),
}).meta({ id: 'RecordFpnPayment' });
export type RecordFpnPayment = z.output<typeof RecordFpnPayment>;
export const WithdrawFpn = z.object({ reason: words('why the notice is withdrawn', 5, 2000) }).meta({ id: 'WithdrawFpn' });
export const ProsecuteFpn = z.object({
  statement: words('the officer’s statement', 20, 20_000).describe('The issuing officer’s witness statement for the case file'),
}).meta({ id: 'ProsecuteFpn' });
