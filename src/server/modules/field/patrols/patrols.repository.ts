import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';

// Patrols' SQL: the patrol, its trail, notes (with photos) and notices.

export const findPatrol = (db: Db, id: string) => db.selectFrom('patrols').selectAll().where('id', '=', id).executeTakeFirst();
export const lockPatrol = (db: Db, id: string) => db.selectFrom('patrols').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const insertPatrol = (db: Db, row: {
  id: string; officer_id: string; device_id: string; beat: string; task: string; parish_contract_id: string | null;
  started_at: Date; expected_end_at: Date; check_in_minutes: number; lone_working_session_id: string | null;
}) => db.insertInto('patrols').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();

export const setSession = (db: Db, id: string, sessionId: string) => db.updateTable('patrols').set({ lone_working_session_id: sessionId }).where('id', '=', id).execute();

export const endPatrol = (db: Db, id: string, { at, note }: { at: Date; note: string }) =>
  db.updateTable('patrols').set({ ended_at: at, end_note: note }).where('id', '=', id).where('ended_at', 'is', null).execute();

export async function addPoints(db: Db, patrolId: string, points: { at: Date; lat: number; lon: number; accuracyM: number | null }[]) {
  if (!points.length) return;
  await db.insertInto('patrol_trail_points').values(points.map((p) => ({ patrol_id: patrolId, at: p.at, lat: p.lat, lon: p.lon, accuracy_m: p.accuracyM })))
    .onConflict((oc) => oc.columns(['patrol_id', 'at']).doNothing()).execute();
  const last = points.reduce((a, b) => (b.at > a.at ? b : a));
  await db.updateTable('patrols').set({ last_lat: last.lat, last_lon: last.lon, last_point_at: last.at })
    .where('id', '=', patrolId).where((eb) => eb.or([eb('last_point_at', 'is', null), eb('last_point_at', '<', last.at)])).execute();
}

export const insertNote = (db: Db, row: { id: string; patrol_id: string; at: Date; text: string; lat: number | null; lon: number | null }) =>
  db.insertInto('patrol_notes').values(row).execute();
export const insertNotePhotos = (db: Db, noteId: string, photoIds: string[]) => photoIds.length === 0 ? Promise.resolve() :
  db.insertInto('patrol_note_photos').values(photoIds.map((photo_id) => ({ note_id: noteId, photo_id }))).execute().then(() => undefined);
export const ownPhotos = (db: Db, ids: string[], userId: string) => ids.length === 0 ? Promise.resolve([]) :
  db.selectFrom('field_photos').select('id').where('id', 'in', ids).where('taken_by', '=', userId).execute();

export function listPatrols(db: Db, { userIds, state, q, officerId, from, to, limit, ids }: {
  userIds: string[]; ids?: string[]; state: 'any' | 'running' | 'ended'; q?: string; officerId?: string; from?: Date; to?: Date; limit: number;
}) {
  let query = db.selectFrom('patrols as p').innerJoin('users as u', 'u.id', 'p.officer_id')
    .select(['p.id', 'p.officer_id', 'u.display_name', 'p.device_id', 'p.beat', 'p.task', 'p.parish_contract_id', 'p.started_at', 'p.expected_end_at',
      'p.ended_at', 'p.end_note', 'p.check_in_minutes', 'p.lone_working_session_id', 'p.last_lat', 'p.last_lon', 'p.last_point_at',
      (eb) => eb.selectFrom('patrol_notices as n').select((e) => e.fn.countAll<string>().as('n')).whereRef('n.patrol_id', '=', 'p.id').as('notices')])
    .where('p.officer_id', 'in', userIds);
  if (ids) query = query.where('p.id', 'in', ids);
  if (officerId) query = query.where('p.officer_id', '=', officerId);
  if (state === 'running') query = query.where('p.ended_at', 'is', null);
  if (state === 'ended') query = query.where('p.ended_at', 'is not', null);
  if (q) query = query.where((eb) => eb.or([eb('p.beat', 'ilike', `%${q.replace(/[\\%_]/g, '\\$&')}%`), eb('p.task', 'ilike', `%${q.replace(/[\\%_]/g, '\\$&')}%`)]));
  if (from) query = query.where('p.started_at', '>=', from);
  if (to) query = query.where('p.started_at', '<', to);
  return query.orderBy('p.started_at', 'desc').limit(limit).execute();
}
export type PatrolRow = Awaited<ReturnType<typeof listPatrols>>[number];

export const trailOf = (db: Db, id: string) => db.selectFrom('patrol_trail_points').selectAll().where('patrol_id', '=', id).orderBy('at').execute();
export const notesOf = (db: Db, id: string) => db.selectFrom('patrol_notes as n').selectAll('n')
  .select(sql<string[]>`coalesce((select array_agg(photo_id::text order by photo_id) from patrol_note_photos where note_id = n.id), '{}')`.as('photo_ids'))
  .where('n.patrol_id', '=', id).orderBy('n.at').execute();
export const noticesOf = (db: Db, id: string) => db.selectFrom('patrol_notices').selectAll().where('patrol_id', '=', id).orderBy('at').execute();
