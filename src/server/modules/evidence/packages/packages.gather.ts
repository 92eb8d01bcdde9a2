import type { Db } from '../../../platform/db/db';
import type { ObjectStore } from '../../../platform/storage/storage';
import { findExhibitDetail } from '../evidence.views';
import { listContinuityEvents } from '../continuity/continuity.repository';
import type { PackageExhibitInput } from './package.build';
import type { DraftExhibit } from './statement.models';

// What a package (and the draft statement beside it) says about each exhibit, gathered from the
// database: its cameras, times and clock check, its masters and the copies chosen, and its continuity
// up to now. Files are opened from the object store only when the zip writer reaches them, with the
// store's checked read: a stored file altered since it was written stops the package.

const MEDIA_TYPES: Record<string, string> = { mp4: 'video/mp4', mov: 'video/quicktime', avi: 'video/x-msvideo', matroska: 'video/x-matroska', mpegts: 'video/mp2t' };
const mediaTypeOfMaster = (container: string | undefined) => {
  for (const name of (container ?? '').split(',')) if (MEDIA_TYPES[name]) return MEDIA_TYPES[name];
  return 'application/octet-stream';
};

export async function gatherExhibits({ db, storage, exhibitIds, derivativeIds, includeMasters }: {
  db: Db; storage: ObjectStore; exhibitIds: readonly string[]; derivativeIds: Set<string> | null; includeMasters: boolean;
}): Promise<(PackageExhibitInput & DraftExhibit)[]> {
  const out: (PackageExhibitInput & DraftExhibit)[] = [];
  for (const id of exhibitIds) {
    const ex = await findExhibitDetail(db, id);
    if (!ex) continue;
    const open = (sha256: string) => async () => {
      const stream = await storage.read(sha256);
      if (!stream) throw new Error(`the stored file ${sha256} is missing`);
      return stream;
    };
    const masters = ex.recordings.map((r) => ({ name: r.originalName, sha256: r.sha256, size: r.sizeBytes, mediaType: mediaTypeOfMaster(r.probe?.container), open: open(r.sha256), checkedBySource: true }));
    const derivatives = ex.derivatives
      .filter((d) => d.state === 'done' && d.sha256 && (!derivativeIds || derivativeIds.has(d.id)))
      .map((d) => ({
        reference: d.reference, kind: d.kind, sha256: d.sha256!, size: d.sizeBytes ?? 0, mediaType: d.mediaType ?? 'application/octet-stream',
        derivedFrom: d.parentSha256, ffmpegVersion: d.ffmpegVersion, ffmpegArgs: d.ffmpegArgs, open: open(d.sha256!), checkedBySource: true,
      }));
    out.push({
      reference: ex.reference, description: ex.description, cameras: ex.cameras.map((c) => ({ id: c.id, name: c.name, reference: c.reference })),
      recordedFrom: ex.recordedFrom, recordedTo: ex.recordedTo, clock: ex.clock,
      masters: includeMasters ? masters : [], derivatives, events: await listContinuityEvents(db, id),
    });
  }
  return out;
}
