import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { Requests } from '../../../platform/db/db.types';
import type { Insertable } from 'kysely';
import type { RequestsQuery } from '../../../../domain/requests/contract';

// The register's SQL. `Viewer` scopes every read: a partner agency's user reads only the requests
// its own organisation made, and one outside that answers as if it did not exist.

export type Viewer = { party: 'council' } | { party: 'agency'; organisationId: string };

export interface RequestRow {
  id: string; reference: string; type: string; status: string; received_on: string; channel: string;
  requester_name: string; requester_organisation: string; requester_email: string; requester_phone: string; requester_address: string;
  organisation_id: string | null; organisation_name: string | null;
  summary: string; place: string; time_from: Date | null; time_to: Date | null; person_description: string; clothing: string;
  authority: unknown; owner_id: string | null; owner_name: string | null;
  complaint_stage: number; stage_received_on: string; is_data_protection_complaint: boolean;
  extended: boolean; extension_reason: string; extension_notified_on: string | null; policy: unknown;
  due_on: string | null; outcome: string; closed_at: Date | null; version: number; paused: boolean;
}

const SELECT = sql`r.id, r.reference, r.type, r.status, r.received_on::text as received_on, r.channel,
  r.requester_name, r.requester_organisation, r.requester_email, r.requester_phone, r.requester_address,
  r.organisation_id, o.name as organisation_name, r.summary, r.place, r.time_from, r.time_to, r.person_description, r.clothing,
  r.authority, r.owner_id, u.display_name as owner_name, r.complaint_stage, r.stage_received_on::text as stage_received_on,
  r.is_data_protection_complaint, r.extended, r.extension_reason, r.extension_notified_on::text as extension_notified_on, r.policy,
  r.due_on::text as due_on, r.outcome, r.closed_at, r.version,
  exists (select 1 from request_pauses p where p.request_id = r.id and p.to_day is null) as paused`;
const FROM = sql`requests r left join users u on u.id = r.owner_id left join organisations o on o.id = r.organisation_id`;

const scope = (v: Viewer) => (v.party === 'agency' ? sql`r.organisation_id = ${v.organisationId}` : sql`true`);

const SORTS: Record<RequestsQuery['sort'], RawBuilder<unknown>> = {
  due_asc: sql`r.closed_at is not null, r.due_on asc nulls last, r.received_on, r.reference`,
  due_desc: sql`r.closed_at is not null, r.due_on desc nulls last, r.received_on desc, r.reference desc`,
  received_desc: sql`r.received_on desc, r.reference desc`,
  received_asc: sql`r.received_on asc, r.reference asc`,
  reference_asc: sql`r.year, r.number`,
  reference_desc: sql`r.year desc, r.number desc`,
};

function where(q: Partial<RequestsQuery>, { viewer, userId, today }: { viewer: Viewer; userId: string; today: string }) {
  const w: RawBuilder<unknown>[] = [scope(viewer)];
  if (q.type) w.push(sql`r.type = ${q.type}`);
  if (q.status) w.push(sql`r.status = ${q.status}`);
  if (q.ownerId === 'me') w.push(sql`r.owner_id = ${userId}`);
  else if (q.ownerId === 'none') w.push(sql`r.owner_id is null`);
  else if (q.ownerId) w.push(sql`r.owner_id = ${q.ownerId}`);
  if (q.due === 'overdue') w.push(sql`r.closed_at is null and r.due_on < ${today}::date`);
  if (q.due === 'this_week') w.push(sql`r.closed_at is null and r.due_on between ${today}::date and ${today}::date + 7`);
  if (q.due === 'paused') w.push(sql`r.closed_at is null and exists (select 1 from request_pauses p where p.request_id = r.id and p.to_day is null)`);
  if (q.due === 'open') w.push(sql`r.closed_at is null`);
  if (q.due === 'closed') w.push(sql`r.closed_at is not null`);
  if (q.dueBefore) w.push(sql`r.due_on <= ${q.dueBefore}::date`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    w.push(sql`(r.reference ilike ${like} or r.requester_name ilike ${like} or r.requester_organisation ilike ${like} or r.summary ilike ${like} or r.place ilike ${like})`);
  }
  return sql.join(w, sql` and `);
}

export async function listRequests(db: Db, q: RequestsQuery, ctx: { viewer: Viewer; userId: string; today: string }) {
  const cond = where(q, ctx);
  const [{ rows }, total] = await Promise.all([
    sql<RequestRow>`select ${SELECT} from ${FROM} where ${cond} order by ${SORTS[q.sort]} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db),
    sql<{ n: string }>`select count(*) as n from requests r where ${cond}`.execute(db).then((r) => Number(r.rows[0]!.n)),
  ]);
  return { rows, total };
}

/** Every matching row, for CSV: in batches of 1000 so a large register never sits in memory at once. */
export async function* streamRequests(db: Db, q: RequestsQuery, ctx: { viewer: Viewer; userId: string; today: string }) {
  const cond = where(q, ctx);
  for (let offset = 0; ; offset += 1000) {
    const { rows } = await sql<RequestRow>`select ${SELECT} from ${FROM} where ${cond} order by ${SORTS[q.sort]}, r.id limit 1000 offset ${offset}`.execute(db);
    if (rows.length) yield rows;
    if (rows.length < 1000) return;
  }
}

export const findRequest = (db: Db, id: string, viewer: Viewer) =>
  sql<RequestRow>`select ${SELECT} from ${FROM} where r.id = ${id} and ${scope(viewer)}`.execute(db).then((r) => r.rows[0]);

/** The request, its row locked until the transaction ends: steps on one request happen one at a time. */
export const lockRequest = (db: Db, id: string, viewer: Viewer) =>
  sql<RequestRow>`select ${SELECT} from ${FROM} where r.id = ${id} and ${scope(viewer)} for update of r`.execute(db).then((r) => r.rows[0]);

export async function takeRequestNumber(db: Db, year: number): Promise<number> {
  const r = await db.insertInto('request_counters').values({ year, last_number: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_number: eb('request_counters.last_number', '+', 1) })))
    .returning('last_number').executeTakeFirstOrThrow();
  return r.last_number;
}

export const insertRequest = (db: Db, row: Insertable<Requests>) => db.insertInto('requests').values(row).returning('id').executeTakeFirstOrThrow();

export const updateRequest = (db: Db, id: string, set: Record<string, unknown>) =>
  db.updateTable('requests').set({ ...set, updated_at: sql`now()`, version: sql`version + 1` } as never).where('id', '=', id).execute();

export const setCameras = async (db: Db, requestId: string, cameraIds: readonly string[]) => {
  if (cameraIds.length) await db.insertInto('request_cameras').values(cameraIds.map((camera_id) => ({ request_id: requestId, camera_id }))).onConflict((oc) => oc.doNothing()).execute();
};

export const listCameras = (db: Db, requestId: string) =>
  db.selectFrom('request_cameras as rc').innerJoin('cameras as c', 'c.id', 'rc.camera_id').select(['c.id', 'c.reference', 'c.name']).where('rc.request_id', '=', requestId).orderBy('c.reference').execute();

export const countKnownCameras = (db: Db, ids: readonly string[]) =>
  ids.length ? db.selectFrom('cameras').select((eb) => eb.fn.countAll<string>().as('n')).where('id', 'in', ids).executeTakeFirstOrThrow().then((r) => Number(r.n)) : Promise.resolve(0);

export const listPauses = (db: Db, requestId: string) =>
  db.selectFrom('request_pauses').select(['id', 'reason', sql<string>`from_day::text`.as('from'), sql<string | null>`to_day::text`.as('to')]).where('request_id', '=', requestId).orderBy('from_day').orderBy('stopped_at').execute();

export const insertPause = (db: Db, row: { request_id: string; reason: 'identity' | 'clarification' | 'fee'; from_day: string; stopped_by: string; stopped_at: Date }) =>
  db.insertInto('request_pauses').values(row).execute();

export const closePause = (db: Db, { requestId, to, by, at }: { requestId: string; to: string; by: string; at: Date }) =>
  db.updateTable('request_pauses').set({ to_day: to, restarted_by: by, restarted_at: at }).where('request_id', '=', requestId).where('to_day', 'is', null).returning(['reason', sql<string>`from_day::text`.as('from')]).executeTakeFirst();

export async function appendEvent(db: Db, e: { requestId: string; kind: string; at: Date; by: string | null; details?: Record<string, unknown>; correctsSeq?: number | null }) {
  const { rows } = await sql<{ seq: number }>`insert into request_events (request_id, seq, kind, at, by_user_id, details, corrects_seq)
    select ${e.requestId}, coalesce(max(seq), 0) + 1, ${e.kind}, ${e.at}, ${e.by}, ${JSON.stringify(e.details ?? {})}::jsonb, ${e.correctsSeq ?? null}
    from request_events where request_id = ${e.requestId} returning seq`.execute(db);
  return rows[0]!.seq;
}

export const listEvents = (db: Db, requestId: string) =>
  db.selectFrom('request_events as e').leftJoin('users as u', 'u.id', 'e.by_user_id')
    .select(['e.seq', 'e.kind', 'e.at', 'e.by_user_id', 'u.display_name as by_name', 'e.details', 'e.corrects_seq'])
    .where('e.request_id', '=', requestId).orderBy('e.seq').execute();

export const hasEvent = (db: Db, requestId: string, seq: number) =>
  db.selectFrom('request_events').select('seq').where('request_id', '=', requestId).where('seq', '=', seq).executeTakeFirst().then(Boolean);

/** A user's e-mail address ('' or undefined when none). */
export const findUserEmail = (db: Db, id: string) =>
  db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirst().then((r) => r?.email ?? undefined);

/** A council user who may own requests (requests.manage through a role), or undefined. */
export const findOwner = (db: Db, id: string) =>
  db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
    .select(['u.id', 'u.display_name']).where('u.id', '=', id).where('u.is_active', '=', true).where('o.is_external', '=', false)
    .where('ur.role', 'in', ['enforcement_officer', 'coordinator']).executeTakeFirst();

/** The policy in force on a day: the newest row from on or before it, or undefined for the default. */
export const findPolicyOn = (db: Db, day: string) =>
  db.selectFrom('request_clock_policies').select(['policy', sql<string>`effective_from::text`.as('effective_from')]).where(sql<boolean>`effective_from <= ${day}::date`).orderBy('effective_from', 'desc').limit(1).executeTakeFirst();

/** Open requests with their pauses, to work their due dates out again when the calendar changes. */
export const listOpenForRefresh = (db: Db) =>
  sql<RequestRow>`select ${SELECT} from ${FROM} where r.closed_at is null`.execute(db).then((r) => r.rows);

export const listPausesFor = (db: Db, ids: readonly string[]) =>
  ids.length ? db.selectFrom('request_pauses').select(['request_id', 'reason', sql<string>`from_day::text`.as('from'), sql<string | null>`to_day::text`.as('to')]).where('request_id', 'in', ids).execute() : Promise.resolve([]);

export async function openCounts(db: Db, { viewer, today }: { viewer: Viewer; today: string }) {
  const { rows } = await sql<{ type: string; open: string; overdue: string }>`select r.type, count(*) as open, count(*) filter (where r.due_on < ${today}::date) as overdue
    from requests r where r.closed_at is null and ${scope(viewer)} group by r.type`.execute(db);
  return rows.map((r) => ({ type: r.type, open: Number(r.open), overdue: Number(r.overdue) }));
}
