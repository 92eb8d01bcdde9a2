import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { validationFailed } from '../../../platform/http/errors';
import { londonDay } from '../../../../domain/calendar/london';
import type { AddContractNote, ContractNote, ContractNotes, ContractNotesQuery } from '../../../../domain/maintenance/contract';
import * as contractsRepo from './contracts.repository';
import * as repo from './notes.repository';
import * as errors from './contracts.errors';
import type { Actor } from './contracts.usecases';

// Underperformance and non-compliance notes against a contract (missed visits, staffing…), recorded
// by coordinators for the monthly contract meeting. Never changed: a correction is a new note that
// names the note it corrects. Each note is one transaction with its audit event.

export const toNote = (r: repo.NoteRow): ContractNote => ({
  id: r.id, contractId: r.contract_id, kind: r.kind, occurredOn: r.occurred_on, note: r.note,
  correctsNoteId: r.corrects_note_id, correctedByNoteId: r.corrected_by_note_id,
  recordedBy: r.recorded_by ? { id: r.recorded_by, name: r.recorded_by_name ?? '' } : null, recordedAt: r.recorded_at.toISOString(),
});

async function contractOr404(deps: Deps, contractId: string) {
  const c = await contractsRepo.findContract(deps.db, contractId);
  if (!c) throw errors.contractNotFound();
  return c;
}

/** Every note matching the filter, in pages for the CSV (batches of `pageSize`). */
export async function* noteBatches(deps: Deps, { contractId, filter, pageSize = 500 }: { contractId: string; filter: ContractNotesQuery; pageSize?: number }) {
  for (let offset = 0; ; offset += pageSize) {
    const rows = await repo.listNotes(deps.db, contractId, { ...filter, limit: pageSize, offset });
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
  }
}

/** The most notes one answer holds; the CSV has them all. */
export const NOTES_LIMIT = 1000;

export async function listNotes(deps: Deps, { contractId, filter }: { contractId: string; filter: ContractNotesQuery }): Promise<ContractNotes> {
  await contractOr404(deps, contractId);
  return { items: (await repo.listNotes(deps.db, contractId, { ...filter, limit: NOTES_LIMIT, offset: 0 })).map(toNote) };
}

export async function checkNotesExport(deps: Deps, { contractId }: { contractId: string }) {
  return contractOr404(deps, contractId);
}

export async function addNote(deps: Deps, { actor, contractId, input }: { actor: Actor; contractId: string; input: AddContractNote }): Promise<ContractNote> {
  const now = deps.clock.now();
  if (input.occurredOn > londonDay(now)) throw validationFailed([{ path: 'occurredOn', message: 'The day it happened cannot be in the future' }]);
  return deps.db.transaction().execute(async (trx) => {
    const c = await contractsRepo.lockContract(trx, contractId);
    if (!c) throw errors.contractNotFound();
    const corrects = input.correctsNoteId ?? null;
    if (corrects) {
      const old = await repo.findNote(trx, corrects);
      if (!old || old.contract_id !== contractId) throw validationFailed([{ path: 'correctsNoteId', message: 'Choose a note of this contract to correct' }]);
    }
    const { id } = await repo.insertNote(trx, {
      contract_id: contractId, kind: input.kind, occurred_on: input.occurredOn, note: input.note, corrects_note_id: corrects, recorded_by: actor.userId, recorded_at: now,
    });
    await recordAudit(trx, actor.audit, {
      action: corrects ? 'maintenance.contract_note_corrected' : 'maintenance.contract_note_recorded', recordType: 'maintenance_contract', recordId: contractId,
      details: { reference: c.reference, noteId: id, kind: input.kind, occurredOn: input.occurredOn, note: input.note, correctsNoteId: corrects },
    });
    return toNote((await repo.findNote(trx, id))!);
  });
}
