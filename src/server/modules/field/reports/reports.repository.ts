import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';

// Reports' SQL: car-park machines and their inspections, defect and ASB categories, defects, ASB reports.

export async function takeReferenceNumber(db: Db, kind: 'inspection' | 'defect' | 'asb', year: number): Promise<number> {
  const row = await db.insertInto('field_report_counters').values({ kind, year, last: 1 })
    .onConflict((oc) => oc.columns(['kind', 'year']).doUpdateSet({ last: sql`field_report_counters.last + 1` }))
    .returning('last').executeTakeFirstOrThrow();
  return row.last;
}

// ---- Machines ----

const machines = (db: Db) => db.selectFrom('carpark_machines as m').innerJoin('equipment as e', 'e.id', 'm.equipment_id')
  .select(['m.id', 'm.equipment_id', 'm.reference', 'm.name', 'm.car_park', 'm.lat', 'm.lon', 'm.is_active', 'e.status'])
  .select((eb) => [
    eb.selectFrom('carpark_inspections as i').whereRef('i.machine_id', '=', 'm.id').orderBy('i.at', 'desc').limit(1)
      .select(sql<{ reference: string; at: string; passed: boolean } | null>`json_build_object('reference', i.reference, 'at', i.at, 'passed', i.working and i.cash and i.card and i.paper and i.display)`.as('x')).as('last_inspection'),
  ]);
export type MachineRow = Awaited<ReturnType<typeof listMachines>>[number];
export const listMachines = (db: Db, { activeOnly = false } = {}) =>
  machines(db).$if(activeOnly, (q) => q.where('m.is_active', '=', true)).orderBy('m.car_park').orderBy('m.reference').execute();
export const findMachine = (db: Db, id: string) => machines(db).where('m.id', '=', id).executeTakeFirst();
export const insertMachine = (db: Db, row: { equipment_id: string; reference: string; name: string; car_park: string; lat: number; lon: number; created_by: string }) =>
  db.insertInto('carpark_machines').values(row).onConflict((oc) => oc.column('reference').doNothing()).returning('id').executeTakeFirst();

// ---- Inspections ----

export interface InspectionFilter { from?: Date; to?: Date; machineId?: string; failed?: 'yes' | 'no'; sort: 'at_desc' | 'at_asc'; limit: number }

export const findInspection = (db: Db, id: string) => db.selectFrom('carpark_inspections').select(['id', 'reference']).where('id', '=', id).executeTakeFirst();
export const insertInspection = (db: Db, row: {
  id: string; reference: string; machine_id: string; patrol_id: string | null; device_id: string; inspected_by: string; at: Date;
  working: boolean; cash: boolean; card: boolean; paper: boolean; display: boolean; note: string; photo_ids: string[]; fault_id: string | null; fault_reference: string | null;
}) => db.insertInto('carpark_inspections').values(row).execute();

export const listInspections = (db: Db, f: InspectionFilter) =>
  db.selectFrom('carpark_inspections as i').innerJoin('carpark_machines as m', 'm.id', 'i.machine_id').innerJoin('users as u', 'u.id', 'i.inspected_by')
    .select(['i.id', 'i.reference', 'i.at', 'i.working', 'i.cash', 'i.card', 'i.paper', 'i.display', 'i.note', 'i.photo_ids', 'i.patrol_id', 'i.fault_id', 'i.fault_reference',
      'm.id as machine_id', 'm.reference as machine_reference', 'm.name as machine_name', 'm.car_park', 'u.id as officer_id', 'u.display_name as officer_name'])
    .$if(Boolean(f.from), (q) => q.where('i.at', '>=', f.from!))
    .$if(Boolean(f.to), (q) => q.where('i.at', '<', f.to!))
    .$if(Boolean(f.machineId), (q) => q.where('i.machine_id', '=', f.machineId!))
    .$if(f.failed === 'yes', (q) => q.where(sql<boolean>`not (i.working and i.cash and i.card and i.paper and i.display)`))
    .$if(f.failed === 'no', (q) => q.where(sql<boolean>`(i.working and i.cash and i.card and i.paper and i.display)`))
    .orderBy('i.at', f.sort === 'at_asc' ? 'asc' : 'desc').limit(f.limit).execute();

// ---- Categories ----

export const listDefectCategories = (db: Db) =>
  db.selectFrom('defect_categories').selectAll().orderBy('sort_order').orderBy('label').orderBy('valid_from').execute();
/** The version of a category in force on a London date. */
export const defectCategoryOn = (db: Db, code: string, day: string) =>
  db.selectFrom('defect_categories').selectAll().where('code', '=', code).where('valid_from', '<=', day as never)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day as never)])).orderBy('valid_from', 'desc').executeTakeFirst();
export const defectCategoriesOn = (db: Db, day: string) =>
  db.selectFrom('defect_categories').selectAll().where('valid_from', '<=', day as never)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day as never)])).orderBy('sort_order').orderBy('label').execute();
/** A version of the category from `day` or later, if there is one. */
export const findDefectCategoryFrom = (db: Db, code: string, day: string) =>
  db.selectFrom('defect_categories').select('id').where('code', '=', code).where('valid_from', '>=', day as never).executeTakeFirst();
export const insertDefectCategory = (db: Db, row: { code: string; label: string; team: string; team_email: string | null; valid_from: string; sort_order: number }) =>
  db.insertInto('defect_categories').values(row).returning('id').executeTakeFirstOrThrow();
/** Ends the version in force before `day` on the day before it. */
export const endDefectCategory = (db: Db, code: string, day: string, dayBefore: string) =>
  db.updateTable('defect_categories').set({ valid_to: dayBefore as never }).where('code', '=', code).where('valid_from', '<', day as never)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day as never)])).execute();
export const maxDefectSort = (db: Db) => db.selectFrom('defect_categories').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirstOrThrow().then((r) => Number(r.m ?? 0));

export const listAsbCategories = (db: Db, { activeOnly = false } = {}) =>
  db.selectFrom('asb_categories').selectAll().$if(activeOnly, (q) => q.where('is_active', '=', true)).orderBy('sort_order').orderBy('label').execute();
export const findAsbCategory = (db: Db, code: string) => db.selectFrom('asb_categories').selectAll().where('code', '=', code).executeTakeFirst();
export const insertAsbCategory = (db: Db, row: { code: string; label: string; sort_order: number }) =>
  db.insertInto('asb_categories').values(row).onConflict((oc) => oc.column('code').doNothing()).returning('id').executeTakeFirst();

// ---- Defects ----

export interface DefectFilter { from?: Date; to?: Date; status?: string; category?: string; team?: string; sort: 'at_desc' | 'at_asc'; limit: number }
export const findDefectRef = (db: Db, id: string) => db.selectFrom('field_defects').select(['id', 'reference', 'status']).where('id', '=', id).executeTakeFirst();
export const lockDefect = (db: Db, id: string) => db.selectFrom('field_defects').select(['id', 'reference', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
export const insertDefect = (db: Db, row: {
  id: string; reference: string; category_id: string; team: string; patrol_id: string | null; device_id: string; reported_by: string; at: Date;
  lat: number; lon: number; accuracy_m: number | null; place: string; description: string; photo_ids: string[]; status_at: Date; status_by: string;
}) => db.insertInto('field_defects').values(row).execute();
export const setDefectStatus = (db: Db, id: string, set: { status: 'passed_to_team' | 'acknowledged' | 'resolved'; status_at: Date; status_by: string; status_note: string }) =>
  db.updateTable('field_defects').set(set).where('id', '=', id).execute();
export const listDefects = (db: Db, f: DefectFilter & { id?: string }) =>
  db.selectFrom('field_defects as d').innerJoin('defect_categories as k', 'k.id', 'd.category_id').innerJoin('users as u', 'u.id', 'd.reported_by')
    .select(['d.id', 'd.reference', 'd.at', 'd.team', 'd.patrol_id', 'd.lat', 'd.lon', 'd.accuracy_m', 'd.place', 'd.description', 'd.photo_ids', 'd.status', 'd.status_at', 'd.status_note',
      'k.code as category_code', 'k.label as category_label', 'u.id as officer_id', 'u.display_name as officer_name'])
    .$if(Boolean(f.id), (q) => q.where('d.id', '=', f.id!))
    .$if(Boolean(f.from), (q) => q.where('d.at', '>=', f.from!))
    .$if(Boolean(f.to), (q) => q.where('d.at', '<', f.to!))
    .$if(Boolean(f.status), (q) => q.where('d.status', '=', f.status as never))
    .$if(Boolean(f.category), (q) => q.where('k.code', '=', f.category!))
    .$if(Boolean(f.team), (q) => q.where('d.team', '=', f.team!))
    .orderBy('d.at', f.sort === 'at_asc' ? 'asc' : 'desc').limit(f.limit).execute();

// ---- ASB ----

export interface AsbFilter { from?: Date; to?: Date; passTo?: string; category?: string; sort: 'at_desc' | 'at_asc'; limit: number }
export const findAsbRef = (db: Db, id: string) => db.selectFrom('field_asb_reports').select(['id', 'reference']).where('id', '=', id).executeTakeFirst();
export const insertAsb = (db: Db, row: {
  id: string; reference: string; category_id: string; pass_to: 'team' | 'control_room'; occurrence_id: string | null; occurrence_reference: string | null;
  patrol_id: string | null; device_id: string; reported_by: string; at: Date; lat: number; lon: number; accuracy_m: number | null; place: string; description: string; photo_ids: string[];
}) => db.insertInto('field_asb_reports').values(row).execute();
export const listAsb = (db: Db, f: AsbFilter) =>
  db.selectFrom('field_asb_reports as a').innerJoin('asb_categories as k', 'k.id', 'a.category_id').innerJoin('users as u', 'u.id', 'a.reported_by')
    .select(['a.id', 'a.reference', 'a.at', 'a.pass_to', 'a.occurrence_id', 'a.occurrence_reference', 'a.patrol_id', 'a.lat', 'a.lon', 'a.accuracy_m', 'a.place', 'a.description', 'a.photo_ids',
      'k.code as category_code', 'k.label as category_label', 'u.id as officer_id', 'u.display_name as officer_name'])
    .$if(Boolean(f.from), (q) => q.where('a.at', '>=', f.from!))
    .$if(Boolean(f.to), (q) => q.where('a.at', '<', f.to!))
    .$if(Boolean(f.passTo), (q) => q.where('a.pass_to', '=', f.passTo as never))
    .$if(Boolean(f.category), (q) => q.where('k.code', '=', f.category!))
    .orderBy('a.at', f.sort === 'at_asc' ? 'asc' : 'desc').limit(f.limit).execute();

/** An occurrence category id by key (the control room's ASB category). */
export const occurrenceCategoryId = (db: Db, key: string) =>
  db.selectFrom('occurrence_categories').select('id').where('key', '=', key).where('is_active', '=', true).executeTakeFirst().then((r) => r?.id);
