import { londonDay } from '../../../../domain/calendar/london';
import { REVIEW_DUE_SOON_DAYS, type DeploymentEventKind, type DeploymentState, type ReviewStatus } from '../../../../domain/estate/deployments';

// The deployment's rules, without a database: which step may follow which, and the dates of its
// reviews. A deployment's state is its newest event's; a review keeps it deployed.

const NEXT: Record<DeploymentState | 'none', Partial<Record<DeploymentEventKind, DeploymentState>>> = {
  none: { requested: 'requested' },
  requested: { approved: 'approved', refused: 'refused', withdrawn: 'withdrawn' },
  approved: { deployed: 'deployed', withdrawn: 'withdrawn' },
  deployed: { reviewed: 'deployed', removed: 'removed' },
  refused: {}, withdrawn: {}, removed: {},
};

const WHY_NOT: Record<DeploymentEventKind, string> = {
  requested: 'This deployment has already been requested.',
  approved: 'Only a request awaiting a decision can be approved.',
  refused: 'Only a request awaiting a decision can be refused.',
  withdrawn: 'Only a request awaiting a decision, or approved and not yet deployed, can be withdrawn.',
  deployed: 'A mobile camera can be deployed only on an approved request.',
  reviewed: 'Only a deployed camera can be reviewed.',
  removed: 'Only a deployed camera can be removed.',
};

export type Transition = { ok: true; state: DeploymentState } | { ok: false; message: string };

/** The state a step leads to from `state` (undefined: nothing yet), or why it may not be taken. */
export function nextState(state: DeploymentState | undefined, kind: DeploymentEventKind): Transition {
  const to = NEXT[state ?? 'none'][kind];
  return to ? { ok: true, state: to } : { ok: false, message: WHY_NOT[kind] };
}

/** The state after every step in order; throws where a step could not have followed (a corrupt history). */
export function stateAfter(kinds: readonly DeploymentEventKind[]): DeploymentState | undefined {
  let state: DeploymentState | undefined;
  for (const kind of kinds) {
    const t = nextState(state, kind);
    if (!t.ok) throw new Error(`a ${kind} step cannot follow ${state ?? 'nothing'}`);
    state = t.state;
  }
  return state;
}

// ---- Days (YYYY-MM-DD, London calendar days: no time zone in their arithmetic) ----

const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));

export function addDays(d: string, n: number): string {
  return new Date(toUtc(d) + n * 86_400_000).toISOString().slice(0, 10);
}

export const daysBetween = (from: string, to: string) => Math.round((toUtc(to) - toUtc(from)) / 86_400_000);

/** The first review of a deployment: the review period after the day it went up. */
export const firstReviewDue = ({ deployedOn, periodDays }: { deployedOn: string; periodDays: number }) => addDays(deployedOn, periodDays);

/** After a review: the day the reviewer chose, or the review period after the review. */
export const nextReviewDue = ({ reviewedOn, periodDays, chosen }: { reviewedOn: string; periodDays: number; chosen?: string }) => chosen ?? addDays(reviewedOn, periodDays);

/**
 * Whether a review due on `dueOn` is overdue at `now`: once the due day has passed in London (the
 * review may be done on its due day), so at midnight London time, whichever side of a clock change.
 */
export function reviewStatus({ dueOn, now, removalDue = false }: { dueOn: string; now: Date; removalDue?: boolean }): ReviewStatus {
  if (removalDue) return 'removal_due';
  const today = londonDay(now);
  if (today > dueOn) return 'overdue';
  return daysBetween(today, dueOn) <= REVIEW_DUE_SOON_DAYS ? 'due_soon' : 'not_due';
}

/** Problems with the days a step gives, each a message for its field (empty: fine). */
export function checkStepDays({ kind, onDay, today, since, nextReviewOn }: {
  kind: 'deployed' | 'reviewed' | 'removed'; onDay: string; today: string; since: string; nextReviewOn?: string;
}): { path: string; message: string }[] {
  const field = kind === 'deployed' ? 'deployedOn' : kind === 'reviewed' ? 'reviewedOn' : 'removedOn';
  const problems: { path: string; message: string }[] = [];
  if (onDay > today) problems.push({ path: field, message: 'Enter a day that has happened, today or before' });
  else if (onDay < since) problems.push({ path: field, message: `Enter a day on or after ${since}, when the ${kind === 'deployed' ? 'request was approved' : 'camera went up'}` });
  if (nextReviewOn !== undefined && nextReviewOn <= onDay) problems.push({ path: 'nextReviewOn', message: 'The next review must be after this one' });
  return problems;
}

/** A readable reference: MD-2026-0007. */
export const deploymentReference = ({ year, number }: { year: number; number: number }) => `MD-${year}-${String(number).padStart(4, '0')}`;
