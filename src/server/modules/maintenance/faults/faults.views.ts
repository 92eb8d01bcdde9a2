import type { Db } from '../../../platform/db/db';
import { weekdayOfNumber, type Priority, type SlaClockKind } from '../../../../domain/maintenance/contract';
import type { FaultClock as FaultClockDto, FaultEvent, FaultSummary } from '../../../../domain/maintenance/faultContract';
import { faultSla, type FaultClock, type FaultSla, type FaultTerm } from '../../../../domain/maintenance/faultSla';
import type { StepRecord } from '../../../../domain/maintenance/faults';
import type { SlaCalendar } from '../../../../domain/maintenance/slaClock';
import { clockCalendarFor, wallClockOf } from '../contracts/contracts.models';
import * as repo from './faults.repository';

// A fault as the pages show it: its row, its steps and its two SLA clocks. The terms and calendars
// of every contract on a page are read once (SlaContext), not once per fault.

export interface SlaContext {
  termFor(contractId: string, priority: Priority, raisedAt: Date): FaultTerm | null;
  calendarFor(contractId: string, clock: SlaClockKind): SlaCalendar | null;
}

export async function loadSlaContext(db: Db, contractIds: readonly (string | null)[]): Promise<SlaContext> {
  const ids = [...new Set(contractIds.filter((id): id is string => !!id))];
  const [clocks, terms] = await Promise.all([repo.contractClocks(db, ids), repo.termsOf(db, ids)]);
  const hours = new Map(clocks.map((c) => [c.id, c]));
  const calendars = new Map<string, SlaCalendar>();
  return {
    termFor(contractId, priority, raisedAt) {
      // Terms are newest first: the first in force at the raising is the fault's.
      const t = terms.find((x) => x.contract_id === contractId && x.priority === priority && x.effective_from.getTime() <= raisedAt.getTime());
      return t ? { clock: t.clock, responseMinutes: t.response_minutes, fixMinutes: t.fix_minutes } : null;
    },
    calendarFor(contractId, clock) {
      const key = `${contractId}:${clock}`;
      if (!calendars.has(key)) {
        const c = hours.get(contractId);
        if (!c) return null;
        calendars.set(key, clockCalendarFor({ workingDays: c.working_days.map(weekdayOfNumber), opensAt: wallClockOf(c.opens_at), closesAt: wallClockOf(c.closes_at) }, c.closure_days, clock));
      }
      return calendars.get(key)!;
    },
  };
}

export const stepsOf = (events: readonly repo.EventRow[]): StepRecord[] => events.map((e) => ({ kind: e.kind, at: e.at, stopReason: e.stop_reason }));

export function slaOf(f: repo.FaultRow, events: readonly repo.EventRow[], ctx: SlaContext, now: Date): FaultSla {
  const term = f.contract_id && f.priority ? ctx.termFor(f.contract_id, f.priority, f.raised_at) : null;
  const calendar = term && f.contract_id ? ctx.calendarFor(f.contract_id, term.clock) : null;
  return faultSla({ raisedAt: f.raised_at, term, calendar, steps: stepsOf(events), now });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const clockDto = (c: FaultClock | null): FaultClockDto | null => c && ({
  clock: c.clock, targetMinutes: c.targetMinutes, deadline: iso(c.deadline), warningAt: iso(c.warningAt),
  elapsedMinutes: Math.round(c.elapsedMinutes * 100) / 100, outcome: c.outcome, doneAt: iso(c.doneAt),
});

/** Who the viewer is: the council sees everyone's names; a contractor sees its own people's, and "the council" for the rest. */
export type Viewer = { party: 'council' } | { party: 'contractor'; organisationId: string };

export function toSummary(f: repo.FaultRow, sla: FaultSla, viewer: Viewer): FaultSummary {
  const seesRaiser = viewer.party === 'council' || f.raised_by_org === viewer.organisationId;
  return {
    id: f.id, reference: f.reference, source: f.source, target: f.camera_id ? 'camera' : 'equipment',
    targetRef: { id: (f.camera_id ?? f.equipment_id)!, reference: f.target_reference, name: f.target_name },
    description: f.description, priority: f.priority, contract: f.contract_id ? { id: f.contract_id, reference: f.contract_reference! } : null,
    stage: f.stage, state: f.state, raisedAt: f.raised_at.toISOString(), raisedBy: seesRaiser ? { id: f.raised_by, name: f.raised_by_name } : null,
    updatedAt: f.updated_at.toISOString(), response: clockDto(sla.response), fix: clockDto(sla.fix),
  };
}

export function toEvent(e: repo.EventRow, viewer: Viewer): FaultEvent {
  const ownPeople = viewer.party === 'council' || e.by_org_id === viewer.organisationId;
  const details = (e.details ?? null) as { description?: string; quantity?: number; partId?: string | null } | null;
  return {
    seq: e.seq, kind: e.kind, at: e.at.toISOString(), recordedAt: e.recorded_at.toISOString(),
    by: e.by_user_id ? { name: ownPeople ? (e.by_name ?? '') : 'Council staff', organisation: e.by_org_name ?? '' } : null,
    priority: e.priority, stopReason: e.stop_reason, note: e.note, photoSha256: e.photo_sha256,
    part: e.kind === 'part_used' && details ? { description: details.description ?? '', quantity: details.quantity ?? 0, partId: details.partId ?? null } : null,
  };
}

/** Whether an open fault's clock is at risk (warning or breached) or breached. */
export const isAtRisk = (sla: FaultSla) => [sla.response, sla.fix].some((c) => c && (c.outcome === 'warning' || c.outcome === 'breached'));
export const isBreached = (sla: FaultSla) => [sla.response, sla.fix].some((c) => c?.outcome === 'breached');
