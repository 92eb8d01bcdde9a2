import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/db';
import type { Priority, SlaClockKind } from '../../../../domain/maintenance/contract';
import type { FaultStep } from '../../../../domain/maintenance/faults';

// Faults with their steps written straight into the tables, for the report's tests and the
// walk (the faults workflow writes them in the product). Times are UTC instants.

export interface SeedStep { kind: FaultStep; at: string; stopReason?: 'awaiting_council_access' | 'awaiting_part' }
export interface SeedFault { cameraId: string; priority: Priority | null; raisedAt: string; steps?: SeedStep[] }

/** A camera of the estate, optionally installed on a London day. */
export async function seedCamera(db: Db, { installedOn = null, name = 'Market Square' }: { installedOn?: string | null; name?: string } = {}) {
  const reference = `PF-${randomUUID().slice(0, 8).toUpperCase()}`;
  return db.insertInto('cameras').values({ reference, name, latitude: 52.6, longitude: -1.1, location_text: `${name}, by the clock`, installed_on: installedOn })
    .returning(['id', 'reference', 'name']).executeTakeFirstOrThrow();
}

/** The same terms for every priority from `from`, round the clock unless said. */
export async function seedTerms(db: Db, contractId: string, terms: Partial<Record<Priority, { responseMinutes: number; fixMinutes: number; clock?: SlaClockKind }>>, from = new Date('2020-01-01T00:00:00Z')) {
  await db.insertInto('maintenance_sla_terms').values(Object.entries(terms).map(([priority, t]) => ({
    contract_id: contractId, priority: priority as Priority, clock: t.clock ?? 'round_the_clock', response_minutes: t.responseMinutes, fix_minutes: t.fixMinutes,
    effective_from: from, reason: 'Contract schedule 3',
  }))).execute();
}

/** A fault on the contract with its steps (raised first); closed once a step accepts it. Returns its id and reference. */
export async function seedFault(db: Db, { contractId, raisedBy, fault }: { contractId: string; raisedBy: string; fault: SeedFault }) {
  const steps = fault.steps ?? [];
  const accepted = steps.findLast((s) => s.kind === 'accepted' || s.kind === 'reopened');
  const closedAt = accepted?.kind === 'accepted' ? new Date(accepted.at) : null;
  const stageOf = (): 'reported' | 'attended' | 'fixed' | 'accepted' => {
    if (closedAt) return 'accepted';
    const last = steps.filter((s) => ['attended', 'fixed', 'reopened'].includes(s.kind)).at(-1);
    return last?.kind === 'fixed' ? 'fixed' : last?.kind === 'attended' ? 'attended' : 'reported';
  };
  const number = randomInt(100_000, 2_000_000_000);
  const row = await db.insertInto('faults').values({
    reference: `FLT-9${number}`, year: 9000 + randomInt(0, 900), number, camera_id: fault.cameraId, description: 'No picture', raised_by: raisedBy,
    raised_at: new Date(fault.raisedAt), source: 'operator', contract_id: contractId, priority: fault.priority, stage: stageOf(),
    state: closedAt ? 'closed' : 'open', closed_at: closedAt,
  }).returning(['id', 'reference']).executeTakeFirstOrThrow();
  await db.insertInto('fault_events').values([{ kind: 'raised' as FaultStep, at: fault.raisedAt } as SeedStep, ...steps].map((s, i) => ({
    fault_id: row.id, seq: i + 1, kind: s.kind, at: new Date(s.at), by_user_id: raisedBy,
    stop_reason: s.stopReason ?? null, note: ['clock_stopped', 'reopened', 'diagnosed', 'note'].includes(s.kind) ? 'Waiting on a part from the supplier' : null,
  }))).execute();
  return row;
}
