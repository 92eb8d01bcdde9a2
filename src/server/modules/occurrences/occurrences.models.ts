import type { Agency } from '../../platform/db/db';

// Pure decisions about occurrences: references, what may be logged when, closing rules, who was
// told, and when personal data is due for review or removal. No I/O.

// The vocabularies and their labels are the contract's, shared with the web app.
import { AGENCIES } from '../../../domain/occurrences/contract';
export { AGENCIES, OUTCOMES, PRIORITIES, SOURCES } from '../../../domain/occurrences/contract';

/** The emergency services an occurrence always shows as told or not told. */
export const ALWAYS_SHOWN: Agency[] = ['police', 'ambulance', 'fire'];

export function formatReference({ year, number }: { year: number; number: number }): string {
  return `OCC-${year}-${String(number).padStart(6, '0')}`;
}

export function parseReference(reference: string): { year: number; number: number } | undefined {
  const m = /^OCC-(\d{4})-(\d{6,})$/.exec(reference.trim().toUpperCase());
  return m ? { year: Number(m[1]), number: Number(m[2]) } : undefined;
}

const FUTURE_TOLERANCE_MS = 2 * 60_000; // clocks on operators' PCs drift a little
const MAX_FOOTAGE_SPAN_MS = 24 * 3600_000;

/** An observed time given by the operator: not in the future, not before the occurrence was plausible. */
export function checkObservedAt({ observedAt, now, openedAt }: { observedAt: Date; now: Date; openedAt: Date }): string | undefined {
  if (observedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return 'The time observed cannot be in the future.';
  if (observedAt.getTime() < openedAt.getTime() - 7 * 24 * 3600_000) return 'The time observed is more than a week before the occurrence was opened.';
  return undefined;
}

export function checkFootageRange({ from, to, now }: { from: Date; to: Date; now: Date }): { path: string; message: string } | undefined {
  if (from.getTime() >= to.getTime()) return { path: 'to', message: 'The end of the footage must be after its start.' };
  if (to.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return { path: 'to', message: 'Footage cannot end in the future.' };
  if (to.getTime() - from.getTime() > MAX_FOOTAGE_SPAN_MS) return { path: 'to', message: 'Mark at most 24 hours of footage at a time.' };
  return undefined;
}

export interface StepState { id: string; text: string; isRequired: boolean; ticked: boolean }

/**
 * The steps of the procedure version an occurrence was opened with, each with whether it was ticked.
 * Only a tick of one of these steps counts: an edit to the category's procedure adds a version and
 * changes neither the steps an occurrence follows nor its ticks.
 */
export function stepsWithTicks<S extends { id: string; text: string; isRequired: boolean; position: number }>({ steps, tickedStepIds }: { steps: S[]; tickedStepIds: Iterable<string | null> }) {
  const ticked = new Set(tickedStepIds);
  return [...steps].sort((a, b) => a.position - b.position).map((s) => ({ id: s.id, text: s.text, isRequired: s.isRequired, position: s.position, ticked: ticked.has(s.id) }));
}

export interface ProcedureStepDraft { text: string; isRequired: boolean }

/**
 * What saving a procedure does: nothing when the steps are the ones in force (same wording, order
 * and required flags), otherwise a new version numbered after the newest. Versions are never changed.
 */
export function decideProcedureEdit({ current, steps }: { current: { version: number; steps: ProcedureStepDraft[] } | undefined; steps: ProcedureStepDraft[] }):
  { changed: false } | { changed: true; version: number } {
  const same = !!current && current.steps.length === steps.length && current.steps.every((s, i) => s.text === steps[i].text && s.isRequired === steps[i].isRequired);
  if (same || (!current && !steps.length)) return { changed: false };
  return { changed: true, version: (current?.version ?? 0) + 1 };
}

export type CloseDecision =
  | { ok: true; skippedRequired: StepState[] }
  | { ok: false; code: 'occurrences.already_closed' | 'occurrences.required_steps_skipped'; skippedRequired: StepState[] };

/**
 * Closing needs an outcome (checked by the schema); a required procedure step left unticked needs a
 * reason, and then the supervisor is told.
 */
export function decideClose({ status, steps, skipReason }: { status: 'open' | 'closed'; steps: StepState[]; skipReason?: string | null }): CloseDecision {
  const skippedRequired = steps.filter((s) => s.isRequired && !s.ticked);
  if (status === 'closed') return { ok: false, code: 'occurrences.already_closed', skippedRequired };
  if (skippedRequired.length && !skipReason?.trim()) return { ok: false, code: 'occurrences.required_steps_skipped', skippedRequired };
  return { ok: true, skippedRequired };
}

export interface NotificationEntry { agency: Agency; agencyReference: string | null; notifiedAt: Date; body: string }

/** Who has been told, with their references, and which emergency services have not been. */
export function whoWasTold(notifications: NotificationEntry[]) {
  const byAgency = new Map<Agency, NotificationEntry[]>();
  for (const n of notifications) byAgency.set(n.agency, [...(byAgency.get(n.agency) ?? []), n]);
  const agencies = [...new Set<Agency>([...ALWAYS_SHOWN, ...byAgency.keys()])];
  return agencies.map((agency) => {
    const list = (byAgency.get(agency) ?? []).sort((a, b) => a.notifiedAt.getTime() - b.notifiedAt.getTime());
    return {
      agency,
      name: AGENCIES[agency],
      told: list.length > 0,
      firstToldAt: list[0]?.notifiedAt ?? null,
      references: [...new Set(list.map((n) => n.agencyReference).filter((r): r is string => !!r))],
    };
  });
}

/**
 * Personal data recorded at or before `review` is due for review, at or before `removal` for removal
 * (unless a hold keeps it): at least that many whole days old.
 */
export function personalDataCutoffs({ now, reviewDays, removalDays }: { now: Date; reviewDays: number; removalDays: number }) {
  return { review: new Date(now.getTime() - reviewDays * 86_400_000), removal: new Date(now.getTime() - removalDays * 86_400_000) };
}

/** When an item becomes due for removal: the first retention run from then on removes it, unless held. */
export function personalDataRemovalDue({ recordedAt, removalDays }: { recordedAt: Date; removalDays: number }) {
  return new Date(recordedAt.getTime() + removalDays * 86_400_000);
}

/**
 * Who was told, with their references, for the CSV export: "Police (CAD 1234-56, CAD 1301-02);
 * Ambulance". Agencies in the order first told; a reference given twice is shown once.
 */
export function toldWithReferences(notifications: readonly { agency: Agency; reference: string | null }[]): string {
  const byAgency = new Map<Agency, string[]>();
  for (const n of notifications) {
    const refs = byAgency.get(n.agency) ?? [];
    const ref = n.reference?.trim();
    if (ref && !refs.includes(ref)) refs.push(ref);
    byAgency.set(n.agency, refs);
  }
  return [...byAgency].map(([agency, refs]) => `${AGENCIES[agency]}${refs.length ? ` (${refs.join(', ')})` : ''}`).join('; ');
}

/** Whom an occurrence may be shared with: an external organisation that is a partner agency, never the council's own contractor. */
export function isPartnerAgency(org: { is_external: boolean; kind: string }): boolean {
  return org.is_external && org.kind !== 'contractor';
}
