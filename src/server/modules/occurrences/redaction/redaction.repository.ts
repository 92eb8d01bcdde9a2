import type { Db } from '../../../platform/db/db';

// SQL for redactions. The database lets an entry's text change only with a redaction record
// written in the same transaction (migration 0009), and rebuilds the search document itself.

export async function insertRedaction(db: Db, r: { entryId: string; occurrenceId: string; at: Date; by: string; reason: string; originalSha256: string; redactedSha256: string }) {
  return db.insertInto('occurrence_entry_redactions').values({
    entry_id: r.entryId, occurrence_id: r.occurrenceId, redacted_at: r.at, redacted_by: r.by, reason: r.reason,
    original_sha256: r.originalSha256, redacted_sha256: r.redactedSha256,
  }).returning('id').executeTakeFirstOrThrow();
}

export async function setEntryBody(db: Db, { entryId, body }: { entryId: string; body: string }) {
  await db.updateTable('occurrence_entries').set({ body }).where('id', '=', entryId).execute();
}

export async function setOccurrenceSummary(db: Db, { occurrenceId, summary, at }: { occurrenceId: string; summary: string; at: Date }) {
  await db.updateTable('occurrences').set({ summary, updated_at: at }).where('id', '=', occurrenceId).execute();
}

/** An occurrence's redactions, oldest first, with who made them. */
export async function listRedactions(db: Db, occurrenceId: string) {
  return db.selectFrom('occurrence_entry_redactions as r').innerJoin('users as u', 'u.id', 'r.redacted_by')
    .select(['r.entry_id', 'r.redacted_at', 'r.redacted_by', 'r.reason', 'u.display_name as redacted_by_name'])
    .where('r.occurrence_id', '=', occurrenceId).orderBy('r.redacted_at').orderBy('r.id').execute();
}
