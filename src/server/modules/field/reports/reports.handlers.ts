import type { Deps } from '../../../platform/deps';
import type { AuditActor } from '../../../platform/audit/audit';
import { recordAudit } from '../../../platform/audit/audit';
import { validationFailed } from '../../../platform/http/errors';
import { findOpenEquipmentFault, raiseFault } from '../../maintenance';
import { openOccurrence } from '../../occurrences';
import { londonDay, londonYear } from '../../../../domain/calendar/london';
import type { AsbReportPayload, CarparkInspectionPayload, DefectReportPayload } from '../../../../domain/field/sync';
import { MACHINE_CHECKS, type MachineCheck } from '../../../../domain/field/reports.contract';
import * as repo from './reports.repository';

// The handheld's car-park inspections, defects and ASB reports, applied as the sync receives them.
// Each runs in the sync's transaction (deps from withinTransaction), so the record, the fault or
// occurrence it raises and the sync's own note of the record id commit or roll back together.
// A record already applied (the same id) answers as it did then. A refusal is a validationFailed.

/** The shape of the handheld's FieldSyncHandler (field/handheld/handheld.handlers.ts), kept local until the two are unified. */
export type ReportSyncHandler<P> = (
  deps: Deps,
  ctx: { actor: { audit: AuditActor; userId: string }; deviceId: string; recordId: string },
  payload: P,
) => Promise<{ id: string; reference: string }>;

const pad = (n: number) => String(n).padStart(6, '0');
export const formatReportReference = (prefix: 'INS' | 'DEF' | 'ASB', year: number, n: number) => `${prefix}-${year}-${pad(n)}`;

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

async function nextReference(deps: Deps, kind: 'inspection' | 'defect' | 'asb', at: Date) {
  const year = londonYear(at);
  const n = await repo.takeReferenceNumber(deps.db, kind, year);
  return formatReportReference(kind === 'inspection' ? 'INS' : kind === 'defect' ? 'DEF' : 'ASB', year, n);
}

/** The checks that failed, in the contract's order. */
export const failedChecks = (checks: Record<MachineCheck, boolean>): MachineCheck[] =>
  (Object.keys(MACHINE_CHECKS) as MachineCheck[]).filter((k) => !checks[k]);

function notInFuture(deps: Deps, at: Date) {
  if (at.getTime() > deps.clock.now().getTime() + 5 * 60_000) throw validationFailed([{ path: 'at', message: 'The time is in the future: check the handheld’s clock' }]);
}

export const applyCarparkInspection: ReportSyncHandler<CarparkInspectionPayload> = async (deps, ctx, p) => {
  const done = await repo.findInspection(deps.db, p.inspectionId);
  if (done) return done;
  const at = new Date(p.at);
  notInFuture(deps, at);
  const machine = await repo.findMachine(deps.db, p.machineId);
  if (!machine || !machine.is_active) throw validationFailed([{ path: 'machineId', message: 'Choose a car-park machine from the list: this one is not in the register' }]);
  const failed = failedChecks(p.checks);
  const reference = await nextReference(deps, 'inspection', at);
  let fault: { id: string; reference: string } | null = null;
  if (failed.length) {
    const open = await findOpenEquipmentFault(deps.db, machine.equipment_id);
    fault = open ?? await raiseFault(deps, {
      actor: ctx.actor, party: { party: 'council', canDecide: false }, source: 'field',
      input: {
        target: 'equipment', equipmentId: machine.equipment_id,
        description: `${reference}: ${machine.name} (${machine.car_park}) failed inspection: ${failed.map((k) => MACHINE_CHECKS[k]).join(', ')}.${p.note ? ` ${p.note}` : ''}`.slice(0, 2500),
      },
    });
  }
  await repo.insertInspection(deps.db, {
    id: p.inspectionId, reference, machine_id: machine.id, patrol_id: p.patrolId, device_id: ctx.deviceId, inspected_by: ctx.actor.userId, at,
    ...p.checks, note: p.note, photo_ids: p.photoIds, fault_id: fault?.id ?? null, fault_reference: fault?.reference ?? null,
  });
  await recordAudit(deps.db, ctx.actor.audit, {
    action: 'field.inspection.recorded', recordType: 'carpark_inspection', recordId: p.inspectionId,
    details: { reference, machine: machine.reference, failed, fault: fault?.reference ?? null, deviceId: ctx.deviceId },
  });
  return { id: p.inspectionId, reference };
};

export const applyDefectReport: ReportSyncHandler<DefectReportPayload> = async (deps, ctx, p) => {
  const done = await repo.findDefectRef(deps.db, p.defectId);
  if (done) return { id: done.id, reference: done.reference };
  const at = new Date(p.at);
  notInFuture(deps, at);
  const category = await repo.defectCategoryOn(deps.db, p.category, londonDay(at));
  if (!category) throw validationFailed([{ path: 'category', message: 'Choose a kind of defect from the list (refresh the handheld’s lists)' }]);
  const reference = await nextReference(deps, 'defect', at);
  const now = deps.clock.now();
  await repo.insertDefect(deps.db, {
    id: p.defectId, reference, category_id: category.id, team: category.team, patrol_id: p.patrolId, device_id: ctx.deviceId, reported_by: ctx.actor.userId, at,
    lat: p.point.lat, lon: p.point.lon, accuracy_m: p.point.accuracyM, place: p.place, description: p.description, photo_ids: p.photoIds, status_at: now, status_by: ctx.actor.userId,
  });
  await recordAudit(deps.db, ctx.actor.audit, {
    action: 'field.defect.reported', recordType: 'field_defect', recordId: p.defectId,
    details: { reference, category: category.code, team: category.team, deviceId: ctx.deviceId },
  });
  return { id: p.defectId, reference };
};

export const applyAsbReport: ReportSyncHandler<AsbReportPayload> = async (deps, ctx, p) => {
  const done = await repo.findAsbRef(deps.db, p.reportId);
  if (done) return done;
  const at = new Date(p.at);
  notInFuture(deps, at);
  const category = await repo.findAsbCategory(deps.db, p.category);
  if (!category || !category.is_active) throw validationFailed([{ path: 'category', message: 'Choose a kind of behaviour from the list (refresh the handheld’s lists)' }]);
  const reference = await nextReference(deps, 'asb', at);
  let occurrence: { id: string; reference: string } | null = null;
  if (p.passTo === 'control_room') {
    const categoryId = (await repo.occurrenceCategoryId(deps.db, 'asb')) ?? (await repo.occurrenceCategoryId(deps.db, 'other'));
    if (!categoryId) throw validationFailed([{ path: 'passTo', message: 'The control room’s log has no ASB category: pass it to the team instead' }]);
    const occ = await openOccurrence(deps, {
      actor: ctx.actor,
      input: {
        source: 'council_staff', categoryId, priority: 'normal',
        summary: clip(`${category.label}, field report ${reference}: ${p.description}`, 200),
        locationText: p.place, latitude: p.point.lat, longitude: p.point.lon,
        // A report that reaches the server more than a week late (a phone long without signal) opens
        // the occurrence without the time observed, which the log refuses that far back; the summary has it.
        observedAt: at.getTime() <= deps.clock.now().getTime() && deps.clock.now().getTime() - at.getTime() < 7 * 24 * 3600_000 ? at : null,
      },
    });
    occurrence = { id: occ.id, reference: occ.reference };
  }
  await repo.insertAsb(deps.db, {
    id: p.reportId, reference, category_id: category.id, pass_to: p.passTo, occurrence_id: occurrence?.id ?? null, occurrence_reference: occurrence?.reference ?? null,
    patrol_id: p.patrolId, device_id: ctx.deviceId, reported_by: ctx.actor.userId, at, lat: p.point.lat, lon: p.point.lon, accuracy_m: p.point.accuracyM,
    place: p.place, description: p.description, photo_ids: p.photoIds,
  });
  await recordAudit(deps.db, ctx.actor.audit, {
    action: 'field.asb.reported', recordType: 'field_asb_report', recordId: p.reportId,
    details: { reference, category: category.code, passTo: p.passTo, occurrence: occurrence?.reference ?? null, deviceId: ctx.deviceId },
  });
  return { id: p.reportId, reference };
};

/** The sync's handlers for the reports' kinds. */
export const REPORT_HANDLERS = {
  'carpark.inspection': applyCarparkInspection,
  'defect.report': applyDefectReport,
  'asb.report': applyAsbReport,
} as const;
