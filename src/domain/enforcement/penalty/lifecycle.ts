import { addDays, addMonthsClamped, describeDay } from '../../calendar/days';
import { londonDayStart } from '../../calendar/london';

// The penalty-charge engine: the periods (uk-rules §6.2, §7.3, Appendix A: calendar days,
// "N days beginning with X" ends on X + N − 1), what is payable on a day, and the lifecycle after
// issue as a state machine over the notice's append-only steps. Pure: the server folds the stored
// steps through it, the web app shows what it says. One engine for parking and bus-lane PCNs.

/** reg 9: fixed to the vehicle or handed over by a civil enforcement officer; reg 10(2)(a): by post on camera evidence; reg 10(2)(b)/(c): by post after the officer was prevented or the vehicle drove away. */
export const NOTICE_KINDS = { reg9: 'On-street (regulation 9)', reg10_camera: 'Postal, camera (regulation 10(2)(a))', reg10_postal: 'Postal, officer prevented or vehicle driven away (regulation 10(2)(b), (c))' } as const;
export type NoticeKind = keyof typeof NOTICE_KINDS;

export const PENALTY_STATUSES = {
  issued: 'Issued', informal_challenge: 'Informal challenge', notice_to_owner: 'Notice to owner served',
  representations: 'Representations received', rejected: 'Notice of rejection served', appeal: 'Appeal lodged',
  appeal_dismissed: 'Appeal dismissed', charge_certificate: 'Charge certificate served', order_for_recovery: 'Order for recovery',
  warrant: 'Warrant of control', paid: 'Paid', cancelled: 'Cancelled', written_off: 'Written off',
} as const;
export type PenaltyStatus = keyof typeof PENALTY_STATUSES;
export const CLOSED_STATUSES: readonly PenaltyStatus[] = ['paid', 'cancelled', 'written_off'];

export const PENALTY_STEPS = {
  payment: 'Payment', informal_challenge: 'Informal challenge received', informal_decision: 'Informal challenge decided',
  notice_to_owner: 'Notice to owner served', representations: 'Formal representations received', representations_decision: 'Representations decided',
  deemed_accepted: 'Representations deemed accepted (not decided within 56 days)',
  appeal: 'Appeal lodged', appeal_decision: 'Appeal decided', charge_certificate: 'Charge certificate served',
  order_for_recovery: 'Order for recovery', warrant: 'Warrant of control', cancel: 'Cancelled', write_off: 'Written off',
} as const;
export type PenaltyStepKind = keyof typeof PENALTY_STEPS;

/** What the notice is: fixed at issue. Amounts are pence; days are London days YYYY-MM-DD. */
export interface PenaltyTerms {
  noticeKind: NoticeKind;
  contraventionDay: string;
  /** The day the notice was served (reg 9: the day it was fixed or handed over; reg 10: the day it was posted). */
  servedDay: string;
  amountPence: number;
  discountedPence: number;
  surchargePercent: number;
}

export type PenaltyStep =
  | { kind: 'payment'; day: string; amountPence: number }
  | { kind: 'informal_challenge'; day: string }
  | { kind: 'informal_decision'; day: string; accepted: boolean; reofferDiscount: boolean }
  | { kind: 'notice_to_owner'; day: string }
  | { kind: 'representations'; day: string }
  | { kind: 'representations_decision'; day: string; accepted: boolean }
  /** Recorded by the system, never a user: the first day after the last decision day. */
  | { kind: 'deemed_accepted'; day: string }
  | { kind: 'appeal'; day: string }
  | { kind: 'appeal_decision'; day: string; allowed: boolean }
  | { kind: 'charge_certificate'; day: string }
  | { kind: 'order_for_recovery'; day: string }
  | { kind: 'warrant'; day: string }
  | { kind: 'cancel'; day: string }
  | { kind: 'write_off'; day: string };

/** The last day of N days beginning with `day`. */
export const lastDayOf = (day: string, n: number) => addDays(day, n - 1);

export const discountDays = (kind: NoticeKind) => (kind === 'reg10_camera' ? 21 : 14);

/** The statutory periods that run from issue. */
export function issuePeriods(t: Pick<PenaltyTerms, 'noticeKind' | 'contraventionDay' | 'servedDay'>) {
  const paymentFrom = t.noticeKind === 'reg9' ? t.contraventionDay : t.servedDay;
  const paymentLastDay = lastDayOf(paymentFrom, 28);
  return {
    /** The last day the discount may be paid: 14 days beginning with service (21 for a camera PCN). */
    discountLastDay: lastDayOf(t.servedDay, discountDays(t.noticeKind)),
    /** 28 days beginning with the contravention (reg 9) or with service (reg 10). */
    paymentLastDay,
    /** reg 9: a notice to owner not before the 28-day period ends… */
    ntoFirstDay: t.noticeKind === 'reg9' ? addDays(paymentLastDay, 1) : null,
    /** …and not later than 6 months beginning with the contravention. */
    ntoLastDay: t.noticeKind === 'reg9' ? lastDayOfMonths(t.contraventionDay, 6) : null,
  };
}

/**
 * The last day of N months beginning with `day`: the day before the corresponding date
 * (15 January + 6 months: 14 July); where the month has no corresponding date, its last day
 * (31 August + 6 months: 28 February).
 */
export function lastDayOfMonths(day: string, months: number): string {
  const corresponding = addMonthsClamped(day, months);
  return corresponding.slice(8) === day.slice(8) ? addDays(corresponding, -1) : corresponding;
}

export const representationsLastDay = (enforcementNoticeDay: string) => lastDayOf(enforcementNoticeDay, 28);
/** The council decides within 56 days beginning with receipt, or the representations are deemed accepted. */
export const decisionLastDay = (receivedDay: string) => lastDayOf(receivedDay, 56);
/** The first day the representations are deemed accepted when undecided: the day after the last decision day. */
export const deemedAcceptedDay = (receivedDay: string) => addDays(decisionLastDay(receivedDay), 1);
/** The instant they are deemed accepted: 00:00 London time on that day (GMT or BST, whichever is in force then). */
export const deemedAcceptedAt = (receivedDay: string): Date => londonDayStart(deemedAcceptedDay(receivedDay))!;
export const appealLastDay = (rejectionDay: string) => lastDayOf(rejectionDay, 28);
export const chargeCertificatePayableLastDay = (ccDay: string) => lastDayOf(ccDay, 14);
export const orderForRecoveryLastDay = (ofrDay: string) => lastDayOf(ofrDay, 21);

export interface PenaltyState {
  status: PenaltyStatus;
  paidPence: number;
  /** The last day the discount may be paid (re-offered after an informal challenge, by council policy), or null once it cannot be. */
  discountLastDay: string | null;
  /** The day of the step the status came from. */
  since: string;
  /** The day the current representations were received, the notice of rejection served, the charge certificate served. */
  ntoDay: string | null; representationsDay: string | null; rejectionDay: string | null; dismissedDay: string | null;
  ccDay: string | null; ofrDay: string | null;
  paidAs: 'discount' | 'full' | 'charge_certificate' | null;
  /** What was paid and is to be refunded: the notice was cancelled because the representations were deemed accepted. */
  refundDuePence: number;
}

export class StepRefused extends Error {
  constructor(message: string, readonly path: string = 'day') { super(message); this.name = 'StepRefused'; }
}

export function initialState(t: PenaltyTerms): PenaltyState {
  return {
    status: 'issued', paidPence: 0, discountLastDay: issuePeriods(t).discountLastDay, since: t.servedDay,
    ntoDay: null, representationsDay: null, rejectionDay: null, dismissedDay: null, ccDay: null, ofrDay: null, paidAs: null, refundDuePence: 0,
  };
}

/** What is payable in all on a day (before what was paid): the discount within its period, the full charge, or the charge certificate's. */
export function payableOn(t: PenaltyTerms, s: PenaltyState, day: string): { amountPence: number; as: 'discount' | 'full' | 'charge_certificate' } {
  if (s.ccDay) return { amountPence: Math.round((t.amountPence * (100 + t.surchargePercent)) / 100), as: 'charge_certificate' };
  if (s.discountLastDay && day <= s.discountLastDay) return { amountPence: t.discountedPence, as: 'discount' };
  return { amountPence: t.amountPence, as: 'full' };
}

/** What is still owed on a day: nothing once paid, cancelled or written off. */
export function outstandingOn(t: PenaltyTerms, s: PenaltyState, day: string) {
  if (CLOSED_STATUSES.includes(s.status)) return { ...payableOn(t, s, day), outstandingPence: 0 };
  const p = payableOn(t, s, day);
  return { ...p, outstandingPence: Math.max(0, p.amountPence - s.paidPence) };
}

const pounds = (p: number) => `£${(p / 100).toFixed(2)}`;
const when = (d: string) => describeDay(d);

/** One step applied to the state, or StepRefused with what is wrong. Steps come in the order they happened. */
export function applyStep(t: PenaltyTerms, s: PenaltyState, step: PenaltyStep): PenaltyState {
  const is = (...ok: PenaltyStatus[]) => ok.includes(s.status);
  const status = PENALTY_STATUSES[s.status].toLowerCase();
  const refuse = (m: string, path = 'day'): never => { throw new StepRefused(m, path); };
  if (step.day < t.servedDay) refuse(`The ${PENALTY_STEPS[step.kind].toLowerCase()} cannot be before the notice was served (${when(t.servedDay)})`);
  if (step.day < s.since && step.kind !== 'payment') refuse(`This step cannot be dated before the last one (${when(s.since)})`);
  if (CLOSED_STATUSES.includes(s.status)) refuse(`This notice is ${status}: nothing more can be done on it`, 'kind');
  const next = (status: PenaltyStatus, over: Partial<PenaltyState> = {}): PenaltyState => ({ ...s, status, since: step.day, ...over });
  const p = issuePeriods(t);
  switch (step.kind) {
    case 'payment': {
      if (step.amountPence <= 0) refuse('Enter the amount paid', 'amountPence');
      const due = outstandingOn(t, s, step.day);
      if (step.amountPence > due.outstandingPence) refuse(`That is more than is owed on ${when(step.day)} (${pounds(due.outstandingPence)})`, 'amountPence');
      const paid = s.paidPence + step.amountPence;
      return paid >= due.amountPence ? { ...s, status: 'paid', paidPence: paid, paidAs: due.as, since: step.day } : { ...s, paidPence: paid };
    }
    case 'informal_challenge':
      if (t.noticeKind !== 'reg9') refuse('A postal notice is challenged by formal representations, not informally', 'kind');
      if (!is('issued')) refuse(`An informal challenge comes before the notice to owner; this notice is ${status}`, 'kind');
      return next('informal_challenge');
    case 'informal_decision':
      if (!is('informal_challenge')) refuse('There is no informal challenge to decide', 'kind');
      if (step.accepted) return next('cancelled');
      return next('issued', { discountLastDay: step.reofferDiscount ? lastDayOf(step.day, 14) : s.discountLastDay });
    case 'notice_to_owner':
      if (t.noticeKind !== 'reg9') refuse('A postal notice is itself the notice to owner', 'kind');
      if (!is('issued')) refuse(`A notice to owner follows an unpaid notice; this notice is ${status}`, 'kind');
      if (step.day < p.ntoFirstDay!) refuse(`A notice to owner may not be served before the 28-day payment period ends (${when(p.paymentLastDay)}): the first day is ${when(p.ntoFirstDay!)}`);
      if (step.day > p.ntoLastDay!) refuse(`A notice to owner may not be served later than 6 months beginning with the contravention (${when(p.ntoLastDay!)})`);
      return next('notice_to_owner', { ntoDay: step.day, discountLastDay: null });
    case 'representations': {
      const from = t.noticeKind === 'reg9' ? s.ntoDay : t.servedDay;
      if (t.noticeKind === 'reg9' ? !is('notice_to_owner') : !is('issued')) refuse(t.noticeKind === 'reg9' ? `Formal representations answer a notice to owner; this notice is ${status}` : `Formal representations answer the notice before a charge certificate; this notice is ${status}`, 'kind');
      if (step.day > representationsLastDay(from!)) refuse(`Representations must be made within 28 days beginning with ${when(from!)} (by ${when(representationsLastDay(from!))})`);
      return next('representations', { representationsDay: step.day });
    }
    case 'representations_decision':
      if (!is('representations')) refuse('There are no representations to decide', 'kind');
      if (step.accepted) return next('cancelled');
      if (step.day > decisionLastDay(s.representationsDay!)) refuse(`The decision was due by ${when(decisionLastDay(s.representationsDay!))} (56 days beginning with receipt): the representations are deemed accepted and the notice must be cancelled`, 'accepted');
      return next('rejected', { rejectionDay: step.day });
    case 'deemed_accepted':
      if (!is('representations')) refuse('There are no representations awaiting a decision', 'kind');
      if (step.day < deemedAcceptedDay(s.representationsDay!)) refuse(`The council may decide until ${when(decisionLastDay(s.representationsDay!))} (56 days beginning with receipt): the representations are deemed accepted only from ${when(deemedAcceptedDay(s.representationsDay!))}`);
      return next('cancelled', { refundDuePence: s.paidPence });
    case 'appeal':
      if (!is('rejected')) refuse(`An appeal follows a notice of rejection; this notice is ${status}`, 'kind');
      if (step.day > appealLastDay(s.rejectionDay!)) refuse(`An appeal must be lodged within 28 days beginning with the notice of rejection (by ${when(appealLastDay(s.rejectionDay!))}) unless the adjudicator extends the time`);
      return next('appeal');
    case 'appeal_decision':
      if (!is('appeal')) refuse('There is no appeal to decide', 'kind');
      return step.allowed ? next('cancelled') : next('appeal_dismissed', { dismissedDay: step.day });
    case 'charge_certificate': {
      const start = chargeCertificateFrom(t, s);
      if (!start) refuse(`A charge certificate follows an unpaid notice to owner, notice of rejection or dismissed appeal; this notice is ${status}`, 'kind');
      if (step.day < start!) refuse(`A charge certificate may not be served before ${when(start!)}`);
      return next('charge_certificate', { ccDay: step.day, discountLastDay: null });
    }
    case 'order_for_recovery':
      if (!is('charge_certificate')) refuse(`An order for recovery follows an unpaid charge certificate; this notice is ${status}`, 'kind');
      if (step.day <= chargeCertificatePayableLastDay(s.ccDay!)) refuse(`The charge certificate may be paid until ${when(chargeCertificatePayableLastDay(s.ccDay!))} (14 days): register the debt after that`);
      return next('order_for_recovery', { ofrDay: step.day });
    case 'warrant':
      if (!is('order_for_recovery')) refuse(`A warrant of control follows an order for recovery; this notice is ${status}`, 'kind');
      if (step.day <= orderForRecoveryLastDay(s.ofrDay!)) refuse(`The keeper has until ${when(orderForRecoveryLastDay(s.ofrDay!))} (21 days) to pay or file a statement`);
      return next('warrant');
    case 'cancel':
      return next('cancelled');
    case 'write_off':
      return next('written_off');
  }
}

/** The first day a charge certificate may be served, or null where the notice is not at that point. */
function chargeCertificateFrom(t: PenaltyTerms, s: PenaltyState): string | null {
  if (s.status === 'notice_to_owner') return addDays(representationsLastDay(s.ntoDay!), 1);
  if (s.status === 'issued' && t.noticeKind !== 'reg9') return addDays(issuePeriods(t).paymentLastDay, 1);
  if (s.status === 'rejected') return addDays(appealLastDay(s.rejectionDay!), 1);
  if (s.status === 'appeal_dismissed') return addDays(lastDayOf(s.dismissedDay!, 28), 1);
  return null;
}

export function fold(t: PenaltyTerms, steps: readonly PenaltyStep[]): PenaltyState {
  return steps.reduce((s, step) => applyStep(t, s, step), initialState(t));
}

export interface NextStep {
  step: PenaltyStepKind;
  label: string;
  /** The first day it may be taken (null: now). */
  fromDay: string | null;
  /** The last day it may be taken, or by which it is due (null: no statutory limit). */
  byDay: string | null;
  /** The worklist's word for it on the day asked. */
  due: boolean; overdue: boolean;
}

/** What comes next for the notice, and when: the worklist's row. Null once closed or with enforcement agents. */
export function nextStep(t: PenaltyTerms, s: PenaltyState, today: string): NextStep | null {
  const mk = (step: PenaltyStepKind, label: string, fromDay: string | null, byDay: string | null): NextStep =>
    ({ step, label, fromDay, byDay, due: fromDay === null || today >= fromDay, overdue: byDay !== null && today > byDay });
  const p = issuePeriods(t);
  switch (s.status) {
    case 'issued':
      return t.noticeKind === 'reg9'
        ? mk('notice_to_owner', 'Serve the notice to owner if still unpaid', p.ntoFirstDay, p.ntoLastDay)
        : mk('charge_certificate', 'Serve a charge certificate if unpaid and no representations', addDays(p.paymentLastDay, 1), null);
    case 'informal_challenge': return mk('informal_decision', 'Decide the informal challenge', null, null);
    case 'notice_to_owner': return mk('charge_certificate', 'Serve a charge certificate if unpaid and no representations', chargeCertificateFrom(t, s), null);
    case 'representations': return mk('representations_decision', 'Decide the representations (deemed accepted after 56 days)', null, decisionLastDay(s.representationsDay!));
    case 'rejected': return mk('charge_certificate', 'Serve a charge certificate if unpaid and no appeal', chargeCertificateFrom(t, s), null);
    case 'appeal': return mk('appeal_decision', 'Record the adjudicator’s decision', null, null);
    case 'appeal_dismissed': return mk('charge_certificate', 'Serve a charge certificate if unpaid', chargeCertificateFrom(t, s), null);
    case 'charge_certificate': return mk('order_for_recovery', 'Register the debt at the Traffic Enforcement Centre (order for recovery)', addDays(chargeCertificatePayableLastDay(s.ccDay!), 1), null);
    case 'order_for_recovery': return mk('warrant', 'Request a warrant of control', addDays(orderForRecoveryLastDay(s.ofrDay!), 1), null);
    default: return null;
  }
}
