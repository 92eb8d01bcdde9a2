import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import {
  applyMovement, isBelowReorderLevel, stockValuePence,
  type CountParts, type CreatePart, type CreateStore, type MovementKind, type Part, type PartStore, type PartSummary, type PartsQuery, type ReceiveParts, type ReturnParts, type SignOutPart,
} from '../../../../domain/maintenance/parts';
import * as repo from './parts.repository';
import * as errors from './parts.errors';

// What people do with spare parts: set up stores and parts, receive stock, sign a part out to the
// contractor's engineer (with a signature), take one back, count the stock. Each movement is one
// transaction under the part's row lock, appends its ledger row, moves the quantity on hand with it
// and writes its audit event.

export interface Actor { audit: AuditActor; userId: string }

export function toSummary(p: repo.PartRow): PartSummary {
  const unitCostPence = Number(p.unit_cost_pence);
  return {
    id: p.id, partNumber: p.part_number, description: p.description, store: { id: p.store_id, name: p.store_name },
    unitCostPence, reorderLevel: p.reorder_level, quantityOnHand: p.quantity_on_hand,
    stockValuePence: stockValuePence({ onHand: p.quantity_on_hand, unitCostPence }),
    belowReorderLevel: isBelowReorderLevel({ onHand: p.quantity_on_hand, reorderLevel: p.reorder_level }),
  };
}

export async function listParts(deps: Deps, q: PartsQuery) {
  const items = (await repo.listParts(deps.db, q)).map(toSummary);
  return { items, belowReorderLevel: items.filter((i) => i.belowReorderLevel).length };
}

export async function getPart(deps: Deps, { partId }: { partId: string }): Promise<Part> {
  const p = await repo.findPart(deps.db, partId);
  if (!p) throw errors.partNotFound();
  const movements = await repo.listMovements(deps.db, partId);
  return {
    ...toSummary(p), createdAt: p.created_at.toISOString(),
    movements: movements.map((m) => ({
      seq: m.seq, kind: m.kind, quantity: m.quantity, quantityAfter: m.quantity_after, counted: m.counted, at: m.at.toISOString(),
      by: { id: m.by_user_id, name: m.by_name }, fault: m.fault_id ? { id: m.fault_id, reference: m.fault_reference! } : null,
      justification: m.justification, engineerName: m.engineer_name, engineerOrganisation: m.engineer_organisation, signatureSha256: m.signature_sha256, note: m.note,
    })),
  };
}

export async function listStores(deps: Deps): Promise<{ items: PartStore[] }> {
  return { items: (await repo.listStores(deps.db)).map((s) => ({ id: s.id, name: s.name, location: s.location, parts: s.parts, belowReorderLevel: s.below })) };
}

export async function createStore(deps: Deps, { actor, input }: { actor: Actor; input: z.output<typeof CreateStore> }) {
  return deps.db.transaction().execute(async (trx) => {
    const s = await repo.insertStore(trx, { name: input.name, location: input.location, created_by: actor.userId, created_at: deps.clock.now() });
    if (!s) throw errors.storeExists({ name: input.name });
    await recordAudit(trx, actor.audit, { action: 'parts.store-created', recordType: 'part_store', recordId: s.id, details: { name: s.name, location: s.location } });
    return { id: s.id, name: s.name, location: s.location, parts: 0, belowReorderLevel: 0 };
  });
}

export async function createPart(deps: Deps, { actor, input }: { actor: Actor; input: z.output<typeof CreatePart> }) {
  return deps.db.transaction().execute(async (trx) => {
    const store = await repo.findStore(trx, input.storeId);
    if (!store) throw errors.unknownStore();
    const made = await repo.insertPart(trx, {
      store_id: store.id, part_number: input.partNumber, description: input.description, unit_cost_pence: input.unitCostPence, reorder_level: input.reorderLevel,
      created_by: actor.userId, created_at: deps.clock.now(),
    });
    if (!made) throw errors.partExists({ partNumber: input.partNumber, store: store.name });
    await recordAudit(trx, actor.audit, {
      action: 'parts.part-created', recordType: 'part', recordId: made.id,
      details: { partNumber: input.partNumber, store: store.name, description: input.description, unitCostPence: input.unitCostPence, reorderLevel: input.reorderLevel },
    });
    return toSummary((await repo.findPart(trx, made.id))!);
  });
}

type Movement =
  | { kind: 'received'; input: z.output<typeof ReceiveParts> }
  | { kind: 'signed_out'; input: z.output<typeof SignOutPart> }
  | { kind: 'returned'; input: z.output<typeof ReturnParts> }
  | { kind: 'counted'; input: z.output<typeof CountParts> };

/** Records a movement under the part's lock, once the stock allows it (never below zero). */
export async function recordMovement(deps: Deps, { actor, partId, movement }: { actor: Actor; partId: string; movement: Movement }) {
  const now = deps.clock.now();
  let signatureSha256: string | null = null;
  if (movement.kind === 'signed_out') {
    // Stored before the transaction: a refused sign-out leaves an orphan object, never a missing one.
    const png = Buffer.from(movement.input.signaturePng.slice(movement.input.signaturePng.indexOf(',') + 1), 'base64');
    if (png.length < 67 || png.readUInt32BE(0) !== 0x89504e47) throw errors.badSignature();
    signatureSha256 = (await deps.storage.put(png)).sha256;
  }
  return deps.db.transaction().execute(async (trx) => {
    const part = await repo.lockPart(trx, partId);
    if (!part) throw errors.partNotFound();
    const faultId = movement.kind === 'signed_out' || movement.kind === 'returned' ? movement.input.faultId : undefined;
    const fault = faultId ? await repo.findFault(trx, faultId) : undefined;
    if (faultId && !fault) throw errors.unknownFault();
    const outcome = applyMovement({ onHand: part.quantity_on_hand, partNumber: part.part_number },
      movement.kind === 'counted' ? { kind: 'counted', counted: movement.input.counted } : { kind: movement.kind, quantity: movement.input.quantity });
    if (!outcome.ok) throw errors.movementRefused({ code: outcome.code, message: outcome.message, onHand: part.quantity_on_hand });
    const seq = part.last_seq + 1;
    const row = {
      part_id: part.id, seq, kind: movement.kind, quantity: outcome.change, quantity_after: outcome.after, at: now, by_user_id: actor.userId,
      fault_id: fault?.id ?? null, counted: movement.kind === 'counted' ? movement.input.counted : null,
      justification: movement.kind === 'signed_out' ? movement.input.justification : null,
      engineer_name: movement.kind === 'signed_out' ? movement.input.engineerName : movement.kind === 'returned' ? movement.input.engineerName || null : null,
      engineer_organisation: movement.kind === 'signed_out' ? movement.input.engineerOrganisation : null,
      signature_sha256: signatureSha256,
      note: movement.kind === 'signed_out' ? null : movement.input.note || null,
    };
    await repo.appendMovement(trx, row);
    await recordAudit(trx, actor.audit, {
      action: `parts.${movement.kind.replace(/_/g, '-')}`, recordType: 'part', recordId: part.id,
      details: {
        partNumber: part.part_number, store: part.store_name, seq, change: outcome.change, quantityAfter: outcome.after,
        ...(fault ? { fault: fault.reference } : {}), ...(row.counted !== null ? { counted: row.counted, previously: part.quantity_on_hand } : {}),
        ...(row.justification ? { justification: row.justification } : {}),
        ...(row.engineer_name ? { engineer: row.engineer_name } : {}), ...(row.engineer_organisation ? { organisation: row.engineer_organisation } : {}),
        ...(signatureSha256 ? { signatureSha256 } : {}),
      },
    });
    return {
      partId: part.id, seq, kind: movement.kind as MovementKind, quantityOnHand: outcome.after,
      belowReorderLevel: isBelowReorderLevel({ onHand: outcome.after, reorderLevel: part.reorder_level }),
    };
  });
}

/** The engineer's signature on a sign-out (checked against its SHA-256 as it is read). */
export async function getSignature(deps: Deps, { partId, seq }: { partId: string; seq: number }) {
  const m = await repo.findSignature(deps.db, { partId, seq });
  if (!m?.signature_sha256) throw errors.partNotFound();
  const bytes = await deps.storage.find(m.signature_sha256);
  if (!bytes) throw errors.partNotFound();
  return { bytes, sha256: m.signature_sha256 };
}

