import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../../platform/db/db';
import type { Deps } from '../../../platform/deps';
import { cancelTimers, defineTimer, scheduleTimer, type DueTimer } from '../../../platform/timers/timers';
import { formatDateTime } from '../../../../domain/calendar/london';
import { duressStepIndex, isLate, nextCheckIn, reminderAt, type LoneWorkingPolicy } from '../../../../domain/ooh/loneWorking';
import * as repo from './lone-working.repository';

// The ladder's clockwork. Each check-in awaited is two durable timers written in the transaction
// that makes it awaited: a reminder before it is due and the missed check-in at its deadline. A
// missed check-in raises the first rung at once and writes a timer for each later rung at its
// offset after the deadline. Every timer's `fire` runs in the claiming transaction, re-reads the
// session under its row lock and does nothing when it has become moot (checked in since, ended,
// a newer escalation); a rung's row is unique per (session, escalation, step), so no rung is ever
// raised twice, whichever process fires it.

const seqPayload = z.object({ seq: z.number().int() });

export const reminderTimer = defineTimer({ kind: 'ooh.lone-worker-reminder', payload: seqPayload, fire: fireReminder });
export const missedTimer = defineTimer({ kind: 'ooh.lone-worker-missed', payload: seqPayload, fire: fireMissed });
export const stepTimer = defineTimer({ kind: 'ooh.lone-worker-step', payload: z.object({ escalation: z.number().int(), step: z.number().int() }), fire: fireStep });

/** The lone-working timers, for the area's `timers` list (and a process that fires them). */
export const LONE_WORKING_TIMERS = [reminderTimer, missedTimer, stepTimer];

export const policyOf = (s: repo.SessionRow) => s.policy as unknown as LoneWorkingPolicy;

/** Awaits the next check-in `interval` after `from`: a new seq, its due time and deadline, and its two timers. */
export async function awaitNextCheckIn(trx: Db, s: repo.SessionRow, { from, now }: { from: Date; now: Date }) {
  const policy = policyOf(s);
  const seq = s.checkin_seq + 1;
  const { dueAt, deadlineAt } = nextCheckIn(from, s.interval_minutes, policy);
  const remindAt = reminderAt(dueAt, s.interval_minutes, policy);
  if (remindAt > now && remindAt < dueAt) await scheduleTimer(trx, reminderTimer, { subjectId: s.id, dueAt: remindAt, payload: { seq } });
  await scheduleTimer(trx, missedTimer, { subjectId: s.id, dueAt: deadlineAt, payload: { seq } });
  return { checkin_seq: seq, next_due_at: dueAt, deadline_at: deadlineAt };
}

async function raiseStep(trx: Db, deps: Deps, s: repo.SessionRow, { escalation, step, dueAt, duress = false }: { escalation: number; step: number; dueAt: Date; duress?: boolean }) {
  const rung = policyOf(s).steps[step]!;
  const firedAt = deps.clock.now();
  const { id } = await repo.insertStep(trx, {
    session_id: s.id, escalation, step_index: step, action: rung.action, label: rung.label, script: rung.script,
    due_at: dueAt, fired_at: firedAt, late_ms: Math.max(0, firedAt.getTime() - dueAt.getTime()), duress,
  });
  await repo.appendEvent(trx, { sessionId: s.id, kind: 'step', at: firedAt, details: { stepId: id, escalation, step, label: rung.label, dueAt, duress } });
  return repo.updateSession(trx, s.id, { escalation_step: step, updated_at: firedAt });
}

/** A missed check-in (or duress): the ladder starts; from `fromStep` its rung is raised now, each later one is a timer. */
async function startEscalation(trx: Db, deps: Deps, s: repo.SessionRow, { deadlineAt, duress }: { deadlineAt: Date; duress: boolean }) {
  const now = deps.clock.now();
  const escalation = s.escalation + 1;
  const policy = policyOf(s);
  const first = duress ? duressStepIndex(policy) : 0;
  const started = await repo.updateSession(trx, s.id, { status: 'escalating', escalation, escalation_step: null, escalation_deadline_at: deadlineAt, duress, updated_at: now });
  const base = duress ? now.getTime() - policy.steps[first]!.offsetSeconds * 1000 : deadlineAt.getTime();
  await raiseStep(trx, deps, started, { escalation, step: first, dueAt: duress ? now : new Date(base + policy.steps[first]!.offsetSeconds * 1000), duress });
  for (let step = first + 1; step < policy.steps.length; step++) {
    await scheduleTimer(trx, stepTimer, { subjectId: s.id, dueAt: new Date(base + policy.steps[step]!.offsetSeconds * 1000), payload: { escalation, step } });
  }
}

async function fireReminder(trx: Transaction<Database>, deps: Deps, timer: DueTimer<{ seq: number }>) {
  const s = await repo.lockSession(trx, timer.subjectId);
  if (!s || s.status === 'ended' || s.status === 'ended_by_officer' || s.checkin_seq !== timer.payload.seq) return;
  const now = deps.clock.now();
  const mailed = Boolean(deps.mail && s.worker_email);
  if (deps.mail && s.worker_email) {
    await deps.mail.send({
      to: [s.worker_email], subject: `Lone working: check in by ${formatDateTime(s.next_due_at!)}`,
      text: `Your next lone-working check-in (${s.reference}, ${s.task} at ${s.location}) is due at ${formatDateTime(s.next_due_at!)}.\n\nCheck in from the Lone working page, or call the out-of-hours officer.`,
    });
  }
  await repo.appendEvent(trx, { sessionId: s.id, kind: 'reminder', at: now, details: { dueAt: s.next_due_at, mailed } });
}

async function fireMissed(trx: Transaction<Database>, deps: Deps, timer: DueTimer<{ seq: number }>) {
  const s = await repo.lockSession(trx, timer.subjectId);
  if (!s || s.status !== 'active' || s.checkin_seq !== timer.payload.seq || !s.deadline_at) return;
  await repo.appendEvent(trx, { sessionId: s.id, kind: 'missed', at: deps.clock.now(), details: { dueAt: s.next_due_at, deadlineAt: s.deadline_at, seq: s.checkin_seq } });
  await startEscalation(trx, deps, s, { deadlineAt: s.deadline_at, duress: false });
}

async function fireStep(trx: Transaction<Database>, deps: Deps, timer: DueTimer<{ escalation: number; step: number }>) {
  const s = await repo.lockSession(trx, timer.subjectId);
  const { escalation, step } = timer.payload;
  if (!s || s.status !== 'escalating' || s.escalation !== escalation || (s.escalation_step ?? -1) >= step) return;
  await raiseStep(trx, deps, s, { escalation, step, dueAt: timer.dueAt });
}

export type CheckInVia = 'self' | 'officer' | 'step';

/**
 * A check-in, in the caller's transaction under the session's lock. On time (at or before the
 * deadline) it cancels the missed-check-in timer; late, it is recorded as late and the ladder
 * stops where it is (pending rungs cancelled, rungs raised stay). Either way the next check-in is
 * awaited from now. A duress word starts the ladder at the police rung at once; a worker's own
 * check-in never stops a duress escalation (only the officer can).
 */
export async function recordCheckIn(trx: Db, deps: Deps, s: repo.SessionRow, { via, by, duress = false, note = '' }: { via: CheckInVia; by: string | null; duress?: boolean; note?: string }) {
  const now = deps.clock.now();
  const late = isLate(now, s.deadline_at);
  const keepsDuress = s.status === 'escalating' && s.duress && via === 'self';
  await cancelTimers(trx, { subjectId: s.id, reason: duress ? 'duress' : late ? 'late check-in' : 'checked in', at: now });
  await repo.appendEvent(trx, {
    sessionId: s.id, kind: 'check_in', at: now, by,
    details: { via, late, dueAt: s.next_due_at, deadlineAt: s.deadline_at, note, ...(s.status === 'escalating' && !keepsDuress ? { ladderStoppedAtStep: s.escalation_step, escalation: s.escalation } : {}) },
  });
  const next = await awaitNextCheckIn(trx, s, { from: now, now });
  const stop = s.status === 'escalating' && !keepsDuress;
  let row = await repo.updateSession(trx, s.id, { ...next, last_check_in_at: now, updated_at: now, ...(stop ? { status: 'active', duress: false } : {}) });
  if (duress) {
    await repo.appendEvent(trx, { sessionId: s.id, kind: 'duress', at: now, by });
    await startEscalation(trx, deps, row, { deadlineAt: now, duress: true });
    row = (await repo.findSession(trx, s.id))!;
  } else if (keepsDuress) {
    // Keep the duress ladder's pending rungs: re-write them (the cancel above took every timer).
    await rescheduleRungs(trx, row);
  }
  return { row, late };
}

async function rescheduleRungs(trx: Db, s: repo.SessionRow) {
  const policy = policyOf(s);
  const from = (s.escalation_step ?? -1) + 1;
  const base = s.escalation_deadline_at!.getTime() - policy.steps[duressStepIndex(policy)]!.offsetSeconds * 1000;
  for (let step = from; step < policy.steps.length; step++) {
    await scheduleTimer(trx, stepTimer, { subjectId: s.id, dueAt: new Date(base + policy.steps[step]!.offsetSeconds * 1000), payload: { escalation: s.escalation, step } });
  }
}
