import type { Db } from '../../../platform/db/db';

// Call categories' SQL: the live row and its append-only versions.

export interface CategoryRow {
  id: string; key: string; name: string; duty_id: string | null; duty_key: string | null; duty_name: string | null;
  ack_minutes: number; priorities: unknown; becomes_fault: boolean; is_active: boolean; version: number;
}

const base = (db: Db) => db.selectFrom('ooh_call_categories as k').leftJoin('ooh_duties as d', 'd.id', 'k.duty_id')
  .select(['k.id', 'k.key', 'k.name', 'k.duty_id', 'd.key as duty_key', 'd.name as duty_name', 'k.ack_minutes', 'k.priorities', 'k.becomes_fault', 'k.is_active', 'k.version']);

export const listCategories = (db: Db): Promise<CategoryRow[]> => base(db).orderBy('k.sort_order').orderBy('k.name').execute();
export const findCategory = (db: Db, id: string): Promise<CategoryRow | undefined> => base(db).where('k.id', '=', id).executeTakeFirst();
export const lockCategory = (db: Db, id: string): Promise<CategoryRow | undefined> => base(db).where('k.id', '=', id).forUpdate('k').executeTakeFirst();
export const findCategoryByKey = (db: Db, key: string) => base(db).where('k.key', '=', key).executeTakeFirst();

export const insertCategory = (db: Db, row: { key: string; name: string; duty_id: string | null; ack_minutes: number; priorities: string; becomes_fault: boolean; is_active: boolean; sort_order: number; updated_by: string }) =>
  db.insertInto('ooh_call_categories').values(row).returning('id').executeTakeFirstOrThrow();

export const updateCategory = (db: Db, id: string, set: { name: string; duty_id: string | null; ack_minutes: number; priorities: string; becomes_fault: boolean; is_active: boolean; version: number; updated_by: string; updated_at: Date }) =>
  db.updateTable('ooh_call_categories').set(set).where('id', '=', id).execute();

export const insertVersion = (db: Db, row: { category_id: string; version: number; snapshot: string; changed_by: string; changed_at: Date }) =>
  db.insertInto('ooh_call_category_versions').values(row).execute();

export const nextSortOrder = (db: Db) =>
  db.selectFrom('ooh_call_categories').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirstOrThrow().then((r) => Number(r.m ?? 0) + 1);

export const findDuty = (db: Db, id: string) => db.selectFrom('ooh_duties').select(['id', 'key', 'name']).where('id', '=', id).executeTakeFirst();
export const listDuties = (db: Db) => db.selectFrom('ooh_duties').select(['id', 'key', 'name']).where('is_active', '=', true).orderBy('name').execute();
