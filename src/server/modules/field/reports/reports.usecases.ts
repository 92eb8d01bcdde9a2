import type { Deps } from '../../../platform/deps';
import type { AuditActor } from '../../../platform/audit/audit';
import { recordAudit } from '../../../platform/audit/audit';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors';
import { registerEquipment } from '../../estate';
import { withinTransaction } from '../../../platform/db/within';
import { londonDay, londonDayAfter, londonDayStart } from '../../../../domain/calendar/london';
import { addDays } from '../../../../domain/calendar/days';
import * as k from '../../../../domain/field/reports.contract';
import * as repo from './reports.repository';
import { contractsDuring } from '../parishes/parishes.repository';
import { failedChecks } from './reports.handlers';

// The office's side of what officers report: the lists, the machines' register, the categories,
// a defect's progress with its team, and the reference data the handheld caches.

export interface Actor { audit: AuditActor; userId: string }

const iso = (d: Date | string) => new Date(d).toISOString();
const range = (q: { from?: string; to?: string }) => ({ from: q.from ? londonDayStart(q.from) : undefined, to: q.to ? londonDayAfter(q.to) : undefined });
const dayText = (d: unknown) => (d instanceof Date ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}` : String(d).slice(0, 10));

export async function reference(deps: Deps): Promise<k.FieldReportsReference> {
  const today = londonDay(deps.clock.now());
  const [machines, defects, asb, contracts] = await Promise.all([
    repo.listMachines(deps.db, { activeOnly: true }), repo.defectCategoriesOn(deps.db, today), repo.listAsbCategories(deps.db, { activeOnly: true }),
    contractsDuring(deps.db, today, today),
  ]);
  return {
    machines: machines.map((m) => ({ id: m.id, reference: m.reference, name: m.name, carPark: m.car_park, lat: m.lat, lon: m.lon })),
    defectCategories: defects.map((c) => ({ code: c.code, label: c.label, team: c.team })),
    asbCategories: asb.map((c) => ({ code: c.code, label: c.label })),
    parishContracts: contracts.map((c) => ({ id: c.id, name: c.label ? `${c.parish_name}: ${c.label}` : c.parish_name })),
  };
}

// ---- Machines ----

const toMachine = (m: repo.MachineRow): k.CarparkMachine => {
  const last = m.last_inspection as { reference: string; at: string; passed: boolean } | null;
  return {
    id: m.id, equipmentId: m.equipment_id, reference: m.reference, name: m.name, carPark: m.car_park, lat: m.lat, lon: m.lon, status: m.status, isActive: m.is_active,
    lastInspection: last ? { reference: last.reference, at: iso(last.at), passed: last.passed } : null,
  };
};
export const listMachines = async (deps: Deps) => ({ items: (await repo.listMachines(deps.db)).map(toMachine) });

/** Registers a machine, as maintenance equipment (kind carpark_machine) too, so a failed inspection can raise a fault on it. */
export async function registerMachine(deps: Deps, { actor, input }: { actor: Actor; input: k.RegisterCarparkMachine }) {
  return deps.db.transaction().execute(async (trx) => {
    const inTrx = withinTransaction(deps, trx);
    const equipment = await registerEquipment(inTrx, { actor, input: { reference: input.reference, name: input.name, kind: 'carpark_machine', location: `${input.carPark}`.slice(0, 200) } })
      .catch((e: unknown) => { throw (e as { status?: number }).status === 409 || (e as { status?: number }).status === 400 ? validationFailed([{ path: 'reference', message: 'Equipment already has that reference: choose another' }]) : e; });
    const row = await repo.insertMachine(trx, { equipment_id: equipment.id, reference: input.reference, name: input.name, car_park: input.carPark, lat: input.lat, lon: input.lon, created_by: actor.userId });
    if (!row) throw validationFailed([{ path: 'reference', message: 'A machine already has that reference: choose another' }]);
    await recordAudit(trx, actor.audit, { action: 'field.machine.registered', recordType: 'carpark_machine', recordId: row.id, details: { reference: input.reference, carPark: input.carPark } });
    return toMachine((await repo.findMachine(trx, row.id))!);
  });
}

// ---- Inspections ----

export async function listInspections(deps: Deps, q: k.InspectionsQuery) {
  const rows = await repo.listInspections(deps.db, { ...range(q), machineId: q.machineId, failed: q.failed, sort: q.sort, limit: q.limit });
  return {
    items: rows.map((r): k.CarparkInspection => {
      const checks = { working: r.working, cash: r.cash, card: r.card, paper: r.paper, display: r.display };
      return {
        id: r.id, reference: r.reference, at: iso(r.at), machine: { id: r.machine_id, reference: r.machine_reference, name: r.machine_name, carPark: r.car_park },
        checks, failed: failedChecks(checks).map((c) => k.MACHINE_CHECKS[c]), note: r.note, photoIds: r.photo_ids, officer: { id: r.officer_id, name: r.officer_name },
        patrolId: r.patrol_id, fault: r.fault_id && r.fault_reference ? { id: r.fault_id, reference: r.fault_reference } : null,
      };
    }),
  };
}

// ---- Defects ----

type DefectRow = Awaited<ReturnType<typeof repo.listDefects>>[number];
const toDefect = (r: DefectRow): k.FieldDefect => ({
  id: r.id, reference: r.reference, at: iso(r.at), category: { code: r.category_code, label: r.category_label }, team: r.team,
  point: { lat: r.lat, lon: r.lon, accuracyM: r.accuracy_m }, place: r.place, description: r.description, photoIds: r.photo_ids,
  officer: { id: r.officer_id, name: r.officer_name }, patrolId: r.patrol_id, status: r.status, statusLabel: k.DEFECT_STATUSES[r.status], statusAt: iso(r.status_at), statusNote: r.status_note,
});
export async function listDefects(deps: Deps, q: k.DefectsQuery) {
  return { items: (await repo.listDefects(deps.db, { ...range(q), status: q.status, category: q.category, team: q.team, sort: q.sort, limit: q.limit })).map(toDefect) };
}

const DEFECT_ORDER = { passed_to_team: 0, acknowledged: 1, resolved: 2 } as const;

/** The owning team acknowledged or resolved it (recorded by the office); a defect never goes back. */
export async function setDefectStatus(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: { status: k.DefectStatus; note: string } }) {
  return deps.db.transaction().execute(async (trx) => {
    const d = await repo.lockDefect(trx, id);
    if (!d) throw notFound({ what: 'defect' });
    if (DEFECT_ORDER[input.status] <= DEFECT_ORDER[d.status]) throw conflict('field.defect_status', `The defect is already ${k.DEFECT_STATUSES[d.status].toLowerCase()}: it can only move on.`);
    await repo.setDefectStatus(trx, id, { status: input.status, status_at: deps.clock.now(), status_by: actor.userId, status_note: input.note });
    await recordAudit(trx, actor.audit, { action: 'field.defect.status', recordType: 'field_defect', recordId: id, details: { reference: d.reference, from: d.status, to: input.status } });
    return toDefect((await repo.listDefects(trx, { id, sort: 'at_desc', limit: 1 }))[0]);
  });
}

// ---- ASB ----

export async function listAsbReports(deps: Deps, q: k.AsbReportsQuery) {
  const rows = await repo.listAsb(deps.db, { ...range(q), passTo: q.passTo, category: q.category, sort: q.sort, limit: q.limit });
  return {
    items: rows.map((r): k.FieldAsbReport => ({
      id: r.id, reference: r.reference, at: iso(r.at), category: { code: r.category_code, label: r.category_label }, passTo: r.pass_to, passToLabel: k.ASB_PASS_TO[r.pass_to],
      occurrence: r.occurrence_id && r.occurrence_reference ? { id: r.occurrence_id, reference: r.occurrence_reference } : null,
      point: { lat: r.lat, lon: r.lon, accuracyM: r.accuracy_m }, place: r.place, description: r.description, photoIds: r.photo_ids,
      officer: { id: r.officer_id, name: r.officer_name }, patrolId: r.patrol_id,
    })),
  };
}

// ---- Categories ----

export async function categories(deps: Deps) {
  const [defects, asb] = await Promise.all([repo.listDefectCategories(deps.db), repo.listAsbCategories(deps.db)]);
  return {
    defectCategories: defects.map((c) => ({ id: c.id, code: c.code, label: c.label, team: c.team, teamEmail: c.team_email, validFrom: dayText(c.valid_from), validTo: c.valid_to ? dayText(c.valid_to) : null })),
    asbCategories: asb.map((c) => ({ id: c.id, code: c.code, label: c.label, isActive: c.is_active })),
  };
}

/** A defect category from a date: a new version of the code, the one in force before it ending the day before (defects keep the team they were passed to). */
export async function addDefectCategory(deps: Deps, { actor, input }: { actor: Actor; input: k.AddDefectCategory }) {
  return deps.db.transaction().execute(async (trx) => {
    if (await repo.findDefectCategoryFrom(trx, input.code, input.validFrom)) throw validationFailed([{ path: 'validFrom', message: 'This category already has a version from that date or later: choose a later date' }]);
    await repo.endDefectCategory(trx, input.code, input.validFrom, addDays(input.validFrom, -1));
    const { id } = await repo.insertDefectCategory(trx, { code: input.code, label: input.label, team: input.team, team_email: input.teamEmail, valid_from: input.validFrom, sort_order: (await repo.maxDefectSort(trx)) + 1 });
    await recordAudit(trx, actor.audit, { action: 'field.defect_category.added', recordType: 'defect_category', recordId: id, details: { ...input } });
    return { id };
  });
}

export async function addAsbCategory(deps: Deps, { actor, input }: { actor: Actor; input: { code: string; label: string } }) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.insertAsbCategory(trx, { code: input.code, label: input.label, sort_order: 100 });
    if (!row) throw validationFailed([{ path: 'code', message: 'A category already has that code: choose another' }]);
    await recordAudit(trx, actor.audit, { action: 'field.asb_category.added', recordType: 'asb_category', recordId: row.id, details: { ...input } });
    return { id: row.id };
  });
}
