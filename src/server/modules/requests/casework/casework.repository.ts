import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';

// Casework's SQL: the searches of a SAR (append-only) and the FOI answers logged for publication.

export const insertSearch = (db: Db, row: {
  request_id: string; camera_id: string | null; searched_from: Date; searched_to: Date; found: boolean; others_visible: boolean;
  notes: string; stills: string[]; recorded_by: string; recorded_at: Date;
}) => db.insertInto('request_searches').values({ ...row, stills: JSON.stringify(row.stills) }).returning('id').executeTakeFirstOrThrow();

export const listSearches = (db: Db, requestId: string) =>
  db.selectFrom('request_searches as s')
    .leftJoin('cameras as c', 'c.id', 's.camera_id')
    .leftJoin('users as u', 'u.id', 's.recorded_by')
    .select(['s.id', 's.camera_id', 'c.reference as camera_reference', 'c.name as camera_name', 's.searched_from', 's.searched_to', 's.found',
      's.others_visible', 's.notes', 's.stills', 's.recorded_by', 'u.display_name as recorded_by_name', 's.recorded_at'])
    .where('s.request_id', '=', requestId).orderBy('s.recorded_at').orderBy('s.searched_from').orderBy('s.id').execute();

export const findSearch = (db: Db, requestId: string, searchId: string) =>
  db.selectFrom('request_searches').select(['id', 'stills']).where('request_id', '=', requestId).where('id', '=', searchId).executeTakeFirst();

export const cameraExists = (db: Db, id: string) => db.selectFrom('cameras').select('id').where('id', '=', id).executeTakeFirst().then(Boolean);

export interface LoggedRow {
  request_id: string; reference: string; received_on: string; closed_at: Date | null; details: unknown; exemptions: unknown[];
}

/**
 * Each FOI's latest disclosure-log entry, where that entry says publish, newest answer first, with
 * the request's exemption entries (in order, with their corrections) to work out those in force.
 */
export async function listPublished(db: Db): Promise<LoggedRow[]> {
  const { rows } = await sql<LoggedRow>`
    select r.id as request_id, r.reference, r.received_on::text as received_on, r.closed_at, d.details,
      coalesce((select jsonb_agg(jsonb_build_object('seq', x.seq, 'kind', x.kind, 'details', x.details, 'correctsSeq', x.corrects_seq) order by x.seq)
                from request_events x where x.request_id = r.id and x.kind = 'exemption-applied'), '[]'::jsonb) as exemptions
    from requests r
    join lateral (select e.details, e.at from request_events e where e.request_id = r.id and e.kind = 'disclosure-logged' order by e.seq desc limit 1) d on true
    where r.type = 'foi' and (d.details->>'publish')::boolean
    order by coalesce(r.closed_at, d.at) desc, r.reference desc`.execute(db);
  return rows;
}
