import { FAULT_STAGES, PRIORITIES, type ContractorFaultsFilters, type FaultSort } from '../../../api/contractorFaults';
import { DEFAULT_FAULT_SORT, validateFaultsSearch } from '../faults/search';

// The contractor's faults list as the address bar keeps it: open faults unless asked otherwise.

export interface ContractorFaultsSearch {
  state?: 'closed' | 'all'; stage?: keyof typeof FAULT_STAGES; priority?: keyof typeof PRIORITIES | 'none';
  sla?: 'at_risk' | 'breached'; q?: string; sort?: FaultSort; page?: number;
}

export { DEFAULT_FAULT_SORT };

/** The council's list's reading of the address (the same vocabularies and limits), less what the contractor's list has not, with its own state. */
export function validateContractorFaultsSearch(search: Record<string, unknown>): ContractorFaultsSearch {
  const { stage, priority, sla, q, sort, page } = validateFaultsSearch(search);
  const state = typeof search.state === 'string' ? search.state.trim() : '';
  return { state: state === 'closed' || state === 'all' ? state : undefined, stage, priority, sla, q, sort, page };
}

/** The address's search -> the server's filters: open faults by default, every fault with state=all. */
export function faultsFilters(s: ContractorFaultsSearch): ContractorFaultsFilters {
  return { state: s.state === 'all' ? undefined : s.state ?? 'open', stage: s.stage, priority: s.priority, sla: s.sla, q: s.q, sort: s.sort, page: s.page };
}
