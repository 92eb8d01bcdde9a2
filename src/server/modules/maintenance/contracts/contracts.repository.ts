import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { MaintenanceContracts } from '../../../platform/db/db.types';
import type { Priority, SlaClockKind } from '../../../../domain/maintenance/contract';

// Contracts' SQL. Days are read as text (YYYY-MM-DD) and times as "HH:MM:SS" text, so that no time
// zone ever shifts them; the monthly charge (bigint) comes back as a string.

export const findOrganisation = (db: Db, id: string) =>
  db.selectFrom('organisations').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();

export const insertContract = (db: Db, row: Insertable<MaintenanceContracts>) =>
  db.insertInto('maintenance_contracts').values(row).onConflict((oc) => oc.column('reference').doNothing()).returning('id').executeTakeFirst();

export interface ContractRow {
  id: string; reference: string; name: string; contractor_organisation_id: string; contractor_name: string;
  starts_on: string; ends_on: string | null; working_days: number[]; opens_at: string; closes_at: string;
  monthly_charge_pence: string; service_credits: unknown; created_at: Date;
}

function contracts(db: Db) {
  return db.selectFrom('maintenance_contracts as c').innerJoin('organisations as o', 'o.id', 'c.contractor_organisation_id')
    .select([
      'c.id', 'c.reference', 'c.name', 'c.contractor_organisation_id', 'o.name as contractor_name',
      sql<string>`c.starts_on::text`.as('starts_on'), sql<string | null>`c.ends_on::text`.as('ends_on'),
      'c.working_days', sql<string>`c.opens_at::text`.as('opens_at'), sql<string>`c.closes_at::text`.as('closes_at'),
      sql<string>`c.monthly_charge_pence::text`.as('monthly_charge_pence'), 'c.service_credits', 'c.created_at',
    ]);
}

export const listContracts = (db: Db) => contracts(db).orderBy('c.reference').execute() as Promise<ContractRow[]>;
export const findContract = (db: Db, id: string) => contracts(db).where('c.id', '=', id).executeTakeFirst() as Promise<ContractRow | undefined>;
export const lockContract = (db: Db, id: string) => contracts(db).where('c.id', '=', id).forUpdate('c').executeTakeFirst() as Promise<ContractRow | undefined>;

export const updateContract = (db: Db, id: string, set: Updateable<MaintenanceContracts>) =>
  db.updateTable('maintenance_contracts').set(set).where('id', '=', id).execute();

// ---- Closure days ----

export const closureDays = (db: Db, contractId: string) =>
  db.selectFrom('maintenance_closure_days').select([sql<string>`day::text`.as('day'), 'reason']).where('contract_id', '=', contractId).orderBy('day').execute();

export const insertClosureDay = (db: Db, row: { contract_id: string; day: string; reason: string }) =>
  db.insertInto('maintenance_closure_days').values(row).onConflict((oc) => oc.columns(['contract_id', 'day']).doNothing()).returning('contract_id').executeTakeFirst();

export const deleteClosureDay = (db: Db, { contractId, day }: { contractId: string; day: string }) =>
  db.deleteFrom('maintenance_closure_days').where('contract_id', '=', contractId).where(sql`day`, '=', sql`${day}::date`)
    .returning([sql<string>`day::text`.as('day'), 'reason']).executeTakeFirst();

// ---- SLA terms ----

export interface TermRow {
  id: string; contract_id: string; priority: Priority; clock: SlaClockKind; response_minutes: number; fix_minutes: number;
  effective_from: Date; set_at: Date; set_by: string | null; set_by_name: string | null; reason: string;
}

function terms(db: Db) {
  return db.selectFrom('maintenance_sla_terms as t').leftJoin('users as u', 'u.id', 't.set_by')
    .select(['t.id', 't.contract_id', 't.priority', 't.clock', 't.response_minutes', 't.fix_minutes', 't.effective_from', 't.set_at', 't.set_by', 'u.display_name as set_by_name', 't.reason']);
}

/** Every term of a contract, the latest effective first. */
export const listTerms = (db: Db, contractId: string) =>
  terms(db).where('t.contract_id', '=', contractId).orderBy('t.effective_from', 'desc').orderBy('t.priority').execute() as Promise<TermRow[]>;

/** The term for a priority in force at an instant: the latest that took effect at or before it. */
export const termInForce = (db: Db, { contractId, priority, at }: { contractId: string; priority: Priority; at: Date }) =>
  terms(db).where('t.contract_id', '=', contractId).where('t.priority', '=', priority).where('t.effective_from', '<=', at)
    .orderBy('t.effective_from', 'desc').limit(1).executeTakeFirst() as Promise<TermRow | undefined>;

export const termsAt = (db: Db, { contractId, at }: { contractId: string; at: Date }) =>
  db.selectFrom('maintenance_sla_terms').select('priority').where('contract_id', '=', contractId).where('effective_from', '=', at).execute();

export const insertTerms = (db: Db, rows: { contract_id: string; priority: Priority; clock: SlaClockKind; response_minutes: number; fix_minutes: number; effective_from: Date; set_by: string; set_at: Date; reason: string }[]) =>
  db.insertInto('maintenance_sla_terms').values(rows).returning('id').execute();
