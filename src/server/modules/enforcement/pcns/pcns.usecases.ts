import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { londonDay } from '../../../../domain/calendar/london';
import {
  chargeInForce, codeInForce, discountedPence, fold, issuePeriods, nextStep, observationProblem, outstandingOn, applyStep, StepRefused,
  NOTICE_KINDS, PENALTY_STATUSES, PENALTY_STEPS, type NoticeKind, type PenaltyStep, type PenaltyTerms,
} from '../../../../domain/enforcement/penalty';
import type { PcnDetail, PcnList, PcnReference, PcnsQuery, PcnSummary, PcnWorklistQuery } from '../../../../domain/enforcement/pcns.contract';
import type { PcnIssuePayload } from '../../../../domain/field/sync';
import * as repo from './pcns.repository';
import * as errors from './pcns.errors';

// What happens to a PCN after the officer issues it: each step of the lifecycle is one
// transaction under the PCN's row lock, checked by the penalty-charge engine against the steps
// before it, appended to its events and audited; the row keeps the engine's status and next step.

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
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.lockPcn(trx, id))) throw errors.pcnNotFound();
    const r = (await repo.findPcn(trx, id))!;
    const events = await repo.listEvents(trx, id);
    const t = termsOf(r);
    let s;
    try {
      s = applyStep(t, stateOf(r, events), step);
    } catch (e) {
      if (!(e instanceof StepRefused)) throw e;
      throw e.path === 'kind' ? errors.stepRefused(e.message) : errors.field(e.path, e.message);
    }
    await repo.appendEvent(trx, {
      pcnId: id, kind: step.kind, day: step.day, amountPence: step.kind === 'payment' ? step.amountPence : null,
      outcome: extra.outcome ?? null, reofferDiscount: extra.reofferDiscount ?? null, method: extra.method ?? '', note: extra.note ?? '', at: now, by: actor.userId,
    });
    const next = nextStep(t, s, today);
    await repo.updateState(trx, id, { status: s.status, paidPence: s.paidPence, nextStep: next?.step ?? null, nextFrom: next?.fromDay ?? null, nextBy: next?.byDay ?? null, at: now });
    await recordAudit(trx, actor.audit, { action: `enforcement.pcn.${step.kind}`, recordType: 'pcn', recordId: id, details: { number: r.number, day: step.day, status: s.status, ...(step.kind === 'payment' ? { amountPence: step.amountPence } : {}), ...(extra.outcome ? { outcome: extra.outcome } : {}) } });
    return detailIn(trx, deps, id);
  });
}
