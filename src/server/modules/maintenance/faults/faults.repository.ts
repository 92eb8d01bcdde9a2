import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { Priority, SlaClockKind, SlaStopReason } from '../../../../domain/maintenance/contract';
import type { FaultStage, FaultStep } from '../../../../domain/maintenance/faults';
import type { FaultsQuery } from '../../../../domain/maintenance/faultContract';

// The fault workflow's SQL. A fault's steps are append-only (fault_events refuses update and
// delete); the stage and state on the fault row follow them, written under the fault's row lock.
// `contractorOrg` scopes every read to the faults of that organisation's contracts: a contractor
// never reads another's fault, and a fault outside the scope answers as if it did not exist.

export interface FaultRow {
  id: string; reference: string; source: 'check' | 'operator' | 'ooh' | 'contractor' | 'field';
  camera_id: string | null; equipment_id: string | null; target_reference: string; target_name: string;
  description: string; priority: Priority | null; contract_id: string | null; contract_reference: string | null;
  stage: FaultStage; state: 'open' | 'closed'; raised_at: Date; raised_by: string; raised_by_name: string; raised_by_org: string;
  updated_at: Date;
}

const SORT: Record<string, RawBuilder<unknown>> = {
  raised_at: sql`f.raised_at`, reference: sql`f.reference`, priority: sql`coalesce(f.priority, 'P9')`,
  stage: sql`array_position(array['reported','attended','awaiting_parts','fixed','accepted'], f.stage)`,
};

const SELECT = sql`
  f.id, f.reference, f.source, f.camera_id, f.equipment_id,
  coalesce(c.reference, e.reference) as target_reference, coalesce(c.name, e.name) as target_name,
  f.description, f.priority, f.contract_id, k.reference as contract_reference, f.stage, f.state,
  f.raised_at, f.raised_by, u.display_name as raised_by_name, u.organisation_id as raised_by_org, f.updated_at`;
const FROM = sql`
  faults f
  left join cameras c on c.id = f.camera_id
  left join equipment e on e.id = f.equipment_id
  left join maintenance_contracts k on k.id = f.contract_id
  join users u on u.id = f.raised_by`;

const scopeTo = (contractorOrg: string | undefined) => (contractorOrg ? sql`k.contractor_organisation_id = ${contractorOrg}` : sql`true`);

/** The filters a list and its CSV share (the SLA filter is applied by the caller, from the clocks). */
export function faultConditions(q: Partial<FaultsQuery>, contractorOrg?: string) {
  const where: RawBuilder<unknown>[] = [scopeTo(contractorOrg)];
  if (q.state) where.push(sql`f.state = ${q.state}`);
  if (q.sla) where.push(sql`f.state = 'open'`);
  if (q.stage) where.push(sql`f.stage = ${q.stage}`);
  if (q.priority === 'none') where.push(sql`f.priority is null`);
  else if (q.priority) where.push(sql`f.priority = ${q.priority}`);
  if (q.target === 'camera') where.push(sql`f.camera_id is not null`);
  if (q.target === 'equipment') where.push(sql`f.equipment_id is not null`);
  if (q.source) where.push(sql`f.source = ${q.source}`);
  if (q.contractId) where.push(sql`f.contract_id = ${q.contractId}`);
  if (q.cameraId) where.push(sql`f.camera_id = ${q.cameraId}`);
  if (q.from) where.push(sql`f.raised_at >= ${q.from}`);
  if (q.to) where.push(sql`f.raised_at < ${q.to}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(sql`(f.reference ilike ${like} or c.reference ilike ${like} or c.name ilike ${like} or e.reference ilike ${like} or e.name ilike ${like} or f.description ilike ${like})`);
  }
  return sql.join(where, sql` and `);
}

export async function listFaults(db: Db, { where, sort, limit, offset }: { where: RawBuilder<unknown>; sort: FaultsQuery['sort']; limit: number; offset: number }) {
  const field = sort.replace(/_(asc|desc)$/, '');
  const dir = sort.endsWith('_desc') ? sql`desc` : sql`asc`;
  const { rows } = await sql<FaultRow & { total: number }>`
    select ${SELECT}, count(*) over ()::int as total from ${FROM}
    where ${where} order by ${SORT[field]} ${dir}, f.reference ${dir}
    limit ${limit} offset ${offset}`.execute(db);
  return { rows, total: rows[0]?.total ?? (offset > 0 ? await countFaults(db, where) : 0) };
}

export const countFaults = (db: Db, where: RawBuilder<unknown>) =>
  sql<{ n: number }>`select count(*)::int as n from ${FROM} where ${where}`.execute(db).then((r) => r.rows[0]!.n);

/** Every matching fault, for the SLA filter and the CSV (open faults are few; a CSV streams in pages). */
export const allFaults = (db: Db, { where, sort, limit = 100_000 }: { where: RawBuilder<unknown>; sort: FaultsQuery['sort']; limit?: number }) =>
  listFaults(db, { where, sort, limit, offset: 0 }).then((r) => r.rows);

export const findFault = (db: Db, id: string, contractorOrg?: string) =>
  sql<FaultRow>`select ${SELECT} from ${FROM} where f.id = ${id} and ${scopeTo(contractorOrg)}`.execute(db).then((r) => r.rows[0]);

/** The fault locked for a step (its row only). */
/** The newest open fault on a piece of equipment, if any: another module's record (a failed car-park machine inspection) reuses it rather than raising a second. */
export const findOpenEquipmentFault = (db: Db, equipmentId: string) =>
  db.selectFrom('faults').select(['id', 'reference']).where('equipment_id', '=', equipmentId).where('state', '=', 'open').orderBy('raised_at', 'desc').executeTakeFirst();
export const lockFault = (db: Db, id: string, contractorOrg?: string) =>
  sql<FaultRow>`select ${SELECT} from ${FROM} where f.id = ${id} and ${scopeTo(contractorOrg)} for update of f`.execute(db).then((r) => r.rows[0]);

export interface EventRow {
  fault_id: string; seq: number; kind: FaultStep; at: Date; recorded_at: Date; by_user_id: string | null; by_name: string | null; by_org_name: string | null; by_org_id: string | null;
  priority: Priority | null; stop_reason: SlaStopReason | null; note: string | null; photo_sha256: string | null; details: unknown;
}

export const listEvents = (db: Db, faultIds: readonly string[]) =>
  faultIds.length
    ? sql<EventRow>`
        select ev.fault_id, ev.seq, ev.kind, ev.at, ev.recorded_at, ev.by_user_id, u.display_name as by_name, o.name as by_org_name, o.id as by_org_id,
          ev.priority, ev.stop_reason, ev.note, ev.photo_sha256, ev.details
        from fault_events ev left join users u on u.id = ev.by_user_id left join organisations o on o.id = u.organisation_id
        where ev.fault_id = any (${faultIds}::uuid[]) order by ev.fault_id, ev.seq`.execute(db).then((r) => r.rows)
    : Promise.resolve([] as EventRow[]);

export async function insertFault(db: Db, f: {
  reference: string; year: number; number: number; cameraId: string | null; equipmentId: string | null; description: string;
  source: 'operator' | 'ooh' | 'contractor' | 'field'; priority: Priority | null; contractId: string | null; raisedBy: string; raisedAt: Date;
}) {
  return db.insertInto('faults').values({
    reference: f.reference, year: f.year, number: f.number, camera_id: f.cameraId, equipment_id: f.equipmentId, description: f.description,
    source: f.source, priority: f.priority, contract_id: f.contractId, raised_by: f.raisedBy, raised_at: f.raisedAt, updated_at: f.raisedAt,
  }).returning(['id', 'reference']).executeTakeFirstOrThrow();
}

export async function appendEvent(db: Db, e: {
  faultId: string; kind: FaultStep; at: Date; recordedAt: Date; by: string; priority?: Priority | null; stopReason?: SlaStopReason | null;
  note?: string | null; photoSha256?: string | null; details?: Record<string, unknown> | null;
}) {
  const { rows } = await sql<{ seq: number }>`
    insert into fault_events (fault_id, seq, kind, at, recorded_at, by_user_id, priority, stop_reason, note, photo_sha256, details)
    select ${e.faultId}::uuid, coalesce(max(seq), 0) + 1, ${e.kind}, ${e.at}::timestamptz, ${e.recordedAt}::timestamptz, ${e.by}::uuid,
      ${e.priority ?? null}, ${e.stopReason ?? null}, ${e.note ?? null}, ${e.photoSha256 ?? null}, ${e.details ? JSON.stringify(e.details) : null}::jsonb
    from fault_events where fault_id = ${e.faultId}::uuid
    returning seq`.execute(db);
  return rows[0]!.seq;
}

export const setFault = (db: Db, id: string, set: { stage: FaultStage; at: Date; priority?: Priority; contractId?: string }) =>
  db.updateTable('faults').set({
    stage: set.stage, state: set.stage === 'accepted' ? 'closed' : 'open', closed_at: set.stage === 'accepted' ? set.at : null, updated_at: set.at,
    ...(set.priority ? { priority: set.priority } : {}), ...(set.contractId ? { contract_id: set.contractId } : {}),
  }).where('id', '=', id).execute();

// ---- Contracts, terms and calendars ----

/** The contracts in force on a London day, newest first (a fault raised without one goes on the first). */
export const contractsInForce = (db: Db, { day, contractorOrg }: { day: string; contractorOrg?: string }) =>
  sql<{ id: string; reference: string }>`
    select k.id, k.reference from maintenance_contracts k
    where k.starts_on <= ${day}::date and (k.ends_on is null or k.ends_on >= ${day}::date) and ${scopeTo(contractorOrg)}
    order by k.starts_on desc, k.reference`.execute(db).then((r) => r.rows);

export const findContract = (db: Db, id: string) =>
  db.selectFrom('maintenance_contracts').select(['id', 'reference', 'contractor_organisation_id']).where('id', '=', id).executeTakeFirst();

export interface ContractClockRow { id: string; working_days: number[]; opens_at: string; closes_at: string; closure_days: string[] }
export const contractClocks = (db: Db, ids: readonly string[]) =>
  ids.length
    ? sql<ContractClockRow>`
        select k.id, k.working_days, k.opens_at::text as opens_at, k.closes_at::text as closes_at,
          coalesce((select array_agg(d.day::text order by d.day) from maintenance_closure_days d where d.contract_id = k.id), '{}') as closure_days
        from maintenance_contracts k where k.id = any (${ids}::uuid[])`.execute(db).then((r) => r.rows)
    : Promise.resolve([] as ContractClockRow[]);

export interface TermRow { contract_id: string; priority: Priority; clock: SlaClockKind; response_minutes: number; fix_minutes: number; effective_from: Date }
export const termsOf = (db: Db, ids: readonly string[]) =>
  ids.length
    ? db.selectFrom('maintenance_sla_terms').select(['contract_id', 'priority', 'clock', 'response_minutes', 'fix_minutes', 'effective_from'])
      .where('contract_id', 'in', ids).orderBy('effective_from', 'desc').execute() as Promise<TermRow[]>
    : Promise.resolve([] as TermRow[]);

// ---- The camera or equipment the fault is on ----

export const lockCamera = (db: Db, id: string) =>
  db.selectFrom('cameras').select(['id', 'reference', 'name', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
export const lockEquipment = (db: Db, id: string) =>
  db.selectFrom('equipment').select(['id', 'reference', 'name', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();

export const setCameraStatus = (db: Db, { id, status, by, at, reason }: { id: string; status: 'faulty' | 'operational'; by: string; at: Date; reason: string }) =>
  db.updateTable('cameras').set({ status, updated_by: by, changed_at: at, change_reason: reason }).where('id', '=', id).execute();
export const setEquipmentStatus = (db: Db, { id, status, by, at, reason }: { id: string; status: 'faulty' | 'operational'; by: string; at: Date; reason: string }) =>
  db.updateTable('equipment').set({ status, updated_by: by, changed_at: at, change_reason: reason }).where('id', '=', id).execute();

/** How many other faults are open on the camera or equipment. */
export const otherOpenFaults = (db: Db, { faultId, cameraId, equipmentId }: { faultId: string; cameraId: string | null; equipmentId: string | null }) =>
  sql<{ n: number }>`select count(*)::int as n from faults where state = 'open' and id <> ${faultId}
    and ${cameraId ? sql`camera_id = ${cameraId}` : sql`equipment_id = ${equipmentId}`}`.execute(db).then((r) => r.rows[0]!.n);

// ---- Parts ----

/** The council's parts signed out against the fault, less any returned against it (the ledger's signed-out quantities are negative). */
export const partsSignedOut = (db: Db, faultId: string) =>
  sql<{ part_id: string; part_number: string; description: string; quantity: number; at: Date }>`
    select p.id as part_id, p.part_number, p.description, (-sum(m.quantity))::int as quantity, max(m.at) as at
    from part_movements m join parts p on p.id = m.part_id
    where m.fault_id = ${faultId} and m.kind in ('signed_out', 'returned')
    group by p.id, p.part_number, p.description having -sum(m.quantity) > 0
    order by p.part_number`.execute(db).then((r) => r.rows);

// ---- Notices ----

export const recipientsFor = (db: Db, contractorOrg: string) =>
  sql<{ email: string }>`
    select distinct u.email from users u left join user_roles r on r.user_id = u.id
    where u.is_active and u.email is not null and (r.role = 'coordinator' or u.organisation_id = ${contractorOrg})
    order by u.email`.execute(db).then((r) => r.rows.map((x) => x.email));

/** Claims a notice (once per fault, clock, kind and deadline): true when this call claimed it. */
export const claimNotice = (db: Db, n: { faultId: string; clock: 'response' | 'fix'; kind: 'warning' | 'breach'; dueAt: Date; at: Date }) =>
  sql`insert into fault_sla_notices (fault_id, clock, kind, due_at, sent_at) values (${n.faultId}, ${n.clock}, ${n.kind}, ${n.dueAt}, ${n.at})
    on conflict do nothing`.execute(db).then((r) => Number(r.numAffectedRows ?? 0) === 1);

/** The cameras (not decommissioned) and equipment a fault may be raised on, with no more than finds them. */
export async function faultTargets(db: Db) {
  const [cameras, equipment] = await Promise.all([
    db.selectFrom('cameras').select(['id', 'reference', 'name', 'location_text as location', 'status']).where('status', '<>', 'decommissioned').orderBy('reference').execute(),
    db.selectFrom('equipment').select(['id', 'reference', 'name', 'location', 'status']).orderBy('reference').execute(),
  ]);
  return { cameras, equipment };
}
