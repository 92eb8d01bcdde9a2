import { createHash } from 'node:crypto';
import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { imageTypeOf } from '../../../platform/http/upload';
import { londonDay } from '../../../../domain/calendar/london';
import {
  DISCLOSABLE_STATUSES, exemptionsInForce, joinSections, publicInterestTestRequired, redactionNeeded, STILL_MAX_BYTES,
  type ApplyExemptions, type DisclosureLogEntry, type RecordDisclosure, type RecordIdentity, type RecordSearch, type SearchList,
} from '../../../../domain/requests/casework';
import { isClosedStatus } from '../../../../domain/requests/workflow';
import * as register from '../register/register.repository';
import { recordStep, type Actor } from '../register/register.usecases';
import { requestNotFound } from '../register/register.errors';
import * as repo from './casework.repository';
import * as errors from './casework.errors';

// Casework on a request. Each step goes through the register's step (locked, event appended, due
// date refreshed, audited): identity checked and searches on a SAR; exemptions and the answer for
// the disclosure log on an FOI. Stills are stored first (by their SHA-256), then named by a search.

type Args<I> = { actor: Actor; id: string; input: I };

export const recordIdentity = (deps: Deps, { actor, id, input }: Args<RecordIdentity>) =>
  recordStep(deps, { actor, id }, async (_trx, row, ctx) => {
    if (row.type !== 'sar') throw errors.sarOnly();
    if (row.closed_at) throw errors.closed();
    if (input.on > ctx.today) throw errors.badDay('on', 'The identity cannot have been verified on a day still to come');
    if (input.on < row.received_on) throw errors.badDay('on', `Enter a day from the request’s receipt (${row.received_on}) to today`);
    return { kind: 'identity-verified', details: { method: input.method, verifiedBy: input.verifiedBy, on: input.on, note: input.note } };
  });

export async function storeStill(deps: Deps, { actor, bytes }: { actor: Actor; bytes: Uint8Array }) {
  if (bytes.byteLength > STILL_MAX_BYTES) throw errors.stillTooLarge();
  const contentType = imageTypeOf(bytes);
  if (!contentType) throw errors.notAnImage();
  const stored = await deps.storage.put(bytes);
  await recordAudit(deps.db, actor.audit, { action: 'request.still-stored', recordType: 'object', recordId: stored.sha256, details: { contentType, size: stored.size } });
  return { sha256: stored.sha256, contentType, size: stored.size };
}

export async function recordSearch(deps: Deps, { actor, id, input }: Args<RecordSearch>): Promise<SearchList> {
  for (const [at, sha256] of input.stills.entries()) {
    const bytes = await deps.storage.find(sha256);
    if (!bytes || !imageTypeOf(bytes)) throw errors.unknownStill(at);
  }
  await recordStep(deps, { actor, id }, async (trx, row) => {
    if (row.type !== 'sar') throw errors.sarOnly();
    if (row.closed_at) throw errors.closed();
    if (input.cameraId && !(await repo.cameraExists(trx, input.cameraId))) throw errors.unknownCamera();
    const { id: searchId } = await repo.insertSearch(trx, {
      request_id: id, camera_id: input.cameraId ?? null, searched_from: input.searchedFrom, searched_to: input.searchedTo, found: input.found,
      others_visible: input.othersVisible, notes: input.notes, stills: input.stills, recorded_by: actor.userId, recorded_at: deps.clock.now(),
    });
    return { kind: 'search-recorded', details: { searchId, found: input.found, othersVisible: input.othersVisible, stills: input.stills.length } };
  });
  return listSearches(deps, { actor, id });
}

export async function listSearches(deps: Deps, { actor, id }: { actor: Actor; id: string }): Promise<SearchList> {
  if (!(await register.findRequest(deps.db, id, actor.viewer))) throw requestNotFound();
  const rows = await repo.listSearches(deps.db, id);
  const searches = rows.map((s) => ({
    id: s.id, camera: s.camera_id ? { id: s.camera_id, reference: s.camera_reference ?? '', name: s.camera_name ?? '' } : null,
    searchedFrom: s.searched_from.toISOString(), searchedTo: s.searched_to.toISOString(), found: s.found, othersVisible: s.others_visible,
    notes: s.notes, stills: s.stills as string[], recordedBy: s.recorded_by ? { id: s.recorded_by, name: s.recorded_by_name ?? '' } : null,
    recordedAt: s.recorded_at.toISOString(),
  }));
  return { searches, redactionNeeded: redactionNeeded(searches) };
}

/** A still a search names, read whole and checked against its SHA-256. */
export async function getStill(deps: Deps, { actor, id, searchId, sha256 }: { actor: Actor; id: string; searchId: string; sha256: string }) {
  if (!(await register.findRequest(deps.db, id, actor.viewer))) throw requestNotFound();
  const search = await repo.findSearch(deps.db, id, searchId);
  if (!search) throw errors.searchNotFound();
  if (!(search.stills as string[]).includes(sha256)) throw errors.stillNotFound();
  const bytes = await deps.storage.find(sha256);
  const contentType = bytes && imageTypeOf(bytes);
  if (!bytes || !contentType || createHash('sha256').update(bytes).digest('hex') !== sha256) throw errors.stillNotFound();
  return { bytes, contentType, sha256 };
}

export const applyExemptions = (deps: Deps, { actor, id, input }: Args<ApplyExemptions>) =>
  recordStep(deps, { actor, id }, async (trx, row) => {
    if (row.type !== 'foi') throw errors.foiOnly();
    if (input.correctsSeq !== undefined) {
      const earlier = (await register.listEvents(trx, id)).find((e) => e.seq === input.correctsSeq);
      if (earlier?.kind !== 'exemption-applied') throw errors.unknownExemptionEntry();
    }
    return {
      kind: 'exemption-applied', correctsSeq: input.correctsSeq ?? null,
      details: { sections: joinSections(input.sections), publicInterestTest: publicInterestTestRequired(input.sections), publicInterest: input.publicInterest, note: input.note },
    };
  });

export const recordDisclosure = (deps: Deps, { actor, id, input }: Args<RecordDisclosure>) =>
  recordStep(deps, { actor, id }, async (_trx, row) => {
    if (row.type !== 'foi') throw errors.foiOnly();
    if (!isClosedStatus(row.status) || !DISCLOSABLE_STATUSES.includes(row.status)) throw errors.notResponded();
    return { kind: 'disclosure-logged', details: { title: input.title, answer: input.answer, publish: input.publish } };
  });

/** The public disclosure log: every FOI answer whose latest entry says publish, newest first. */
export async function disclosureLog(deps: Deps): Promise<DisclosureLogEntry[]> {
  const rows = await repo.listPublished(deps.db);
  return rows.map((r) => {
    const d = r.details as { title: string; answer: string };
    return {
      reference: r.reference, receivedOn: r.received_on, respondedOn: r.closed_at ? londonDay(r.closed_at) : null, title: d.title, answer: d.answer,
      exemptions: exemptionsInForce(r.exemptions as { seq: number; kind: string; details: Record<string, unknown>; correctsSeq: number | null }[]),
    };
  });
}
