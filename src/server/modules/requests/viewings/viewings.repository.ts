import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';

// The SQL of the viewing diary.

/** Serialises bookings of one room, so two people cannot book it for the same time at once. */
export const lockRoom = (db: Db, room: string) => sql`select pg_advisory_xact_lock(hashtext(${`request_viewings:${room.trim().toLowerCase()}`}))`.execute(db);

export const listRoomBookings = (db: Db, { room, from, to }: { room: string; from: Date; to: Date }) =>
  db.selectFrom('request_viewings').select(['id', 'room', 'starts_at', 'ends_at', 'state'])
    .where(sql<boolean>`lower(btrim(room)) = lower(btrim(${room}))`).where('state', '=', 'booked').where('starts_at', '<', to).where('ends_at', '>', from).execute();

export const insertViewing = (db: Db, row: {
  request_id: string; starts_at: Date; ends_at: Date; room: string; viewer_name: string; viewer_organisation: string; viewer_authority: string; booked_by: string; booked_at: Date;
}) => db.insertInto('request_viewings').values(row).returning('id').executeTakeFirstOrThrow();

const base = (db: Db) => db.selectFrom('request_viewings as v')
  .innerJoin('requests as r', 'r.id', 'v.request_id')
  .leftJoin('exhibits as e', 'e.id', 'v.exhibit_id')
  .leftJoin('users as b', 'b.id', 'v.booked_by')
  .leftJoin('users as w', 'w.id', 'v.recorded_by')
  .select(['v.id', 'v.request_id', 'r.reference as request_reference', 'r.type as request_type', 'v.starts_at', 'v.ends_at', 'v.room', 'v.viewer_name', 'v.viewer_organisation',
    'v.viewer_authority', 'v.state', 'v.viewed', 'v.copied', 'v.exhibit_id', 'e.reference as exhibit_reference', 'v.booked_by', 'b.display_name as booked_by_name',
    'v.recorded_by', 'w.display_name as recorded_by_name', 'v.recorded_at']);
export type ViewingRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export const findViewing = (db: Db, id: string) => base(db).where('v.id', '=', id).executeTakeFirst();
export const lockViewing = (db: Db, id: string) => db.selectFrom('request_viewings').select(['id', 'request_id', 'state']).where('id', '=', id).forUpdate().executeTakeFirst();

export const listViewings = (db: Db, { from, to }: { from: Date; to: Date }) =>
  base(db).where('v.starts_at', '<', to).where('v.ends_at', '>', from).orderBy('v.starts_at').orderBy('v.room').limit(1000).execute();

export const countLiveBookings = (db: Db, requestId: string) =>
  db.selectFrom('request_viewings').select((eb) => eb.fn.countAll<string>().as('n')).where('request_id', '=', requestId).where('state', '=', 'booked').executeTakeFirstOrThrow().then((r) => Number(r.n));

export const recordViewing = (db: Db, id: string, set: { state: 'viewed' | 'cancelled' | 'no_show'; viewed: string; copied: string; exhibit_id: string | null; recorded_by: string; recorded_at: Date }) =>
  db.updateTable('request_viewings').set(set).where('id', '=', id).execute();

export const findExhibit = (db: Db, id: string) => db.selectFrom('exhibits').select(['id', 'reference', 'state']).where('id', '=', id).executeTakeFirst();
export const findUserName = (db: Db, id: string) => db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst().then((u) => u?.display_name ?? '');
