import { isCodeOf } from '../../../../domain/labels';
import { FAULT_SORT_FIELDS, FAULT_STAGES, PRIORITIES, type ContractorFaultsFilters, type FaultSort } from '../../../api/contractorFaults';

// The contractor's faults list as the address bar keeps it: open faults unless asked otherwise.

export interface ContractorFaultsSearch {
  state?: 'closed' | 'all'; stage?: keyof typeof FAULT_STAGES; priority?: keyof typeof PRIORITIES | 'none';
  sla?: 'at_risk' | 'breached'; q?: string; sort?: FaultSort; page?: number;
}

export const DEFAULT_FAULT_SORT: FaultSort = 'raised_at_desc';
const SORTS = new Set<string>(FAULT_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`]));

export function validateContractorFaultsSearch(search: Record<string, unknown>): ContractorFaultsSearch {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
  const state = str(search.state);
  const stage = str(search.stage);
  const priority = str(search.priority);
  const sla = str(search.sla);
  const q = str(search.q).slice(0, 100);
  const sort = str(search.sort);
  const page = Number(str(search.page));
  return {
    state: state === 'closed' || state === 'all' ? state : undefined,
    stage: isCodeOf(FAULT_STAGES, stage) ? stage : undefined,
    priority: priority === 'none' || isCodeOf(PRIORITIES, priority) ? priority as ContractorFaultsSearch['priority'] : undefined,
    sla: sla === 'at_risk' || sla === 'breached' ? sla : undefined,
    q: q || undefined,
    sort: SORTS.has(sort) && sort !== DEFAULT_FAULT_SORT ? (sort as FaultSort) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** The address's search -> the server's filters: open faults by default, every fault with state=all. */
export function faultsFilters(s: ContractorFaultsSearch): ContractorFaultsFilters {
  return { state: s.state === 'all' ? undefined : s.state ?? 'open', stage: s.stage, priority: s.priority, sla: s.sla, q: s.q, sort: s.sort, page: s.page };
}
