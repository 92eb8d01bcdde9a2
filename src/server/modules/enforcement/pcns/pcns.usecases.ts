import { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../../platform/audit/audit';
import { cancelTimers, defineTimer, scheduleTimer } from '../../../platform/timers/timers';
import { londonDay } from '../../../../domain/calendar/london';
import { describeDay } from '../../../../domain/calendar/days';
import {
  chargeInForce, codeInForce, decisionLastDay, deemedAcceptedAt, deemedAcceptedDay, discountedPence, fold, issuePeriods, nextStep, observationProblem, outstandingOn,
  applyStep, StepRefused, NOTICE_KINDS, PENALTY_STATUSES, PENALTY_STEPS, type NoticeKind, type PenaltyState, type PenaltyStep, type PenaltyTerms,
} from '../../../../domain/enforcement/penalty';
import { formatPounds, type PcnDetail, type PcnList, type PcnReference, type PcnsQuery, type PcnSummary, type PcnWorklistQuery } from '../../../../domain/enforcement/pcns.contract';
import type { PcnIssuePayload } from '../../../../domain/field/sync';
import * as repo from './pcns.repository';
import * as errors from './pcns.errors';

// What happens to a PCN after the officer issues it: each step of the lifecycle is one
// transaction under the PCN's row lock, checked by the penalty-charge engine against the steps
// before it, appended to its events and audited; the row keeps the engine's status and next step.
// Representations received set a durable timer for the first instant after the council's last
// decision day; a decision (or any step that ends the wait) cancels it in its own transaction.

export interface Actor { audit: AuditActor; userId: string }

export const termsOf = (r: repo.PcnRow): PenaltyTerms => ({
  noticeKind: r.notice_kind, contraventionDay: r.contravention_day, servedDay: r.served_day,
  amountPence: r.amount_pence, discountedPence: r.discounted_pence, surchargePercent: r.surcharge_percent,
});

export function stepOf(e: Pick<repo.EventRow, 'kind' | 'day' | 'amount_pence' | 'outcome' | 'reoffer_discount'>): PenaltyStep | null {
  switch (e.kind) {
    case 'issued': return null;
    case 'payment': return { kind: 'payment', day: e.day, amountPence: e.amount_pence ?? 0 };
    case 'informal_decision': return { kind: 'informal_decision', day: e.day, accepted: e.outcome === 'accepted', reofferDiscount: e.reoffer_discount ?? false };
    case 'representations_decision': return { kind: 'representations_decision', day: e.day, accepted: e.outcome === 'accepted' };
    case 'appeal_decision': return { kind: 'appeal_decision', day: e.day, allowed: e.outcome === 'allowed' };
    default: return { kind: e.kind, day: e.day } as PenaltyStep;
  }
}

const stateOf = (r: repo.PcnRow, events: readonly repo.EventRow[]) => fold(termsOf(r), events.map(stepOf).filter((s): s is PenaltyStep => s !== null));

/** A summary from the row alone (its status and paid amount are the engine's, kept on the row). */
function toSummary(r: repo.PcnRow, events: readonly repo.EventRow[] | null, today: string): PcnSummary {
  const t = termsOf(r);
  const s = events ? stateOf(r, events) : null;
  // Without the events, the engine's state is rebuilt as far as the row says (enough for amounts and the next step).
  const state = s ?? rowState(r);
  const owed = outstandingOn(t, state, today);
  return {
    id: r.id, number: r.number, vrm: r.vrm, code: r.contravention_code, codeDescription: r.code_description, level: r.level,
    area: { id: r.area_id, name: r.area_name }, street: r.street, issuedAt: r.issued_at.toISOString(), issuedBy: { id: r.issued_by, name: r.issued_by_name },
    status: state.status, statusLabel: PENALTY_STATUSES[state.status], amountPence: r.amount_pence,
    payableNowPence: owed.amountPence, outstandingPence: owed.outstandingPence, nextStep: nextStep(t, state, today),
  };
}

/** Lists fold each PCN's events too (a page at a time): the engine stays the one source of amounts and dates. */
async function summaries(db: Db, rows: readonly repo.PcnRow[], today: string) {
  return Promise.all(rows.map(async (r) => toSummary(r, await repo.listEvents(db, r.id), today)));
}
function rowState(r: repo.PcnRow) { return { ...fold(termsOf(r), []), status: r.status as keyof typeof PENALTY_STATUSES, paidPence: r.paid_pence }; }

async function detailIn(db: Db, deps: Deps, id: string): Promise<PcnDetail> {
  const r = await repo.findPcn(db, id);
  if (!r) throw errors.pcnNotFound();
  const [events, photoIds] = await Promise.all([repo.listEvents(db, id), repo.listPhotoIds(db, id)]);
  const today = londonDay(deps.clock.now());
  const t = termsOf(r);
  const s = stateOf(r, events);
  const owed = outstandingOn(t, s, today);
  const p = issuePeriods(t);
  return {
    ...toSummary(r, events, today),
    noticeKind: r.notice_kind, noticeKindLabel: NOTICE_KINDS[r.notice_kind], discountedPence: r.discounted_pence, surchargePercent: r.surcharge_percent,
    vehicle: { make: r.vehicle_make, model: r.vehicle_model, colour: r.vehicle_colour, permitSeen: r.permit_seen },
    point: { lat: r.lat, lon: r.lon, accuracyM: r.accuracy_m }, locationDetail: r.location_detail,
    observedFrom: r.observed_from.toISOString(), observedTo: r.observed_to.toISOString(), served: r.served, deviceId: r.device_id, patrolId: r.patrol_id, notes: r.notes,
    contraventionDay: r.contravention_day, servedDay: r.served_day,
    periods: { discountLastDay: s.discountLastDay, paymentLastDay: p.paymentLastDay, ntoFirstDay: p.ntoFirstDay, ntoLastDay: p.ntoLastDay },
    payableNow: { amountPence: owed.amountPence, as: owed.as, paidPence: s.paidPence, outstandingPence: owed.outstandingPence },
    refundDuePence: s.refundDuePence,
    photoIds,
    events: events.map((e) => ({
      id: e.id, seq: e.seq, kind: e.kind as PcnDetail['events'][number]['kind'], label: e.kind === 'issued' ? 'Issued' : PENALTY_STEPS[e.kind as keyof typeof PENALTY_STEPS],
      day: e.day, amountPence: e.amount_pence, outcome: e.outcome, reofferDiscount: e.reoffer_discount, method: e.method, note: e.note,
      at: e.at.toISOString(), by: e.by ? { id: e.by, name: e.by_name ?? '' } : null,
    })),
  };
}

export const getPcn = (deps: Deps, id: string) => detailIn(deps.db, deps, id);

export async function listPcns(deps: Deps, query: PcnsQuery): Promise<PcnList> {
  const today = londonDay(deps.clock.now());
  const { rows, total } = await repo.listPcns(deps.db, query);
  return { items: await summaries(deps.db, rows, today), total, page: query.page, pageSize: query.pageSize };
}

export async function* streamPcns(deps: Deps, query: Partial<PcnsQuery> & Pick<PcnsQuery, 'sort'>) {
  const today = londonDay(deps.clock.now());
  for await (const rows of repo.streamPcns(deps.db, query)) yield (await summaries(deps.db, rows, today)).map((summary, i) => ({ row: rows[i]!, summary }));
}

export async function worklist(deps: Deps, q: PcnWorklistQuery) {
  const now = deps.clock.now();
  const today = londonDay(now);
  const by = londonDay(new Date(now.getTime() + q.withinDays * 86_400_000));
  const rows = await repo.listDue(deps.db, { by, step: q.step });
  return { items: await summaries(deps.db, rows, today), today };
}

/** The reference data in force today, as the handheld caches it. */
export async function reference(deps: Deps, day = londonDay(deps.clock.now())): Promise<PcnReference> {
  const [areas, charges, codes] = await Promise.all([repo.listAreas(deps.db), repo.listCharges(deps.db), repo.listCodes(deps.db)]);
  const active = areas.filter((a) => a.is_active);
  const inForce = [...new Set(codes.map((c) => c.code))].map((c) => codeInForce(codes, c, day)).filter((c) => c !== undefined);
  return {
    areas: active.map((a) => ({ id: a.id, name: a.name, regime: a.kind, band: a.band })),
    codes: inForce.filter((c) => c.regime === 'parking').map((c) => ({ code: c.code, description: c.description, level: c.level, observationMinutes: c.observationMinutes, graceApplies: c.graceApplies })),
    charges: active.flatMap((a) => (['higher', 'lower'] as const).flatMap((level) => {
      const row = chargeInForce(charges, a.band, level, day);
      return row ? [{ areaId: a.id, level, amountPence: row.amountPence, discountPence: discountedPence(row) }] : [];
    })),
  };
}

// ---- Issue, from the handheld ----

export async function issue(deps: Deps, { actor, deviceId, payload: p }: { actor: Actor; deviceId: string; payload: PcnIssuePayload }): Promise<{ id: string; reference: string }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.numberTaken(trx, p.number);
    if (existing) {
      if (existing.id === p.pcnId) return { id: p.pcnId, reference: p.number };
      throw errors.numberTaken(p.number);
    }
    if (await repo.findPcn(trx, p.pcnId)) throw errors.field('pcnId', 'This PCN was issued already under another number');
    const issuedAt = new Date(p.issuedAt);
    const [from, to] = [new Date(p.observedFrom), new Date(p.observedTo)];
    if (issuedAt.getTime() > now.getTime() + 5 * 60_000) throw errors.field('issuedAt', 'A PCN cannot be issued in the future: check the handheld’s clock');
    if (issuedAt < to) throw errors.field('issuedAt', 'A PCN is issued after the observation ends');
    const day = londonDay(issuedAt);
    const area = await repo.findArea(trx, p.enforcementAreaId);
    if (!area || !area.is_active) throw errors.field('enforcementAreaId', 'Choose an enforcement area from the list');
    const code = codeInForce(await repo.listCodes(trx, p.contraventionCode), p.contraventionCode, day);
    if (!code || code.regime !== 'parking') throw errors.field('contraventionCode', `Code ${p.contraventionCode} is not a parking contravention code in force on that day: choose one from the list`);
    const tooShort = observationProblem(code, from, to);
    if (tooShort) throw errors.field('observedTo', tooShort);
    const charge = chargeInForce(await repo.listCharges(trx), area.band, code.level, day);
    if (!charge) throw errors.field('enforcementAreaId', `No ${code.level} level charge is in force in ${area.name} on that day`);
    const own = new Set(await repo.ownPhotos(trx, actor.userId, p.photoIds));
    const missing = p.photoIds.findIndex((id) => !own.has(id));
    if (missing >= 0) throw errors.field(`photoIds.${missing}`, 'This photo has not been uploaded from your account: upload it first');
    const noticeKind: NoticeKind = p.served === 'drive_away' ? 'reg10_postal' : 'reg9';
    await repo.insertPcn(trx, {
      id: p.pcnId, number: p.number, notice_kind: noticeKind, area_id: area.id, contravention_code: code.code, code_description: code.description,
      level: code.level, amount_pence: charge.amountPence, discounted_pence: discountedPence(charge), surcharge_percent: charge.surchargePercent,
      vrm: p.vehicle.vrm, vehicle_make: p.vehicle.make, vehicle_model: p.vehicle.model, vehicle_colour: p.vehicle.colour, permit_seen: p.vehicle.permitSeen,
      lat: p.point.lat, lon: p.point.lon, accuracy_m: p.point.accuracyM, street: p.street, location_detail: p.locationDetail,
      observed_from: from, observed_to: to, issued_at: issuedAt, issued_by: actor.userId, device_id: deviceId, patrol_id: p.patrolId, served: p.served,
      contravention_day: day, served_day: day, notes: p.notes, created_at: now, updated_at: now,
    });
    await repo.insertPhotos(trx, p.pcnId, p.photoIds);
    await repo.appendEvent(trx, { pcnId: p.pcnId, kind: 'issued', day, at: now, by: actor.userId, note: `${code.code} ${p.street}` });
    const terms: PenaltyTerms = { noticeKind, contraventionDay: day, servedDay: day, amountPence: charge.amountPence, discountedPence: discountedPence(charge), surchargePercent: charge.surchargePercent };
    const next = nextStep(terms, fold(terms, []), day);
    await repo.updateState(trx, p.pcnId, { status: 'issued', paidPence: 0, nextStep: next?.step ?? null, nextFrom: next?.fromDay ?? null, nextBy: next?.byDay ?? null, at: now });
    await recordAudit(trx, actor.audit, { action: 'enforcement.pcn.issued', recordType: 'pcn', recordId: p.pcnId, details: { number: p.number, code: code.code, vrm: p.vehicle.vrm, deviceId } });
    return { id: p.pcnId, reference: p.number };
  });
}

// ---- The lifecycle's steps ----

export interface StepExtra { method?: string; note?: string; outcome?: string | null; reofferDiscount?: boolean | null }

export async function takeStep(deps: Deps, { actor, id, step, extra = {} }: { actor: Actor; id: string; step: PenaltyStep; extra?: StepExtra }) {
  const now = deps.clock.now();
  const today = londonDay(now);
  if (step.day > today) throw errors.field('day', 'The day cannot be in the future');
  if (step.kind === 'deemed_accepted') throw errors.stepRefused('Representations are deemed accepted by the system, at the end of the 56 days');
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.lockPcn(trx, id))) throw errors.pcnNotFound();
    const r = (await repo.findPcn(trx, id))!;
    const events = await repo.listEvents(trx, id);
    let s;
    try {
      s = applyStep(termsOf(r), stateOf(r, events), step);
    } catch (e) {
      if (!(e instanceof StepRefused)) throw e;
      throw e.path === 'kind' ? errors.stepRefused(e.message) : errors.field(e.path, e.message);
    }
    await recordStep(trx, { r, s, step, extra, by: actor.userId, audit: actor.audit, now });
    return detailIn(trx, deps, id);
  });
}

/** Appends a step the engine accepted, keeps its status and next step on the row, sets or cancels the deemed-acceptance timer, audits. */
async function recordStep(trx: Db, { r, s, step, extra, by, audit, now }: {
  r: repo.PcnRow; s: PenaltyState; step: PenaltyStep; extra: StepExtra; by: string | null; audit: AuditActor; now: Date;
}) {
  const amountPence = step.kind === 'payment' ? step.amountPence : step.kind === 'deemed_accepted' && s.refundDuePence > 0 ? s.refundDuePence : null;
  await repo.appendEvent(trx, {
    pcnId: r.id, kind: step.kind, day: step.day, amountPence,
    outcome: extra.outcome ?? null, reofferDiscount: extra.reofferDiscount ?? null, method: extra.method ?? '', note: extra.note ?? '', at: now, by,
  });
  const next = nextStep(termsOf(r), s, londonDay(now));
  await repo.updateState(trx, r.id, { status: s.status, paidPence: s.paidPence, nextStep: next?.step ?? null, nextFrom: next?.fromDay ?? null, nextBy: next?.byDay ?? null, at: now });
  if (step.kind === 'representations') {
    await scheduleTimer(trx, deemedAcceptanceTimer, { subjectId: r.id, dueAt: deemedAcceptedAt(step.day), payload: { receivedDay: step.day } });
  } else if (s.status !== 'representations' && step.kind !== 'deemed_accepted') {
    // (The deemed acceptance is the timer's own step: it is marked fired, not cancelled.)
    await cancelTimers(trx, { subjectId: r.id, kind: DEEMED_ACCEPTANCE_TIMER, reason: `enforcement.pcn.${step.kind}`, at: now });
  }
  await recordAudit(trx, audit, { action: `enforcement.pcn.${step.kind}`, recordType: 'pcn', recordId: r.id, details: {
    number: r.number, day: step.day, status: s.status, ...(amountPence !== null ? { amountPence } : {}), ...(extra.outcome ? { outcome: extra.outcome } : {}),
  } });
}

// ---- Representations deemed accepted ----

export const DEEMED_ACCEPTANCE_TIMER = 'enforcement.pcn-deemed-accepted';

/**
 * The timer's step, at 00:00 London on the day after the last decision day: representations still
 * undecided are deemed accepted and the notice cancelled, what was paid flagged as a refund due.
 * A PCN that moved on (decided, cancelled, paid) is left as it is.
 */
export async function deemRepresentationsAccepted(trx: Db, deps: Deps, { pcnId, receivedDay }: { pcnId: string; receivedDay: string }) {
  if (!(await repo.lockPcn(trx, pcnId))) return;
  const r = (await repo.findPcn(trx, pcnId))!;
  const before = stateOf(r, await repo.listEvents(trx, pcnId));
  if (before.status !== 'representations' || before.representationsDay !== receivedDay) return;
  const step: PenaltyStep = { kind: 'deemed_accepted', day: deemedAcceptedDay(receivedDay) };
  const s = applyStep(termsOf(r), before, step);
  const refund = s.refundDuePence > 0 ? ` A refund of ${formatPounds(s.refundDuePence)} is due.` : '';
  const note = `Representations received ${describeDay(receivedDay)} were not decided by ${describeDay(decisionLastDay(receivedDay))} (56 days beginning with receipt): deemed accepted, the notice cancelled.${refund}`;
  await recordStep(trx, { r, s, step, extra: { note }, by: null, audit: SYSTEM_ACTOR, now: deps.clock.now() });
}

export const deemedAcceptanceTimer = defineTimer({
  kind: DEEMED_ACCEPTANCE_TIMER,
  payload: z.object({ receivedDay: z.string() }),
  fire: (trx, deps, timer) => deemRepresentationsAccepted(trx, deps, { pcnId: timer.subjectId, receivedDay: timer.payload.receivedDay }),
});
