import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';

// The rota's SQL: duties and dated shifts (removed ones are kept, marked).

export interface RotaRow {
  id: string; duty_id: string; duty_key: string; duty_name: string; level: number;
  user_id: string | null; user_name: string | null; person_name: string; phone: string;
  starts_at: Date; ends_at: Date; note: string;
}

const base = (db: Db) => db.selectFrom('ooh_rota_entries as e').innerJoin('ooh_duties as d', 'd.id', 'e.duty_id').leftJoin('users as u', 'u.id', 'e.user_id')
  .select(['e.id', 'e.duty_id', 'd.key as duty_key', 'd.name as duty_name', 'e.level', 'e.user_id', 'u.display_name as user_name', 'e.person_name', 'e.phone', 'e.starts_at', 'e.ends_at', 'e.note'])
  .where('e.removed_at', 'is', null);

/** Shifts that overlap [from, to), of one duty or all. */
export const listShifts = (db: Db, { from, to, dutyId }: { from: Date; to: Date; dutyId?: string }): Promise<RotaRow[]> => {
  let q = base(db).where('e.starts_at', '<', to).where('e.ends_at', '>', from);
  if (dutyId) q = q.where('e.duty_id', '=', dutyId);
  return q.orderBy('e.starts_at').orderBy('d.name').orderBy('e.level').execute();
};

/** Shifts of a duty that cover an instant. */
export const shiftsAt = (db: Db, dutyId: string, at: Date): Promise<RotaRow[]> =>
  base(db).where('e.duty_id', '=', dutyId).where('e.starts_at', '<=', at).where('e.ends_at', '>', at).execute();

export const findShift = (db: Db, id: string) => base(db).where('e.id', '=', id).executeTakeFirst();

export const listDuties = (db: Db) => db.selectFrom('ooh_duties').select(['id', 'key', 'name']).where('is_active', '=', true).orderBy('name').execute();
export const findDuty = (db: Db, id: string) => db.selectFrom('ooh_duties').select(['id', 'key', 'name']).where('id', '=', id).executeTakeFirst();

/** Council users who may go on the rota (active, in the council). */
export const listPeople = (db: Db) =>
  db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.display_name as name']).where('u.is_active', '=', true).where('o.is_external', '=', false).orderBy('u.display_name').execute();

export const findPerson = (db: Db, id: string) =>
  db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.display_name as name']).where('u.id', '=', id).where('u.is_active', '=', true).where('o.is_external', '=', false).executeTakeFirst();

export const insertShift = (db: Db, row: { duty_id: string; level: number; user_id: string | null; person_name: string; phone: string; starts_at: Date; ends_at: Date; note: string; created_by: string | null }) =>
  db.insertInto('ooh_rota_entries').values(row).returning('id').executeTakeFirstOrThrow();

export const removeShift = (db: Db, { id, by, at }: { id: string; by: string; at: Date }) =>
  db.updateTable('ooh_rota_entries').set({ removed_by: by, removed_at: at }).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst().then((r) => Number(r.numUpdatedRows));

export const countShifts = (db: Db) => db.selectFrom('ooh_rota_entries').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
