import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { notFound, validationFailed } from '../../../platform/http/errors';
import * as repo from '../occurrences.repository';
import { occurrenceNotFound } from '../occurrences.errors';
import type { Actor } from '../occurrences.usecases';
import * as redactions from './redaction.repository';
import { redactText, sha256Hex } from './redaction.models';

// A supervisor removes personal data (a name, a phone number) typed into an entry: the one change
// the append-only timeline allows. The redaction is recorded with who, when, why and the SHA-256 of
// the text before and after, never the text removed; the database refuses the change without that
// record, and rebuilds the occurrence's search document so that the removed words no longer find it.

const MAX_BODY = 4000;
const MAX_SUMMARY = 200;

export async function redactEntry(deps: Deps, { actor, occurrenceId, entryId, remove, reason }: {
  actor: Actor; occurrenceId: string; entryId: string; remove: string; reason: string;
}) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const occ = await repo.lockOccurrence(trx, occurrenceId);
    if (!occ) throw occurrenceNotFound();
    const entry = await repo.findEntry(trx, { occurrenceId: occ.id, entryId });
    if (!entry) throw notFound({ what: 'entry' });
    const redacted = redactText(entry.body, remove);
    if (!redacted.replaced) throw validationFailed([{ path: 'remove', message: 'Those words are not in this entry: type them as they appear in it' }]);
    if (redacted.text.length > MAX_BODY) throw validationFailed([{ path: 'remove', message: 'The entry would be too long once redacted: remove a longer stretch of words at once' }]);
    // The opening entry repeats the occurrence's summary: the words go from both.
    const summary = entry.kind === 'opened' ? redactText(occ.summary, remove) : undefined;
    if (summary && summary.text.length > MAX_SUMMARY) throw validationFailed([{ path: 'remove', message: 'The summary would be too long once redacted: remove a longer stretch of words at once' }]);

    const record = await redactions.insertRedaction(trx, {
      entryId: entry.id, occurrenceId: occ.id, at: now, by: actor.userId, reason: reason.trim(),
      originalSha256: sha256Hex(entry.body), redactedSha256: sha256Hex(redacted.text),
    });
    await redactions.setEntryBody(trx, { entryId: entry.id, body: redacted.text });
    if (summary?.replaced) await redactions.setOccurrenceSummary(trx, { occurrenceId: occ.id, summary: summary.text, at: now });
    await recordAudit(trx, actor.audit, {
      action: 'occurrence.entry-redacted', recordType: 'occurrence', recordId: occ.id,
      details: { reference: occ.reference, entryId: entry.id, redactionId: record.id, replaced: redacted.replaced, summaryRedacted: !!summary?.replaced },
    });
    return { reference: occ.reference, entryId: entry.id, redactedAt: now.toISOString(), replaced: redacted.replaced };
  });
}
