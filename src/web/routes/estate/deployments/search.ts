import { DEPLOYMENT_STATES, REVIEW_STATUSES, type DeploymentState, type DeploymentSummary } from '../../../api/deployments';
import { formatUkDay, londonDay } from '../../../../domain/calendar/london';
import { isCodeOf } from '../../../../domain/labels';

// The deployments list's state filter and sort as the address bar keeps them, the sort itself
// (done in the browser: the API gives the whole list), and the list as CSV.

export const DEPLOYMENT_SORT_FIELDS = ['reference', 'location', 'state', 'camera', 'requested', 'review'] as const;
export type DeploymentSortField = (typeof DEPLOYMENT_SORT_FIELDS)[number];
export type DeploymentSort = `${DeploymentSortField}_${'asc' | 'desc'}`;
export interface DeploymentsSearch { state?: DeploymentState; sort?: DeploymentSort }

const SORTS = new Set<string>(DEPLOYMENT_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`]));
/** Newest request first, as the API gives them. */
const DEFAULT_SORT: DeploymentSort = 'requested_desc';

export function validateDeploymentsSearch(search: Record<string, unknown>): DeploymentsSearch {
  const state = typeof search.state === 'string' && isCodeOf(DEPLOYMENT_STATES, search.state) ? search.state : undefined;
  const sort = typeof search.sort === 'string' && SORTS.has(search.sort) && search.sort !== DEFAULT_SORT ? (search.sort as DeploymentSort) : undefined;
  return { state, sort };
}

export function sortOf(sort: DeploymentSort | undefined): { field: DeploymentSortField; direction: 'asc' | 'desc' } {
  const s = sort ?? DEFAULT_SORT;
  const at = s.lastIndexOf('_');
  return { field: s.slice(0, at) as DeploymentSortField, direction: s.slice(at + 1) as 'asc' | 'desc' };
}

/** A column's header leads to that column ascending, or reversed when it is already the sort; the default sort is left out of the address. */
export function nextSort(current: DeploymentSort | undefined, field: DeploymentSortField): DeploymentSort | undefined {
  const now = sortOf(current);
  const next: DeploymentSort = now.field === field && now.direction === 'asc' ? `${field}_desc` : `${field}_asc`;
  return next === DEFAULT_SORT ? undefined : next;
}

const STATE_ORDER = Object.keys(DEPLOYMENT_STATES);
const key = (d: DeploymentSummary, field: DeploymentSortField): string | number => {
  switch (field) {
    case 'reference': return d.reference;
    case 'location': return d.locationText.toLowerCase();
    case 'state': return STATE_ORDER.indexOf(d.state);
    case 'camera': return d.camera?.reference ?? '';
    case 'requested': return d.requestedAt;
    // Only a deployed camera has a review to come; the others sort after it.
    case 'review': return d.state === 'deployed' && d.reviewDueOn ? d.reviewDueOn : '9999';
  }
};

/** The deployments in the order asked for; ties keep the newest request first. */
export function sortDeployments(items: readonly DeploymentSummary[], sort: DeploymentSort | undefined): DeploymentSummary[] {
  const { field, direction } = sortOf(sort);
  const sign = direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const [x, y] = [key(a, field), key(b, field)];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB', { numeric: true });
    return c * sign || b.requestedAt.localeCompare(a.requestedAt);
  });
}

/** The review in words, for a deployed camera: "Overdue (due 1/2/2026)", "Due soon: 14/3/2026", "Next review 1/5/2026". */
export function reviewWords(d: Pick<DeploymentSummary, 'state' | 'reviewDueOn' | 'reviewStatus'>): string {
  if (d.state !== 'deployed' || !d.reviewDueOn) return '';
  if (d.reviewStatus === 'removal_due') return `${REVIEW_STATUSES.removal_due}: no longer necessary or proportionate`;
  const on = formatUkDay(d.reviewDueOn);
  if (d.reviewStatus === 'overdue') return `${REVIEW_STATUSES.overdue} (was due ${on})`;
  if (d.reviewStatus === 'due_soon') return `${REVIEW_STATUSES.due_soon}: ${on}`;
  return `Next review ${on}`;
}

const cell = (v: string | number) => {
  if (typeof v === 'number') return String(v);
  // Text starting = + - @ would be read as a formula by a spreadsheet (numbers, like a longitude, are left as they are).
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The list as shown, as CSV for a spreadsheet (UK dates). */
export function deploymentsCsv(items: readonly DeploymentSummary[]): string {
  const head = ['Reference', 'State', 'Location', 'Latitude', 'Longitude', 'Problem', 'Proposed days', 'DPIA reference', 'Requested by', 'Requested on', 'Camera', 'Deployed on', 'Removed on', 'Next review due', 'Review'];
  const rows = items.map((d) => [
    d.reference, DEPLOYMENT_STATES[d.state], d.locationText, d.latitude, d.longitude, d.problem, d.proposedDays, d.dpiaReference, d.requestedBy.name,
    formatUkDay(londonDay(new Date(d.requestedAt))), d.camera?.reference ?? '', formatUkDay(d.deployedOn ?? undefined), formatUkDay(d.removedOn ?? undefined),
    d.state === 'deployed' ? formatUkDay(d.reviewDueOn ?? undefined) : '', d.state === 'deployed' && d.reviewStatus ? REVIEW_STATUSES[d.reviewStatus] : '',
  ]);
  return [head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
