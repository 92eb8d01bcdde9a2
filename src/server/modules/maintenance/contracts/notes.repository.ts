import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { ContractNoteKind } from '../../../../domain/maintenance/contract';

// Contract notes' SQL. The day is read as text (YYYY-MM-DD) so that no time zone shifts it.

export interface NoteRow {
  id: string; contract_id: string; kind: ContractNoteKind; occurred_on: string; note: string;
  corrects_note_id: string | null; corrected_by_note_id: string | null;
  recorded_by: string | null; recorded_by_name: string | null; recorded_at: Date;
}

function notes(db: Db) {
  return db.selectFrom('maintenance_contract_notes as n').leftJoin('users as u', 'u.id', 'n.recorded_by')
    .select([
      'n.id', 'n.contract_id', 'n.kind', sql<string>`n.occurred_on::text`.as('occurred_on'), 'n.note', 'n.corrects_note_id',
      sql<string | null>`(select c.id from maintenance_contract_notes c where c.corrects_note_id = n.id order by c.recorded_at desc, c.id desc limit 1)`.as('corrected_by_note_id'),
      'n.recorded_by', 'u.display_name as recorded_by_name', 'n.recorded_at',
    ]);
}

export interface NotesFilter { kind?: ContractNoteKind; month?: string; limit: number; offset: number }

/** A contract's notes, the latest happened first (then the latest recorded). */
export function listNotes(db: Db, contractId: string, { kind, month, limit, offset }: NotesFilter) {
  let q = notes(db).where('n.contract_id', '=', contractId);
  if (kind) q = q.where('n.kind', '=', kind);
  if (month) q = q.where(sql<string>`to_char(n.occurred_on, 'YYYY-MM')`, '=', month);
  return q.orderBy('n.occurred_on', 'desc').orderBy('n.recorded_at', 'desc').orderBy('n.id').limit(limit).offset(offset).execute() as Promise<NoteRow[]>;
}

export const findNote = (db: Db, id: string) => notes(db).where('n.id', '=', id).executeTakeFirst() as Promise<NoteRow | undefined>;

export const insertNote = (db: Db, row: { contract_id: string; kind: ContractNoteKind; occurred_on: string; note: string; corrects_note_id: string | null; recorded_by: string; recorded_at: Date }) =>
  db.insertInto('maintenance_contract_notes').values(row).returning('id').executeTakeFirstOrThrow();
