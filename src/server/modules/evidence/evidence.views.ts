import type { z } from 'zod';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db';
import type * as k from '../../../domain/evidence/contract';
import { listRecordingsByIds, type RecordingRow } from './evidence.repository';
import { listContinuityEvents } from './continuity/continuity.repository';
import { clockOffsetSeconds, custodyOf, itemSha256 } from './evidence.models';
import { isProbeBrowserPlayable } from './derivatives/derivatives.models';

// Reading exhibits as the screens and the CSV show them: the list with its filters and sorting, and
// one exhibit whole (masters, copies, continuity, holds).

type Filter = Omit<z.output<typeof k.ExhibitFilter>, 'sort'>;
type Sort = z.output<typeof k.ExhibitFilter>['sort'];

function filtered(db: Db, f: Filter) {
  let q = db.selectFrom('exhibits as e').innerJoin('users as p', 'p.id', 'e.producer_id').leftJoin('users as h', 'h.id', 'e.holder_id');
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('e.reference', 'ilike', like), eb('e.description', 'ilike', like)]));
  }
  if (f.producerId) q = q.where('e.producer_id', '=', f.producerId);
  if (f.state) q = q.where('e.state', '=', f.state);
  if (f.cameraId) { const id = f.cameraId; q = q.where((eb) => eb.exists(eb.selectFrom('exhibit_cameras as ec').select('ec.camera_id').whereRef('ec.exhibit_id', '=', 'e.id').where('ec.camera_id', '=', id))); }
  if (f.occurrenceId) { const id = f.occurrenceId; q = q.where((eb) => eb.exists(eb.selectFrom('exhibit_occurrences as eo').select('eo.occurrence_id').whereRef('eo.exhibit_id', '=', 'e.id').where('eo.occurrence_id', '=', id))); }
  // A date range finds exhibits whose footage overlaps it (or, with no recorded times, made within it).
  if (f.from) { const from = f.from; q = q.where(sql<boolean>`coalesce(e.recorded_to, e.recorded_from, e.created_at) >= ${from}`); }
  if (f.to) { const to = f.to; q = q.where(sql<boolean>`coalesce(e.recorded_from, e.created_at) <= ${to}`); }
  return q;
}

const ORDER: Record<Sort, string> = {
  created_desc: 'e.created_at desc, e.id',
  created_asc: 'e.created_at asc, e.id',
  reference_asc: 'p.display_name, e.producer_id, e.number',
  recorded_desc: 'e.recorded_from desc nulls last, e.created_at desc, e.id',
};

const listColumns = ['e.id', 'e.reference', 'e.description', 'e.producer_id', 'p.display_name as producer_name', 'e.recorded_from', 'e.recorded_to',
  'e.created_at', 'e.state', 'e.holder_id', 'h.display_name as holder_name', 'e.clock_recorder_showed', 'e.clock_true_time'] as const;

async function toItems(db: Db, rows: { id: string }[]) {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return new Map<string, { cameras: z.output<typeof k.ExhibitListItem>['cameras']; occurrences: { id: string; reference: string }[]; masters: number }>();
  const [cameras, occurrences, masters] = await Promise.all([
    db.selectFrom('exhibit_cameras as ec').innerJoin('cameras as c', 'c.id', 'ec.camera_id').select(['ec.exhibit_id', 'c.id', 'c.reference', 'c.name']).where('ec.exhibit_id', 'in', ids).orderBy('c.reference').execute(),
    db.selectFrom('exhibit_occurrences as eo').innerJoin('occurrences as o', 'o.id', 'eo.occurrence_id').select(['eo.exhibit_id', 'o.id', 'o.reference']).where('eo.exhibit_id', 'in', ids).orderBy('o.reference').execute(),
    db.selectFrom('exhibit_recordings').select(['exhibit_id', (eb) => eb.fn.countAll<string>().as('n')]).where('exhibit_id', 'in', ids).groupBy('exhibit_id').execute(),
  ]);
  return new Map(ids.map((id) => [id, {
    cameras: cameras.filter((c) => c.exhibit_id === id).map(({ id: cid, reference, name }) => ({ id: cid, reference, name })),
    occurrences: occurrences.filter((o) => o.exhibit_id === id).map(({ id: oid, reference }) => ({ id: oid, reference })),
    masters: Number(masters.find((m) => m.exhibit_id === id)?.n ?? 0),
  }]));
}

type ListRow = Awaited<ReturnType<typeof searchExhibitRows>>['rows'][number];

function toListItem(r: ListRow, extra: { cameras: z.output<typeof k.ExhibitListItem>['cameras']; occurrences: { id: string; reference: string }[]; masters: number }): z.output<typeof k.ExhibitListItem> {
  return {
    id: r.id, reference: r.reference, description: r.description, producer: { id: r.producer_id, name: r.producer_name },
    cameras: extra.cameras, recordedFrom: r.recorded_from?.toISOString() ?? null, recordedTo: r.recorded_to?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(), state: r.state, holder: r.holder_id ? { id: r.holder_id, name: r.holder_name ?? '' } : null,
    masters: extra.masters, occurrences: extra.occurrences,
  };
}

async function searchExhibitRows(db: Db, { filter, sort, offset, limit }: { filter: Filter; sort: Sort; offset: number; limit: number }) {
  const base = filtered(db, filter);
  const [rows, total] = await Promise.all([
    base.select([...listColumns]).orderBy(sql.raw(ORDER[sort])).offset(offset).limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function searchExhibits(db: Db, args: { filter: Filter; sort: Sort; offset: number; limit: number }) {
  const { rows, total } = await searchExhibitRows(db, args);
  const extras = await toItems(db, rows);
  return { items: rows.map((r) => toListItem(r, extras.get(r.id)!)), total };
}

/** Every matching exhibit, a batch at a time (for CSV). */
export async function* streamExhibits(db: Db, { filter, sort }: { filter: Filter; sort: Sort }) {
  for (let offset = 0; ; offset += 1000) {
    const { items } = await searchExhibits(db, { filter, sort, offset, limit: 1000 });
    if (items.length) yield items;
    if (items.length < 1000) return;
  }
}

export function toRecording(r: RecordingRow, deleteAfter: Date | null): z.output<typeof k.Recording> {
  return {
    id: r.id, sha256: r.sha256, sizeBytes: Number(r.size_bytes), originalName: r.original_name, source: r.source, format: r.format,
    probe: (r.probe as z.output<typeof k.ProbeSummary> | null) ?? null, note: r.note, playable: isProbeBrowserPlayable(r.probe),
    camera: r.camera_id ? { id: r.camera_id, reference: r.camera_reference ?? '', name: r.camera_name ?? '' } : null,
    exhibit: r.exhibit_id ? { id: r.exhibit_id, reference: r.exhibit_reference ?? '' } : null,
    ingestedBy: { id: r.ingested_by, name: r.ingested_by_name }, ingestedAt: r.ingested_at.toISOString(), deleteAfter: deleteAfter?.toISOString() ?? null,
  };
}

export async function findExhibitDetail(db: Db, exhibitId: string): Promise<z.output<typeof k.ExhibitDetail> | undefined> {
  const row = await filtered(db, {}).select([...listColumns]).where('e.id', '=', exhibitId).executeTakeFirst();
  if (!row) return undefined;
  const [extras, recordingIds, derivatives, events, holds] = await Promise.all([
    toItems(db, [row]),
    db.selectFrom('exhibit_recordings').select('recording_id').where('exhibit_id', '=', exhibitId).orderBy('position').execute(),
    db.selectFrom('exhibit_derivatives as d').innerJoin('users as u', 'u.id', 'd.requested_by').selectAll('d').select('u.display_name as requested_by_name')
      .where('d.exhibit_id', '=', exhibitId).orderBy('d.requested_at').orderBy('d.reference').execute(),
    listContinuityEvents(db, exhibitId),
    db.selectFrom('evidence_holds as eh').innerJoin('users as u', 'u.id', 'eh.placed_by').leftJoin('evidence_hold_releases as r', 'r.hold_id', 'eh.id')
      .select(['eh.id', 'eh.reason', 'eh.placed_by', 'u.display_name', 'eh.placed_at']).where('eh.exhibit_id', '=', exhibitId).where('r.id', 'is', null).execute(),
  ]);
  const recordings = await listRecordingsByIds(db, recordingIds.map((r) => r.recording_id));
  const custody = custodyOf(events.map((e) => ({ ...e, at: new Date(e.at) })));
  const num = (v: string | null) => (v === null ? null : Number(v));
  return {
    ...toListItem(row, extras.get(row.id)!),
    clock: row.clock_recorder_showed && row.clock_true_time ? {
      recorderShowed: row.clock_recorder_showed.toISOString(), trueTime: row.clock_true_time.toISOString(),
      offsetSeconds: clockOffsetSeconds({ recorderShowed: row.clock_recorder_showed, trueTime: row.clock_true_time }),
    } : null,
    itemSha256: events[0]?.itemSha256 ?? itemSha256(recordings.map((r) => ({ sha256: r.sha256, name: r.original_name }))),
    recordings: recordings.map((r) => toRecording(r, null)),
    derivatives: derivatives.map((d) => ({
      id: d.id, reference: d.reference, kind: d.kind, recordingId: d.recording_id, parentSha256: d.parent_sha256, mode: d.mode, startS: num(d.start_s), endS: num(d.end_s),
      caption: d.caption, purpose: d.purpose, state: d.state, progress: d.progress, sha256: d.sha256, sizeBytes: d.size_bytes === null ? null : Number(d.size_bytes),
      mediaType: d.media_type, ffmpegVersion: d.ffmpeg_version, ffmpegArgs: d.ffmpeg_args, realStartS: num(d.real_start_s), realEndS: num(d.real_end_s),
      failure: d.failure, requestedBy: { id: d.requested_by, name: d.requested_by_name }, requestedAt: d.requested_at.toISOString(), completedAt: d.completed_at?.toISOString() ?? null,
    })),
    events: events.map((e) => ({ seq: e.seq, kind: e.kind, at: e.at, actor: { id: e.actorId, name: e.actorName }, location: e.location, reason: e.reason, itemSha256: e.itemSha256, details: e.details as z.output<typeof k.ContinuityDetails>, hash: e.hash })),
    pendingHandover: custody.pendingHandover ? { to: custody.pendingHandover.to, at: custody.pendingHandover.at.toISOString(), seq: custody.pendingHandover.seq } : null,
    holds: holds.map((h) => ({ id: h.id, reason: h.reason, placedBy: { id: h.placed_by, name: h.display_name }, placedAt: h.placed_at.toISOString() })),
  };
}

/** A file of an exhibit by its hash: one of its masters, or a working copy or still that is done; none once destroyed. */
export async function findExhibitFile(db: Db, { exhibitId, sha256 }: { exhibitId: string; sha256: string }) {
  const master = await db.selectFrom('exhibit_recordings as er').innerJoin('recordings as r', 'r.id', 'er.recording_id').innerJoin('exhibits as e', 'e.id', 'er.exhibit_id')
    .select(['r.sha256', 'r.size_bytes', 'r.original_name', 'r.probe', 'e.reference']).where('er.exhibit_id', '=', exhibitId).where('r.sha256', '=', sha256).where('r.destroyed_at', 'is', null).executeTakeFirst();
  if (master) {
    const container = (master.probe as { container?: string } | null)?.container ?? '';
    const mediaType = /(^|,)(mp4|mov)(,|$)/.test(container) ? 'video/mp4' : /avi/.test(container) ? 'video/x-msvideo' : 'application/octet-stream';
    return { sha256, size: Number(master.size_bytes), mediaType, filename: master.original_name, reference: master.reference, isMaster: true };
  }
  const d = await db.selectFrom('exhibit_derivatives as d').select(['d.sha256', 'd.size_bytes', 'd.media_type', 'd.reference'])
    .where('d.exhibit_id', '=', exhibitId).where('d.sha256', '=', sha256).where('d.state', '=', 'done')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('evidence_destructions as x').select('x.id').whereRef('x.derivative_id', '=', 'd.id')))).executeTakeFirst();
  if (!d) return undefined;
  const ext = d.media_type === 'image/png' ? 'png' : d.media_type === 'video/x-msvideo' ? 'avi' : d.media_type === 'video/x-matroska' ? 'mkv' : d.media_type === 'video/mp2t' ? 'ts' : 'mp4';
  return { sha256, size: Number(d.size_bytes), mediaType: d.media_type ?? 'application/octet-stream', filename: `${d.reference.replace(/\//g, '_')}.${ext}`, reference: d.reference, isMaster: false };
}
