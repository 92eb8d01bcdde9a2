import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { OohAccessRequests } from '../../../platform/db/db.types';

// Buildings, their access lists and the access requests logged against them: SQL only.

export interface BuildingRow { id: string; name: string; address: string; checklist: string[]; open_alarms: number; last_patrol: Date | null }
export interface AccessEntryRow { id: string; building_id: string; name: string; organisation: string; valid_from: string; valid_to: string | null; id_check: string; removed_at: Date | null }

const BUILDING = sql`b.id, b.name, b.address, b.checklist,
  (select count(*)::int from ooh_alarms a where a.building_id = b.id and not exists (select 1 from ooh_alarm_events e where e.alarm_id = a.id and e.kind in ('reset', 'stood_down'))) as open_alarms,
  (select max(p.completed_at) from ooh_patrols p where p.building_id = b.id) as last_patrol`;

export const listBuildings = async (db: Db) => (await sql<BuildingRow>`select ${BUILDING} from ooh_buildings b order by b.name`.execute(db)).rows;
export const findBuilding = async (db: Db, id: string) => (await sql<BuildingRow>`select ${BUILDING} from ooh_buildings b where b.id = ${id}`.execute(db)).rows[0];
export const findBuildingByName = (db: Db, name: string) => db.selectFrom('ooh_buildings').select('id').where(sql<boolean>`lower(name) = lower(${name})`).executeTakeFirst();

export async function insertBuilding(db: Db, b: { name: string; address: string; checklist: string[]; at: Date }) {
  return db.insertInto('ooh_buildings').values({ name: b.name, address: b.address, checklist: JSON.stringify(b.checklist), created_at: b.at, updated_at: b.at })
    .returning('id').executeTakeFirstOrThrow();
}
export async function updateBuilding(db: Db, id: string, b: { name: string; address: string; checklist: string[]; at: Date }) {
  await db.updateTable('ooh_buildings').set({ name: b.name, address: b.address, checklist: JSON.stringify(b.checklist), updated_at: b.at }).where('id', '=', id).execute();
}

const ENTRY = sql`id, building_id, name, organisation, valid_from::text as valid_from, valid_to::text as valid_to, id_check, removed_at`;
export const accessList = async (db: Db, buildingIds: string[]) => buildingIds.length === 0 ? [] :
  (await sql<AccessEntryRow>`select ${ENTRY} from ooh_access_list where removed_at is null and building_id in (${sql.join(buildingIds)}) order by lower(name)`.execute(db)).rows;
export const findEntry = async (db: Db, id: string) => (await sql<AccessEntryRow>`select ${ENTRY} from ooh_access_list where id = ${id} and removed_at is null`.execute(db)).rows[0];

export async function insertEntry(db: Db, e: { buildingId: string; name: string; organisation: string; validFrom: string; validTo: string | null; idCheck: string; at: Date }) {
  return db.insertInto('ooh_access_list').values({
    building_id: e.buildingId, name: e.name, organisation: e.organisation, valid_from: e.validFrom, valid_to: e.validTo, id_check: e.idCheck, created_at: e.at, updated_at: e.at,
  }).returning('id').executeTakeFirstOrThrow();
}
export async function updateEntry(db: Db, id: string, e: { name: string; organisation: string; validFrom: string; validTo: string | null; idCheck: string; at: Date }) {
  await db.updateTable('ooh_access_list').set({ name: e.name, organisation: e.organisation, valid_from: e.validFrom, valid_to: e.validTo, id_check: e.idCheck, updated_at: e.at }).where('id', '=', id).execute();
}
export async function removeEntry(db: Db, id: string, at: Date) {
  await db.updateTable('ooh_access_list').set({ removed_at: at, updated_at: at }).where('id', '=', id).execute();
}

export interface AccessRequestRow {
  id: string; building_id: string; building_name: string; visitor_name: string; visitor_organisation: string; id_type: string; id_last4: string;
  list_entry_id: string | null; decision: string; reason: string; authorised_by: string; at: Date; time_out: Date | null; recorded_by_name: string;
}
const REQUEST = sql`r.id, r.building_id, b.name as building_name, r.visitor_name, r.visitor_organisation, r.id_type, r.id_last4, r.list_entry_id,
  r.decision, r.reason, r.authorised_by, r.at, r.time_out, u.display_name as recorded_by_name
  from ooh_access_requests r join ooh_buildings b on b.id = r.building_id join users u on u.id = r.recorded_by`;

export async function listAccessRequests(db: Db, q: { buildingId?: string; from?: Date; to?: Date; limit: number; offset: number }) {
  const w = [sql`true`];
  if (q.buildingId) w.push(sql`r.building_id = ${q.buildingId}`);
  if (q.from) w.push(sql`r.at >= ${q.from}`);
  if (q.to) w.push(sql`r.at < ${q.to}`);
  const where = sql.join(w, sql` and `);
  const rows = (await sql<AccessRequestRow>`select ${REQUEST} where ${where} order by r.at desc limit ${q.limit} offset ${q.offset}`.execute(db)).rows;
  const total = (await sql<{ n: number }>`select count(*)::int as n from ooh_access_requests r where ${where}`.execute(db)).rows[0]!.n;
  return { rows, total };
}
export const findAccessRequest = async (db: Db, id: string) => (await sql<AccessRequestRow>`select ${REQUEST} where r.id = ${id}`.execute(db)).rows[0];
export const findEntriesById = async (db: Db, ids: string[]) => ids.length === 0 ? [] :
  (await sql<AccessEntryRow>`select ${ENTRY} from ooh_access_list where id in (${sql.join(ids)})`.execute(db)).rows;
export const insertAccessRequest = (db: Db, row: Insertable<OohAccessRequests>) => db.insertInto('ooh_access_requests').values(row).returning('id').executeTakeFirstOrThrow();
export async function recordTimeOut(db: Db, id: string, at: Date) {
  await db.updateTable('ooh_access_requests').set({ time_out: at }).where('id', '=', id).execute();
}
