import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import {
  contractEndFlag, endingSoonUntil, lineFaultClearedReason, lineFaultReason, markedByLineFault, restoredAfterLineFault,
  type CreateLine, type Line, type LineDetail, type LineFaultOutcome, type LinesQuery, type UpdateLine,
} from '../../../../domain/maintenance/lines';
import * as repo from './lines.repository';
import * as errors from './lines.errors';

// What coordinators do with connectivity lines: record one (linking the cameras whose register
// entry already names it), change it, link and unlink cameras (the register's connectivity line
// kept in step), raise a line's fault (its cameras marked faulty) and clear it (those cameras back
// to operational unless a fault of their own is open). Each step is one transaction under the
// line's row lock, audited; cameras change only through the register's history rules.

export interface Actor { audit: AuditActor; userId: string }

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toFault(f: repo.LineFaultRow) {
  return {
    id: f.id, raisedAt: f.raised_at.toISOString(), raisedBy: person(f.raised_by, f.raised_by_name), note: f.note,
    clearedAt: iso(f.cleared_at), clearedBy: person(f.cleared_by, f.cleared_by_name), clearNote: f.clear_note,
  };
}

export function toLine(r: repo.LineRow, now: Date): Line {
  return {
    id: r.id, reference: r.reference, provider: r.provider, kind: r.kind, circuitId: r.circuit_id, monthlyCostPence: Number(r.monthly_cost_pence),
    contractEndsOn: r.contract_ends_on, contractEnd: contractEndFlag({ endsOn: r.contract_ends_on, now }), notes: r.notes, version: r.version, cameraCount: r.camera_count,
    fault: r.fault_id ? {
      id: r.fault_id, raisedAt: r.fault_raised_at!.toISOString(), raisedBy: person(r.fault_raised_by, r.fault_raised_by_name), note: r.fault_note!,
      clearedAt: null, clearedBy: null, clearNote: null,
    } : null,
  };
}

export async function listLines(deps: Deps, q: LinesQuery) {
  const now = deps.clock.now();
  const rows = await repo.listLines(deps.db, { ...q, endingUntil: q.endingSoon ? endingSoonUntil(now) : undefined });
  return rows.map((r) => toLine(r, now));
}

async function detail(db: Db, id: string, now: Date): Promise<LineDetail> {
  const row = await repo.findLine(db, id);
  if (!row) throw errors.lineNotFound();
  const [cameras, faults] = await Promise.all([repo.listLineCameras(db, id), repo.listLineFaults(db, id)]);
  return {
    ...toLine(row, now),
    cameras: cameras.map((c) => ({ id: c.id, reference: c.reference, name: c.name, location: c.location_text, status: c.status, linkedAt: c.linked_at.toISOString() })),
    faults: faults.map(toFault),
  };
}

export const getLine = (deps: Deps, { id }: { id: string }) => detail(deps.db, id, deps.clock.now());

async function refuseClash(db: Db, { reference, circuitId, except }: { reference?: string; circuitId?: string; except?: string }) {
  if (!reference && !circuitId) return;
  const clash = await repo.findClash(db, { reference, circuitId, except });
  if (reference && clash.some((c) => c.reference.toUpperCase() === reference.toUpperCase())) throw errors.referenceTaken({ reference });
  if (circuitId && clash.some((c) => c.circuit_id.toUpperCase() === circuitId.toUpperCase())) throw errors.circuitTaken({ circuitId });
}

/** A unique index that caught a race the check before it missed, as the same 409. */
function uniqueClash(e: unknown, { reference, circuitId }: { reference?: string; circuitId?: string }): never {
  const pg = e as { code?: unknown; constraint?: unknown };
  if (pg.code === '23505' && pg.constraint === 'connectivity_lines_reference_idx') throw errors.referenceTaken({ reference: reference! });
  if (pg.code === '23505' && pg.constraint === 'connectivity_lines_circuit_idx') throw errors.circuitTaken({ circuitId: circuitId! });
  throw e;
}

/**
 * Records a line, and links the cameras in service whose register entry names it (whatever the case
 * and spaces, and not served by another line), their connectivity line written as the line's
 * reference where it differed.
 */
export async function createLine(deps: Deps, { actor, input }: { actor: Actor; input: CreateLine }): Promise<LineDetail> {
  const now = deps.clock.now();
  try {
    const { id, matched } = await deps.db.transaction().execute(async (trx) => {
      await refuseClash(trx, { reference: input.reference, circuitId: input.circuitId });
      const { id } = await repo.insertLine(trx, {
        reference: input.reference, provider: input.provider, kind: input.kind, circuit_id: input.circuitId, monthly_cost_pence: input.monthlyCostPence,
        contract_ends_on: input.contractEndsOn ?? null, notes: input.notes ?? '', by: actor.userId, at: now,
      });
      const matched = await repo.lockMatchingCameras(trx, input.reference);
      await repo.insertLinks(trx, { lineId: id, cameraIds: matched.map((c) => c.id), by: actor.userId, at: now });
      await repo.changeCameras(trx, {
        ids: matched.filter((c) => c.connectivity_line !== input.reference).map((c) => c.id), set: { connectivity_line: input.reference },
        by: actor.userId, at: now, reason: `linked to line ${input.reference}`,
      });
      await recordAudit(trx, actor.audit, {
        action: 'line.created', recordType: 'connectivity_line', recordId: id,
        details: { reference: input.reference, provider: input.provider, kind: input.kind, circuitId: input.circuitId, monthlyCostPence: input.monthlyCostPence, contractEndsOn: input.contractEndsOn ?? null, cameras: matched.map((c) => c.reference) },
      });
      return { id, matched };
    });
    return { ...(await detail(deps.db, id, now)), matchedCameras: matched.map((c) => ({ id: c.id, reference: c.reference })) };
  } catch (e) {
    return uniqueClash(e, { reference: input.reference, circuitId: input.circuitId });
  }
}

/** Changes a line if nobody else has since the caller read it; a new reference is written to every camera it serves. */
export async function updateLine(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: UpdateLine }): Promise<LineDetail> {
  const now = deps.clock.now();
  const { version, ...fields } = input;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const line = await repo.lockLine(trx, id);
      if (!line) throw errors.lineNotFound();
      if (line.version !== version) throw errors.staleVersion({ reference: line.reference, yours: version, current: line.version });
      await refuseClash(trx, { reference: fields.reference, circuitId: fields.circuitId, except: id });
      const set = {
        reference: fields.reference, provider: fields.provider, kind: fields.kind, circuit_id: fields.circuitId, monthly_cost_pence: fields.monthlyCostPence,
        contract_ends_on: fields.contractEndsOn, notes: fields.notes,
      };
      const defined = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)) as typeof set;
      await repo.updateLine(trx, { id, version, set: defined, by: actor.userId, at: now });
      const renamed = fields.reference !== undefined && fields.reference !== line.reference;
      if (renamed) {
        const cameras = await repo.listLineCameras(trx, id);
        await repo.changeCameras(trx, {
          ids: cameras.filter((c) => c.connectivity_line !== fields.reference).map((c) => c.id), set: { connectivity_line: fields.reference },
          by: actor.userId, at: now, reason: `line ${line.reference} renamed ${fields.reference}`,
        });
      }
      const changed = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      await recordAudit(trx, actor.audit, { action: 'line.updated', recordType: 'connectivity_line', recordId: id, details: { reference: fields.reference ?? line.reference, version: version + 1, changed } });
    });
  } catch (e) {
    return uniqueClash(e, { reference: fields.reference, circuitId: fields.circuitId });
  }
  return detail(deps.db, id, now);
}

async function lockedLine(trx: Db, id: string) {
  const line = await repo.lockLine(trx, id);
  if (!line) throw errors.lineNotFound();
  return line;
}

/**
 * Links a camera to the line: the register's connectivity line becomes the line's reference (a
 * version with why), and where the line's fault is open the camera is marked faulty by it too.
 */
export async function linkCamera(deps: Deps, { actor, lineId, cameraId }: { actor: Actor; lineId: string; cameraId: string }): Promise<LineDetail> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const line = await lockedLine(trx, lineId);
    const camera = await repo.lockCamera(trx, cameraId);
    if (!camera) throw errors.cameraNotFound();
    if (camera.status === 'decommissioned') throw errors.cameraDecommissioned({ reference: camera.reference });
    const current = await repo.findLinkOfCamera(trx, cameraId);
    if (current?.line_id === lineId) return; // already linked: nothing to do
    if (current) throw errors.cameraOnAnotherLine({ camera: camera.reference, line: current.reference });
    await repo.insertLinks(trx, { lineId, cameraIds: [cameraId], by: actor.userId, at: now });
    const marked = line.fault_id !== null && markedByLineFault(camera.status);
    if (camera.connectivity_line !== line.reference || marked) {
      await repo.changeCameras(trx, {
        ids: [cameraId], set: { connectivity_line: line.reference, ...(marked ? { status: 'faulty' as const } : {}) }, by: actor.userId, at: now,
        reason: marked ? `linked to line ${line.reference}; ${lineFaultReason(line.circuit_id)}` : `linked to line ${line.reference}`,
      });
    }
    if (marked) await repo.insertFaultCameras(trx, { faultId: line.fault_id!, cameraIds: [cameraId] });
    await recordAudit(trx, actor.audit, {
      action: 'line.camera-linked', recordType: 'connectivity_line', recordId: lineId,
      details: { reference: line.reference, camera: camera.reference, was: camera.connectivity_line, markedFaulty: marked },
    });
  });
  return detail(deps.db, lineId, now);
}

/**
 * Unlinks a camera: its connectivity line is emptied in the register; where the line's fault had
 * marked it, it returns to operational unless a fault of its own is open.
 */
export async function unlinkCamera(deps: Deps, { actor, lineId, cameraId }: { actor: Actor; lineId: string; cameraId: string }): Promise<LineDetail> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const line = await lockedLine(trx, lineId);
    const camera = await repo.lockCamera(trx, cameraId);
    if (!camera) throw errors.cameraNotOnLine();
    const removed = await repo.deleteLink(trx, { lineId, cameraId });
    if (!removed.numDeletedRows) throw errors.cameraNotOnLine();
    let restored = false;
    if (line.fault_id) {
      const held = await repo.deleteFaultCamera(trx, { faultId: line.fault_id, cameraId });
      const open = (await repo.openFaultCounts(trx, [cameraId])).get(cameraId) ?? 0;
      restored = !!held.numDeletedRows && restoredAfterLineFault({ status: camera.status, openFaults: open });
    }
    await repo.changeCameras(trx, {
      ids: [cameraId], set: { connectivity_line: null, ...(restored ? { status: 'operational' as const } : {}) }, by: actor.userId, at: now,
      reason: restored ? `unlinked from line ${line.reference}; ${lineFaultClearedReason(line.circuit_id)}` : `unlinked from line ${line.reference}`,
    });
    await recordAudit(trx, actor.audit, {
      action: 'line.camera-unlinked', recordType: 'connectivity_line', recordId: lineId, details: { reference: line.reference, camera: camera.reference, restoredOperational: restored },
    });
  });
  return detail(deps.db, lineId, now);
}

/** Raises the line's fault: every camera it serves that is operational or degraded becomes faulty ("line fault: <circuit>"). */
export async function raiseLineFault(deps: Deps, { actor, lineId, note }: { actor: Actor; lineId: string; note: string }): Promise<LineFaultOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const line = await lockedLine(trx, lineId);
    if (line.fault_id) throw errors.faultAlreadyOpen({ reference: line.reference });
    const { id: faultId } = await repo.insertFault(trx, { lineId, by: actor.userId, at: now, note });
    const cameras = await repo.listLineCameras(trx, lineId);
    const marked = cameras.filter((c) => markedByLineFault(c.status));
    await repo.changeCameras(trx, { ids: marked.map((c) => c.id), set: { status: 'faulty' }, by: actor.userId, at: now, reason: lineFaultReason(line.circuit_id) });
    // The fault holds the cameras it marked, and those already faulty under faults of their own: when
    // their own faults are fixed the line keeps them faulty, and clearing it returns them to operation.
    const own = await repo.openFaultCounts(trx, cameras.map((c) => c.id));
    const alreadyDown = cameras.filter((c) => c.status === 'faulty' && (own.get(c.id) ?? 0) > 0);
    await repo.insertFaultCameras(trx, { faultId, cameraIds: [...marked, ...alreadyDown].map((c) => c.id) });
    const left = cameras.filter((c) => !markedByLineFault(c.status)).map((c) => ({ id: c.id, reference: c.reference, status: c.status, why: `already ${c.status.replace(/_/g, ' ')}` }));
    await recordAudit(trx, actor.audit, {
      action: 'line.fault-raised', recordType: 'connectivity_line', recordId: lineId,
      details: { reference: line.reference, circuitId: line.circuit_id, note, markedFaulty: marked.map((c) => c.reference), leftAsTheyWere: left.map((c) => c.reference) },
    });
    return { fault: toFault(await repo.findFault(trx, faultId)), changed: marked.map((c) => ({ id: c.id, reference: c.reference, status: 'faulty' })), leftAsTheyWere: left };
  });
}

/** Clears the line's fault: the cameras it marked return to operational, unless a fault of their own is open (or someone changed them meanwhile). */
export async function clearLineFault(deps: Deps, { actor, lineId, note }: { actor: Actor; lineId: string; note?: string }): Promise<LineFaultOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const line = await lockedLine(trx, lineId);
    if (!line.fault_id) throw errors.noOpenFault({ reference: line.reference });
    await repo.clearFault(trx, { faultId: line.fault_id, by: actor.userId, at: now, note: note || null });
    const cameras = await repo.lockFaultCameras(trx, line.fault_id);
    const open = await repo.openFaultCounts(trx, cameras.map((c) => c.id));
    const restored = cameras.filter((c) => restoredAfterLineFault({ status: c.status, openFaults: open.get(c.id) ?? 0 }));
    const left = cameras.filter((c) => !restored.includes(c)).map((c) => ({
      id: c.id, reference: c.reference, status: c.status,
      why: c.status === 'faulty' ? `${open.get(c.id)} fault${open.get(c.id) === 1 ? '' : 's'} of its own open` : `changed to ${c.status.replace(/_/g, ' ')} meanwhile`,
    }));
    await repo.changeCameras(trx, { ids: restored.map((c) => c.id), set: { status: 'operational' }, by: actor.userId, at: now, reason: lineFaultClearedReason(line.circuit_id) });
    await recordAudit(trx, actor.audit, {
      action: 'line.fault-cleared', recordType: 'connectivity_line', recordId: lineId,
      details: { reference: line.reference, circuitId: line.circuit_id, note: note || null, restoredOperational: restored.map((c) => c.reference), leftAsTheyWere: left.map((c) => c.reference) },
    });
    return { fault: toFault(await repo.findFault(trx, line.fault_id)), changed: restored.map((c) => ({ id: c.id, reference: c.reference, status: 'operational' })), leftAsTheyWere: left };
  });
}
