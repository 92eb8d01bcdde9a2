import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { imageTypeOf } from '../../../platform/http/upload';
import { formatTimestamp, londonDay } from '../../../../domain/calendar/london';
import type { Priority } from '../../../../domain/maintenance/contract';
import {
  FAULT_PHOTO_MAX_BYTES, type ContractorStep, type CouncilStep, type FaultDetail, type FaultList, type FaultsAtRisk, type FaultsQuery,
  type FaultStepRecorded, type FixDecision, type RaiseFault,
} from '../../../../domain/maintenance/faultContract';
import { clockStops, decideStep, STEP_PARTIES, type FaultParty, type FaultStage, type FaultStep } from '../../../../domain/maintenance/faults';
import { formatFaultReference, takeFaultNumber } from '../../estate';
import { openLineFaultOfCamera } from '../lines/lines.repository';
import * as repo from './faults.repository';
import * as errors from './faults.errors';
import { isAtRisk, isBreached, loadSlaContext, slaOf, toEvent, toSummary, type Viewer } from './faults.views';

// The fault workflow under the maintenance contract. The council (control room, out of hours,
// coordinators) raises and triages faults and decides on fixes; the contractor's engineers raise
// faults too, and attend, diagnose, use parts, await parts and fix, through their portal. Each
// step is one transaction under the fault's row lock: an append-only event, the fault's stage, the
// audit entry, and the camera's (or equipment's) status where the step changes it. A camera goes
// faulty when a fault is raised on it and back to operational when its last open fault's fix is
// accepted, unless its connectivity line is down.

export interface Actor { audit: AuditActor; userId: string }
/** Who is acting, and for a contractor, whose faults it may touch (its organisation's contracts). */
export type Party = { party: 'council'; canDecide: boolean } | { party: 'contractor'; organisationId: string };

const orgOf = (p: Party | Viewer) => (p.party === 'contractor' ? p.organisationId : undefined);
const viewerOf = (p: Party): Viewer => (p.party === 'contractor' ? { party: 'contractor', organisationId: p.organisationId } : { party: 'council' });
/** Clock times given for a step may be up to a minute ahead of the server's (a handheld's clock). */
const FUTURE_GRACE_MS = 60_000;

// ---- Reading ----

async function summaries(db: Db, rows: repo.FaultRow[], viewer: Viewer, now: Date) {
  const [events, ctx] = await Promise.all([repo.listEvents(db, rows.map((r) => r.id)), loadSlaContext(db, rows.map((r) => r.contract_id))]);
  const byFault = new Map<string, repo.EventRow[]>();
  for (const e of events) byFault.set(e.fault_id, [...(byFault.get(e.fault_id) ?? []), e]);
  return rows.map((r) => {
    const sla = slaOf(r, byFault.get(r.id) ?? [], ctx, now);
    return { row: r, sla, dto: toSummary(r, sla, viewer) };
  });
}

export async function listFaults(deps: Deps, { query, viewer }: { query: FaultsQuery; viewer: Viewer }): Promise<FaultList> {
  const now = deps.clock.now();
  const where = repo.faultConditions(query, orgOf(viewer));
  const offset = (query.page - 1) * query.pageSize;
  if (query.sla) {
    // Judged by the clocks, so read every open fault that matches (open faults are a few hundred at most).
    const all = await summaries(deps.db, await repo.allFaults(deps.db, { where, sort: query.sort }), viewer, now);
    const kept = all.filter((s) => (query.sla === 'breached' ? isBreached(s.sla) : isAtRisk(s.sla)));
    return { items: kept.slice(offset, offset + query.pageSize).map((s) => s.dto), total: kept.length, page: query.page, pageSize: query.pageSize };
  }
  const { rows, total } = await repo.listFaults(deps.db, { where, sort: query.sort, limit: query.pageSize, offset });
  return { items: (await summaries(deps.db, rows, viewer, now)).map((s) => s.dto), total, page: query.page, pageSize: query.pageSize };
}

/** Every matching fault in pages of 500, for the CSV. */
export async function* faultBatches(deps: Deps, { query, viewer }: { query: Omit<FaultsQuery, 'page' | 'pageSize'>; viewer: Viewer }) {
  for (let page = 1; ; page++) {
    const { items } = await listFaults(deps, { query: { ...query, page, pageSize: 500 }, viewer });
    if (items.length) yield items;
    if (items.length < 500) return;
  }
}

/** The steps `party` may take on the fault now. */
function nextSteps(stage: FaultStage, clockStopped: boolean, party: Party): FaultStep[] {
  const who: FaultParty = party.party;
  const steps = (Object.keys(STEP_PARTIES) as FaultStep[]).filter((s) => decideStep({ stage, step: s, party: who, clockStopped }).ok);
  return party.party === 'council' && !party.canDecide ? steps.filter((s) => s !== 'accepted' && s !== 'reopened') : steps;
}

export async function getFault(deps: Deps, { id, party }: { id: string; party: Party }): Promise<FaultDetail> {
  const row = await repo.findFault(deps.db, id, orgOf(party));
  if (!row) throw errors.faultNotFound();
  const now = deps.clock.now();
  const viewer = viewerOf(party);
  const [events, ctx, parts] = await Promise.all([repo.listEvents(deps.db, [id]), loadSlaContext(deps.db, [row.contract_id]), repo.partsSignedOut(deps.db, id)]);
  const sla = slaOf(row, events, ctx, now);
  const stops = clockStops(events.map((e) => ({ kind: e.kind, at: e.at, stopReason: e.stop_reason })));
  const clockStopped = stops.some((s) => !s.to);
  return {
    ...toSummary(row, sla, viewer),
    events: events.map((e) => toEvent(e, viewer)),
    stops: stops.map((s) => ({ reason: s.reason, from: s.from.toISOString(), to: s.to?.toISOString() ?? null })),
    clockStopped,
    partsSignedOut: parts.map((p) => ({ partId: p.part_id, partNumber: p.part_number, description: p.description, quantity: p.quantity, at: p.at.toISOString() })),
    nextSteps: nextSteps(row.stage, clockStopped, party),
  };
}

/** Open faults at risk or breached, and fixes awaiting the council's acceptance: the coordinator's home page. */
export async function faultsAtRisk(deps: Deps): Promise<FaultsAtRisk> {
  const now = deps.clock.now();
  const open = await summaries(deps.db, await repo.allFaults(deps.db, { where: repo.faultConditions({ state: 'open' }), sort: 'raised_at_asc' }), { party: 'council' }, now);
  const risky = open.filter((s) => isAtRisk(s.sla));
  return {
    breached: risky.filter((s) => isBreached(s.sla)).length,
    atRisk: risky.filter((s) => !isBreached(s.sla)).length,
    awaitingAcceptance: open.filter((s) => s.row.stage === 'fixed').length,
    items: risky.slice(0, 20).map((s) => s.dto),
  };
}

/** What a contractor may raise a fault on: the cameras in service and the equipment, no more of the register. */
export const faultTargets = (deps: Deps) => repo.faultTargets(deps.db);

// ---- Raising ----

export async function raiseFault(deps: Deps, { actor, input, party, source }: {
  actor: Actor; input: RaiseFault; party: Party; source: 'operator' | 'ooh' | 'contractor' | 'field';
}): Promise<FaultStepRecorded> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const contractorOrg = orgOf(party);
    let contractId: string | null = null;
    if (input.contractId) {
      const k = await repo.findContract(trx, input.contractId);
      if (!k || (contractorOrg && k.contractor_organisation_id !== contractorOrg)) throw errors.unknownContract();
      contractId = k.id;
    } else {
      const inForce = await repo.contractsInForce(trx, { day: londonDay(now), contractorOrg });
      if (contractorOrg && !inForce.length) throw errors.noContractInForce();
      contractId = inForce[0]?.id ?? null;
    }
    const target = input.target === 'camera' ? await repo.lockCamera(trx, input.cameraId!) : await repo.lockEquipment(trx, input.equipmentId!);
    if (!target) throw input.target === 'camera' ? errors.unknownCamera() : errors.unknownEquipment();
    if (target.status === 'decommissioned') throw errors.notInService(target.reference);
    const year = Number(londonDay(now).slice(0, 4));
    const number = await takeFaultNumber(trx, year);
    const reference = formatFaultReference({ year, number });
    const fault = await repo.insertFault(trx, {
      reference, year, number, cameraId: input.target === 'camera' ? target.id : null, equipmentId: input.target === 'equipment' ? target.id : null,
      description: input.description, source, priority: input.priority ?? null, contractId, raisedBy: actor.userId, raisedAt: now,
    });
    await repo.appendEvent(trx, { faultId: fault.id, kind: 'raised', at: now, recordedAt: now, by: actor.userId, note: input.description });
    if (input.priority) await repo.appendEvent(trx, { faultId: fault.id, kind: 'prioritised', at: now, recordedAt: now, by: actor.userId, priority: input.priority });
    const statusBefore = target.status;
    if (statusBefore === 'operational' || statusBefore === 'degraded') {
      const change = { id: target.id, status: 'faulty' as const, by: actor.userId, at: now, reason: `fault ${reference}: ${input.description.slice(0, 200)}` };
      if (input.target === 'camera') await repo.setCameraStatus(trx, change);
      else await repo.setEquipmentStatus(trx, change);
    }
    await recordAudit(trx, actor.audit, {
      action: 'fault.raised', recordType: 'fault', recordId: fault.id,
      details: { reference, source, target: target.reference, priority: input.priority ?? null, contractId, statusBefore },
    });
    return { id: fault.id, reference, seq: input.priority ? 2 : 1, stage: 'reported', state: 'open' };
  });
}

// ---- Steps ----

type AnyStep = CouncilStep | ContractorStep | FixDecision;

function checkTime(at: Date | undefined, { now, raisedAt }: { now: Date; raisedAt: Date }): Date {
  const when = at ?? now;
  if (when.getTime() > now.getTime() + FUTURE_GRACE_MS) throw errors.inTheFuture();
  if (when.getTime() < raisedAt.getTime()) throw errors.beforeRaised(formatTimestamp(raisedAt));
  return when.getTime() > now.getTime() ? now : when;
}

/**
 * Records one step by the council or the contractor. Refused (409, with the reason) where the
 * party may not take it at the fault's stage; a contractor reaching for another contract's fault
 * gets 404. Awaiting parts stops the clock too (reason: awaiting an ordered part) unless told not to.
 */
export async function recordStep(deps: Deps, { actor, id, step, party }: { actor: Actor; id: string; step: AnyStep; party: Party }): Promise<FaultStepRecorded> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const f = await repo.lockFault(trx, id, orgOf(party));
    if (!f) throw errors.faultNotFound();
    const events = await repo.listEvents(trx, [id]);
    const clockStopped = clockStops(events.map((e) => ({ kind: e.kind, at: e.at, stopReason: e.stop_reason }))).some((s) => !s.to);
    const decision = decideStep({ stage: f.stage, step: step.kind, party: party.party, clockStopped });
    if (!decision.ok) throw errors.stepRefused(decision.reason);
    const at = checkTime('at' in step ? step.at : undefined, { now, raisedAt: f.raised_at });
    const base = { faultId: id, at, recordedAt: now, by: actor.userId };
    let seq: number;
    let priority: Priority | undefined;
    let contractId: string | undefined;
    switch (step.kind) {
      case 'prioritised': {
        priority = step.priority;
        if (step.contractId && step.contractId !== f.contract_id) {
          if (!(await repo.findContract(trx, step.contractId))) throw errors.unknownContract();
          contractId = step.contractId;
        } else if (!f.contract_id) {
          contractId = (await repo.contractsInForce(trx, { day: londonDay(f.raised_at) }))[0]?.id;
        }
        seq = await repo.appendEvent(trx, { ...base, kind: 'prioritised', priority, note: step.note || null, details: contractId ? { contractId } : null });
        break;
      }
      case 'clock_stopped':
        seq = await repo.appendEvent(trx, { ...base, kind: 'clock_stopped', stopReason: step.reason, note: step.note });
        break;
      case 'part_used': {
        if (step.partId && !(await repo.partsSignedOut(trx, id)).some((p) => p.part_id === step.partId)) throw errors.partNotSignedOut();
        seq = await repo.appendEvent(trx, { ...base, kind: 'part_used', details: { description: step.description, quantity: step.quantity, partId: step.partId ?? null } });
        break;
      }
      case 'awaiting_parts':
        seq = await repo.appendEvent(trx, { ...base, kind: 'awaiting_parts', note: step.note });
        if (step.stopClock && !clockStopped) seq = await repo.appendEvent(trx, { ...base, kind: 'clock_stopped', stopReason: 'awaiting_part', note: step.note });
        break;
      default:
        seq = await repo.appendEvent(trx, { ...base, kind: step.kind, note: ('note' in step && step.note) || null });
    }
    await repo.setFault(trx, id, { stage: decision.stage, at: now, priority, contractId });
    const restored = decision.stage === 'accepted' ? await restoreTarget(trx, f, { by: actor.userId, at: now }) : undefined;
    await recordAudit(trx, actor.audit, {
      action: `fault.${step.kind}`, recordType: 'fault', recordId: id,
      details: { reference: f.reference, party: party.party, stageBefore: f.stage, stage: decision.stage, at: at.toISOString(), ...(priority ? { priority } : {}), ...(restored ? { restored } : {}) },
    });
    return { id, reference: f.reference, seq, stage: decision.stage, state: decision.stage === 'accepted' ? 'closed' : 'open' };
  });
}

/**
 * After a fix is accepted: the camera or equipment back to operational, when it is faulty, no other
 * fault is open on it, and (a camera) its connectivity line is not down. Says what it did.
 */
async function restoreTarget(trx: Db, f: repo.FaultRow, { by, at }: { by: string; at: Date }): Promise<string> {
  const target = f.camera_id ? await repo.lockCamera(trx, f.camera_id) : await repo.lockEquipment(trx, f.equipment_id!);
  if (!target || target.status !== 'faulty') return 'left as it was';
  if (await repo.otherOpenFaults(trx, { faultId: f.id, cameraId: f.camera_id, equipmentId: f.equipment_id })) return 'kept faulty: other faults are open';
  if (f.camera_id) {
    const line = await openLineFaultOfCamera(trx, f.camera_id);
    if (line) return `kept faulty: line ${line.reference} is down`;
  }
  const change = { id: target.id, status: 'operational' as const, by, at, reason: `fault ${f.reference} fixed and accepted` };
  if (f.camera_id) await repo.setCameraStatus(trx, change);
  else await repo.setEquipmentStatus(trx, change);
  return 'operational';
}

// ---- Photos ----

export async function storeFaultPhoto(deps: Deps, { actor, bytes }: { actor: Actor; bytes: Uint8Array }) {
  if (bytes.byteLength > FAULT_PHOTO_MAX_BYTES) throw errors.photoTooLarge();
  const contentType = imageTypeOf(bytes);
  if (!contentType) throw errors.notAnImage();
  const stored = await deps.storage.put(bytes);
  await recordAudit(deps.db, actor.audit, { action: 'fault.photo-stored', recordType: 'object', recordId: stored.sha256, details: { contentType, size: stored.size } });
  return { sha256: stored.sha256, contentType, size: stored.size };
}

/** Adds a stored photo to the fault's history (either party, on an open fault). */
export async function attachPhoto(deps: Deps, { actor, id, sha256, note, party }: { actor: Actor; id: string; sha256: string; note?: string; party: Party }) {
  const bytes = await deps.storage.find(sha256);
  if (!bytes || !imageTypeOf(bytes)) throw errors.unknownPhoto();
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const f = await repo.lockFault(trx, id, orgOf(party));
    if (!f) throw errors.faultNotFound();
    const decision = decideStep({ stage: f.stage, step: 'photo', party: party.party, clockStopped: false });
    if (!decision.ok) throw errors.stepRefused(decision.reason);
    const seq = await repo.appendEvent(trx, { faultId: id, kind: 'photo', at: now, recordedAt: now, by: actor.userId, photoSha256: sha256, note: note || null });
    await repo.setFault(trx, id, { stage: f.stage, at: now });
    await recordAudit(trx, actor.audit, { action: 'fault.photo', recordType: 'fault', recordId: id, details: { reference: f.reference, sha256 } });
    return { id, reference: f.reference, seq, stage: f.stage, state: f.state } satisfies FaultStepRecorded;
  });
}

export async function getFaultPhoto(deps: Deps, { id, sha256, party }: { id: string; sha256: string; party: Party }) {
  const f = await repo.findFault(deps.db, id, orgOf(party));
  if (!f) throw errors.faultNotFound();
  const events = await repo.listEvents(deps.db, [id]);
  if (!events.some((e) => e.photo_sha256 === sha256)) throw errors.photoNotFound();
  const bytes = await deps.storage.find(sha256);
  const contentType = bytes && imageTypeOf(bytes);
  if (!bytes || !contentType) throw errors.photoNotFound();
  return { bytes, contentType, sha256 };
}
