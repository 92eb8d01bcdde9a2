import type { Deps } from '../../platform/deps';
import { recordAudit } from '../../platform/audit/audit';
import { isRoleCode, roleName } from '../../../domain/users/roles';
import type { Entry, EntryFields, Occurrence, Outcome, SharedOccurrence } from '../../../domain/occurrences/contract';
import * as repo from './occurrences.repository';
import { listRedactions } from './redaction/redaction.repository';
import { occurrenceNotFound } from './occurrences.errors';
import { stepStates, type Actor } from './occurrences.usecases';
import { AGENCIES, OUTCOMES, PRIORITIES, SOURCES, whoWasTold } from './occurrences.models';

// What people see of an occurrence. Reading the log is not a read of personal data (names are
// kept apart, see viewPersonalData), so the council's own reads are not audited. A partner
// agency's read is: partners see the shared occurrence, with roles where staff names would be,
// and none of the council's internal workings (procedure, personal-data counts, other shares).

type EntryRow = Awaited<ReturnType<typeof repo.listEntries>>[number];

function toEntryDto(e: EntryRow, author: string | null, redactions: EntryFields['redactions']): EntryFields {
  return {
    id: e.id, seq: e.seq, kind: e.kind, body: e.body, observedAt: e.observed_at?.toISOString() ?? null, recordedAt: e.recorded_at.toISOString(),
    author, amendsId: e.amends_id, reason: e.reason,
    agency: e.agency, agencyName: e.agency ? AGENCIES[e.agency] : null, agencyReference: e.agency_reference, notifiedAt: e.notified_at?.toISOString() ?? null,
    camera: e.camera_id ? { id: e.camera_id, reference: e.camera_reference!, name: e.camera_name! } : null,
    footageFrom: e.footage_from?.toISOString() ?? null, footageTo: e.footage_to?.toISOString() ?? null,
    procedureStepId: e.procedure_step_id,
    // Written only when closing, from a validated outcome (the column has no CHECK of its own).
    outcome: e.outcome as Outcome | null,
    redactions,
  };
}

/** The timeline with each amendment shown beside the entry it corrects (and also in its place). */
export function threadAmendments(entries: EntryFields[]): Entry[] {
  const byTarget = new Map<string, EntryFields[]>();
  for (const e of entries) if (e.amendsId) byTarget.set(e.amendsId, [...(byTarget.get(e.amendsId) ?? []), e]);
  return entries.map((e) => ({ ...e, amendments: byTarget.get(e.id) ?? [] }));
}

/** What a partner reads where the council's staff see a name: the person's role. */
function partnerFacingName(roles: readonly string[] | undefined): string {
  const role = roles?.find(isRoleCode);
  return role ? roleName(role) : 'Council staff';
}

async function buildView(deps: Deps, { id, organisationId }: { id: string; organisationId?: string }) {
  const occ = await repo.findOccurrence(deps.db, { id, organisationId });
  if (!occ) throw occurrenceNotFound();
  const [entries, cameras, redactions] = await Promise.all([repo.listEntries(deps.db, occ.id), repo.listOccurrenceCameras(deps.db, occ.id), listRedactions(deps.db, occ.id)]);
  const people = organisationId
    ? await repo.listUserRoles(deps.db, [occ.opened_by, occ.closed_by, ...entries.map((e) => e.author_id), ...redactions.map((r) => r.redacted_by)].filter((x): x is string => !!x))
    : undefined;
  const who = (userId: string | null, name: string | null) => (people ? (userId ? partnerFacingName(people.get(userId)) : null) : name);
  // Partners see that an entry was redacted, and by whom (a role), not the council's reason.
  const redactionsOf = (entryId: string) => redactions.filter((r) => r.entry_id === entryId)
    .map((r) => ({ redactedAt: r.redacted_at.toISOString(), by: who(r.redacted_by, r.redacted_by_name) ?? '', reason: people ? null : r.reason }));
  const dtos = entries.map((e) => toEntryDto(e, who(e.author_id, e.author_name), redactionsOf(e.id)));
  const timeline = threadAmendments(dtos);
  const common = {
    id: occ.id, reference: occ.reference, status: occ.status, summary: occ.summary,
    openedAt: occ.opened_at.toISOString(), openedBy: who(occ.opened_by, occ.opened_by_name) ?? '',
    source: occ.source, sourceName: SOURCES[occ.source], priority: occ.priority, priorityName: PRIORITIES[occ.priority],
    category: { id: occ.category_id, key: occ.category_key, name: occ.category_name },
    location: { text: occ.location_text, latitude: occ.latitude, longitude: occ.longitude },
    outcome: occ.outcome, outcomeName: occ.outcome ? OUTCOMES[occ.outcome] : null, closedAt: occ.closed_at?.toISOString() ?? null,
    closedBy: who(occ.closed_by, occ.closed_by_name),
    cameras: cameras.map((c) => ({ id: c.id, reference: c.reference, name: c.name })),
    entries: timeline,
    told: whoWasTold(entries.filter((e) => e.kind === 'notification').map((e) => ({ agency: e.agency!, agencyReference: e.agency_reference, notifiedAt: e.notified_at!, body: e.body })))
      .map((t) => ({ ...t, firstToldAt: t.firstToldAt?.toISOString() ?? null })),
    footageMarks: timeline.filter((e) => e.kind === 'footage'),
  };
  return { occ, common };
}

/** An occurrence as the council's own staff see it. */
export async function getOccurrenceView(deps: Deps, { id }: { id: string }): Promise<Occurrence> {
  const { occ, common } = await buildView(deps, { id });
  const [steps, personalData, shares, version, current] = await Promise.all([
    stepStates(deps.db, occ), repo.summarisePersonalData(deps.db, occ.id), repo.listShares(deps.db, occ.id),
    occ.procedure_version_id ? repo.findVersion(deps.db, occ.procedure_version_id) : undefined, repo.findCurrentVersion(deps.db, occ.category_id),
  ]);
  return {
    ...common,
    procedure: steps,
    procedureVersion: version ? { version: version.version, isCurrent: version.id === current?.id } : null,
    personalDataCount: personalData.count,
    // Items past the review age: the supervisor's review list has them; the names stay behind the audited read.
    personalDataFlagged: { count: personalData.flagged, since: personalData.firstFlaggedAt?.toISOString() ?? null },
    sharedWith: shares.map((s) => ({ id: s.id, name: s.name, sharedAt: s.shared_at.toISOString() })),
  };
}

/** An occurrence shared with the reader's organisation, as a partner agency sees it; each read is audited. */
export async function viewSharedOccurrence(deps: Deps, { actor, id, organisationId }: { actor: Actor; id: string; organisationId: string }): Promise<SharedOccurrence> {
  const { occ, common } = await buildView(deps, { id, organisationId });
  await recordAudit(deps.db, actor.audit, { action: 'occurrence.read-by-partner', recordType: 'occurrence', recordId: occ.id, details: { reference: occ.reference, organisationId } });
  return common;
}
