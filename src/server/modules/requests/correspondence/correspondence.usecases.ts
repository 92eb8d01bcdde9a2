import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { londonDayStart } from '../../../../domain/calendar/london';
import type { Attachment, CorrespondenceItem, RecordCorrespondence } from '../../../../domain/requests/correspondence';
import type { z } from 'zod';
import type { RecordCorrespondence as RecordSchema } from '../../../../domain/requests/correspondence';
import * as registerRepo from '../register/register.repository';
import { requestNotFound } from '../register/register.errors';
import { step, type Actor } from '../register/register.usecases';
import * as repo from './correspondence.repository';
import * as errors from './correspondence.errors';

// The correspondence log of a request: letters, e-mails and calls in and out, each with its files
// (kept in the object store by SHA-256). Recording one appends a 'correspondence' event to the
// request's history in the same transaction.

export const toItem = (r: repo.CorrespondenceRow): CorrespondenceItem => ({
  id: r.id, direction: r.direction, channel: r.channel, letter: r.letter as CorrespondenceItem['letter'], templateVersion: r.template_version,
  subject: r.subject, body: r.body, counterpart: r.counterpart, attachments: r.attachments as Attachment[],
  emailState: r.email_state, emailError: r.email_error, at: new Date(r.at).toISOString(), by: r.by_name,
});

async function visibleRequest(deps: Deps, actor: Actor, id: string) {
  const row = await registerRepo.findRequest(deps.db, id, actor.viewer);
  if (!row) throw requestNotFound();
  return row;
}

/** Stores an uploaded file (the body itself) in the object store; recording correspondence then names it by its SHA-256. */
export async function storeFile(deps: Deps, { actor, bytes, type }: { actor: Actor; bytes: Uint8Array; type: string }) {
  const stored = await deps.storage.put(bytes);
  await recordAudit(deps.db, actor.audit, { action: 'request.file-stored', recordType: 'object', recordId: stored.sha256, details: { type, size: stored.size } });
  return { sha256: stored.sha256, type, size: stored.size };
}

export async function listCorrespondence(deps: Deps, { actor, id }: { actor: Actor; id: string }) {
  await visibleRequest(deps, actor, id);
  return { items: (await repo.listCorrespondence(deps.db, id)).map(toItem) };
}

export async function recordCorrespondence(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof RecordSchema> }) {
  const attachments: Attachment[] = [];
  for (const [i, a] of input.attachments.entries()) {
    const stat = await deps.storage.stat(a.sha256);
    if (!stat) throw errors.unknownFile(i);
    attachments.push({ ...a, size: stat.size });
  }
  const at = input.on ? (londonDayStart(input.on) ?? deps.clock.now()) : deps.clock.now();
  let itemId = '';
  await step(deps, { actor, id }, async (trx) => {
    itemId = await repo.insertCorrespondence(trx, {
      request_id: id, direction: input.direction, channel: input.channel, subject: input.subject, body: input.body, counterpart: input.counterpart,
      attachments, at, by_user_id: actor.userId,
    });
    return { kind: 'correspondence', details: { correspondenceId: itemId, direction: input.direction, channel: input.channel, subject: input.subject, files: attachments.length } };
  });
  return toItem((await repo.findCorrespondence(deps.db, id, itemId))!);
}

/** A file kept with the request's correspondence, its bytes checked against their SHA-256 as read. */
export async function getAttachment(deps: Deps, { actor, id, itemId, sha256 }: { actor: Actor; id: string; itemId: string; sha256: string }) {
  await visibleRequest(deps, actor, id);
  const item = await repo.findCorrespondence(deps.db, id, itemId);
  const file = (item?.attachments as Attachment[] | undefined)?.find((a) => a.sha256 === sha256);
  if (!file) throw errors.attachmentNotFound();
  const bytes = await deps.storage.find(sha256);
  if (!bytes) throw errors.attachmentNotFound();
  return { bytes, file };
}

export type { RecordCorrespondence };
