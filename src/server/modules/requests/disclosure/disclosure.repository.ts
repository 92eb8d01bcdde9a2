import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';

// The SQL of disclosure: the recordings a request may concern, its holds, exhibits and packages.
// Evidence's own tables are read here (never written: writes go through the evidence module).

export interface CandidateRow {
  id: string; original_name: string; camera_id: string | null; camera_reference: string | null; camera_name: string | null;
  probe: unknown; ingested_at: Date; exhibit_id: string | null; exhibit_reference: string | null;
  held: boolean; held_by_request: boolean;
}

/**
 * Recordings of the request's cameras, not destroyed, that came in on or after the start of the time
 * asked about (one that came in earlier was recorded earlier, so cannot hold it); the exact rule is
 * footageMatch in src/domain/requests/disclosure.ts.
 */
export const listCandidates = (db: Db, { requestId, from }: { requestId: string; from: Date }) =>
  sql<CandidateRow>`select r.id, r.original_name, r.camera_id, c.reference as camera_reference, c.name as camera_name, r.probe, r.ingested_at,
      e.id as exhibit_id, e.reference as exhibit_reference,
      exists (select 1 from evidence_holds h where h.recording_id = r.id and not exists (select 1 from evidence_hold_releases hr where hr.hold_id = h.id)) as held,
      exists (select 1 from evidence_holds h join request_holds rh on rh.hold_id = h.id and rh.request_id = ${requestId}
              where h.recording_id = r.id and not exists (select 1 from evidence_hold_releases hr where hr.hold_id = h.id)) as held_by_request
    from recordings r
    join request_cameras rc on rc.camera_id = r.camera_id and rc.request_id = ${requestId}
    left join cameras c on c.id = r.camera_id
    left join lateral (select er.exhibit_id from exhibit_recordings er where er.recording_id = r.id limit 1) er on true
    left join exhibits e on e.id = er.exhibit_id
    where r.destroyed_at is null and r.ingested_at >= ${from}
    order by r.ingested_at, r.id limit 1000`.execute(db).then((r) => r.rows);

export const linkHold = (db: Db, requestId: string, holdId: string) =>
  db.insertInto('request_holds').values({ request_id: requestId, hold_id: holdId }).execute();

export const listLinkedExhibits = (db: Db, requestId: string) =>
  db.selectFrom('request_exhibits as re').innerJoin('exhibits as e', 'e.id', 're.exhibit_id')
    .select(['e.id', 'e.reference', 'e.description', 'e.state', 're.linked_at']).where('re.request_id', '=', requestId).orderBy('re.linked_at').orderBy('e.reference').execute();

export const findExhibits = (db: Db, ids: readonly string[]) =>
  db.selectFrom('exhibits').select(['id', 'reference', 'state']).where('id', 'in', ids).execute();

/** Links exhibits (append only: an exhibit linked already stays as it was); returns those newly linked. */
export const linkExhibits = (db: Db, { requestId, exhibitIds, by, at }: { requestId: string; exhibitIds: readonly string[]; by: string; at: Date }) =>
  db.insertInto('request_exhibits').values(exhibitIds.map((exhibit_id) => ({ request_id: requestId, exhibit_id, linked_by: by, linked_at: at })))
    .onConflict((oc) => oc.doNothing()).returning('exhibit_id').execute();

export const linkPackage = (db: Db, requestId: string, packageId: string) =>
  db.insertInto('request_packages').values({ request_id: requestId, package_id: packageId }).execute();

export const listPackages = (db: Db, requestId: string) =>
  db.selectFrom('request_packages as rp').innerJoin('evidence_packages as p', 'p.id', 'rp.package_id')
    .select(['p.id', 'p.reference', 'p.state', 'p.progress', 'p.failure', 'p.recipient_name', 'p.requested_at',
      sql<boolean>`exists (select 1 from evidence_releases x where x.package_id = p.id)`.as('released')])
    .where('rp.request_id', '=', requestId).orderBy('p.requested_at').execute();
