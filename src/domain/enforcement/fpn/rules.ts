import { addDays } from '../../calendar/days';

// Fixed penalty notices for people: the law's caps by date (uk-rules §8), the council's dated
// offences and policy, the periods after a notice (Appendix A fpn_periods), the offender's age and
// what a payment settles. Pure: days are London days written YYYY-MM-DD, money integer pence.

export const FPN_OFFENCE_KINDS = {
  littering: 'Littering (EPA 1990 s.87/s.88)',
  pspo: 'Breach of a public spaces protection order (ASBCPA 2014 s.67/s.68)',
  cpn: 'Breach of a community protection notice (ASBCPA 2014 s.48/s.52)',
  graffiti: 'Graffiti (ASBA 2003 s.43)',
  fly_posting: 'Fly-posting (ASBA 2003 s.43; TCPA 1990 s.224)',
} as const;
export type FpnOffenceKind = keyof typeof FPN_OFFENCE_KINDS;

/** What the law allows for an offence kind on a day. */
export interface FpnLaw {
  kind: FpnOffenceKind;
  /** The council may set an amount from min to max; null where the law sets no minimum. */
  minPence: number | null;
  maxPence: number;
  /** The amount where the council has set none (littering only). */
  defaultPence: number | null;
  /** The least a lesser (early-payment) amount may be, where the law sets one. */
  minEarlyPence: number | null;
  /** The longest early-payment period, in days; ASBCPA: "less than 14 days", so 13. */
  maxEarlyDays: number | null;
  legislation: string;
}

/** The law's caps from the day each came into force, newest last (uk-rules §8.1, §8.2). */
const LAW: readonly (FpnLaw & { from: string })[] = [
  // EPA 1990 s.88 and the Environmental Offences (Fixed Penalties) (England) Regulations 2017: £65–£150, default £100, lesser at least £50.
  { kind: 'littering', from: '2018-04-01', minPence: 6500, maxPence: 15000, defaultPence: 10000, minEarlyPence: 5000, maxEarlyDays: null, legislation: 'Environmental Protection Act 1990, s.87 (offence) and s.88 (fixed penalty notice)' },
  // Maximum raised to £500 from 31 July 2023.
  { kind: 'littering', from: '2023-07-31', minPence: 6500, maxPence: 50000, defaultPence: 10000, minEarlyPence: 5000, maxEarlyDays: null, legislation: 'Environmental Protection Act 1990, s.87 (offence) and s.88 (fixed penalty notice)' },
  { kind: 'pspo', from: '2014-10-20', minPence: null, maxPence: 10000, defaultPence: null, minEarlyPence: null, maxEarlyDays: 13, legislation: 'Anti-social Behaviour, Crime and Policing Act 2014, s.67 (breach of a PSPO) and s.68 (fixed penalty notice)' },
  { kind: 'cpn', from: '2014-10-20', minPence: null, maxPence: 10000, defaultPence: null, minEarlyPence: null, maxEarlyDays: 13, legislation: 'Anti-social Behaviour, Crime and Policing Act 2014, s.48 (breach of a CPN) and s.52 (fixed penalty notice)' },
  { kind: 'graffiti', from: '2018-04-01', minPence: null, maxPence: 15000, defaultPence: null, minEarlyPence: null, maxEarlyDays: null, legislation: 'Anti-social Behaviour Act 2003, s.43 (penalty notice for graffiti)' },
  { kind: 'graffiti', from: '2023-07-31', minPence: null, maxPence: 50000, defaultPence: null, minEarlyPence: null, maxEarlyDays: null, legislation: 'Anti-social Behaviour Act 2003, s.43 (penalty notice for graffiti)' },
  { kind: 'fly_posting', from: '2018-04-01', minPence: null, maxPence: 15000, defaultPence: null, minEarlyPence: null, maxEarlyDays: null, legislation: 'Anti-social Behaviour Act 2003, s.43 (penalty notice for fly-posting); Town and Country Planning Act 1990, s.224' },
  { kind: 'fly_posting', from: '2023-07-31', minPence: null, maxPence: 50000, defaultPence: null, minEarlyPence: null, maxEarlyDays: null, legislation: 'Anti-social Behaviour Act 2003, s.43 (penalty notice for fly-posting); Town and Country Planning Act 1990, s.224' },
];

/** The law in force for an offence kind on a day; undefined before any power to issue existed. */
export function lawOn(kind: FpnOffenceKind, day: string): FpnLaw | undefined {
  let found: (FpnLaw & { from: string }) | undefined;
  for (const l of LAW) if (l.kind === kind && l.from <= day) found = l;
  if (!found) return undefined;
  const { from: _from, ...law } = found;
  return law;
}

/** One dated version of a council's offence, as its reference data holds it. */
export interface FpnOffenceVersion {
  code: string;
  name: string;
  kind: FpnOffenceKind;
  legislation: string;
  /** Null: the council sets none (littering: the law's default applies). */
  amountPence: number | null;
  earlyAmountPence: number | null;
  earlyDays: number | null;
  effectiveFrom: string;
  /** The last day it applies; null while in force. */
  effectiveTo: string | null;
}

export interface FieldProblem { path: string; message: string }

const pounds = (p: number) => `£${(p / 100).toFixed(p % 100 ? 2 : 0)}`;

/**
 * What is wrong with an offence version against the law on each day it would apply (its first day,
 * and 31 July 2023 where it spans that change): amount within the range, the lesser amount below
 * the full one and above the law's least, the early period shorter than 14 days (ASBCPA).
 */
export function offenceProblems(o: FpnOffenceVersion): FieldProblem[] {
  const days = [o.effectiveFrom, ...LAW.map((l) => l.from).filter((d) => d > o.effectiveFrom && (o.effectiveTo === null || d <= o.effectiveTo))];
  const problems: FieldProblem[] = [];
  const add = (p: FieldProblem) => { if (!problems.some((q) => q.path === p.path)) problems.push(p); };
  if (o.effectiveTo !== null && o.effectiveTo < o.effectiveFrom) add({ path: 'effectiveTo', message: 'The last day must be on or after the first day' });
  if ((o.earlyAmountPence === null) !== (o.earlyDays === null)) add({ path: o.earlyDays === null ? 'earlyDays' : 'earlyAmountPence', message: 'Give both the early-payment amount and its period, or neither' });
  for (const day of [...new Set(days)]) {
    const law = lawOn(o.kind, day);
    if (!law) { add({ path: 'effectiveFrom', message: `There was no power to issue this kind of fixed penalty on ${day}` }); continue; }
    const amount = o.amountPence ?? law.defaultPence;
    if (amount === null) { add({ path: 'amountPence', message: 'Enter the amount: the law sets no default for this offence' }); continue; }
    if (amount > law.maxPence) add({ path: 'amountPence', message: `The amount may be at most ${pounds(law.maxPence)} on ${day}` });
    if (law.minPence !== null && amount < law.minPence) add({ path: 'amountPence', message: `The amount must be at least ${pounds(law.minPence)}` });
    if (o.earlyAmountPence !== null) {
      if (o.earlyAmountPence >= amount) add({ path: 'earlyAmountPence', message: 'The early-payment amount must be less than the full amount' });
      if (law.minEarlyPence !== null && o.earlyAmountPence < law.minEarlyPence) add({ path: 'earlyAmountPence', message: `The early-payment amount must be at least ${pounds(law.minEarlyPence)}` });
    }
    if (o.earlyDays !== null) {
      if (o.earlyDays < 1) add({ path: 'earlyDays', message: 'The early-payment period is at least 1 day' });
      if (law.maxEarlyDays !== null && o.earlyDays > law.maxEarlyDays) add({ path: 'earlyDays', message: 'The early-payment period must be less than 14 days' });
      else if (o.earlyDays > 14) add({ path: 'earlyDays', message: 'The early-payment period must end within the 14 days to pay' });
    }
  }
  return problems;
}

/** The version of an offence in force on a day, from its dated versions. */
export function offenceOn<V extends FpnOffenceVersion>(versions: readonly V[], code: string, day: string): V | undefined {
  return versions.filter((v) => v.code === code && v.effectiveFrom <= day && (v.effectiveTo === null || v.effectiveTo >= day))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}

export interface FpnAmounts {
  amountPence: number;
  earlyAmountPence: number | null;
  earlyDays: number | null;
  legislation: string;
}

/** The amounts a notice issued on `day` for this offence states (the law's default where the council set none). */
export function amountsFor(offence: FpnOffenceVersion, day: string): FpnAmounts {
  const law = lawOn(offence.kind, day);
  const amount = offence.amountPence ?? law?.defaultPence;
  if (amount === null || amount === undefined) throw new RangeError(`No amount for ${offence.code} on ${day}`);
  return { amountPence: amount, earlyAmountPence: offence.earlyAmountPence, earlyDays: offence.earlyDays, legislation: offence.legislation };
}

export interface FpnPeriods {
  noticeDay: string;
  /** The last day the lesser amount is accepted; null where none is offered. */
  earlyPaymentBy: string | null;
  /** The last of the 14 days following the notice: payment due by then. */
  paymentDueBy: string;
  /** No proceedings until the end of the 14 days following the date of the notice: the first day they may start. */
  prosecutionFrom: string;
}

/** EPA s.88(2) / ASBCPA s.68, s.52: the 14 days run from the day after the notice. */
export function fpnPeriods(noticeDay: string, earlyDays: number | null = null): FpnPeriods {
  return {
    noticeDay,
    earlyPaymentBy: earlyDays === null ? null : addDays(noticeDay, earlyDays),
    paymentDueBy: addDays(noticeDay, 14),
    prosecutionFrom: addDays(noticeDay, 15),
  };
}

/** What settles the notice if paid on `day`: the lesser amount within its period, the full amount otherwise. */
export function amountPayableOn(amounts: Pick<FpnAmounts, 'amountPence' | 'earlyAmountPence'>, periods: FpnPeriods, day: string): number {
  return amounts.earlyAmountPence !== null && periods.earlyPaymentBy !== null && day <= periods.earlyPaymentBy ? amounts.earlyAmountPence : amounts.amountPence;
}

export const FPN_PAYMENT_STATES = {
  unpaid: 'Unpaid, within the 14 days',
  part_paid: 'Part-paid',
  paid_early: 'Paid early (lesser amount)',
  paid_in_full: 'Paid in full',
  overdue: 'Unpaid after the 14 days: may be prosecuted',
} as const;
export type FpnPaymentState = keyof typeof FPN_PAYMENT_STATES;

export interface FpnPayment { paidOn: string; amountPence: number }

export interface FpnPaymentPosition {
  state: FpnPaymentState;
  paidPence: number;
  /** What is still owed if paid on `today` (0 once settled). */
  outstandingPence: number;
  /** May proceedings start on `today` (unpaid after the 14 days)? */
  prosecutable: boolean;
}

/**
 * Where the payments leave a notice on `today`. A payment settles it where the total paid by that
 * payment's day reaches what was payable on that day (the lesser amount within its period).
 */
export function paymentPosition(amounts: Pick<FpnAmounts, 'amountPence' | 'earlyAmountPence'>, periods: FpnPeriods, payments: readonly FpnPayment[], today: string): FpnPaymentPosition {
  const sorted = [...payments].sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  let paid = 0;
  for (const p of sorted) {
    paid += p.amountPence;
    const due = amountPayableOn(amounts, periods, p.paidOn);
    if (paid >= due) {
      const early = due < amounts.amountPence;
      return { state: early ? 'paid_early' : 'paid_in_full', paidPence: paid, outstandingPence: 0, prosecutable: false };
    }
  }
  const outstanding = amountPayableOn(amounts, periods, today) - paid;
  const afterPeriod = today >= periods.prosecutionFrom;
  return {
    state: afterPeriod ? 'overdue' : paid > 0 ? 'part_paid' : 'unpaid',
    paidPence: paid, outstandingPence: Math.max(0, outstanding), prosecutable: afterPeriod,
  };
}

// ---- The offender's age ----

/** Age of criminal responsibility in England and Wales (CYPA 1933 s.50). */
export const AGE_OF_CRIMINAL_RESPONSIBILITY = 10;
/** Below this age a parent or guardian must be recorded. */
export const GUARDIAN_UNDER = 18;

/**
 * Age in whole years on `day` for someone born on `dateOfBirth`. A birthday is reached on its date;
 * someone born on 29 February reaches it on 1 March in a year without one (the day after 28 February).
 */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The council's policy on young offenders, dated. */
export interface FpnPolicy {
  effectiveFrom: string;
  /** The youngest age an FPN may be issued to (never under 10). */
  youngestAge: number;
}

export function policyOn(policies: readonly FpnPolicy[], day: string): FpnPolicy {
  const p = policies.filter((x) => x.effectiveFrom <= day).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  return p ?? { effectiveFrom: '1900-01-01', youngestAge: GUARDIAN_UNDER };
}

/** Why an FPN may not be issued to this offender on the day of the offence, if it may not. */
export function offenderProblems(policy: FpnPolicy, offender: { dateOfBirth: string | null; guardian: string }, offenceDay: string): FieldProblem[] {
  if (!offender.dateOfBirth) return [];
  if (offender.dateOfBirth > offenceDay) return [{ path: 'offender.dateOfBirth', message: 'The date of birth is after the offence' }];
  const age = ageOn(offender.dateOfBirth, offenceDay);
  const youngest = Math.max(policy.youngestAge, AGE_OF_CRIMINAL_RESPONSIBILITY);
  if (age < youngest) return [{ path: 'offender.dateOfBirth', message: `The offender was ${age} on the day: the council issues fixed penalty notices only from age ${youngest}` }];
  if (age < GUARDIAN_UNDER && !offender.guardian.trim()) return [{ path: 'offender.guardian', message: `The offender was ${age} on the day: record the parent or guardian` }];
  return [];
}

export const formatFpnReference = (year: number, n: number) => `FPN-${year}-${String(n).padStart(6, '0')}`;
