import type { WorkingCalendar } from '../../../../domain/calendar/workingCalendar';
import type { PauseReason } from '../../../../domain/requests/workflow';
import { clockFromDue, describeClock, requestClock } from '../../../../domain/requests/clock';
import type { AgencyAuthority, RequestDetail, RequestSummary } from '../../../../domain/requests/contract';
import type { ClockPolicy } from '../../../../domain/deadlines/policy';
import { FLOWS, isClosedStatus, nextStatuses, type RequestType, type Status } from '../../../../domain/requests/workflow';
import type * as repo from './register.repository';

// A request as the pages show it: its row with its clock worked out on the council's calendar today.

export interface ViewContext { calendar: WorkingCalendar; today: string }

export function toSummary(r: repo.RequestRow, { calendar, today }: ViewContext): RequestSummary {
  const clock = clockFromDue({ type: r.type as RequestType, due: r.due_on, paused: r.paused, closed: r.closed_at !== null }, { calendar, today });
  return {
    id: r.id, reference: r.reference, type: r.type as RequestType, status: r.status as Status, receivedOn: r.received_on,
    requester: { name: r.requester_name, organisation: r.requester_organisation }, summary: r.summary,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    clock: { ...clock, label: describeClock(clock) }, extended: r.extended,
  };
}

type Pause = { id: string; reason: string; from: string; to: string | null };

/** The case the clock is worked out from. */
export const clockCaseOf = (r: repo.RequestRow, pauses: readonly Pause[]) => ({
  type: r.type as RequestType, receivedOn: r.received_on, stageReceivedOn: r.stage_received_on, stage: r.complaint_stage,
  extended: r.extended, isDataProtectionComplaint: r.is_data_protection_complaint,
  pauses: pauses.map((p) => ({ from: p.from, to: p.to })), policy: r.policy as ClockPolicy, closed: r.closed_at !== null,
});

export function toDetail(r: repo.RequestRow, { pauses, events, cameras }: {
  pauses: readonly Pause[];
  events: Awaited<ReturnType<typeof repo.listEvents>>;
  cameras: { id: string; reference: string; name: string }[];
}, ctx: ViewContext): RequestDetail {
  const type = r.type as RequestType;
  const clock = requestClock(clockCaseOf(r, pauses), ctx);
  const open = !isClosedStatus(r.status);
  const pausedNow = pauses.some((p) => p.to === null);
  return {
    ...toSummary(r, ctx),
    channel: r.channel as RequestDetail['channel'],
    requester: { name: r.requester_name, organisation: r.requester_organisation, email: r.requester_email, phone: r.requester_phone, address: r.requester_address },
    organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name ?? '' } : null,
    place: r.place, timeFrom: r.time_from?.toISOString() ?? null, timeTo: r.time_to?.toISOString() ?? null, cameras,
    personDescription: r.person_description, clothing: r.clothing, authority: (r.authority as AgencyAuthority | null) ?? null,
    complaintStage: r.complaint_stage, stageReceivedOn: r.stage_received_on, isDataProtectionComplaint: r.is_data_protection_complaint,
    extensionReason: r.extension_reason, extensionNotifiedOn: r.extension_notified_on, outcome: r.outcome, closedAt: r.closed_at?.toISOString() ?? null,
    pauses: pauses.map((p) => ({ id: p.id, reason: p.reason as PauseReason, from: p.from, to: p.to })),
    clockCase: { policy: r.policy as ClockPolicy },
    clockSteps: clock.steps, extensionNoticeBy: clock.extensionNoticeBy ?? null, acknowledgeBy: clock.acknowledgeBy ?? null,
    nextStatuses: open && !pausedNow ? nextStatuses({ type, from: r.status }) : [],
    canStopClock: open && !pausedNow ? [...FLOWS[type].pauses] : [],
    canExtend: open && FLOWS[type].extendable && !r.extended,
    events: events.map((e) => ({
      seq: e.seq, kind: e.kind, at: e.at.toISOString(), by: e.by_user_id ? { id: e.by_user_id, name: e.by_name ?? '' } : null,
      details: e.details as Record<string, string | number | boolean | null>, correctsSeq: e.corrects_seq,
    })),
    version: r.version,
  };
}
