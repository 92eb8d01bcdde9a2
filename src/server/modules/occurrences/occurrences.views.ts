import type { Deps } from '../../platform/deps';
import * as repo from './occurrences.repository';
import { occurrenceNotFound } from './occurrences.errors';
import { stepStates } from './occurrences.usecases';
import { AGENCIES, OUTCOMES, PRIORITIES, SOURCES, whoWasTold } from './occurrences.models';

// What people see of an occurrence. Reading the log is not a read of personal data (names are
// kept apart, see viewPersonalData), so these are not audited.

type EntryRow = Awaited<ReturnType<typeof repo.listEntries>>[number];

function toEntryDto(e: EntryRow) {
  return {
    id: e.id, seq: e.seq, kind: e.kind, body: e.body, observedAt: e.observed_at?.toISOString() ?? null, recordedAt: e.recorded_at.toISOString(),
    author: e.author_name, amendsId: e.amends_id, reason: e.reason,
    agency: e.agency, agencyName: e.agency ? AGENCIES[e.agency] : null, agencyReference: e.agency_reference, notifiedAt: e.notified_at?.toISOString() ?? null,
    camera: e.camera_id ? { id: e.camera_id, reference: e.camera_reference, name: e.camera_name } : null,
    footageFrom: e.footage_from?.toISOString() ?? null, footageTo: e.footage_to?.toISOString() ?? null,
    procedureStepId: e.procedure_step_id, outcome: e.outcome,
  };
}

export type EntryDto = ReturnType<typeof toEntryDto> & { amendments: ReturnType<typeof toEntryDto>[] };

/** The timeline with each amendment shown beside the entry it corrects (and also in its place). */
export function threadAmendments(entries: ReturnType<typeof toEntryDto>[]): EntryDto[] {
  const byTarget = new Map<string, ReturnType<typeof toEntryDto>[]>();
  for (const e of entries) if (e.amendsId) byTarget.set(e.amendsId, [...(byTarget.get(e.amendsId) ?? []), e]);
  return entries.map((e) => ({ ...e, amendments: byTarget.get(e.id) ?? [] }));
}

export async function getOccurrenceView(deps: Deps, { id, organisationId }: { id: string; organisationId?: string }) {
  const occ = await repo.findOccurrence(deps.db, { id, organisationId });
  if (!occ) throw occurrenceNotFound();
  const [entries, cameras, steps, personalData, shares] = await Promise.all([
    repo.listEntries(deps.db, occ.id), repo.listOccurrenceCameras(deps.db, occ.id), stepStates(deps.db, occ),
    repo.summarisePersonalData(deps.db, occ.id), organisationId ? Promise.resolve([]) : repo.listShares(deps.db, occ.id),
  ]);
  const dtos = entries.map(toEntryDto);
  return {
    id: occ.id, reference: occ.reference, status: occ.status, summary: occ.summary,
    openedAt: occ.opened_at.toISOString(), openedBy: occ.opened_by_name,
    source: occ.source, sourceName: SOURCES[occ.source], priority: occ.priority, priorityName: PRIORITIES[occ.priority],
    category: { id: occ.category_id, key: occ.category_key, name: occ.category_name },
    location: { text: occ.location_text, latitude: occ.latitude, longitude: occ.longitude },
    outcome: occ.outcome, outcomeName: occ.outcome ? OUTCOMES[occ.outcome] : null, closedAt: occ.closed_at?.toISOString() ?? null, closedBy: occ.closed_by_name,
    cameras: cameras.map((c) => ({ id: c.id, reference: c.reference, name: c.name })),
    entries: threadAmendments(dtos),
    told: whoWasTold(entries.filter((e) => e.kind === 'notification').map((e) => ({ agency: e.agency!, agencyReference: e.agency_reference, notifiedAt: e.notified_at!, body: e.body })))
      .map((t) => ({ ...t, firstToldAt: t.firstToldAt?.toISOString() ?? null })),
    footageMarks: dtos.filter((e) => e.kind === 'footage'),
    procedure: steps,
    personalDataCount: personalData.count,
    // Items past the review age: the supervisor's review list has them; the names stay behind the audited read.
    personalDataFlagged: { count: personalData.flagged, since: personalData.firstFlaggedAt?.toISOString() ?? null },
    sharedWith: shares.map((s) => ({ id: s.id, name: s.name, sharedAt: s.shared_at.toISOString() })),
  };
}
