import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit } from '../../../platform/audit/audit';
import { AppError, validationFailed } from '../../../platform/http/errors';
import { placeHoldIn, releasePackage, requestPackage } from '../../evidence';
import {
  closingStatus, decisionProblem, footageMatch, holdReason, UNTIMED_WINDOW_DAYS,
  type CandidateRecording, type Decision, type Disclosure, type LinkExhibits, type PlaceHolds, type RecordDecision, type ReleaseDisclosure,
} from '../../../../domain/requests/disclosure';
import type { AgencyAuthority } from '../../../../domain/requests/contract';
import * as register from '../register/register.repository';
import { requestNotFound, alreadyClosed } from '../register/register.errors';
import type { Actor } from '../register/register.usecases';
import * as repo from './disclosure.repository';

// A footage request (or SAR) through to disclosure: hold the recordings it concerns, link the
// exhibits made of them, decide (disclose in full, in part, or refuse: each decision a new event),
// build the package through the evidence module and release it to the requester's organisation,
// which closes the request. Evidence is written only through its index (holds, packages).

const refused = (message: string) => new AppError({ code: 'requests.disclosure_refused', status: 409, message });
const problem = (p: { path?: string; message: string }) => (p.path ? validationFailed([{ path: p.path, message: p.message }]) : refused(p.message));

type Row = register.RequestRow;
type Events = Awaited<ReturnType<typeof register.listEvents>>;

function decisionsOf(events: Events) {
  return events.filter((e) => e.kind === 'decided').map((e) => {
    const d = e.details as { decision: Decision; lawfulBasis?: string | null; lawfulBasisDetail?: string; reasons?: string };
    return {
      seq: e.seq, decision: d.decision, lawfulBasis: d.lawfulBasis ?? null, lawfulBasisDetail: d.lawfulBasisDetail ?? '', reasons: d.reasons ?? '',
      at: e.at.toISOString(), by: e.by_user_id ? { id: e.by_user_id, name: e.by_name ?? '' } : null, correctsSeq: e.corrects_seq,
    };
  });
}

function rangeOf(row: Row): { from: Date; to: Date } | undefined {
  if (!row.time_from && !row.time_to) return undefined;
  const from = row.time_from ?? row.time_to!;
  return { from, to: row.time_to ?? from };
}

async function candidates(db: Db, row: Row): Promise<CandidateRecording[]> {
  const range = rangeOf(row);
  if (!range) return [];
  const rows = await repo.listCandidates(db, { requestId: row.id, from: new Date(range.from.getTime() - 86_400_000) });
  return rows.flatMap((r) => {
    const probe = (r.probe ?? {}) as { startTime?: string | null; durationS?: number | null };
    const match = footageMatch({ startTime: probe.startTime ?? null, durationS: probe.durationS ?? null, ingestedAt: r.ingested_at }, range);
    if (!match) return [];
    return [{
      id: r.id, name: r.original_name, camera: r.camera_id ? { id: r.camera_id, reference: r.camera_reference ?? '', name: r.camera_name ?? '' } : null,
      startTime: probe.startTime ?? null, durationS: probe.durationS ?? null, ingestedAt: r.ingested_at.toISOString(), match,
      heldByRequest: r.held_by_request, held: r.held, exhibit: r.exhibit_id ? { id: r.exhibit_id, reference: r.exhibit_reference ?? '' } : null,
    }];
  });
}

async function disclosureIn(db: Db, row: Row): Promise<Disclosure> {
  const [cands, exhibits, packages, events] = await Promise.all([candidates(db, row), repo.listLinkedExhibits(db, row.id), repo.listPackages(db, row.id), register.listEvents(db, row.id)]);
  const decisions = decisionsOf(events);
  return {
    requestId: row.id, reference: row.reference, timeFrom: row.time_from?.toISOString() ?? null, timeTo: row.time_to?.toISOString() ?? null,
    candidates: cands,
    exhibits: exhibits.map((e) => ({ id: e.id, reference: e.reference, description: e.description, state: e.state, linkedAt: e.linked_at.toISOString() })),
    packages: packages.map((p) => ({ id: p.id, reference: p.reference, state: p.state, progress: p.progress, failure: p.failure, recipientName: p.recipient_name, requestedAt: p.requested_at.toISOString(), released: p.released })),
    decision: decisions.at(-1) ?? null, decisions, untimedWindowDays: UNTIMED_WINDOW_DAYS,
  };
}

async function load(db: Db, actor: Actor, id: string, { lock = false } = {}) {
  const row = lock ? await register.lockRequest(db, id, actor.viewer) : await register.findRequest(db, id, actor.viewer);
  if (!row) throw requestNotFound();
  return row;
}

export async function getDisclosure(deps: Deps, { actor, id }: { actor: Actor; id: string }) {
  return disclosureIn(deps.db, await load(deps.db, actor, id));
}

/** Holds every recording whose time overlaps the request's (or the candidates named), each once for this request. */
export async function placeHolds(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof PlaceHolds> }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await load(trx, actor, id, { lock: true });
    if (!rangeOf(row)) throw refused('Record the time the request is about first: without it no footage can be found.');
    const all = await candidates(trx, row);
    if (input.recordingIds?.some((rid) => !all.some((c) => c.id === rid))) throw validationFailed([{ path: 'recordingIds', message: 'Choose recordings from this request’s footage' }]);
    const wanted = input.recordingIds ? all.filter((c) => input.recordingIds!.includes(c.id)) : all.filter((c) => c.match === 'overlaps');
    const toHold = wanted.filter((c) => !c.heldByRequest);
    const reason = holdReason(row);
    const held = [];
    for (const c of toHold) {
      const hold = await placeHoldIn(trx, { actor, subject: { recordingId: c.id }, reason, now });
      await repo.linkHold(trx, row.id, hold.id);
      held.push({ recordingId: c.id, holdId: hold.id, name: c.name });
    }
    if (held.length) {
      await register.appendEvent(trx, { requestId: row.id, kind: 'footage-held', at: now, by: actor.userId, details: { recordings: held.map((h) => h.name), holds: held.map((h) => h.holdId) } });
      await recordAudit(trx, actor.audit, { action: 'request.footage-held', recordType: 'request', recordId: row.id, details: { reference: row.reference, holds: held.length } });
    }
    return { held, alreadyHeld: wanted.length - toHold.length };
  });
}

/** Links exhibits to the request (append only: a link is never removed). */
export async function linkExhibits(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof LinkExhibits> }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await load(trx, actor, id, { lock: true });
    const found = await repo.findExhibits(trx, input.exhibitIds);
    if (found.length !== input.exhibitIds.length) throw validationFailed([{ path: 'exhibitIds', message: 'Choose exhibits that exist' }]);
    const linked = await repo.linkExhibits(trx, { requestId: row.id, exhibitIds: input.exhibitIds, by: actor.userId, at: now });
    if (linked.length) {
      const refs = found.filter((e) => linked.some((l) => l.exhibit_id === e.id)).map((e) => e.reference);
      await register.appendEvent(trx, { requestId: row.id, kind: 'exhibits-linked', at: now, by: actor.userId, details: { exhibits: refs } });
      await recordAudit(trx, actor.audit, { action: 'request.exhibits-linked', recordType: 'request', recordId: row.id, details: { reference: row.reference, exhibits: refs } });
    }
    return disclosureIn(trx, row);
  });
}

/** The decision, a new event each time (a later one points at the one it replaces); a refusal closes the request. */
export async function recordDecision(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof RecordDecision> }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await load(trx, actor, id, { lock: true });
    const authority = row.authority as AgencyAuthority | null;
    const p = decisionProblem({ type: row.type, closed: row.closed_at !== null, decision: input.decision, reasons: input.reasons, lawfulBasis: input.lawfulBasis, authority });
    if (p) throw row.closed_at ? alreadyClosed() : problem(p);
    const previous = decisionsOf(await register.listEvents(trx, row.id)).at(-1);
    const details = { decision: input.decision, lawfulBasis: input.decision === 'refuse' ? null : input.lawfulBasis ?? null, lawfulBasisDetail: input.lawfulBasisDetail, reasons: input.reasons };
    const seq = await register.appendEvent(trx, { requestId: row.id, kind: 'decided', at: now, by: actor.userId, details, correctsSeq: previous?.seq ?? null });
    if (input.decision === 'refuse') {
      await register.updateRequest(trx, row.id, { status: 'refused', closed_at: now, outcome: 'refused' });
      await register.appendEvent(trx, { requestId: row.id, kind: 'status-changed', at: now, by: actor.userId, details: { from: row.status, to: 'refused', note: input.reasons } });
    }
    await recordAudit(trx, actor.audit, { action: 'request.decided', recordType: 'request', recordId: row.id, details: { reference: row.reference, seq, ...details } });
    return disclosureIn(trx, (await register.findRequest(trx, row.id, actor.viewer))!);
  });
}

async function decisionInForce(db: Db, row: Row) {
  const decision = decisionsOf(await register.listEvents(db, row.id)).at(-1);
  if (row.closed_at) throw alreadyClosed();
  if (!decision || decision.decision === 'refuse') throw refused('Record a decision to disclose first.');
  return decision;
}

function recipientOf(row: Row) {
  const a = row.authority as AgencyAuthority | null;
  const who = row.organisation_name ?? (row.requester_organisation || row.requester_name);
  return (a ? `${who}, ${a.officerRank} ${a.officerName} (${a.officerNumber})` : row.requester_organisation ? `${row.requester_name}, ${row.requester_organisation}` : row.requester_name).slice(0, 200);
}

/** Builds the package of the request's linked exhibits for its requester (the evidence module's job builds it). */
export async function buildDisclosurePackage(deps: Deps, { actor, id }: { actor: Actor; id: string }) {
  const row = await load(deps.db, actor, id);
  await decisionInForce(deps.db, row);
  const exhibits = await repo.listLinkedExhibits(deps.db, row.id);
  if (!exhibits.length) throw refused('Link the exhibits to disclose first.');
  const live = (await repo.listPackages(deps.db, row.id)).find((p) => p.state !== 'failed' && !p.released);
  if (live) throw refused(`Package ${live.reference} is already ${live.state === 'done' ? 'built: release it' : 'being built'}.`);
  const pkg = await requestPackage(deps, {
    actor,
    input: {
      exhibitIds: exhibits.map((e) => e.id), recipientName: recipientOf(row), recipientOrganisationId: row.organisation_id, includeMasters: true,
      purpose: `Request ${row.reference}: ${row.summary}`.slice(0, 1000),
    },
  });
  return deps.db.transaction().execute(async (trx) => {
    const locked = await load(trx, actor, id, { lock: true });
    await repo.linkPackage(trx, row.id, pkg.id);
    await register.appendEvent(trx, { requestId: row.id, kind: 'package-requested', at: deps.clock.now(), by: actor.userId, details: { package: pkg.reference, exhibits: exhibits.map((e) => e.reference) } });
    return disclosureIn(trx, locked);
  });
}

/**
 * Releases the built package with the decision's lawful basis (to the requester's organisation
 * through Vigil where it has one; otherwise it is handed over outside Vigil) and closes the request.
 */
export async function releaseDisclosure(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof ReleaseDisclosure> }) {
  const row = await load(deps.db, actor, id);
  const decision = await decisionInForce(deps.db, row);
  const pkg = (await repo.listPackages(deps.db, row.id)).filter((p) => !p.released).at(-1);
  if (!pkg || pkg.state !== 'done') throw refused(pkg ? `Package ${pkg.reference} is not built yet: wait for it.` : 'Build the package first.');
  const now = deps.clock.now();
  const a = row.authority as AgencyAuthority | null;
  let releaseId: string | null = null;
  if (row.organisation_id) {
    const expiresAt = input.expiresAt ?? new Date(now.getTime() + 90 * 86_400_000);
    releaseId = (await releasePackage(deps, {
      actor, packageId: pkg.id,
      input: {
        organisationId: row.organisation_id, lawfulBasis: decision.lawfulBasis as never, lawfulBasisDetail: decision.lawfulBasisDetail,
        crimeReference: a?.crimeReference ?? '', requestingOfficer: a ? `${a.officerRank} ${a.officerName} (${a.officerNumber})` : '', expiresAt,
      },
    })).id;
  }
  return deps.db.transaction().execute(async (trx) => {
    const locked = await load(trx, actor, id, { lock: true });
    if (locked.closed_at) throw alreadyClosed();
    const to = closingStatus(locked.type, decision.decision);
    await register.updateRequest(trx, locked.id, { status: to, closed_at: now, outcome: to });
    await register.appendEvent(trx, {
      requestId: locked.id, kind: 'disclosed', at: now, by: actor.userId,
      details: { package: pkg.reference, releaseId, throughVigil: releaseId !== null, decisionSeq: decision.seq, note: input.note, from: locked.status, to },
    });
    await recordAudit(trx, actor.audit, { action: 'request.disclosed', recordType: 'request', recordId: locked.id, details: { reference: locked.reference, package: pkg.reference, releaseId, status: to } });
    return disclosureIn(trx, (await register.findRequest(trx, locked.id, actor.viewer))!);
  });
}
