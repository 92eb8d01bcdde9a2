import type { OohLoneWorkerDetail, OohLoneWorkerSummary, OohOwnLoneWorking } from '../../../../domain/ooh/contract';
import type { OohStepOutcome } from '../../../../domain/ooh/contract';
import type { StepAction } from '../../../../domain/ooh/loneWorking';
import type { SessionRow, StepRow } from './lone-working.repository';

// Sessions as the contract shapes them: the officer's board and detail, and the worker's own view
// (which never shows an escalation, a rung or a duress flag: escalating reads as active).

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toStep(r: StepRow) {
  return {
    id: r.id, escalation: r.escalation, stepIndex: r.step_index, action: r.action as StepAction, label: r.label, script: r.script,
    dueAt: r.due_at.toISOString(), firedAt: r.fired_at.toISOString(), lateMs: r.late_ms, duress: r.duress,
    acknowledgement: r.outcome && r.ack_at ? { outcome: r.outcome as OohStepOutcome, note: r.note ?? '', at: r.ack_at.toISOString(), by: r.ack_by ?? '' } : null,
  };
}

export function toSummary(s: SessionRow, steps: readonly StepRow[], now: Date): OohLoneWorkerSummary {
  const open = s.status === 'active' || s.status === 'escalating';
  const current = s.status === 'escalating' ? steps.filter((r) => r.session_id === s.id && r.escalation === s.escalation).at(-1) : undefined;
  return {
    id: s.id, reference: s.reference, workerName: s.worker_name, workerOrganisation: s.worker_organisation, workerPhone: s.worker_phone,
    location: s.location, task: s.task, status: s.status as OohLoneWorkerSummary['status'], startedVia: s.started_via as 'self' | 'officer',
    startedAt: s.started_at.toISOString(), expectedEndAt: s.expected_end_at.toISOString(), intervalMinutes: s.interval_minutes,
    lastCheckInAt: iso(s.last_check_in_at), nextDueAt: open ? iso(s.next_due_at) : null, deadlineAt: open ? iso(s.deadline_at) : null,
    overdue: s.status === 'escalating' || (open && s.deadline_at !== null && s.deadline_at < now),
    duress: s.status === 'escalating' && s.duress, currentStep: current ? toStep(current) : null, endedAt: iso(s.ended_at),
  };
}

export function toDetail(s: SessionRow, { steps, events, pending, now }: {
  steps: readonly StepRow[]; now: Date;
  events: readonly { kind: string; at: Date; details: unknown; by_name: string | null }[];
  pending: readonly { stepIndex: number; label: string; dueAt: Date }[];
}): OohLoneWorkerDetail {
  return {
    ...toSummary(s, steps, now), at: now.toISOString(), workerEmail: s.worker_email, latitude: s.latitude, longitude: s.longitude,
    vehicle: s.vehicle, importantInfo: s.important_info, managerName: s.manager_name, managerPhone: s.manager_phone, hasDuressWord: s.duress_hash !== null,
    policyVersion: s.policy_version, endNote: s.end_note, steps: steps.map(toStep),
    pendingSteps: pending.map((p) => ({ stepIndex: p.stepIndex, label: p.label, dueAt: p.dueAt.toISOString() })),
    events: events.map((e) => ({ kind: e.kind, at: e.at.toISOString(), by: e.by_name, details: (e.details ?? {}) as Record<string, string | number | boolean | null> })),
  };
}

/** The worker's own view of a session. */
export function toOwn(s: SessionRow): OohOwnLoneWorking {
  const open = s.status === 'active' || s.status === 'escalating';
  return {
    id: s.id, reference: s.reference, status: open ? 'active' : 'ended', location: s.location, task: s.task,
    startedAt: s.started_at.toISOString(), expectedEndAt: s.expected_end_at.toISOString(), intervalMinutes: s.interval_minutes,
    lastCheckInAt: iso(s.last_check_in_at), nextDueAt: open ? iso(s.next_due_at) : null, endedAt: iso(s.ended_at),
  };
}
