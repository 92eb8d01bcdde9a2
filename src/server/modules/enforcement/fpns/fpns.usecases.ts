import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { londonDay, londonYear } from '../../../../domain/calendar/london';
import { labelOf } from '../../../../domain/labels';
import {
  FPN_PAYMENT_STATES, GUARDIAN_UNDER, ageOn, amountPayableOn, amountsFor, formatFpnReference, fpnPeriods, offenceOn, offenderProblems,
  paymentPosition, policyOn,
} from '../../../../domain/enforcement/fpn/rules';
import {
  FPN_PAYMENT_METHODS, FPN_STATUSES, type AddNotebookEntry, type FpnDetail, type FpnReference, type FpnSummary, type FpnsQuery,
  type NotebookEntry, type NotebookList, type RecordFpnPayment,
} from '../../../../domain/enforcement/fpns.contract';
import type { FpnIssuePayload } from '../../../../domain/field/sync';
import * as repo from './fpns.repository';
import * as errors from './fpns.errors';

// What happens to a fixed penalty notice: issued (from the handheld), paid (early or in full, in
// parts), withdrawn, or passed for prosecution once the 14 days have run unpaid; and the officer's
// notebook, append-only. Each is one transaction with its audit event; reads of the offender's
// details are audited.

export interface Actor { audit: AuditActor; userId: string }

const EVENT_LABELS: Record<string, string> = { issued: 'Issued', payment: 'Payment', reminder: 'Reminder', withdrawn: 'Withdrawn', prosecution: 'Passed for prosecution' };

function position(row: repo.FpnRow, payments: { paid_on: string; amount_pence: number }[], today: string) {
  const periods = fpnPeriods(row.notice_day, row.early_days);
  const amounts = { amountPence: row.amount_pence, earlyAmountPence: row.early_amount_pence };
  const pos = paymentPosition(amounts, periods, payments.map((p) => ({ paidOn: p.paid_on, amountPence: p.amount_pence })), today);
  return { periods, amounts, pos };
}

/** The summary's payment state where no payments are loaded: from the row's own paid total and status. */
function summaryState(row: repo.FpnRow, today: string) {
  const periods = fpnPeriods(row.notice_day, row.early_days);
  if (row.status === 'paid') return { periods, state: (row.paid_pence < row.amount_pence ? 'paid_early' : 'paid_in_full') as keyof typeof FPN_PAYMENT_STATES };
  if (today >= periods.prosecutionFrom) return { periods, state: 'overdue' as const };
  return { periods, state: (row.paid_pence > 0 ? 'part_paid' : 'unpaid') as keyof typeof FPN_PAYMENT_STATES };
}

export function toSummary(row: repo.FpnRow, today: string): FpnSummary {
  const { periods, state } = summaryState(row, today);
  return {
    id: row.id, reference: row.reference, status: row.status as FpnSummary['status'], statusLabel: labelOf(FPN_STATUSES, row.status),
    paymentState: state, paymentStateLabel: FPN_PAYMENT_STATES[state],
    offence: { code: row.offence_code, name: row.offence_name }, offenderName: row.offender_name, place: row.place,
    issuedAt: row.issued_at.toISOString(), issuedBy: { id: row.issued_by, name: row.issued_by_name },
    amountPence: row.amount_pence, paidPence: row.paid_pence, prosecutionFrom: periods.prosecutionFrom,
  };
}

export function toEntry(r: repo.NotebookRow): NotebookEntry {
  return {
    id: r.id, number: r.number, officer: { id: r.officer_id, name: r.officer_name }, at: r.at.toISOString(), recordedAt: r.recorded_at.toISOString(), text: r.text,
    correctsEntry: r.corrects_entry_id ? { id: r.corrects_entry_id, number: r.corrects_number ?? 0 } : null,
    correctedBy: r.corrected_by, fpn: r.fpn_id ? { id: r.fpn_id, reference: r.fpn_reference ?? '' } : null, pcnId: r.pcn_id,
  };
}

// ---- Reference data ----

export async function reference(deps: Deps): Promise<FpnReference> {
  const today = londonDay(deps.clock.now());
  const [versions, policies] = await Promise.all([repo.listOffenceVersions(deps.db), repo.listPolicies(deps.db)]);
  const codes = [...new Set(versions.map((v) => v.code))];
  const offences = codes.flatMap((code) => {
    const o = offenceOn(versions, code, today);
    if (!o) return [];
    const a = amountsFor(o, today);
    return [{ code: o.code, name: o.name, legislation: o.legislation, amountPence: a.amountPence, earlyAmountPence: a.earlyAmountPence, earlyDays: a.earlyDays }];
  });
  return { offences, youngestAge: policyOn(policies, today).youngestAge, guardianUnder: GUARDIAN_UNDER };
}

// ---- Issue (the handheld's sync) ----

export async function issueFpn(deps: Deps, { actor, deviceId, payload }: { actor: Actor; deviceId: string | null; payload: FpnIssuePayload }): Promise<{ id: string; reference: string }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findFpnIssuer(trx, payload.fpnId);
    if (existing) {
      if (existing.issued_by !== actor.userId) throw errors.idTaken('notice');
      return { id: existing.id, reference: existing.reference };
    }
    if (payload.issuedAt.getTime() > now.getTime() + 5 * 60_000) throw errors.inFuture('issuedAt');
    const day = londonDay(payload.issuedAt);
    const [versions, policies] = await Promise.all([repo.listOffenceVersions(trx), repo.listPolicies(trx)]);
    const offence = offenceOn(versions, payload.offenceCode.toUpperCase(), day);
    if (!offence) throw errors.unknownOffence(day);
    const problems = offenderProblems(policyOn(policies, day), payload.offender, day);
    if (problems.length) throw errors.invalid(problems);
    const photos = await repo.findFieldPhotos(trx, payload.photoIds);
    const missing = payload.photoIds.filter((id) => !photos.some((p) => p.id === id));
    if (missing.length) throw errors.invalid([{ path: 'photoIds', message: `Upload the photos first: ${missing.length} not received` }]);
    const amounts = amountsFor(offence, day);
    const year = londonYear(payload.issuedAt);
    const number = await repo.takeFpnNumber(trx, year);
    const reference = formatFpnReference(year, number);
    const o = payload.offender;
    await repo.insertFpn(trx, {
      id: payload.fpnId, reference, year, number, offence_id: offence.id, offence_code: offence.code, offence_name: offence.name,
      legislation: amounts.legislation, amount_pence: amounts.amountPence, early_amount_pence: amounts.earlyAmountPence, early_days: amounts.earlyDays,
      notice_day: day, offender_name: o.name, offender_address: o.address, offender_postcode: o.postcode, offender_date_of_birth: o.dateOfBirth,
      offender_description: o.description, offender_identification: o.identification, offender_guardian: o.guardian,
      lat: payload.point.lat, lon: payload.point.lon, accuracy_m: payload.point.accuracyM, place: payload.place, circumstances: payload.circumstances,
      body_worn_video_ref: payload.bodyWornVideoRef, issued_at: payload.issuedAt, issued_by: actor.userId, device_id: deviceId, patrol_id: payload.patrolId,
      status: 'issued', created_at: now, updated_at: now,
    });
    await repo.insertPhotos(trx, payload.fpnId, payload.photoIds);
    await repo.appendEvent(trx, { fpnId: payload.fpnId, kind: 'issued', at: now, by: actor.userId, details: { offence: offence.code, amountPence: amounts.amountPence, earlyAmountPence: amounts.earlyAmountPence, photos: payload.photoIds.length } });
    await recordAudit(trx, actor.audit, { action: 'enforcement.fpn.issued', recordType: 'fpn', recordId: payload.fpnId, details: { reference, offence: offence.code, deviceId } });
    return { id: payload.fpnId, reference };
  });
}

// ---- Reads ----

export async function listFpns(deps: Deps, actor: Actor, q: FpnsQuery) {
  const today = londonDay(deps.clock.now());
  const { rows, total } = await repo.listFpns(deps.db, q);
  await recordAudit(deps.db, actor.audit, { action: 'enforcement.fpns.listed', details: { filter: JSON.parse(JSON.stringify(q)), shown: rows.length } });
  return { items: rows.map((r) => toSummary(r, today)), total, page: q.page, pageSize: q.pageSize };
}

export const streamFpns = (deps: Deps, q: FpnsQuery) => repo.streamFpns(deps.db, q);

async function detailIn(db: Db, deps: Deps, id: string): Promise<FpnDetail> {
  const row = await repo.findFpn(db, id);
  if (!row) throw errors.fpnNotFound();
  const today = londonDay(deps.clock.now());
  const [events, payments, photos, notebook] = await Promise.all([repo.listEvents(db, id), repo.listPayments(db, id), repo.listPhotos(db, id), repo.entriesForFpn(db, id)]);
  const { periods, amounts, pos } = position(row, payments, today);
  const open = row.status === 'issued' || row.status === 'part_paid';
  const dob = row.offender_date_of_birth;
  return {
    ...toSummary(row, today), paymentState: pos.state, paymentStateLabel: FPN_PAYMENT_STATES[pos.state],
    legislation: row.legislation,
    offender: { name: row.offender_name, address: row.offender_address, postcode: row.offender_postcode, dateOfBirth: dob, ageAtOffence: dob ? ageOn(dob, row.notice_day) : null, description: row.offender_description, identification: row.offender_identification, guardian: row.offender_guardian },
    point: { lat: row.lat, lon: row.lon, accuracyM: row.accuracy_m },
    circumstances: row.circumstances, bodyWornVideoRef: row.body_worn_video_ref, deviceId: row.device_id, patrolId: row.patrol_id,
    amounts: { amountPence: amounts.amountPence, earlyAmountPence: amounts.earlyAmountPence, earlyDays: row.early_days },
    periods,
    payableNowPence: open ? Math.max(0, amountPayableOn(amounts, periods, today) - pos.paidPence) : 0,
    outstandingPence: open ? pos.outstandingPence : 0,
    withdrawnReason: row.withdrawn_reason, caseStatement: row.case_statement, escalatedAt: row.escalated_at?.toISOString() ?? null,
    photos: photos.map((p) => ({ id: p.id, sha256: p.sha256, contentType: p.content_type, bytes: Number(p.bytes), takenBy: { id: p.taken_by, name: p.taken_by_name }, uploadedAt: p.uploaded_at.toISOString(), deviceId: p.device_id })),
    notebook: notebook.map(toEntry),
    events: events.map((e) => ({
      seq: e.seq, kind: e.kind, kindLabel: EVENT_LABELS[e.kind] ?? e.kind, at: e.at.toISOString(), by: e.by_user_id ? { id: e.by_user_id, name: e.by_name ?? '' } : null,
      amountPence: e.amount_pence, paidOn: e.paid_on, detail: describeEvent(e),
    })),
    allowed: { payment: open, withdraw: open, prosecute: open && pos.prosecutable },
  };
}

function describeEvent(e: repo.EventRow): string {
  const d = e.details as Record<string, string | number | null>;
  switch (e.kind) {
    case 'payment': return `${labelOf(FPN_PAYMENT_METHODS, String(d.method ?? ''))}${d.receipt ? `, receipt ${d.receipt}` : ''}`;
    case 'withdrawn': return String(d.reason ?? '');
    case 'prosecution': return `Case file prepared: ${d.photos ?? 0} photos, ${d.entries ?? 0} notebook entries`;
    case 'issued': return `Offence ${d.offence ?? ''}`;
    default: return '';
  }
}

export async function getFpn(deps: Deps, actor: Actor, id: string) {
  const detail = await detailIn(deps.db, deps, id);
  await recordAudit(deps.db, actor.audit, { action: 'enforcement.fpn.viewed', recordType: 'fpn', recordId: id, details: { reference: detail.reference } });
  return detail;
}

/** For the case-file PDF: the notice as it stands, audited as a read. */
export const caseFileData = getFpn;

// ---- Steps ----

async function step(deps: Deps, actor: Actor, id: string, fn: (trx: Db, row: repo.FpnRow, now: Date, today: string) => Promise<{ action: string; details: Record<string, unknown> }>) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockFpn(trx, id);
    if (!row) throw errors.fpnNotFound();
    if (row.status !== 'issued' && row.status !== 'part_paid') throw errors.notOpen(labelOf(FPN_STATUSES, row.status));
    const { action, details } = await fn(trx, row, now, londonDay(now));
    await recordAudit(trx, actor.audit, { action, recordType: 'fpn', recordId: id, details: { reference: row.reference, ...details } });
    return detailIn(trx, deps, id);
  });
}

export const recordPayment = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: RecordFpnPayment }) =>
  step(deps, actor, id, async (trx, row, now, today) => {
    if (input.paidOn > today) throw errors.inFuture('paidOn');
    if (input.paidOn < row.notice_day) throw errors.invalid([{ path: 'paidOn', message: 'The payment cannot be before the notice' }]);
    await repo.appendEvent(trx, { fpnId: id, kind: 'payment', at: now, by: actor.userId, amountPence: input.amountPence, paidOn: input.paidOn, details: { method: input.method, receipt: input.receipt } });
    const payments = await repo.listPayments(trx, id);
    const { pos } = position(row, payments, today);
    const settledNow = pos.state === 'paid_early' || pos.state === 'paid_in_full';
    await repo.updateFpn(trx, id, { status: settledNow ? 'paid' : 'part_paid', paid_pence: pos.paidPence, settled_on: settledNow ? input.paidOn : null, updated_at: now });
    return { action: 'enforcement.fpn.payment_recorded', details: { amountPence: input.amountPence, paidOn: input.paidOn, state: pos.state } };
  });

export const withdrawFpn = (deps: Deps, { actor, id, reason }: { actor: Actor; id: string; reason: string }) =>
  step(deps, actor, id, async (trx, _row, now) => {
    await repo.appendEvent(trx, { fpnId: id, kind: 'withdrawn', at: now, by: actor.userId, details: { reason } });
    await repo.updateFpn(trx, id, { status: 'withdrawn', withdrawn_reason: reason, updated_at: now });
    return { action: 'enforcement.fpn.withdrawn', details: { reason } };
  });

/** Escalate to prosecution: only once the 14 days following the notice have ended, and not paid. The case file is the notice as it stands then, with the officer's statement. */
export const prosecuteFpn = (deps: Deps, { actor, id, statement }: { actor: Actor; id: string; statement: string }) =>
  step(deps, actor, id, async (trx, row, now, today) => {
    const payments = await repo.listPayments(trx, id);
    const { periods, pos } = position(row, payments, today);
    if (pos.state === 'paid_early' || pos.state === 'paid_in_full') throw errors.settled();
    if (!pos.prosecutable) throw errors.tooEarlyToProsecute(periods.prosecutionFrom);
    const [photos, entries] = await Promise.all([repo.listPhotos(trx, id), repo.entriesForFpn(trx, id)]);
    await repo.appendEvent(trx, {
      fpnId: id, kind: 'prosecution', at: now, by: actor.userId,
      details: { photos: photos.length, entries: entries.length, photoHashes: photos.map((p) => p.sha256), entryIds: entries.map((e) => e.id), outstandingPence: pos.outstandingPence },
    });
    await repo.updateFpn(trx, id, { status: 'prosecution', case_statement: statement, escalated_at: now, escalated_by: actor.userId, updated_at: now });
    return { action: 'enforcement.fpn.prosecution', details: { photos: photos.length, entries: entries.length } };
  });

// ---- The notebook ----

export async function addNotebookEntry(deps: Deps, { actor, deviceId, input }: { actor: Actor; deviceId: string | null; input: AddNotebookEntry }): Promise<{ id: string; reference: string; entry: NotebookEntry }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findEntry(trx, input.entryId);
    if (existing) {
      if (existing.officer_id !== actor.userId) throw errors.idTaken('notebook entry');
      return { id: existing.id, reference: `#${existing.number}`, entry: toEntry(existing) };
    }
    if (input.at.getTime() > now.getTime() + 5 * 60_000) throw errors.inFuture('at');
    if (input.correctsEntryId) {
      const old = await repo.findEntry(trx, input.correctsEntryId);
      if (!old || old.officer_id !== actor.userId) throw errors.invalid([{ path: 'correctsEntryId', message: 'A correction points at one of your own earlier entries' }]);
    }
    if (input.fpnId) {
      const f = await repo.findFpnIssuer(trx, input.fpnId);
      if (!f) throw errors.invalid([{ path: 'fpnId', message: 'No such fixed penalty notice: sync it first' }]);
    }
    const number = await repo.takeNotebookNumber(trx, actor.userId);
    await repo.insertEntry(trx, { id: input.entryId, officer_id: actor.userId, number, at: input.at, recorded_at: now, text: input.text, corrects_entry_id: input.correctsEntryId, fpn_id: input.fpnId, pcn_id: input.pcnId, device_id: deviceId });
    await recordAudit(trx, actor.audit, { action: 'enforcement.notebook.entry_added', recordType: 'notebook_entry', recordId: input.entryId, details: { number, corrects: input.correctsEntryId, fpnId: input.fpnId, pcnId: input.pcnId, deviceId } });
    const row = await repo.findEntry(trx, input.entryId);
    return { id: input.entryId, reference: `#${number}`, entry: toEntry(row!) };
  });
}

export async function listNotebook(deps: Deps, { actor, officerId, mayReadOthers, page, pageSize }: { actor: Actor; officerId?: string; mayReadOthers: boolean; page: number; pageSize: number }): Promise<NotebookList> {
  const whose = officerId ?? actor.userId;
  if (whose !== actor.userId && !mayReadOthers) throw errors.notYourNotebook();
  const officer = await repo.findUser(deps.db, whose);
  if (!officer) throw errors.entryNotFound();
  const { rows, total } = await repo.listEntries(deps.db, whose, page, pageSize);
  if (whose !== actor.userId) await recordAudit(deps.db, actor.audit, { action: 'enforcement.notebook.read', recordType: 'user', recordId: whose, details: { page } });
  return { officer: { id: officer.id, name: officer.display_name }, items: rows.map(toEntry), total, page, pageSize };
}
