import { FAULT_SORT_FIELDS, FAULT_SOURCES, FAULT_STAGES, FAULT_TARGETS, PRIORITIES, type FaultFilters, type FaultSort } from '../../../api/maintenanceFaults';
import { isCodeOf } from '../../../../domain/labels';
import { isValidDay, londonDayAfter, londonWallClock } from '../../../../domain/calendar/london';
import { UUID } from '../search';

// The faults list's filters, sort and page as the address bar keeps them (the server filters, sorts and pages).

export interface FaultsSearch {
  state?: 'open' | 'closed'; stage?: keyof typeof FAULT_STAGES; priority?: keyof typeof PRIORITIES | 'none'; target?: keyof typeof FAULT_TARGETS;
  source?: keyof typeof FAULT_SOURCES; contractId?: string; sla?: 'at_risk' | 'breached'; q?: string;
  /** Raised on or after this London day (YYYY-MM-DD). */
  from?: string;
  /** Raised on or before this London day (YYYY-MM-DD). */
  to?: string;
  sort?: FaultSort; page?: number;
}

export const DEFAULT_FAULT_SORT: FaultSort = 'raised_at_desc';
export const FAULTS_PAGE_SIZE = 25;
const SORTS = new Set<string>(FAULT_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`]));

/** Keeps what the list understands, drops the rest (an old or hand-typed address still opens the list). */
export function validateFaultsSearch(search: Record<string, unknown>): FaultsSearch {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
  const day = (v: unknown) => { const d = str(v); return /^\d{4}-\d{2}-\d{2}$/.test(d) && isValidDay(d) ? d : undefined; };
  const q = str(search.q).slice(0, 100);
  const state = str(search.state);
  const stage = str(search.stage);
  const priority = str(search.priority);
  const target = str(search.target);
  const source = str(search.source);
  const contractId = str(search.contractId);
  const sla = str(search.sla);
  const sort = str(search.sort);
  const page = Number(str(search.page));
  return {
    state: state === 'open' || state === 'closed' ? state : undefined,
    stage: isCodeOf(FAULT_STAGES, stage) ? stage : undefined,
    priority: priority === 'none' || isCodeOf(PRIORITIES, priority) ? priority as FaultsSearch['priority'] : undefined,
    target: isCodeOf(FAULT_TARGETS, target) ? target : undefined,
    source: isCodeOf(FAULT_SOURCES, source) ? source : undefined,
    contractId: UUID.test(contractId) ? contractId : undefined,
    sla: sla === 'at_risk' || sla === 'breached' ? sla : undefined,
    q: q || undefined,
    from: day(search.from),
    to: day(search.to),
    sort: SORTS.has(sort) && sort !== DEFAULT_FAULT_SORT ? (sort as FaultSort) : undefined,
    page: Number.isInteger(page) && page > 1 && page <= 100_000 ? page : undefined,
  };
}

/** The address's filters as the server takes them: the days as London midnights, `to` taking in its whole day. */
export function faultFilters({ from, to, page, ...rest }: FaultsSearch): FaultFilters {
  return {
    ...rest,
    from: from ? londonWallClock(from)?.toISOString() : undefined,
    to: to ? londonDayAfter(to)?.toISOString() : undefined,
    page: page ?? 1, pageSize: FAULTS_PAGE_SIZE,
  };
}

/** Whether any filter narrows the list (sort and page do not). */
export const isFiltered = ({ sort: _s, page: _p, ...f }: FaultsSearch) => Object.values(f).some((v) => v !== undefined);

/** "No faults match", "1 fault", "26 faults": the count in words for the caption. */
export function faultCountWords(total: number, filtered: boolean): string {
  const n = total === 0 ? 'No faults' : total === 1 ? '1 fault' : `${total} faults`;
  return filtered ? `${n} matching the filter` : n;
}

/** "2 faults breached, 1 at risk, no fixes awaiting acceptance.": the home panel's counts in words. */
export function atRiskWords({ breached, atRisk, awaitingAcceptance }: { breached: number; atRisk: number; awaitingAcceptance: number }): string {
  const faults = breached === 0 ? 'No faults breached' : breached === 1 ? '1 fault breached' : `${breached} faults breached`;
  const risk = atRisk === 0 ? 'none at risk' : `${atRisk} at risk`;
  const fixes = awaitingAcceptance === 0 ? 'no fixes awaiting acceptance' : awaitingAcceptance === 1 ? '1 fix awaiting acceptance' : `${awaitingAcceptance} fixes awaiting acceptance`;
  return `${faults}, ${risk}, ${fixes}.`;
}

/** The raise page's address: a camera to start from (`?cameraId=`, from a camera's page), when it is an id. */
export function validateRaiseSearch(search: Record<string, unknown>): { cameraId?: string } {
  return typeof search.cameraId === 'string' && UUID.test(search.cameraId) ? { cameraId: search.cameraId } : {};
}
