import { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../../platform/audit/audit';
import { defineTimer, scheduleTimer } from '../../../platform/timers/timers';
import { rotaLevelName } from '../../../../domain/ooh/rota';
import { onCallFor } from '../rota/rota.usecases';
import type { RotaRow } from '../rota/rota.repository';
import * as repo from './calls.repository';

// A referral to whoever is on call, and its durable timer: if the on-call person has not
// acknowledged within the category's minutes, the timer (written in the referral's transaction)
// refers the call to the next level up the rota for that duty at that moment, and so on to the
// top; there it says so, loudly. Acknowledging cancels the pending timer in its own transaction;
// a timer that fires after the call moved on (acknowledged, closed, already re-referred) does nothing.

export const REFERRAL_TIMER_KIND = 'ooh.referral-unacknowledged';

/** Refers a (locked) call to a shift on the rota, from `at`, and sets the acknowledgement timer. */
export async function referTo(trx: Db, { call, shift, at, by, kind, note = '', audit }: {
  call: repo.CallRow; shift: RotaRow; at: Date; by: string | null; kind: 'referred' | 're-referred'; note?: string; audit: AuditActor;
}) {
  const ackDueAt = new Date(at.getTime() + call.ack_minutes * 60_000);
  await repo.updateCall(trx, call.id, {
    status: 'awaiting_ack', referral_level: shift.level, referred_to_entry_id: shift.id, referred_to_name: shift.person_name,
    referred_to_phone: shift.phone, referred_at: at, ack_due_at: ackDueAt, acknowledged_at: null,
    ...(kind === 're-referred' ? { re_referrals: call.re_referrals + 1 } : {}),
  });
  const seq = await repo.appendEvent(trx, {
    callId: call.id, kind, at, by,
    details: { name: shift.person_name, phone: shift.phone, level: shift.level, levelName: rotaLevelName(shift.level), ackDueAt: ackDueAt.toISOString(), from: call.referred_to_name || undefined, note: note || undefined },
  });
  await scheduleTimer(trx, referralTimer, { subjectId: call.id, dueAt: ackDueAt, payload: { level: shift.level, seq } });
  await recordAudit(trx, audit, { action: `ooh.call.${kind}`, recordType: 'ooh_call', recordId: call.id, details: { reference: call.reference, to: shift.person_name, level: shift.level } });
}

/** The timer's step: the call still waits on the same person, so it goes up the rota (or says the top is reached). */
export async function referUp(trx: Db, deps: Deps, { callId, level }: { callId: string; level: number }) {
  const call = await repo.lockCall(trx, callId);
  if (!call || call.status !== 'awaiting_ack' || call.referral_level !== level || !call.duty_id) return;
  const now = deps.clock.now();
  const next = (await onCallFor(trx, call.duty_id, now)).find((s) => s.level > level);
  if (next) {
    await referTo(trx, { call, shift: next, at: now, by: null, kind: 're-referred', audit: SYSTEM_ACTOR });
    return;
  }
  await repo.updateCall(trx, call.id, { rota_exhausted: true });
  await repo.appendEvent(trx, { callId: call.id, kind: 'rota-exhausted', at: now, by: null, details: { name: call.referred_to_name, level } });
  await recordAudit(trx, SYSTEM_ACTOR, { action: 'ooh.call.rota_exhausted', recordType: 'ooh_call', recordId: call.id, details: { reference: call.reference, level } });
}

export const referralTimer = defineTimer({
  kind: REFERRAL_TIMER_KIND,
  payload: z.object({ level: z.number().int(), seq: z.number().int() }),
  fire: (trx, deps, timer) => referUp(trx, deps, { callId: timer.subjectId, level: timer.payload.level }),
});
