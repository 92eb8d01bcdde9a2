import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import { CHECK_SETTINGS_DEFAULTS, CheckSettings, type CheckItem, type CheckKind, type CheckOutcome, type EquipmentKind, type Shift } from '../../../../domain/estate/checks';

// The daily checks' SQL.

export const CHECK_SETTINGS_KEY = 'estate.checks';

export async function readCheckSettings(db: Db): Promise<CheckSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', CHECK_SETTINGS_KEY).executeTakeFirst();
  const parsed = CheckSettings.safeParse({ ...CHECK_SETTINGS_DEFAULTS, ...(row?.value as object | undefined) });
  return parsed.success ? parsed.data : { ...CHECK_SETTINGS_DEFAULTS };
}

export async function writeCheckSettings(db: Db, { value, by, at }: { value: CheckSettings; by: string; at: Date }) {
  await db.insertInto('settings').values({ key: CHECK_SETTINGS_KEY, value: JSON.stringify(value), updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: by, updated_at: at })).execute();
}

const roundColumns = ['id', 'shift', 'kind', 'shift_starts_at', 'shift_ends_at', 'opened_at', sql<string>`to_char(check_date, 'YYYY-MM-DD')`.as('date')] as const;
export type RoundRow = { id: string; date: string; shift: Shift; kind: CheckKind; shift_starts_at: Date; shift_ends_at: Date; opened_at: Date };

export async function findRound(db: Db, { date, shift, kind }: { date: string; shift: Shift; kind: CheckKind }): Promise<RoundRow | undefined> {
  return db.selectFrom('check_rounds').select(roundColumns).where('check_date', '=', sql<Date>`${date}::date`).where('shift', '=', shift).where('kind', '=', kind).executeTakeFirst();
}

export async function findRoundById(db: Db, id: string): Promise<RoundRow | undefined> {
  return db.selectFrom('check_rounds').select(roundColumns).where('id', '=', id).executeTakeFirst();
}

/** Opens the round unless another request already has (the unique key waits for it): its id, or undefined. */
export async function insertRoundIfAbsent(db: Db, r: { date: string; shift: Shift; kind: CheckKind; startsAt: Date; endsAt: Date; openedAt: Date; openedBy: string }) {
  const row = await db.insertInto('check_rounds').values({
    check_date: sql<Date>`${r.date}::date`, shift: r.shift, kind: r.kind, shift_starts_at: r.startsAt, shift_ends_at: r.endsAt, opened_at: r.openedAt, opened_by: r.openedBy,
  }).onConflict((oc) => oc.columns(['check_date', 'shift', 'kind']).doNothing()).returning('id').executeTakeFirst();
  return row?.id;
}

export async function listCheckableCameras(db: Db) {
  return db.selectFrom('cameras').select(['id', 'reference', 'name', 'kind', 'status', 'capabilities'])
    .where('status', 'not in', ['out_of_service', 'decommissioned']).where('kind', '!=', 'body_worn').orderBy('reference').execute();
}

export async function listCheckableEquipment(db: Db) {
  return db.selectFrom('equipment').select(['id', 'reference', 'name', 'kind', 'status', 'is_in_service'])
    .where('is_in_service', '=', true).where('status', '!=', 'out_of_service').where('kind', '!=', 'carpark_machine').orderBy('kind').orderBy('reference').execute();
}

export async function insertTargets(db: Db, { roundId, kind, targets }: { roundId: string; kind: CheckKind; targets: { id: string; items: CheckItem[] }[] }) {
  if (!targets.length) return;
  await db.insertInto('check_round_targets').values(targets.map((t, position) => ({
    round_id: roundId, position, items: t.items, camera_id: kind === 'cameras' ? t.id : null, equipment_id: kind === 'equipment' ? t.id : null,
  }))).execute();
}

/** The round's targets in order, with what they are called and their status now. */
export async function listTargets(db: Db, roundId: string) {
  return db.selectFrom('check_round_targets as t')
    .leftJoin('cameras as c', 'c.id', 't.camera_id').leftJoin('equipment as e', 'e.id', 't.equipment_id')
    .select([
      't.position', 't.items',
      sql<string>`coalesce(t.camera_id, t.equipment_id)`.as('target_id'),
      sql<string>`coalesce(c.reference, e.reference)`.as('reference'),
      sql<string>`coalesce(c.name, e.name)`.as('name'),
      sql<string>`coalesce(c.status, e.status)`.as('status'),
    ])
    .where('t.round_id', '=', roundId).orderBy('t.position').execute();
}

/** The round's target, locked so that results for it are recorded one after another. */
export async function lockTarget(db: Db, { roundId, targetId }: { roundId: string; targetId: string }) {
  return db.selectFrom('check_round_targets').select(['position', 'items', 'camera_id', 'equipment_id'])
    .where('round_id', '=', roundId).where((eb) => eb.or([eb('camera_id', '=', targetId), eb('equipment_id', '=', targetId)]))
    .forUpdate().executeTakeFirst();
}

const resultColumns = [
  'r.id', 'r.item', 'r.outcome', 'r.note', 'r.clock_offset_s', 'r.recorded_at', 'r.recorded_by', 'r.supersedes_id', 'r.camera_id', 'r.equipment_id',
  'u.display_name as recorded_by_name',
] as const;

export async function listResults(db: Db, roundId: string) {
  return db.selectFrom('check_results as r').innerJoin('users as u', 'u.id', 'r.recorded_by').select(resultColumns)
    .where('r.round_id', '=', roundId).orderBy('r.recorded_at').orderBy('r.id').execute();
}
export type ResultRow = Awaited<ReturnType<typeof listResults>>[number];

/** The current result of one (round, target, item): the one nothing supersedes. */
export async function findCurrentResult(db: Db, { roundId, targetId, item }: { roundId: string; targetId: string; item: CheckItem }) {
  return db.selectFrom('check_results as r').select('r.id')
    .where('r.round_id', '=', roundId).where('r.item', '=', item)
    .where((eb) => eb.or([eb('r.camera_id', '=', targetId), eb('r.equipment_id', '=', targetId)]))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('check_results as s').select('s.id').whereRef('s.supersedes_id', '=', 'r.id'))))
    .executeTakeFirst();
}

export async function insertResult(db: Db, r: {
  roundId: string; cameraId: string | null; equipmentId: string | null; item: CheckItem; outcome: CheckOutcome; note: string | null;
  clockOffsetSeconds: number | null; recordedAt: Date; recordedBy: string; supersedesId: string | null;
}) {
  const row = await db.insertInto('check_results').values({
    round_id: r.roundId, camera_id: r.cameraId, equipment_id: r.equipmentId, item: r.item, outcome: r.outcome, note: r.note,
    clock_offset_s: r.clockOffsetSeconds, recorded_at: r.recordedAt, recorded_by: r.recordedBy, supersedes_id: r.supersedesId,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

// ---- Faults ----

type Target = { cameraId: string } | { equipmentId: string };
const targetWhere = (t: Target) => ('cameraId' in t ? ['camera_id', t.cameraId] as const : ['equipment_id', t.equipmentId] as const);

/** Locks the camera or equipment row (so two failures of it are decided one after the other) and gives its status. */
export async function lockTargetRow(db: Db, t: Target) {
  if ('cameraId' in t) return db.selectFrom('cameras').select(['reference', 'status']).where('id', '=', t.cameraId).forUpdate().executeTakeFirstOrThrow();
  return db.selectFrom('equipment').select(['reference', 'status']).where('id', '=', t.equipmentId).forUpdate().executeTakeFirstOrThrow();
}

export async function findOpenFault(db: Db, { target, item }: { target: Target; item: CheckItem }) {
  const [col, id] = targetWhere(target);
  return db.selectFrom('faults').select(['id', 'reference']).where(col, '=', id).where('item', '=', item).where('state', '=', 'open').executeTakeFirst();
}

/** Gap-free per year: the counter row is locked until the transaction ends. */
export async function takeFaultNumber(db: Db, year: number): Promise<number> {
  const r = await db.insertInto('fault_counters').values({ year, last_number: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_number: eb('fault_counters.last_number', '+', 1) })))
    .returning('last_number').executeTakeFirstOrThrow();
  return r.last_number;
}

export async function insertFault(db: Db, f: { reference: string; year: number; number: number; target: Target; item: CheckItem; description: string; raisedBy: string; raisedAt: Date; checkResultId: string }) {
  const row = await db.insertInto('faults').values({
    reference: f.reference, year: f.year, number: f.number, camera_id: 'cameraId' in f.target ? f.target.cameraId : null, equipment_id: 'equipmentId' in f.target ? f.target.equipmentId : null,
    item: f.item, description: f.description, raised_by: f.raisedBy, raised_at: f.raisedAt, check_result_id: f.checkResultId, source: 'check',
  }).returning(['id', 'reference']).executeTakeFirstOrThrow();
  await db.insertInto('fault_events').values({ fault_id: row.id, seq: 1, kind: 'raised', at: f.raisedAt, by_user_id: f.raisedBy, note: f.description }).execute();
  return row;
}

export async function addFaultResult(db: Db, { faultId, checkResultId, at }: { faultId: string; checkResultId: string; at: Date }) {
  await db.insertInto('fault_check_results').values({ fault_id: faultId, check_result_id: checkResultId, added_at: at }).execute();
}

/** Marks the camera faulty, the change kept in its history (migration 0013's trigger) with who, when and why. */
export async function markCameraFaulty(db: Db, { cameraId, by, at, reason }: { cameraId: string; by: string; at: Date; reason: string }) {
  await db.updateTable('cameras').set({ status: 'faulty', updated_by: by, changed_at: at, change_reason: reason }).where('id', '=', cameraId).execute();
}

export async function markEquipmentFaulty(db: Db, { equipmentId, by, at, reason }: { equipmentId: string; by: string; at: Date; reason: string }) {
  await db.updateTable('equipment').set({ status: 'faulty', updated_by: by, changed_at: at, change_reason: reason }).where('id', '=', equipmentId).execute();
}

export async function listFaults(db: Db, { state, target, limit = 500, offset = 0 }: { state?: 'open' | 'closed'; target?: 'camera' | 'equipment'; limit?: number; offset?: number }) {
  let q = db.selectFrom('faults as f')
    .innerJoin('users as u', 'u.id', 'f.raised_by')
    .leftJoin('cameras as c', 'c.id', 'f.camera_id').leftJoin('equipment as e', 'e.id', 'f.equipment_id')
    .where('f.source', '=', 'check')
    .select([
      'f.id', 'f.reference', 'f.camera_id', 'f.equipment_id', sql<CheckItem>`f.item`.as('item'), 'f.description', 'f.raised_by', 'f.raised_at', 'f.state', 'u.display_name as raised_by_name',
      sql<string>`coalesce(c.reference, e.reference)`.as('target_reference'),
      sql<string>`coalesce(c.name, e.name)`.as('target_name'),
      (eb) => eb.selectFrom('fault_check_results as fr').select(sql<number>`count(*)::int`.as('n')).whereRef('fr.fault_id', '=', 'f.id').as('failures'),
    ]);
  if (state) q = q.where('f.state', '=', state);
  if (target === 'camera') q = q.where('f.camera_id', 'is not', null);
  if (target === 'equipment') q = q.where('f.equipment_id', 'is not', null);
  return q.orderBy('f.raised_at', 'desc').orderBy('f.reference', 'desc').limit(limit).offset(offset).execute();
}
export type FaultRow = Awaited<ReturnType<typeof listFaults>>[number];

// ---- The supervisor's view ----

/** Each round's progress: items expected, items with a current result, who recorded them and when. */
export async function roundProgress(db: Db, roundIds: string[]) {
  if (!roundIds.length) return [];
  const { rows } = await sql<{ round_id: string; total: number; done: number; checked_by: string[]; first_at: Date | null; last_at: Date | null }>`
    select r.id as round_id,
      (select coalesce(sum(cardinality(t.items)), 0)::int from check_round_targets t where t.round_id = r.id) as total,
      (select count(distinct (coalesce(x.camera_id, x.equipment_id), x.item))::int from check_results x
        join check_round_targets t on t.round_id = x.round_id and coalesce(t.camera_id, t.equipment_id) = coalesce(x.camera_id, x.equipment_id) and x.item = any (t.items)
        where x.round_id = r.id) as done,
      coalesce((select array_agg(distinct u.display_name order by u.display_name) from check_results x join users u on u.id = x.recorded_by where x.round_id = r.id), '{}') as checked_by,
      (select min(x.recorded_at) from check_results x where x.round_id = r.id) as first_at,
      (select max(x.recorded_at) from check_results x where x.round_id = r.id) as last_at
    from check_rounds r where r.id in (${sql.join(roundIds)})`.execute(db);
  return rows;
}


// ---- The equipment register ----

export async function listEquipment(db: Db) {
  return db.selectFrom('equipment').selectAll().orderBy('kind').orderBy('reference').execute();
}

export async function insertEquipment(db: Db, e: { reference: string; name: string; kind: EquipmentKind; location: string; by: string | null; at: Date }) {
  return db.insertInto('equipment').values({ reference: e.reference, name: e.name, kind: e.kind, location: e.location, updated_by: e.by, changed_at: e.at })
    .onConflict((oc) => oc.column('reference').doNothing()).returning(['id', 'reference']).executeTakeFirst();
}

// ---- The demo ----

/**
 * Passes for the first `limit` items of a round in order, one every `stepSeconds` from `from`,
 * leaving out the (target, item) keys given (recorded through the use case instead).
 */
export async function insertPasses(db: Db, { roundId, by, from, stepSeconds, limit, exclude }: { roundId: string; by: string; from: Date; stepSeconds: number; limit: number; exclude: string[] }) {
  await sql`
    insert into check_results (round_id, camera_id, equipment_id, item, outcome, recorded_at, recorded_by)
    select x.round_id, x.camera_id, x.equipment_id, x.item, 'pass', ${from}::timestamptz + x.n * make_interval(secs => ${stepSeconds}), ${by}::uuid
    from (
      select t.round_id, t.camera_id, t.equipment_id, i.item, row_number() over (order by t.position, i.ord) as n
      from check_round_targets t cross join unnest(t.items) with ordinality as i(item, ord) where t.round_id = ${roundId}::uuid
    ) x
    where x.n <= ${limit} and not ((coalesce(x.camera_id, x.equipment_id)::text || ':' || x.item) = any (${exclude}::text[]))`.execute(db);
}

/** The demo's stand-in for the maintenance issue's repair: the fault closed, the target back in operation, the change in its history. */
export async function closeFaultRepaired(db: Db, { faultId, by, at }: { faultId: string; by: string; at: Date }) {
  const f = await db.updateTable('faults').set({ state: 'closed', stage: 'accepted', closed_at: at, updated_at: at }).where('id', '=', faultId).returning(['camera_id', 'equipment_id', 'reference']).executeTakeFirstOrThrow();
  await sql`insert into fault_events (fault_id, seq, kind, at, by_user_id, note)
    select ${faultId}::uuid, max(seq) + s.n, s.kind, ${at}::timestamptz, ${by}::uuid, s.note
    from fault_events, (values (1, 'fixed', 'repaired'), (2, 'accepted', null)) as s(n, kind, note) where fault_id = ${faultId}::uuid group by s.n, s.kind, s.note`.execute(db);
  const change = { status: 'operational' as const, updated_by: by, changed_at: at, change_reason: `repaired: ${f.reference}` };
  if (f.camera_id) await db.updateTable('cameras').set(change).where('id', '=', f.camera_id).execute();
  else await db.updateTable('equipment').set(change).where('id', '=', f.equipment_id!).execute();
}
