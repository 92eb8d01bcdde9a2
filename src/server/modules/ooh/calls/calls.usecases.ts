import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { cancelTimers } from '../../../platform/timers/timers';
import { londonYear } from '../../../../domain/calendar/london';
import { describeResponse, responseBy } from '../../../../domain/ooh/triage';
import { formatOohCallReference, type OohCallsQuery, type TakeOohCall } from '../../../../domain/ooh/calls.contract';
import { raiseFault } from '../../maintenance';
import { withinTransaction } from '../../../platform/db/within';
import { loadCalendar } from '../../requests';
import { onCallFor, toEntry } from '../rota/rota.usecases';
import * as repo from './calls.repository';
import * as categories from './categories.repository';
import * as errors from './calls.errors';
import type { StoredPriority } from './categories.usecases';
import { referTo, REFERRAL_TIMER_KIND } from './calls.referral';
import { toDetail, toSummary } from './calls.views';

// What the out-of-hours officer does with a call: take it (triaged: category, priority and the
// response-by instant), then one outcome: refer it to whoever is on call (and record their
// acknowledgement), downgrade it for the day service, close it with advice, or, for an equipment
// fault, raise a maintenance fault. Each is one transaction under the call's row lock, with an
// append-only event and an audit event.

export interface Actor { audit: AuditActor; userId: string }

export async function takeCall(deps: Deps, { actor, input }: { actor: Actor; input: TakeOohCall }) {
  const now = deps.clock.now();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + 60_000) throw errors.receivedInFuture();
  const calendar = await loadCalendar(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    const category = await categories.findCategory(trx, input.categoryId);
    if (!category || !category.is_active) throw errors.unknownCategory();
    const priority = (category.priorities as StoredPriority[]).find((p) => p.key === input.priorityKey);
    if (!priority) throw errors.unknownPriority(category.name);
    const year = londonYear(receivedAt);
    const number = await repo.takeCallNumber(trx, year);
    const reference = formatOohCallReference(year, number);
    const due = responseBy(receivedAt, priority.response, calendar);
    const { id } = await repo.insertCall(trx, {
      reference, year, number, received_at: receivedAt, caller_name: input.callerName, callback_number: input.callbackNumber,
      address: input.address, lat: input.lat ?? null, lon: input.lon ?? null, category_id: category.id, category_version: category.version,
      priority_key: priority.key, priority_name: priority.name, response: JSON.stringify(priority.response), response_by: due,
      duty_id: category.duty_id, ack_minutes: category.ack_minutes, description: input.description, vulnerable: input.vulnerable,
      vulnerability: input.vulnerability, status: 'open', taken_by: actor.userId, created_at: now, updated_at: now,
    });
    await repo.appendEvent(trx, {
      callId: id, kind: 'taken', at: now, by: actor.userId,
      details: { category: category.name, priority: priority.name, response: describeResponse(priority.response), responseBy: due.toISOString(), receivedAt: receivedAt.toISOString() },
    });
    await recordAudit(trx, actor.audit, { action: 'ooh.call.taken', recordType: 'ooh_call', recordId: id, details: { reference, category: category.key, priority: priority.key } });
    return detailIn(trx, deps, id);
  });
}

async function detailIn(db: Db, deps: Deps, id: string) {
  const row = await repo.findCall(db, id);
  if (!row) throw errors.callNotFound();
  const now = deps.clock.now();
  const [events, onCall] = await Promise.all([repo.listEvents(db, id), row.duty_id ? onCallFor(db, row.duty_id, now) : Promise.resolve([])]);
  return toDetail(row, { events, onCallNow: onCall.map(toEntry), now });
}

export const getCall = (deps: Deps, id: string) => detailIn(deps.db, deps, id);

export async function listCalls(deps: Deps, query: OohCallsQuery) {
  const now = deps.clock.now();
  const { rows, total } = await repo.listCalls(deps.db, query);
  return { items: rows.map((r) => toSummary(r, now)), total, page: query.page, pageSize: query.pageSize };
}

export async function* streamCalls(deps: Deps, query: Partial<OohCallsQuery> & Pick<OohCallsQuery, 'sort'>) {
  const now = deps.clock.now();
  for await (const rows of repo.streamCalls(deps.db, query)) yield rows.map((row) => ({ row, summary: toSummary(row, now) }));
}

/** One step on one call, under its row lock; `apply` checks and writes, the step returns the call. */
async function step(deps: Deps, id: string, apply: (trx: Db, call: repo.CallRow, now: Date) => Promise<void>) {
  return deps.db.transaction().execute(async (trx) => {
    const call = await repo.lockCall(trx, id);
    if (!call) throw errors.callNotFound();
    await apply(trx, call, deps.clock.now());
    return detailIn(trx, deps, id);
  });
}

export const referCall = (deps: Deps, { actor, id, note }: { actor: Actor; id: string; note: string }) =>
  step(deps, id, async (trx, call, now) => {
    if (call.status !== 'open') throw errors.notOpen(call.status);
    if (!call.duty_id) throw errors.noDuty();
    const [first] = await onCallFor(trx, call.duty_id, now);
    if (!first) throw errors.nobodyOnCall(call.duty_name ?? 'this duty');
    await referTo(trx, { call, shift: first, at: now, by: actor.userId, kind: 'referred', note, audit: actor.audit });
  });

export const acknowledgeCall = (deps: Deps, { actor, id, acknowledgedAt, note }: { actor: Actor; id: string; acknowledgedAt?: Date; note: string }) =>
  step(deps, id, async (trx, call, now) => {
    if (call.status !== 'awaiting_ack') throw errors.notAwaitingAck();
    const at = acknowledgedAt ?? now;
    if (at > now) throw errors.badTime('acknowledgedAt', 'They cannot have acknowledged in the future');
    if (at < call.referred_at!) throw errors.badTime('acknowledgedAt', 'They cannot have acknowledged before the call was referred to them');
    await cancelTimers(trx, { subjectId: call.id, kind: REFERRAL_TIMER_KIND, reason: 'acknowledged', at: now });
    await repo.updateCall(trx, call.id, { status: 'referred', acknowledged_at: at });
    await repo.appendEvent(trx, { callId: call.id, kind: 'acknowledged', at: now, by: actor.userId, details: { name: call.referred_to_name, level: call.referral_level, acknowledgedAt: at.toISOString(), note: note || undefined } });
    await recordAudit(trx, actor.audit, { action: 'ooh.call.acknowledged', recordType: 'ooh_call', recordId: call.id, details: { reference: call.reference, by: call.referred_to_name, acknowledgedAt: at.toISOString() } });
  });

export const downgradeCall = (deps: Deps, { actor, id, reason }: { actor: Actor; id: string; reason: string }) =>
  step(deps, id, async (trx, call, now) => {
    if (call.status !== 'open') throw errors.notOpen(call.status);
    await repo.updateCall(trx, call.id, { status: 'downgraded', outcome_note: reason, closed_at: now });
    await repo.appendEvent(trx, { callId: call.id, kind: 'downgraded', at: now, by: actor.userId, details: { reason } });
    await recordAudit(trx, actor.audit, { action: 'ooh.call.downgraded', recordType: 'ooh_call', recordId: call.id, details: { reference: call.reference, reason } });
  });

export const closeCall = (deps: Deps, { actor, id, advice }: { actor: Actor; id: string; advice: string }) =>
  step(deps, id, async (trx, call, now) => {
    if (!['open', 'awaiting_ack', 'referred'].includes(call.status)) throw errors.alreadyDone();
    await cancelTimers(trx, { subjectId: call.id, kind: REFERRAL_TIMER_KIND, reason: 'closed', at: now });
    await repo.updateCall(trx, call.id, { status: 'closed', outcome_note: advice, closed_at: now });
    await repo.appendEvent(trx, { callId: call.id, kind: 'closed', at: now, by: actor.userId, details: { advice } });
    await recordAudit(trx, actor.audit, { action: 'ooh.call.closed', recordType: 'ooh_call', recordId: call.id, details: { reference: call.reference } });
  });

/**
 * An equipment fault call becomes a maintenance fault, raised through maintenance's own use case
 * (its own transaction: the fault is raised first, then linked to the call under the call's lock;
 * a call that moved on in between keeps the fault, which is linked and noted all the same).
 */
/** The fault and the call's link to it commit together (maintenance's use case runs in this transaction), under the call's lock, so it is raised once. */
export const raiseFaultFromCall = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: { target: 'camera' | 'equipment'; cameraId?: string; equipmentId?: string } }) =>
  step(deps, id, async (trx, c, now) => {
    if (c.status !== 'open' || !c.becomes_fault || c.fault_id) throw errors.notAFault();
    const fault = await raiseFault(withinTransaction(deps, trx), {
      actor, party: { party: 'council', canDecide: false }, source: 'ooh',
      input: { ...input, description: `${c.reference}: ${c.description}`.slice(0, 2500) },
    });
    await repo.updateCall(trx, c.id, { fault_id: fault.id, fault_reference: fault.reference, status: 'fault_raised', outcome_note: `Maintenance fault ${fault.reference}`, closed_at: now });
    await repo.appendEvent(trx, { callId: c.id, kind: 'fault-raised', at: now, by: actor.userId, details: { faultId: fault.id, faultReference: fault.reference } });
    await recordAudit(trx, actor.audit, { action: 'ooh.call.fault_raised', recordType: 'ooh_call', recordId: c.id, details: { reference: c.reference, fault: fault.reference } });
  });
