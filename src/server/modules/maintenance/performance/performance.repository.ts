import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { Priority, SlaClockKind } from '../../../../domain/maintenance/contract';
import type { FaultStep } from '../../../../domain/maintenance/faults';
import type { SlaStopReason } from '../../../../domain/maintenance/slaClock';

// The monthly performance report's reads: a fixed handful of queries whatever the month holds
// (the contract, its terms, its closure days, the faults, their steps, the cameras), never one per
// fault. Faults are read straight from their tables (the faults workflow owns writing them).

export interface ReportFaultRow {
  id: string; reference: string; camera_id: string | null; priority: Priority | null; raised_at: Date; closed_at: Date | null;
}
export interface StepRow { fault_id: string; kind: FaultStep; at: Date; stop_reason: SlaStopReason | null }
export interface ReportTermRow { priority: Priority; clock: SlaClockKind; response_minutes: number; fix_minutes: number; effective_from: Date }
export interface ReportCameraRow { id: string; reference: string; name: string; installed_on: string | null; status: string; changed_at: Date | null; updated_at: Date }

/** Every SLA term the contract has had, oldest first (the term for a fault is picked in memory). */
export const termsOf = (db: Db, contractId: string) =>
  db.selectFrom('maintenance_sla_terms').select(['priority', 'clock', 'response_minutes', 'fix_minutes', 'effective_from'])
    .where('contract_id', '=', contractId).orderBy('effective_from').execute() as Promise<ReportTermRow[]>;

/**
 * The contract's faults the month's report needs: those raised before its end and not closed
 * (accepted) before `since`. That holds every fault raised in the month, every fault fixed in the
 * days before it (for repeats: pass `since` early enough) and every fault still keeping a camera
 * down when the month began (a fix comes before its acceptance, so a fault fixed after `since`
 * was closed after it too, or not yet).
 */
export const faultsFor = (db: Db, { contractId, since, to }: { contractId: string; since: Date; to: Date }) =>
  db.selectFrom('faults as f')
    .select(['f.id', 'f.reference', 'f.camera_id', 'f.priority', 'f.raised_at', 'f.closed_at'])
    .where('f.contract_id', '=', contractId).where('f.raised_at', '<', to)
    .where((eb) => eb.or([eb('f.closed_at', 'is', null), eb('f.closed_at', '>=', since)]))
    .execute() as Promise<ReportFaultRow[]>;

/** The steps the clocks read (raising, attendance, stops, fixes, acceptance, reopening) of the faults, in one query. */
export const stepsOf = async (db: Db, faultIds: readonly string[]): Promise<StepRow[]> => {
  if (faultIds.length === 0) return [];
  // Instants as epoch milliseconds (a float8 the driver reads as a number): parsing thousands of
  // timestamp strings was a third of the report's time.
  const rows = await db.selectFrom('fault_events').select(['fault_id', 'kind', sql<number>`(extract(epoch from at) * 1000)::float8`.as('at_ms'), 'stop_reason'])
    .where(sql<boolean>`fault_id = any(${sql.val(faultIds)}::uuid[])`)
    .where('kind', 'in', ['attended', 'clock_stopped', 'clock_restarted', 'fixed', 'accepted', 'reopened'])
    .orderBy('fault_id').orderBy('seq').execute();
  return rows.map((r) => ({ fault_id: r.fault_id, kind: r.kind as FaultStep, at: new Date(r.at_ms), stop_reason: r.stop_reason as SlaStopReason | null }));
};

/**
 * The cameras in service at some time in [from, to): installed (or of unknown installation) before
 * its end and not decommissioned before its start (a decommissioned camera's last change is taken
 * as when it was decommissioned), plus any other camera a fault of `faultCameraIds` concerns.
 */
export const camerasInService = (db: Db, { from, to, faultCameraIds }: { from: Date; to: Date; faultCameraIds: readonly string[] }) =>
  db.selectFrom('cameras')
    .select(['id', 'reference', 'name', sql<string | null>`installed_on::text`.as('installed_on'), 'status', 'changed_at', 'updated_at'])
    .where((eb) => eb.or([
      eb.and([
        eb.or([eb('installed_on', 'is', null), eb(sql`installed_on`, '<', sql`(${to.toISOString()}::timestamptz at time zone 'Europe/London')::date`)]),
        eb.or([eb('status', '<>', 'decommissioned'), eb(sql`coalesce(changed_at, updated_at)`, '>=', from)]),
      ]),
      eb(sql`id`, '=', sql`any(${sql.val(faultCameraIds)}::uuid[])`),
    ]))
    .orderBy('reference').execute() as Promise<ReportCameraRow[]>;
