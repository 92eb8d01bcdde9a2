import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';

// The SQL of working copies, clips and stills. A row is final once done or failed (the database
// refuses any change after that); while queued or running, the worker that claimed it moves it on.

export async function listDerivativeReferences(db: Db, exhibitId: string) {
  return (await db.selectFrom('exhibit_derivatives').select('reference').where('exhibit_id', '=', exhibitId).execute()).map((r) => r.reference);
}

export async function insertDerivative(db: Db, row: {
  exhibit_id: string; reference: string; kind: 'working_copy' | 'clip' | 'still'; recording_id: string; parent_sha256: string;
  mode: 'copy' | 'reencode' | 'still'; start_s: number | null; end_s: number | null; caption: boolean; purpose: string; requested_by: string; requested_at: Date;
}) {
  return db.insertInto('exhibit_derivatives').values(row).returning(['id', 'reference']).executeTakeFirstOrThrow();
}

/**
 * Claims a derivative for this worker: one still queued, or one whose worker stopped (running, but
 * not moved on for `staleAfterMs`, as when a server was killed mid-transcode). SKIP LOCKED lets
 * several workers claim at once without waiting on each other.
 */
export async function claimDerivative(db: Db, { id, now, staleAfterMs }: { id: string; now: Date; staleAfterMs: number }) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('exhibit_derivatives').selectAll().where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
    if (!row) return undefined;
    const stale = row.state === 'running' && (row.heartbeat_at?.getTime() ?? row.requested_at.getTime()) < now.getTime() - staleAfterMs;
    if (row.state !== 'queued' && !stale) return undefined;
    return trx.updateTable('exhibit_derivatives').set({ state: 'running', progress: 0, heartbeat_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  });
}

export async function reportDerivativeProgress(db: Db, { id, progress, now }: { id: string; progress: number; now: Date }) {
  await db.updateTable('exhibit_derivatives').set({ progress: Math.max(0, Math.min(1, progress)), heartbeat_at: now }).where('id', '=', id).where('state', '=', 'running').execute();
}

export async function completeDerivative(db: Db, { id, ...done }: {
  id: string; sha256: string; sizeBytes: number; mediaType: string; ffmpegVersion: string; ffmpegArgs: string[]; realStartS: number | null; realEndS: number | null; at: Date;
}) {
  return db.updateTable('exhibit_derivatives').set({
    state: 'done', progress: 1, sha256: done.sha256, size_bytes: done.sizeBytes, media_type: done.mediaType, ffmpeg_version: done.ffmpegVersion,
    ffmpeg_args: done.ffmpegArgs, real_start_s: done.realStartS, real_end_s: done.realEndS, completed_at: done.at,
  }).where('id', '=', id).where('state', '=', 'running').returningAll().executeTakeFirst();
}

export async function failDerivative(db: Db, { id, failure, at }: { id: string; failure: string; at: Date }) {
  await db.updateTable('exhibit_derivatives').set({ state: 'failed', failure: failure.slice(0, 2000), completed_at: at }).where('id', '=', id).where('state', 'in', ['queued', 'running']).execute();
}

export async function findDerivativeWork(db: Db, id: string) {
  return db.selectFrom('exhibit_derivatives as d')
    .innerJoin('exhibits as e', 'e.id', 'd.exhibit_id')
    .innerJoin('recordings as r', 'r.id', 'd.recording_id')
    .leftJoin('users as u', 'u.id', 'd.requested_by')
    .select(['d.id', 'd.reference', 'd.kind', 'd.mode', 'd.start_s', 'd.end_s', 'd.caption', 'd.parent_sha256', 'd.requested_by', 'u.display_name as requested_by_name',
      'e.id as exhibit_id', 'e.reference as exhibit_reference', 'e.recorded_from', 'e.clock_recorder_showed', 'e.clock_true_time',
      'r.probe', 'r.original_name', 'r.camera_id',
      sql<string | null>`(select string_agg(c.reference || ' ' || c.name, ', ' order by c.reference) from exhibit_cameras ec join cameras c on c.id = ec.camera_id where ec.exhibit_id = e.id)`.as('cameras')])
    .where('d.id', '=', id).executeTakeFirst();
}

/** Derivatives asked for but not started a while ago: their job message was lost (a crash between commit and send). */
export async function listStrandedDerivatives(db: Db, { olderThan }: { olderThan: Date }) {
  return (await db.selectFrom('exhibit_derivatives').select('id')
    .where((eb) => eb.or([eb.and([eb('state', '=', 'queued'), eb('requested_at', '<', olderThan)]), eb.and([eb('state', '=', 'running'), eb('heartbeat_at', '<', olderThan)])]))
    .limit(500).execute()).map((r) => r.id);
}
