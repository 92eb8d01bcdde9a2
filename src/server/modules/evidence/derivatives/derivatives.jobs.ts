import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../../platform/deps';
import type { JobDefinition } from '../../../platform/jobs/jobs';
import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit/audit';
import { cutClip, locateVideoTools, renderStill, transcodeToMp4, type Container, type Labelling } from '../../../platform/video/video';
import { fileSafeReference } from '../../../../domain/references/exhibits';
import * as repo from './derivatives.repository';
import { lockExhibit } from '../continuity/continuity.repository';
import { appendContinuity } from '../continuity/continuity.usecases';
import { recorderStartOf } from './derivatives.models';

// The worker side of working copies, clips and stills: claim the row, run ffmpeg on the master (a
// checked local copy), store the result by its hash, and record it (its hash, the exact ffmpeg and
// arguments, where a stream-copy cut really began) with a continuity event, in one transaction.

const MEDIA_TYPES: Record<Container, string> = { mp4: 'video/mp4', mov: 'video/quicktime', avi: 'video/x-msvideo', matroska: 'video/x-matroska', mpegts: 'video/mp2t' };

/** A running derivative whose worker has not reported for this long is taken over by another. */
export const STALE_AFTER_MS = 2 * 60_000;

export const makeDerivativeJob: JobDefinition = {
  name: 'evidence.make-derivative',
  version: 1,
  payload: z.object({ derivativeId: z.uuid() }),
  retryLimit: 5,
  async handler(deps, { derivativeId }) {
    return makeDerivative(deps, { derivativeId });
  },
};

/** Sends again the jobs of derivatives that were asked for but never started, or whose worker died. */
export const sweepDerivativesJob: JobDefinition = {
  name: 'evidence.sweep-derivatives',
  version: 1,
  payload: z.object({}).passthrough(),
  cron: '* * * * *',
  async handler(deps) {
    const ids = await repo.listStrandedDerivatives(deps.db, { olderThan: new Date(deps.clock.now().getTime() - STALE_AFTER_MS) });
    for (const id of ids) await deps.jobs?.send(makeDerivativeJob, { derivativeId: id }, { singletonKey: id });
    return ids.length ? 'done' : 'skipped';
  },
};

export async function makeDerivative(deps: Deps, { derivativeId }: { derivativeId: string }): Promise<'done' | 'skipped'> {
  const claimed = await repo.claimDerivative(deps.db, { id: derivativeId, now: deps.clock.now(), staleAfterMs: STALE_AFTER_MS });
  if (!claimed) return 'skipped';
  const work = (await repo.findDerivativeWork(deps.db, derivativeId))!;
  const tools = await locateVideoTools(deps.config.video);
  const tmpDir = path.join(deps.config.dataDir, 'tmp');
  await fs.mkdir(tmpDir, { recursive: true });
  const output = path.join(tmpDir, `${randomUUID()}-${fileSafeReference(work.reference)}.${work.kind === 'still' ? 'png' : 'mp4'}`);
  const offsetMs = work.clock_true_time && work.clock_recorder_showed ? work.clock_true_time.getTime() - work.clock_recorder_showed.getTime() : 0;
  const label: Labelling = {
    exhibitRef: work.reference, camera: work.cameras ?? undefined, parentSha256: work.parent_sha256, clockOffsetS: offsetMs / 1000,
    recorderStartAt: recorderStartOf({ probe: work.probe, recordedFrom: work.recorded_from, clockOffsetMs: offsetMs }),
  };
  let lastReport = 0;
  const onProgress = (fraction: number) => {
    const now = Date.now();
    if (now - lastReport < 1000) return;
    lastReport = now;
    void repo.reportDerivativeProgress(deps.db, { id: derivativeId, progress: fraction, now: deps.clock.now() }).catch(() => undefined);
  };
  try {
    const made = await deps.storage.withLocalFile(work.parent_sha256, async (input) => {
      const op = { tools, input, output, label, caption: work.caption };
      const start = work.start_s === null ? 0 : Number(work.start_s);
      if (work.kind === 'still') {
        const still = await renderStill({ ...op, atS: start });
        return { ...still, realStartS: still.frameS, realEndS: null, mediaType: 'image/png' };
      }
      if (work.kind === 'clip') {
        const clip = await cutClip({ ...op, startS: start, endS: Number(work.end_s), mode: work.mode === 'copy' ? 'copy' : 'reencode', onProgress });
        return { ...clip, mediaType: MEDIA_TYPES[clip.container] };
      }
      return { ...(await transcodeToMp4({ ...op, onProgress })), realStartS: null, realEndS: null, mediaType: MEDIA_TYPES.mp4 };
    });
    const stored = await deps.storage.putFile(output);
    await deps.db.transaction().execute(async (trx) => {
      const exhibit = (await lockExhibit(trx, work.exhibit_id))!;
      const done = await repo.completeDerivative(trx, {
        id: derivativeId, sha256: stored.sha256, sizeBytes: stored.size, mediaType: made.mediaType,
        ffmpegVersion: made.ffmpegVersion, ffmpegArgs: made.args, realStartS: made.realStartS ?? null, realEndS: made.realEndS ?? null, at: deps.clock.now(),
      });
      if (!done) return; // another worker finished it first
      const first = await trx.selectFrom('continuity_events').select('item_sha256').where('exhibit_id', '=', exhibit.id).where('seq', '=', 1).executeTakeFirstOrThrow();
      await appendContinuity(trx, {
        exhibit,
        event: {
          kind: 'copied', at: deps.clock.now(), actor: { id: work.requested_by, name: work.requested_by_name ?? 'Vigil' }, location: 'Vigil (evidence store)',
          reason: `Made ${work.reference} (${work.kind.replace('_', ' ')}) from ${work.original_name}`, itemSha256: first.item_sha256,
          details: { derivative: { reference: work.reference, sha256: stored.sha256, size: stored.size }, parentSha256: work.parent_sha256, ffmpegVersion: made.ffmpegVersion, ffmpegArgs: made.args, realStartS: made.realStartS ?? null, realEndS: made.realEndS ?? null },
        },
      });
      await recordAudit(trx, SYSTEM_ACTOR, { action: 'exhibit.copy-made', recordType: 'exhibit', recordId: exhibit.id, details: { reference: work.reference, sha256: stored.sha256, parentSha256: work.parent_sha256 } });
    });
    return 'done';
  } catch (err) {
    deps.log.error({ err, derivativeId }, 'working copy failed');
    await repo.failDerivative(deps.db, { id: derivativeId, failure: err instanceof Error ? err.message : String(err), at: deps.clock.now() });
    return 'done';
  } finally {
    await fs.rm(output, { force: true });
  }
}
