import type { z } from 'zod';
import { sql } from 'kysely';
import type { Deps } from '../../platform/deps';
import type { Db } from '../../platform/db/db';
import { recordAudit, type AuditActor } from '../../platform/audit/audit';
import { formatExhibitReference } from '../../../domain/references/exhibits';
import type * as k from '../../../domain/evidence/contract';
import * as repo from './evidence.repository';
import * as errors from './evidence.errors';
import { itemSha256, handlingProblem, custodyOf } from './evidence.models';
import { lockExhibit, listContinuityEvents } from './continuity/continuity.repository';
import { appendContinuity } from './continuity/continuity.usecases';
import { queuePlayableCopies, sendDerivativeJobs } from './derivatives/derivatives.usecases';

// What enforcement officers and operators do with exhibits: make them from recordings (or from the
// footage marks an occurrence holds), and record each handling. Every use case is one transaction
// with its audit event and its continuity event.

export interface Actor { audit: AuditActor; userId: string }

type NewExhibit = {
  description: string; recordingIds: string[]; cameraIds: string[]; recordedFrom?: Date | null; recordedTo?: Date | null;
  clock?: { recorderShowed: Date; trueTime: Date } | null; occurrences: { id: string; footageEntryId?: string }[]; location: string;
};

export async function createExhibit(deps: Deps, { actor, input }: { actor: Actor; input: z.output<typeof k.CreateExhibit> }) {
  const { queued, ...created } = await deps.db.transaction().execute((trx) =>
    produceExhibit(trx, deps, { actor, exhibit: { ...input, occurrences: input.occurrenceIds.map((id) => ({ id })) } }));
  await sendDerivativeJobs(deps, queued);
  return created;
}

/** One exhibit per footage mark, each with the recording(s) chosen for it, in one transaction. */
export async function createExhibitsFromFootage(deps: Deps, { actor, occurrenceId, input }: { actor: Actor; occurrenceId: string; input: z.output<typeof k.ExhibitsFromFootage> }) {
  const made = await deps.db.transaction().execute(async (trx) => {
    const occurrence = await repo.findOccurrenceReference(trx, occurrenceId);
    if (!occurrence) throw errors.unknownOccurrences();
    const marks = await repo.listFootageMarks(trx, { occurrenceId, entryIds: input.items.map((i) => i.footageEntryId) });
    if (marks.length !== input.items.length || marks.some((m) => m.exhibit_id)) throw errors.notFootageMarks();
    const exhibits = [];
    for (const item of input.items) {
      const mark = marks.find((m) => m.id === item.footageEntryId)!;
      exhibits.push(await produceExhibit(trx, deps, {
        actor,
        exhibit: {
          description: item.description ?? `Footage from ${mark.camera_reference} ${mark.camera_name} for ${occurrence.reference}${mark.body ? `: ${mark.body}` : ''}`.slice(0, 2000),
          recordingIds: item.recordingIds, cameraIds: mark.camera_id ? [mark.camera_id] : [], recordedFrom: mark.footage_from, recordedTo: mark.footage_to,
          clock: input.clock, occurrences: [{ id: occurrenceId, footageEntryId: mark.id }], location: input.location,
        },
      }));
    }
    return exhibits;
  });
  await sendDerivativeJobs(deps, made.flatMap((e) => e.queued));
  return { exhibits: made.map(({ id, reference }) => ({ id, reference })) };
}

async function produceExhibit(trx: Db, deps: Deps, { actor, exhibit }: { actor: Actor; exhibit: NewExhibit }) {
  const now = deps.clock.now();
  const producer = await repo.findUserName(trx, actor.userId);
  if (!producer) throw errors.exhibitNotFound();
  await trx.selectFrom('recordings').select('id').where('id', 'in', exhibit.recordingIds).forUpdate().execute();
  const recordings = await repo.listRecordingsByIds(trx, exhibit.recordingIds);
  const problems = [
    ...exhibit.recordingIds.filter((id) => !recordings.some((r) => r.id === id)).map(() => 'A chosen recording does not exist.'),
    ...recordings.filter((r) => r.destroyed_at).map((r) => `${r.original_name} has been destroyed.`),
    ...recordings.filter((r) => r.exhibit_reference).map((r) => `${r.original_name} is already exhibit ${r.exhibit_reference}.`),
  ];
  if (problems.length) throw errors.recordingsUnavailable({ problems });
  const ordered = exhibit.recordingIds.map((id) => recordings.find((r) => r.id === id)!);
  const cameraIds = exhibit.cameraIds.length ? exhibit.cameraIds : [...new Set(ordered.map((r) => r.camera_id).filter((c): c is string => !!c))];
  if ((await repo.countKnown(trx, { table: 'cameras', ids: cameraIds })) !== cameraIds.length) throw errors.unknownCameras();
  const occurrenceIds = exhibit.occurrences.map((o) => o.id);
  if ((await repo.countKnown(trx, { table: 'occurrences', ids: occurrenceIds })) !== occurrenceIds.length) throw errors.unknownOccurrences();

  const { initials, number } = await repo.allocateExhibitNumber(trx, { userId: actor.userId, displayName: producer.display_name });
  const reference = formatExhibitReference({ initials, number });
  const row = await repo.insertExhibit(trx, {
    reference, producer_id: actor.userId, number, description: exhibit.description.trim(), recorded_from: exhibit.recordedFrom ?? null,
    recorded_to: exhibit.recordedTo ?? null, clock_recorder_showed: exhibit.clock?.recorderShowed ?? null, clock_true_time: exhibit.clock?.trueTime ?? null,
    created_at: now, created_by: actor.userId,
  });
  await repo.linkExhibit(trx, { exhibitId: row.id, recordingIds: exhibit.recordingIds, cameraIds, occurrences: exhibit.occurrences, by: actor.userId, at: now });
  const masters = ordered.map((r) => ({ name: r.original_name, sha256: r.sha256, size: Number(r.size_bytes) }));
  const locked = (await lockExhibit(trx, row.id))!;
  await appendContinuity(trx, {
    exhibit: locked,
    event: {
      kind: 'produced', at: now, actor: { id: actor.userId, name: producer.display_name }, location: exhibit.location,
      reason: `Produced as exhibit ${reference}: ${exhibit.description.trim()}`.slice(0, 1000), itemSha256: itemSha256(masters),
      details: { masters, recordedFrom: exhibit.recordedFrom ?? null, recordedTo: exhibit.recordedTo ?? null, clock: exhibit.clock ?? null, occurrenceIds },
    },
  });
  const copies = await queuePlayableCopies(trx, deps, { actor, exhibit: locked, recordings: ordered });
  await recordAudit(trx, actor.audit, { action: 'exhibit.produced', recordType: 'exhibit', recordId: row.id, details: { reference, masters, occurrenceIds } });
  return { id: row.id, reference, queued: copies.map((c) => c.id) };
}

/** A handling recorded by hand: handed over, received or refused (with a signature), returned, sealed, viewed. */
export async function recordHandling(deps: Deps, { actor, exhibitId, input }: { actor: Actor; exhibitId: string; input: z.output<typeof k.RecordHandling> }) {
  const now = deps.clock.now();
  let signature: { sha256: string; size: number } | undefined;
  if (input.kind === 'received' || input.kind === 'rejected') {
    // The signature is stored before the transaction: an unused one is an orphan object, never a missing one.
    const png = Buffer.from(input.signaturePng.slice(input.signaturePng.indexOf(',') + 1), 'base64');
    if (png.length < 67 || png.readUInt32BE(0) !== 0x89504e47) throw errors.handlingRefused({ reason: 'The signature is not a PNG image: sign in the box again.' });
    signature = await deps.storage.put(png);
  }
  return deps.db.transaction().execute(async (trx) => {
    const exhibit = await lockExhibit(trx, exhibitId);
    if (!exhibit) throw errors.exhibitNotFound();
    const events = await listContinuityEvents(trx, exhibitId);
    const custody = custodyOf(events.map((e) => ({ ...e, at: new Date(e.at) })));
    const problem = handlingProblem({ custody, kind: input.kind, actorId: actor.userId, toUserId: input.kind === 'handed_over' ? input.toUserId : undefined });
    if (problem) throw errors.handlingRefused({ reason: problem });
    const me = (await repo.findUserName(trx, actor.userId))!;
    const details: Record<string, unknown> = {};
    if (input.kind === 'handed_over') {
      const to = await repo.findUserName(trx, input.toUserId);
      if (!to || !to.is_active || to.organisation_id !== me.organisation_id) throw errors.unknownReceiver();
      details.to = { id: to.id, name: to.display_name };
    }
    if (input.kind === 'received' || input.kind === 'rejected') {
      details.from = custody.pendingHandover!.from;
      details.handoverSeq = custody.pendingHandover!.seq;
      details.signatureSha256 = signature!.sha256;
    }
    if (input.kind === 'sealed') details.bagNumber = input.bagNumber;
    const itemHash = events[0].itemSha256;
    const event = await appendContinuity(trx, {
      exhibit, event: { kind: input.kind, at: now, actor: { id: actor.userId, name: me.display_name }, location: input.location, reason: input.reason, itemSha256: itemHash, details },
    });
    await recordAudit(trx, actor.audit, { action: `exhibit.${input.kind.replace(/_/g, '-')}`, recordType: 'exhibit', recordId: exhibitId, details: { reference: exhibit.reference, seq: event.seq, ...details } });
    return { seq: event.seq, hash: event.hash };
  });
}

/** Writes a view event: the exhibit's master or copy was played or downloaded by a member of staff. */
export async function recordView(deps: Deps, { actor, exhibitId, what }: { actor: Actor; exhibitId: string; what: { reference: string; sha256: string; download?: boolean } }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const exhibit = await lockExhibit(trx, exhibitId);
    if (!exhibit) throw errors.exhibitNotFound();
    const me = (await repo.findUserName(trx, actor.userId))!;
    const first = await trx.selectFrom('continuity_events').select('item_sha256').where('exhibit_id', '=', exhibitId).where('seq', '=', 1).executeTakeFirstOrThrow();
    await appendContinuity(trx, {
      exhibit, event: { kind: 'viewed', at: now, actor: { id: actor.userId, name: me.display_name }, location: 'Vigil (browser)', reason: `${what.download ? 'Downloaded' : 'Played'} ${what.reference}`, itemSha256: first.item_sha256, details: { file: what } },
    });
    await recordAudit(trx, actor.audit, { action: 'exhibit.viewed', recordType: 'exhibit', recordId: exhibitId, details: { reference: exhibit.reference, file: what } });
  });
}

/** Kept for callers that need the raw count of exhibits (demo summaries). */
export async function countExhibits(db: Db) {
  const r = await sql<{ n: string }>`select count(*) as n from exhibits`.execute(db);
  return Number(r.rows[0].n);
}
