import { subDays } from 'date-fns';
import type { Deps } from '../../../platform/deps';
import { londonDayStart, londonParts } from '../../../../domain/calendar/london';
import { weekdayOfNumber, type Priority } from '../../../../domain/maintenance/contract';
import { faultSla, slaMet, type FaultTerm } from '../../../../domain/maintenance/faultSla';
import { responseAndFix, type StepRecord } from '../../../../domain/maintenance/faults';
import { availabilityByCamera, overallAvailability, type Outage } from '../../../../domain/maintenance/availability';
import { londonMonth, isWithin } from '../../../../domain/maintenance/period';
import {
  AVAILABILITY_TARGET_PERCENT, REPEAT_WITHIN_DAYS, contractPerformance, type PerformanceReport, type ReportFault,
} from '../../../../domain/maintenance/performance';
import type { SlaCalendar } from '../../../../domain/maintenance/slaClock';
import * as contracts from '../contracts/contracts.repository';
import { clockCalendarFor, creditRuleOf, wallClockOf } from '../contracts/contracts.models';
import { contractNotFound } from '../contracts/contracts.errors';
import { validationFailed } from '../../../platform/http/errors';
import * as repo from './performance.repository';

// A contract's monthly performance report (issue 11): the faults raised in the month judged on the
// SLA terms in force when each was raised (faultSla), the figures by priority, repeats, service
// credits (contractPerformance), and every camera's availability over the month.
//
// Choices, stated once:
// - A fault with no priority yet is outside the figures (it has no SLA to judge), and counted as
//   `unprioritised` so that the report says so.
// - Availability covers every camera in service at some time in the month (not decommissioned
//   before it, installed before its end), so a camera that never failed shows at 100%; a camera
//   is down under a fault *of this contract* from its raising to its fix (the last fix not reopened),
//   or its acceptance where no fix was recorded (faults closed before the workflow). The council
//   waits on the contractor until the fix, not the acceptance: acceptance is the council's own step.
// - A month not yet over has its availability counted to now.
// - A decommissioned camera left service at its last change (cameras.changed_at).

/** "YYYY-MM" of the month before the London month containing `now`: the last complete month. */
export function lastCompleteMonth(now: Date): string {
  const { year, month } = londonParts(now);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

const termPicker = (rows: readonly repo.ReportTermRow[]) => {
  const byPriority = new Map<Priority, repo.ReportTermRow[]>();
  for (const t of rows) byPriority.set(t.priority, [...(byPriority.get(t.priority) ?? []), t]); // oldest first
  return (priority: Priority, at: Date): (FaultTerm & { clock: repo.ReportTermRow['clock'] }) | null => {
    const list = byPriority.get(priority) ?? [];
    let found: repo.ReportTermRow | undefined;
    for (const t of list) if (t.effective_from.getTime() <= at.getTime()) found = t; else break;
    return found ? { clock: found.clock, responseMinutes: found.response_minutes, fixMinutes: found.fix_minutes } : null;
  };
};

export async function performanceReport(deps: Deps, { contractId, month: asked }: { contractId: string; month?: string }): Promise<PerformanceReport> {
  const now = deps.clock.now();
  const month = asked ?? lastCompleteMonth(now);
  const period = londonMonth(month);
  if (!period) throw validationFailed([{ path: 'month', message: 'Enter the month as YYYY-MM, like 2026-10' }]);
  const db = deps.db;
  const contract = await contracts.findContract(db, contractId);
  if (!contract) throw contractNotFound();

  // Early enough for a repeat of a fault fixed up to 30 London days before the month began.
  const since = subDays(period.from, REPEAT_WITHIN_DAYS + 1);
  const [terms, closed, faults] = await Promise.all([
    repo.termsOf(db, contractId), contracts.closureDays(db, contractId), repo.faultsFor(db, { contractId, since, to: period.to }),
  ]);
  const faultCameraIds = [...new Set(faults.flatMap((f) => (f.camera_id && isWithin(f.raised_at, period) ? [f.camera_id] : [])))];
  const [steps, cameras] = await Promise.all([
    repo.stepsOf(db, faults.map((f) => f.id)), repo.camerasInService(db, { ...period, faultCameraIds }),
  ]);

  const stepsByFault = new Map<string, StepRecord[]>();
  for (const s of steps) {
    let list = stepsByFault.get(s.fault_id);
    if (!list) stepsByFault.set(s.fault_id, (list = []));
    list.push({ kind: s.kind, at: s.at, stopReason: s.stop_reason });
  }
  const hours = { workingDays: contract.working_days.map(weekdayOfNumber), opensAt: wallClockOf(contract.opens_at), closesAt: wallClockOf(contract.closes_at) };
  const calendars: Record<string, SlaCalendar> = {
    round_the_clock: clockCalendarFor(hours, [], 'round_the_clock'),
    working_hours: clockCalendarFor(hours, closed.map((d) => d.day), 'working_hours'),
  };
  const termFor = termPicker(terms);

  const reportFaults: ReportFault[] = [];
  const outages: (Outage & { cameraId: string })[] = [];
  let unprioritised = 0;
  for (const f of faults) {
    const own = stepsByFault.get(f.id) ?? [];
    const inMonth = isWithin(f.raised_at, period);
    let done: { respondedAt: Date | null; fixedAt: Date | null; acceptedAt: Date | null };
    let responseSlaMet: boolean | null = null;
    let fixSlaMet: boolean | null = null;
    if (inMonth && f.priority) {
      // Only the month's own faults are judged: the earlier ones are there for their fixes.
      const term = termFor(f.priority, f.raised_at);
      const sla = faultSla({ raisedAt: f.raised_at, term, calendar: term ? calendars[term.clock] : null, steps: own, now });
      done = sla;
      responseSlaMet = slaMet(sla.response);
      fixSlaMet = slaMet(sla.fix);
    } else {
      const r = responseAndFix(own);
      done = { respondedAt: r.respondedAt ?? null, fixedAt: r.fixedAt ?? null, acceptedAt: r.acceptedAt ?? null };
    }
    if (inMonth && !f.priority) unprioritised++;
    if (f.priority) reportFaults.push({ id: f.id, cameraId: f.camera_id, priority: f.priority, raisedAt: f.raised_at, ...done, responseSlaMet, fixSlaMet });
    if (f.camera_id) outages.push({ cameraId: f.camera_id, openedAt: f.raised_at, closedAt: done.fixedAt ?? done.acceptedAt ?? f.closed_at });
  }

  const figures = contractPerformance({ period, faults: reportFaults, creditRule: creditRuleOf(contract.service_credits, Number(contract.monthly_charge_pence)) });
  // A month still running is counted to now: no camera is down (or up) in the future.
  const soFar = { from: period.from, to: new Date(Math.max(period.from.getTime(), Math.min(period.to.getTime(), now.getTime()))) };
  const availability = availabilityByCamera({
    period: soFar, outages,
    cameras: cameras.map((c) => ({
      cameraId: c.id,
      inService: { from: c.installed_on ? londonDayStart(c.installed_on) : null, to: c.status === 'decommissioned' ? (c.changed_at ?? c.updated_at) : null },
    })),
  });
  const cameraById = new Map(cameras.map((c) => [c.id, c]));
  const referenceOf = new Map(faults.map((f) => [f.id, f.reference]));
  const cameraRef = (id: string) => { const c = cameraById.get(id); return { id, reference: c?.reference ?? '', name: c?.name ?? '' }; };
  const overall = overallAvailability(availability);
  const monthFaults = reportFaults.filter((f) => isWithin(f.raisedAt, period));

  return {
    contract: { id: contract.id, reference: contract.reference, name: contract.name, contractor: { id: contract.contractor_organisation_id, name: contract.contractor_name } },
    month, from: period.from.toISOString(), to: period.to.toISOString(), generatedAt: now.toISOString(),
    isFinal: now.getTime() >= period.to.getTime() && unprioritised === 0 && monthFaults.every((f) => f.responseSlaMet !== null && f.fixSlaMet !== null),
    unprioritised,
    byPriority: figures.byPriority, total: figures.total,
    repeatFaults: figures.repeatFaults.map((r) => ({
      fault: { id: r.faultId, reference: referenceOf.get(r.faultId) ?? '' }, camera: cameraRef(r.cameraId), raisedAt: r.raisedAt.toISOString(),
      earlierFault: { id: r.earlierFaultId, reference: referenceOf.get(r.earlierFaultId) ?? '' }, earlierFixedAt: r.earlierFixedAt.toISOString(),
    })),
    serviceCredits: figures.serviceCredits,
    availability: {
      targetPercent: AVAILABILITY_TARGET_PERCENT,
      overallPercent: overall.percent,
      cameras: availability.filter((a) => a.percent !== null)
        .map((a) => ({ ...cameraRef(a.cameraId), inServiceHours: a.inServiceHours, downHours: a.downHours, percent: a.percent }))
        .sort((a, b) => (a.percent! - b.percent!) || a.reference.localeCompare(b.reference)),
    },
  };
}
