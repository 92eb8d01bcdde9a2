import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { hashPassword, verifyPassword } from '../../../platform/auth/passwords';
import { cancelTimers, pendingTimers } from '../../../platform/timers/timers';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors';
import { formatTime } from '../../../../domain/calendar/london';
import { DEFAULT_LONE_WORKING_POLICY, ladderProblem, normaliseWord, type LoneWorkingPolicy } from '../../../../domain/ooh/loneWorking';
import {
  OohAcknowledgeStep, OohLoneWorkingPolicy, OohStartLoneWorking, OohStartOwnLoneWorking,
  type OohLoneWorkerBoard, type OohOwnCheckInReply,
} from '../../../../domain/ooh/contract';
import type { z } from 'zod';
import * as repo from './lone-working.repository';
import { awaitNextCheckIn, policyOf, recordCheckIn, stepTimer } from './lone-working.ladder';
import { toDetail, toOwn, toSummary } from './lone-working.views';

// What people do with lone working: a worker starts their own session, checks in (perhaps with
// their duress word) and ends it; the out-of-hours officer starts one for a caller, checks in on
// their behalf after a phone call, acknowledges each rung of the ladder with its outcome, ends a
// session; a manager sets the ladder's policy. Each is one transaction under the session's row
// lock, with its audit event. Use cases take their clock from deps, so a bench or a test can drive them.

export interface Actor { audit: AuditActor; userId: string }

export async function currentPolicy(db: Db) {
  const row = await repo.latestPolicy(db);
  return row
    ? { version: row.version, createdAt: row.created_at.toISOString(), policy: row.policy as unknown as LoneWorkingPolicy }
    : { version: 0, createdAt: null, policy: DEFAULT_LONE_WORKING_POLICY };
}

export async function setPolicy(deps: Deps, { actor, policy }: { actor: Actor; policy: z.input<typeof OohLoneWorkingPolicy> }) {
  const parsed = OohLoneWorkingPolicy.parse(policy);
  const problem = ladderProblem(parsed.steps);
  if (problem) throw validationFailed([problem]);
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.insertPolicy(trx, { policy: parsed, by: actor.userId, at: deps.clock.now() });
    await recordAudit(trx, actor.audit, { action: 'ooh.lone_working_policy.saved', recordType: 'lone_working_policy', details: { version: row.version, steps: parsed.steps.map((s) => `${s.label} +${s.offsetSeconds}s`) } });
    return { version: row.version, createdAt: row.created_at.toISOString(), policy: parsed };
  });
}

type Worker = { userId: string | null; name: string; organisation: string; phone: string; email: string | null };
type SessionInput = z.output<typeof OohStartLoneWorking>;

async function start(deps: Deps, actor: Actor, input: Omit<SessionInput, 'worker'>, worker: Worker, via: 'self' | 'officer') {
  const now = deps.clock.now();
  if (input.expectedEndAt <= now) throw validationFailed([{ path: 'expectedEndAt', message: 'Enter an expected end in the future' }]);
  const duressHash = input.duressWord ? await hashPassword(normaliseWord(input.duressWord)) : null;
  return deps.db.transaction().execute(async (trx) => {
    const { version, policy } = await currentPolicy(trx);
    const inserted = await repo.insertSession(trx, {
      reference: await repo.nextReference(trx, now), user_id: worker.userId, worker_name: worker.name, worker_organisation: worker.organisation,
      worker_phone: worker.phone, worker_email: worker.email, location: input.location, latitude: input.latitude, longitude: input.longitude,
      task: input.task, vehicle: input.vehicle, important_info: input.importantInfo, manager_name: input.managerName, manager_phone: input.managerPhone,
      interval_minutes: input.intervalMinutes, expected_end_at: input.expectedEndAt, duress_hash: duressHash, policy_version: version,
      policy: JSON.stringify(policy), status: 'active', started_at: now, started_by: actor.userId, started_via: via, updated_at: now,
    });
    const row = await repo.updateSession(trx, inserted.id, await awaitNextCheckIn(trx, inserted, { from: now, now }));
    await repo.appendEvent(trx, { sessionId: row.id, kind: 'started', at: now, by: actor.userId, details: { via, intervalMinutes: input.intervalMinutes, policyVersion: version } });
    await recordAudit(trx, actor.audit, { action: 'ooh.lone_working.started', recordType: 'lone_working_session', recordId: row.id, details: { reference: row.reference, via, worker: worker.name } });
    return row;
  });
}

/** A worker starts their own session (lone_working.self). */
export async function startOwnSession(deps: Deps, { actor, input }: { actor: Actor; input: z.input<typeof OohStartOwnLoneWorking> }) {
  const parsed = OohStartOwnLoneWorking.parse(input);
  const me = (await repo.findUserContact(deps.db, actor.userId))!;
  return toOwn(await start(deps, actor, parsed, { userId: actor.userId, name: me.display_name, organisation: '', phone: parsed.phone, email: me.email }, 'self'));
}

/** The officer starts a session for a caller (council or partner staff), after a phone call. */
export async function startSession(deps: Deps, { actor, input }: { actor: Actor; input: z.input<typeof OohStartLoneWorking> }) {
  const parsed = OohStartLoneWorking.parse(input);
  const row = await start(deps, actor, parsed, { userId: null, ...parsed.worker }, 'officer');
  return getSession(deps, { id: row.id });
}

async function locked<T>(deps: Deps, id: string, run: (trx: Db, s: repo.SessionRow) => Promise<T>, { userId }: { userId?: string } = {}) {
  return deps.db.transaction().execute(async (trx) => {
    const s = await repo.lockSession(trx, id);
    if (!s || (userId && s.user_id !== userId)) throw notFound({ what: 'lone-working session' });
    if (s.status === 'ended' || s.status === 'ended_by_officer') throw conflict('ooh.lone_working_ended', 'This lone-working session has ended.');
    return run(trx, s);
  });
}

/** The worker checks in from their own page: a duress word gets exactly the reply a normal check-in gets. */
export async function ownCheckIn(deps: Deps, { actor, id, word = '' }: { actor: Actor; id: string; word?: string }): Promise<OohOwnCheckInReply> {
  const before = await repo.findSession(deps.db, id);
  if (!before || before.user_id !== actor.userId) throw notFound({ what: 'lone-working session' });
  const given = normaliseWord(word);
  const duress = Boolean(before.duress_hash && given && (await verifyPassword(before.duress_hash, given)));
  const { row, at } = await locked(deps, id, async (trx, s) => {
    const { row } = await recordCheckIn(trx, deps, s, { via: 'self', by: actor.userId, duress });
    await recordAudit(trx, actor.audit, { action: 'ooh.lone_working.checked_in', recordType: 'lone_working_session', recordId: id, details: { via: 'self', duress } });
    return { row, at: row.last_check_in_at! };
  }, { userId: actor.userId });
  return { at: at.toISOString(), message: `Check-in recorded. Your next check-in is due at ${formatTime(row.next_due_at!)}.`, session: toOwn(row) };
}

/** The officer records a check-in on the worker's behalf (after a phone call). */
export async function officerCheckIn(deps: Deps, { actor, id, note = '' }: { actor: Actor; id: string; note?: string }) {
  await locked(deps, id, async (trx, s) => {
    const { late } = await recordCheckIn(trx, deps, s, { via: 'officer', by: actor.userId, note });
    await recordAudit(trx, actor.audit, { action: 'ooh.lone_working.checked_in', recordType: 'lone_working_session', recordId: id, details: { via: 'officer', late } });
  });
  return getSession(deps, { id });
}

/** The officer acknowledges a rung with its outcome; "answered and safe" counts as a check-in and stops the ladder. */
export async function acknowledgeStep(deps: Deps, { actor, id, stepId, input }: { actor: Actor; id: string; stepId: string; input: z.input<typeof OohAcknowledgeStep> }) {
  const { outcome, note } = OohAcknowledgeStep.parse(input);
  await locked(deps, id, async (trx, s) => {
    const step = await repo.findStep(trx, id, stepId);
    if (!step) throw notFound({ what: 'escalation step' });
    if (step.ack_id) throw conflict('ooh.step_acknowledged', 'This step has already been acknowledged.');
    const now = deps.clock.now();
    await repo.insertAcknowledgement(trx, { step_id: stepId, outcome, note, at: now, by_user: actor.userId });
    await repo.appendEvent(trx, { sessionId: id, kind: 'acknowledged', at: now, by: actor.userId, details: { stepId, label: step.label, outcome, note } });
    if (outcome === 'answered_safe' && s.status === 'escalating') await recordCheckIn(trx, deps, s, { via: 'step', by: actor.userId, note });
    await recordAudit(trx, actor.audit, { action: 'ooh.lone_working.step_acknowledged', recordType: 'lone_working_session', recordId: id, details: { stepId, outcome } });
  });
  return getSession(deps, { id });
}

async function end(deps: Deps, { actor, id, note, userId }: { actor: Actor; id: string; note: string; userId?: string }) {
  return locked(deps, id, async (trx, s) => {
    const now = deps.clock.now();
    const status = userId ? 'ended' : 'ended_by_officer';
    await cancelTimers(trx, { subjectId: id, reason: status, at: now });
    await repo.appendEvent(trx, { sessionId: id, kind: 'ended', at: now, by: actor.userId, details: { status, note, wasEscalating: s.status === 'escalating' } });
    await recordAudit(trx, actor.audit, { action: 'ooh.lone_working.ended', recordType: 'lone_working_session', recordId: id, details: { status } });
    return repo.updateSession(trx, id, { status, ended_at: now, ended_by: actor.userId, end_note: note, updated_at: now });
  }, { userId });
}

/** The worker ends their own session: safe. */
export const endOwnSession = async (deps: Deps, a: { actor: Actor; id: string; note?: string }) => toOwn(await end(deps, { ...a, note: a.note ?? '', userId: a.actor.userId }));
/** The officer ends a session (the worker is safe, or it was started in error). */
export async function endSession(deps: Deps, a: { actor: Actor; id: string; note?: string }) {
  await end(deps, { ...a, note: a.note ?? '' });
  return getSession(deps, { id: a.id });
}

export async function getSession(deps: Deps, { id }: { id: string }) {
  const s = await repo.findSession(deps.db, id);
  if (!s) throw notFound({ what: 'lone-working session' });
  const [steps, events, timers] = await Promise.all([repo.listSteps(deps.db, [id]), repo.listEvents(deps.db, id), pendingTimers(deps.db, id)]);
  const pending = timers.filter((t) => t.kind === stepTimer.kind).map((t) => {
    const step = (t.payload as { step: number }).step;
    return { stepIndex: step, label: policyOf(s).steps[step]?.label ?? '', dueAt: t.dueAt };
  });
  return toDetail(s, { steps, events, pending, now: deps.clock.now() });
}

/** The board: open sessions, overdue and escalating first (duress first of all), then by deadline; or ended ones. */
export async function board(deps: Deps, { state = 'open', q, from, to }: { state?: 'open' | 'ended'; q?: string; from?: Date; to?: Date } = {}): Promise<OohLoneWorkerBoard> {
  const now = deps.clock.now();
  const rows = await repo.listSessions(deps.db, { state, q, from, to });
  const steps = await repo.listSteps(deps.db, rows.filter((r) => r.status === 'escalating').map((r) => r.id));
  const items = rows.map((r) => toSummary(r, steps, now));
  const rank = (i: (typeof items)[number]) => (i.duress ? 0 : i.overdue ? 1 : 2);
  if (state === 'open') items.sort((a, b) => rank(a) - rank(b) || (a.deadlineAt ?? '').localeCompare(b.deadlineAt ?? ''));
  return { at: now.toISOString(), items };
}

/** A worker's own sessions: the open ones and the last few ended. */
export async function ownSessions(deps: Deps, { actor }: { actor: Actor }) {
  const rows = await repo.listSessions(deps.db, { state: 'any', userId: actor.userId, limit: 20 });
  rows.sort((a, b) => b.started_at.getTime() - a.started_at.getTime());
  return { at: deps.clock.now().toISOString(), items: rows.map(toOwn) };
}
