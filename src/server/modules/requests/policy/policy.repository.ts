import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';

// The council's clock policies: one dated row per change, never altered (the table refuses it).

export const listPolicies = (db: Db) =>
  db.selectFrom('request_clock_policies as p').leftJoin('users as u', 'u.id', 'p.created_by')
    .select(['p.id', sql<string>`p.effective_from::text`.as('effective_from'), 'p.policy', 'p.created_by', 'u.display_name as created_by_name', 'p.created_at'])
    .orderBy('p.effective_from', 'desc').execute();

/** Inserts a dated policy; undefined when that day already has one. */
export const insertPolicy = (db: Db, row: { effective_from: string; policy: unknown; created_by: string; created_at: Date }) =>
  db.insertInto('request_clock_policies').values({ ...row, policy: JSON.stringify(row.policy) })
    .onConflict((oc) => oc.column('effective_from').doNothing()).returning('id').executeTakeFirst();
