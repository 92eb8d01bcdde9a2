import { z } from 'zod';
import { line, text, calendarDay } from '../validation';
import { instant, paging, PersonRef } from '../primitives';
import { AREA_KINDS, CHARGE_BANDS, CHARGE_LEVELS, REGIMES } from './penalty/reference';
import { NOTICE_KINDS, PENALTY_STATUSES, PENALTY_STEPS } from './penalty/lifecycle';

// The parking PCNs part of the enforcement contract: the reference data the handheld caches, the
// register of PCNs after issue with its filters, a PCN with its lifecycle, the lifecycle's steps.

export { PENALTY_STATUSES, PENALTY_STEPS, NOTICE_KINDS, CHARGE_BANDS, CHARGE_LEVELS };
const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const PcnStatus = z.enum(keys(PENALTY_STATUSES));
export type PcnStatus = z.infer<typeof PcnStatus>;
export const PcnStepKind = z.enum(keys(PENALTY_STEPS));
export const PcnLevel = z.enum(keys(CHARGE_LEVELS));
export const PCN_SORTS = ['issued_desc', 'issued_asc', 'number_asc', 'next_by_asc'] as const;

const day = calendarDay;
const note = text().trim().max(4000, 'Keep the note to 4000 characters or fewer').default('');

// ---- Reference data, as in force today (the handheld caches it) ----

export const PcnReference = z.object({
  areas: z.array(z.object({ id: z.uuid(), name: z.string(), regime: z.enum(AREA_KINDS).describe('England outside London, or London'), band: z.enum(keys(CHARGE_BANDS)) })),
  codes: z.array(z.object({
    code: z.string(), description: z.string(), level: PcnLevel,
    observationMinutes: z.number().int().describe('Local policy: minutes watched before issuing'),
    graceApplies: z.boolean().describe('The 10-minute grace period applies on top of the observation'),
  })),
  charges: z.array(z.object({ areaId: z.uuid(), level: PcnLevel, amountPence: z.number().int(), discountPence: z.number().int().describe('The amount payable at the discount') })),
}).meta({ id: 'PcnReference' });
export type PcnReference = z.infer<typeof PcnReference>;

// ---- The register ----

export const PcnsQuery = z.object({
  status: PcnStatus.optional(),
  code: line().trim().toUpperCase().max(3).optional(),
  areaId: z.uuid().optional(),
  officerId: z.uuid().optional(),
  from: day('the first day issued').optional(),
  to: day('the last day issued').optional(),
  vrm: line().trim().max(10).optional().describe('Registration, spaces ignored'),
  sort: z.enum(PCN_SORTS).default('issued_desc'),
  ...paging,
}).meta({ id: 'PcnsQuery' });
export type PcnsQuery = z.infer<typeof PcnsQuery>;

export const PcnNextStep = z.object({
  step: PcnStepKind, label: z.string(),
  fromDay: z.string().nullable().describe('The first day it may be taken (null: now)'),
  byDay: z.string().nullable().describe('The last day, where the law sets one'),
  due: z.boolean(), overdue: z.boolean(),
}).meta({ id: 'PcnNextStep' });
export type PcnNextStep = z.infer<typeof PcnNextStep>;

export const PcnSummary = z.object({
  id: z.uuid(), number: z.string(), vrm: z.string(),
  code: z.string(), codeDescription: z.string(), level: PcnLevel,
  area: z.object({ id: z.uuid(), name: z.string() }),
  street: z.string(), issuedAt: instant, issuedBy: PersonRef,
  status: PcnStatus, statusLabel: z.string(),
  amountPence: z.number().int().describe('The full charge as at issue'),
  payableNowPence: z.number().int().describe('What is payable today in all: discount, full or charge certificate'),
  outstandingPence: z.number().int(),
  nextStep: PcnNextStep.nullable(),
}).meta({ id: 'PcnSummary' });
export type PcnSummary = z.infer<typeof PcnSummary>;

export const PcnList = z.object({ items: z.array(PcnSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'PcnList' });
export type PcnList = z.infer<typeof PcnList>;

export const PcnEvent = z.object({
  id: z.uuid(), seq: z.number().int(), kind: z.enum(['issued', ...keys(PENALTY_STEPS)]), label: z.string(), day: z.string(),
  amountPence: z.number().int().nullable(), outcome: z.string().nullable(), reofferDiscount: z.boolean().nullable(), method: z.string(), note: z.string(),
  at: instant, by: PersonRef.nullable(),
}).meta({ id: 'PcnEvent' });

export const PcnDetail = PcnSummary.extend({
  noticeKind: z.enum(keys(NOTICE_KINDS)), noticeKindLabel: z.string(),
  discountedPence: z.number().int(), surchargePercent: z.number().int(),
  vehicle: z.object({ make: z.string(), model: z.string(), colour: z.string(), permitSeen: z.string() }),
  point: z.object({ lat: z.number(), lon: z.number(), accuracyM: z.number().nullable() }),
  locationDetail: z.string(), observedFrom: instant, observedTo: instant, served: z.enum(['affixed', 'handed', 'drive_away']),
  deviceId: z.uuid(), patrolId: z.uuid().nullable(), notes: z.string(),
  contraventionDay: z.string(), servedDay: z.string(),
  periods: z.object({
    discountLastDay: z.string().nullable().describe('The last day the discount may be paid now (re-offered or not), null once gone'),
    paymentLastDay: z.string(), ntoFirstDay: z.string().nullable(), ntoLastDay: z.string().nullable(),
  }),
  payableNow: z.object({ amountPence: z.number().int(), as: z.enum(['discount', 'full', 'charge_certificate']), paidPence: z.number().int(), outstandingPence: z.number().int() }),
  refundDuePence: z.number().int().describe('What was paid and is to be refunded: the representations were deemed accepted (not decided within 56 days)'),
  photoIds: z.array(z.uuid()),
  events: z.array(PcnEvent),
}).meta({ id: 'PcnDetail' });
export type PcnDetail = z.infer<typeof PcnDetail>;

export const PcnWorklist = z.object({ items: z.array(PcnSummary), today: z.string() }).meta({ id: 'PcnWorklist' });
export const PcnWorklistQuery = z.object({
  step: PcnStepKind.optional(),
  withinDays: z.coerce.number().int().min(0).max(365).default(14).describe('Also steps that fall due, or whose last day falls, within this many days'),
}).meta({ id: 'PcnWorklistQuery' });
export type PcnWorklistQuery = z.infer<typeof PcnWorklistQuery>;

// ---- Steps ----

const stepDay = day('the day it happened (served, received or decided)');
export const PcnStepInput = z.object({ day: stepDay, note }).meta({ id: 'PcnStepInput' });
export const PcnPaymentInput = z.object({
  day: stepDay,
  amountPence: z.number({ message: 'Enter the amount paid in pence' }).int('Enter the amount in whole pence').min(1, 'Enter the amount paid').max(10_000_000, 'Enter at most £100,000'),
  method: line().trim().max(100, 'Keep the method to 100 characters or fewer').default(''),
  note,
}).meta({ id: 'PcnPaymentInput' });
export const PcnInformalDecisionInput = z.object({
  day: stepDay, outcome: z.enum(['accepted', 'rejected'], { message: 'Choose accepted or rejected' }),
  reofferDiscount: z.boolean().default(false).describe('Council policy: the discount offered again for 14 days beginning with the rejection'), note,
}).meta({ id: 'PcnInformalDecisionInput' });
export const PcnDecisionInput = z.object({ day: stepDay, outcome: z.enum(['accepted', 'rejected'], { message: 'Choose accepted or rejected' }), note }).meta({ id: 'PcnDecisionInput' });
export const PcnAppealDecisionInput = z.object({ day: stepDay, outcome: z.enum(['allowed', 'dismissed'], { message: 'Choose allowed or dismissed' }), note }).meta({ id: 'PcnAppealDecisionInput' });
export const PcnCloseInput = z.object({ day: stepDay, note: text({ message: 'Enter the reason' }).trim().min(3, 'Enter the reason (at least 3 characters)').max(4000) }).meta({ id: 'PcnCloseInput' });

export type PcnStepInput = z.infer<typeof PcnStepInput>;
export type PcnPaymentInput = z.infer<typeof PcnPaymentInput>;

export const formatPounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;
