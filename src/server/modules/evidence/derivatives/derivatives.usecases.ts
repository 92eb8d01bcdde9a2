import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit } from '../../../platform/audit/audit';
import { formatDerivativeReference } from '../../../../domain/references/exhibits';
import type * as k from '../../../../domain/evidence/contract';
import * as repo from './derivatives.repository';
import * as errors from '../evidence.errors';
import { nextDerivativeNumber } from '../evidence.models';
import { lockExhibit, type LockedExhibit } from '../continuity/continuity.repository';
import { listRecordingsByIds, type RecordingRow } from '../evidence.repository';
import type { Actor } from '../evidence.usecases';
import { isProbeBrowserPlayable, probeDuration } from './derivatives.models';
import { makeDerivativeJob } from './derivatives.jobs';

// Asking for working copies, clips and stills. The rows are written in the caller's transaction and
// the work is done by the `evidence.make-derivative` job on any instance (derivatives.jobs.ts);
// a job message lost to a crash between commit and send is sent again by the sweep there.

interface NewDerivative {
  kind: 'working_copy' | 'clip' | 'still'; recording: RecordingRow; mode: 'copy' | 'reencode' | 'still';
  startS: number | null; endS: number | null; caption: boolean; purpose: string;
}

async function insertDerivatives(trx: Db, deps: Deps, { actor, exhibit, items }: { actor: Actor; exhibit: LockedExhibit; items: NewDerivative[] }) {
  const now = deps.clock.now();
  const references = await repo.listDerivativeReferences(trx, exhibit.id);
  const created: { id: string; reference: string }[] = [];
  for (const item of items) {
    const number = nextDerivativeNumber({ references, kind: item.kind });
    const reference = formatDerivativeReference({ exhibitReference: exhibit.reference, kind: item.kind, number });
    references.push(reference);
    created.push(await repo.insertDerivative(trx, {
      exhibit_id: exhibit.id, reference, kind: item.kind, recording_id: item.recording.id, parent_sha256: item.recording.sha256, mode: item.mode,
      start_s: item.startS, end_s: item.endS, caption: item.caption, purpose: item.purpose, requested_by: actor.userId, requested_at: now,
    }));
  }
  if (created.length) {
    await recordAudit(trx, actor.audit, { action: 'exhibit.copies-requested', recordType: 'exhibit', recordId: exhibit.id, details: { reference: exhibit.reference, derivatives: created } });
  }
  return created;
}

/** A master in a legacy or proprietary-but-readable codec gets a playable working copy as soon as it is an exhibit. */
export async function queuePlayableCopies(trx: Db, deps: Deps, { actor, exhibit, recordings }: { actor: Actor; exhibit: LockedExhibit; recordings: RecordingRow[] }) {
  const items: NewDerivative[] = recordings.filter((r) => r.format === 'video' && !isProbeBrowserPlayable(r.probe)).map((recording) => ({
    kind: 'working_copy', recording, mode: 'reencode', startS: null, endS: null, caption: true, purpose: `Playable working copy of ${recording.original_name} (the master's format does not play in a browser)`,
  }));
  return insertDerivatives(trx, deps, { actor, exhibit, items });
}

export async function requestDerivatives(deps: Deps, { actor, exhibitId, input }: { actor: Actor; exhibitId: string; input: z.output<typeof k.RequestDerivative> }) {
  const created = await deps.db.transaction().execute(async (trx) => {
    const exhibit = await lockExhibit(trx, exhibitId);
    if (!exhibit) throw errors.exhibitNotFound();
    if (exhibit.state === 'destroyed') throw errors.handlingRefused({ reason: `${exhibit.reference} has been destroyed.` });
    const [recording] = await listRecordingsByIds(trx, [input.recordingId]);
    if (!recording || recording.exhibit_id !== exhibitId || recording.destroyed_at) throw errors.notAMaster();
    if (recording.format !== 'video') throw errors.notVideo();
    const durationS = probeDuration(recording.probe);
    const base = { recording, caption: input.caption, purpose: input.purpose };
    let items: NewDerivative[];
    if (input.kind === 'clip') {
      if (durationS !== null && input.endS > durationS + 0.001) throw errors.clipOutOfRange({ durationS });
      // A stream-copy clip is the original packets: nothing can be drawn on them.
      items = [{ ...base, kind: 'clip', mode: input.mode, startS: input.startS, endS: input.endS, caption: input.mode === 'copy' ? false : input.caption }];
    } else if (input.kind === 'still') {
      if (durationS !== null && input.atS.some((t) => t >= durationS)) throw errors.clipOutOfRange({ durationS });
      items = input.atS.map((t) => ({ ...base, kind: 'still', mode: 'still', startS: t, endS: null }));
    } else {
      items = [{ ...base, kind: 'working_copy', mode: 'reencode', startS: null, endS: null }];
    }
    return insertDerivatives(trx, deps, { actor, exhibit, items });
  });
  await sendDerivativeJobs(deps, created.map((d) => d.id));
  return { derivatives: created };
}

/** Tells the workers (after the rows are committed). Without a queue (a test, a one-shot command) the sweep picks them up. */
export async function sendDerivativeJobs(deps: Deps, ids: readonly string[]) {
  for (const id of ids) await deps.jobs?.send(makeDerivativeJob, { derivativeId: id }, { singletonKey: id });
}
