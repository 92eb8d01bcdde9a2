import { formatDateTime, formatTime } from '../../../../domain/calendar/london';
import { describeResponse, type OohResponse } from '../../../../domain/ooh/triage';
import { rotaLevelName } from '../../../../domain/ooh/rota';
import { OOH_CALL_STATUSES, type OohCallDetail, type OohCallStatus, type OohCallSummary, type OohRotaEntry } from '../../../../domain/ooh/calls.contract';
import type { CallRow } from './calls.repository';

// A call as the officer reads it: its response time, whether an acknowledgement is overdue, and
// its timeline in words.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const OPEN: readonly string[] = ['open', 'awaiting_ack', 'referred'];

export function toSummary(r: CallRow, now: Date): OohCallSummary {
  return {
    id: r.id, reference: r.reference, receivedAt: r.received_at.toISOString(), callerName: r.caller_name, address: r.address,
    category: { id: r.category_id, name: r.category_name }, priority: { key: r.priority_key, name: r.priority_name },
    responseBy: r.response_by.toISOString(), responseLabel: describeResponse(r.response as OohResponse),
    status: r.status as OohCallStatus, statusLabel: OOH_CALL_STATUSES[r.status as OohCallStatus],
    referral: r.referred_at ? {
      level: r.referral_level!, levelName: rotaLevelName(r.referral_level!), name: r.referred_to_name, phone: r.referred_to_phone,
      referredAt: r.referred_at.toISOString(), ackDueAt: r.ack_due_at!.toISOString(), acknowledgedAt: iso(r.acknowledged_at),
    } : null,
    ackOverdue: r.status === 'awaiting_ack' && !!r.ack_due_at && now >= r.ack_due_at,
    responseOverdue: OPEN.includes(r.status) && now > r.response_by,
    reReferrals: r.re_referrals, rotaExhausted: r.rota_exhausted, vulnerable: r.vulnerable,
  };
}

type Ev = { seq: number; kind: string; at: Date; by_name: string | null; details: unknown };

function eventText(kind: string, d: Record<string, string | number | undefined>): string {
  switch (kind) {
    case 'taken': return `Call taken: ${d.category}, ${d.priority} (${d.response}); needed by ${formatDateTime(d.responseBy as string)}`;
    case 'referred': return `Referred to ${d.name} (${d.levelName}${d.phone ? `, ${d.phone}` : ''}); acknowledgement due by ${formatTime(d.ackDueAt as string)}${d.note ? `. ${d.note}` : ''}`;
    case 're-referred': return `Not acknowledged by ${d.from} in time: referred up the rota to ${d.name} (${d.levelName}${d.phone ? `, ${d.phone}` : ''}); acknowledgement due by ${formatTime(d.ackDueAt as string)}`;
    case 'rota-exhausted': return `Not acknowledged by ${d.name} in time, and nobody higher is on the rota: ring round the duty managers yourself`;
    case 'acknowledged': return `${d.name} acknowledged at ${formatTime(d.acknowledgedAt as string)}${d.note ? `. ${d.note}` : ''}`;
    case 'downgraded': return `Downgraded and logged for the day service: ${d.reason}`;
    case 'closed': return `Closed with advice: ${d.advice}`;
    case 'fault-raised': return `Maintenance fault ${d.faultReference} raised`;
    default: return kind;
  }
}

export function toDetail(r: CallRow, { events, onCallNow, now }: { events: Ev[]; onCallNow: OohRotaEntry[]; now: Date }): OohCallDetail {
  const s = r.status;
  return {
    ...toSummary(r, now),
    callbackNumber: r.callback_number, lat: r.lat, lon: r.lon, description: r.description, vulnerability: r.vulnerability,
    takenBy: r.taken_by_name, dutyName: r.duty_name, ackMinutes: r.ack_minutes, becomesFault: r.becomes_fault,
    fault: r.fault_id ? { id: r.fault_id, reference: r.fault_reference } : null,
    outcomeNote: r.outcome_note, closedAt: iso(r.closed_at),
    events: events.map((e) => ({ seq: e.seq, kind: e.kind, at: e.at.toISOString(), by: e.by_name, text: eventText(e.kind, e.details as Record<string, string>) })),
    onCallNow,
    can: {
      refer: s === 'open' && !!r.duty_id, acknowledge: s === 'awaiting_ack', downgrade: s === 'open',
      close: OPEN.includes(s), raiseFault: s === 'open' && r.becomes_fault && !r.fault_id,
    },
  };
}
