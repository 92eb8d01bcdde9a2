import fs from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { locateVideoTools, probeFile } from '../../../platform/video/video';
import * as repo from '../evidence.repository';
import * as errors from '../evidence.errors';
import type { Actor } from '../evidence.usecases';
import { summariseProbe } from './ingest.models';

// Footage coming in, from an upload or `vigil evidence import`: read what it is (ffprobe), refuse a
// file that is not video or is cut short (keeping nothing), keep a format ffprobe cannot read as it
// is with a note, and store the bytes by their SHA-256, computed as they stream into the store.
// The same bytes twice are one recording: the second ingest finds the first.

export interface IngestInput {
  /** A file on this machine holding the bytes (the upload's own file, or the file being imported). */
  file: string;
  originalName: string;
  source: 'upload' | 'import';
  cameraId?: string | null;
  /** The SHA-256 already computed while the bytes arrived (an upload): the file is then moved into the store, not copied. */
  sha256?: string;
  /** Bytes stored so far, as they stream into the store. */
  onProgress?: (bytes: number) => void;
}

export async function ingestRecording(deps: Deps, { actor, input }: { actor: Actor; input: IngestInput }) {
  const name = path.basename(input.originalName).slice(0, 255) || 'recording';
  const { size } = await fs.stat(input.file);
  if (size === 0) throw errors.ingestRefused({ code: 'empty', reason: 'it holds no bytes.', name });
  const tools = await locateVideoTools(deps.config.video);
  const outcome = await probeFile({ tools, file: input.file });
  if (outcome.kind === 'not_video' || outcome.kind === 'truncated') throw errors.ingestRefused({ code: outcome.kind, reason: outcome.reason, name });
  const stored = input.sha256
    ? await deps.storage.adoptFile({ file: input.file, sha256: input.sha256 })
    : await deps.storage.putFile(input.file, { onProgress: input.onProgress });
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const r = await repo.insertRecording(trx, {
      sha256: stored.sha256, size_bytes: stored.size, original_name: name, source: input.source,
      format: outcome.kind === 'video' ? 'video' : 'unreadable',
      probe: outcome.kind === 'video' ? summariseProbe(outcome.probe) : null,
      note: outcome.kind === 'unreadable' ? outcome.note : null,
      ffprobe_version: tools.ffprobeVersion, camera_id: input.cameraId ?? null, ingested_by: actor.userId, ingested_at: now,
    });
    await recordAudit(trx, actor.audit, {
      action: r.created ? 'recording.ingested' : 'recording.ingested-again', recordType: 'recording', recordId: r.id,
      details: { name, sha256: stored.sha256, size: stored.size, source: input.source, format: outcome.kind === 'video' ? 'video' : 'unreadable' },
    });
    const [row] = await repo.listRecordingsByIds(trx, [r.id]);
    return { recording: row, duplicate: !r.created };
  });
}
