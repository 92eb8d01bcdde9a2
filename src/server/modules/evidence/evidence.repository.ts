import { sql } from 'kysely';
import type { Db } from '../../platform/db/db';
import { candidateInitials } from '../../../domain/references/exhibits';

// The SQL of recordings and exhibits. Continuity has its own repository (continuity/).

export type RecordingRow = Awaited<ReturnType<typeof listRecordingsByIds>>[number];

const recordingColumns = [
  'r.id', 'r.sha256', 'r.size_bytes', 'r.original_name', 'r.source', 'r.format', 'r.probe', 'r.note', 'r.ffprobe_version', 'r.camera_id',
  'r.retention_class', 'r.ingested_by', 'r.ingested_at', 'r.destroyed_at',
] as const;

function recordingQuery(db: Db) {
  return db.selectFrom('recordings as r')
    .innerJoin('users as u', 'u.id', 'r.ingested_by')
    .leftJoin('cameras as c', 'c.id', 'r.camera_id')
    .leftJoin('exhibit_recordings as er', 'er.recording_id', 'r.id')
    .leftJoin('exhibits as e', 'e.id', 'er.exhibit_id')
    .select([...recordingColumns, 'u.display_name as ingested_by_name', 'c.reference as camera_reference', 'c.name as camera_name',
      'e.id as exhibit_id', 'e.reference as exhibit_reference', 'er.position',
      // Under a legal hold that is not released: retention leaves it alone.
      (eb) => eb.exists(eb.selectFrom('evidence_holds as h').leftJoin('evidence_hold_releases as hr', 'hr.hold_id', 'h.id').select('h.id')
        .whereRef('h.recording_id', '=', 'r.id').where('hr.id', 'is', null)).as('is_held')]);
}

export async function insertRecording(db: Db, row: {
  sha256: string; size_bytes: number; original_name: string; source: 'upload' | 'import'; format: 'video' | 'unreadable';
  probe: unknown; note: string | null; ffprobe_version: string | null; camera_id: string | null; ingested_by: string; ingested_at: Date;
}) {
  // A concurrent ingest of the same bytes finds the other's row (the live-hash index) instead of failing.
  const inserted = await db.insertInto('recordings')
    .values({ ...row, probe: row.probe === null ? null : JSON.stringify(row.probe) })
    .onConflict((oc) => oc.column('sha256').where('destroyed_at', 'is', null).doNothing())
    .returning('id').executeTakeFirst();
  return inserted ? { id: inserted.id, created: true } : { id: (await findLiveRecordingBySha256(db, row.sha256))!.id, created: false };
}

export async function findLiveRecordingBySha256(db: Db, sha256: string) {
  return recordingQuery(db).where('r.sha256', '=', sha256).where('r.destroyed_at', 'is', null).executeTakeFirst();
}

export async function listRecordingsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return recordingQuery(db).where('r.id', 'in', ids).orderBy('er.position').orderBy('r.ingested_at').execute();
}

export async function listRecordings(db: Db, { unassigned, ingestedBy, offset, limit }: { unassigned?: boolean; ingestedBy?: string; offset: number; limit: number }) {
  let q = recordingQuery(db).where('r.destroyed_at', 'is', null);
  if (unassigned !== undefined) q = q.where('er.exhibit_id', unassigned ? 'is' : 'is not', null);
  if (ingestedBy) q = q.where('r.ingested_by', '=', ingestedBy);
  const [rows, total] = await Promise.all([
    q.orderBy('r.ingested_at', 'desc').orderBy('r.id').offset(offset).limit(limit).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/**
 * The producer's initials and next number, under the producer's row lock, so that numbers are
 * unique, never reused and gap-free (a rolled-back creation gives its number back). A producer's
 * first exhibit picks initials no other producer holds, under a lock that serialises only that.
 */
export async function allocateExhibitNumber(db: Db, { userId, displayName }: { userId: string; displayName: string }) {
  let producer = await db.updateTable('exhibit_producers').set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('user_id', '=', userId).returning(['initials', 'last_number']).executeTakeFirst();
  if (!producer) {
    await sql`select pg_advisory_xact_lock(hashtext('exhibit_producers'))`.execute(db);
    const candidates = candidateInitials(displayName);
    const taken = new Set((await db.selectFrom('exhibit_producers').select('initials').where('initials', 'in', candidates).execute()).map((r) => r.initials));
    const initials = candidates.find((c) => !taken.has(c));
    if (!initials) throw new Error(`no free exhibit initials for ${displayName}`);
    await db.insertInto('exhibit_producers').values({ user_id: userId, initials, last_number: 0 }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
    producer = await db.updateTable('exhibit_producers').set((eb) => ({ last_number: eb('last_number', '+', 1) }))
      .where('user_id', '=', userId).returning(['initials', 'last_number']).executeTakeFirstOrThrow();
  }
  return { initials: producer.initials, number: producer.last_number };
}

export async function insertExhibit(db: Db, row: {
  reference: string; producer_id: string; number: number; description: string; recorded_from: Date | null; recorded_to: Date | null;
  clock_recorder_showed: Date | null; clock_true_time: Date | null; created_at: Date; created_by: string;
}) {
  return db.insertInto('exhibits').values({ ...row, holder_id: row.producer_id }).returning(['id', 'reference']).executeTakeFirstOrThrow();
}

export async function linkExhibit(db: Db, { exhibitId, recordingIds, cameraIds, occurrences, by, at }: {
  exhibitId: string; recordingIds: readonly string[]; cameraIds: readonly string[]; occurrences: readonly { id: string; footageEntryId?: string }[]; by: string; at: Date;
}) {
  await db.insertInto('exhibit_recordings').values(recordingIds.map((recording_id, i) => ({ exhibit_id: exhibitId, recording_id, position: i + 1 }))).execute();
  if (cameraIds.length) await db.insertInto('exhibit_cameras').values(cameraIds.map((camera_id) => ({ exhibit_id: exhibitId, camera_id }))).execute();
  if (occurrences.length) {
    await db.insertInto('exhibit_occurrences')
      .values(occurrences.map((o) => ({ exhibit_id: exhibitId, occurrence_id: o.id, footage_entry_id: o.footageEntryId ?? null, linked_by: by, linked_at: at }))).execute();
  }
}

export async function countKnown(db: Db, { table, ids }: { table: 'cameras' | 'occurrences'; ids: readonly string[] }) {
  if (ids.length === 0) return 0;
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('id', 'in', ids).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findUserName(db: Db, userId: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'is_active', 'organisation_id']).where('id', '=', userId).executeTakeFirst();
}

/** Footage marks of an occurrence (with their camera), and whether each is an exhibit already. */
export async function listFootageMarks(db: Db, { occurrenceId, entryIds }: { occurrenceId: string; entryIds: readonly string[] }) {
  if (entryIds.length === 0) return [];
  return db.selectFrom('occurrence_entries as oe')
    .leftJoin('exhibit_occurrences as eo', 'eo.footage_entry_id', 'oe.id')
    .innerJoin('cameras as c', 'c.id', 'oe.camera_id')
    .select(['oe.id', 'oe.body', 'oe.camera_id', 'oe.footage_from', 'oe.footage_to', 'c.reference as camera_reference', 'c.name as camera_name', 'eo.exhibit_id'])
    .where('oe.occurrence_id', '=', occurrenceId).where('oe.kind', '=', 'footage').where('oe.id', 'in', entryIds)
    .execute();
}

export async function findOccurrenceReference(db: Db, id: string) {
  return db.selectFrom('occurrences').select(['id', 'reference']).where('id', '=', id).executeTakeFirst();
}

/** Active council staff of the organisation with an evidence role, to hand an exhibit to. */
export async function listHandlers(db: Db, { organisationId }: { organisationId: string }) {
  const rows = await db.selectFrom('users as u').select(['u.id', 'u.display_name as name']).where('u.organisation_id', '=', organisationId).where('u.is_active', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('user_roles as r').select('r.role').whereRef('r.user_id', '=', 'u.id').where('r.role', 'in', ['operator', 'supervisor', 'enforcement_officer'])))
    .orderBy('u.display_name').execute();
  return rows;
}
