import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { NoticeKind } from '../../../../domain/field/parishes';

// Parishes' SQL. The patrols and their notices are the handheld's (migration 0032: patrols,
// patrol_notices); this reads them by contract, with raw SQL until the types of both are merged.

export const listParishes = (db: Db) => db.selectFrom('parishes').selectAll().orderBy('name').execute();
export const listContracts = (db: Db) =>
  db.selectFrom('parish_contracts as c').innerJoin('parishes as p', 'p.id', 'c.parish_id').selectAll('c').select('p.name as parish_name').orderBy('p.name').orderBy('c.valid_from').execute();
export type ContractRow = Awaited<ReturnType<typeof listContracts>>[number];
export const findContract = (db: Db, id: string) =>
  db.selectFrom('parish_contracts as c').innerJoin('parishes as p', 'p.id', 'c.parish_id').selectAll('c').select('p.name as parish_name').where('c.id', '=', id).executeTakeFirst();
export const findParish = (db: Db, id: string) => db.selectFrom('parishes').selectAll().where('id', '=', id).executeTakeFirst();
export const findParishByName = (db: Db, name: string) => db.selectFrom('parishes').select('id').where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
export const insertParish = (db: Db, row: { name: string; contact: string; notes: string }) => db.insertInto('parishes').values(row).returning('id').executeTakeFirstOrThrow();

export interface ContractValues { label: string; minutes_per_month: number; visits_per_month: number; valid_from: string; valid_to: string | null; notes: string }
export const insertContract = (db: Db, row: ContractValues & { parish_id: string }) =>
  db.insertInto('parish_contracts').values(row as never).returning('id').executeTakeFirstOrThrow();
export const updateContract = (db: Db, id: string, set: ContractValues & { updated_at: Date }) =>
  db.updateTable('parish_contracts').set(set as never).where('id', '=', id).execute();

/** Contracts in force on any day of [first, last]. */
export const contractsDuring = (db: Db, first: string, last: string) =>
  db.selectFrom('parish_contracts as c').innerJoin('parishes as p', 'p.id', 'c.parish_id').selectAll('c').select('p.name as parish_name')
    .where('c.valid_from', '<=', last as never).where((eb) => eb.or([eb('c.valid_to', 'is', null), eb('c.valid_to', '>=', first as never)]))
    .orderBy('p.name').orderBy('c.valid_from').execute();

/** Patrols on these contracts overlapping [start, end). */
export async function patrolsOn(db: Db, contractIds: string[], { start, end }: { start: Date; end: Date }) {
  if (!contractIds.length) return [];
  const { rows } = await sql<{ parish_contract_id: string; started_at: Date; ended_at: Date | null }>`
    select parish_contract_id, started_at, ended_at from patrols
    where parish_contract_id = any(${contractIds}::uuid[]) and started_at < ${end} and (ended_at is null or ended_at > ${start})`.execute(db);
  return rows;
}

/** Notices issued on these contracts' patrols in [start, end). */
export async function noticesOn(db: Db, contractIds: string[], { start, end }: { start: Date; end: Date }) {
  if (!contractIds.length) return [];
  const { rows } = await sql<{ parish_contract_id: string; kind: NoticeKind; at: Date }>`
    select p.parish_contract_id, n.kind, n.at from patrol_notices n join patrols p on p.id = n.patrol_id
    where p.parish_contract_id = any(${contractIds}::uuid[]) and n.at >= ${start} and n.at < ${end}`.execute(db);
  return rows;
}
