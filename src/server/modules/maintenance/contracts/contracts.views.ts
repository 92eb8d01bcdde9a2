import { weekdayOfNumber, type Contract, type ContractSummary, type SlaTerm } from '../../../../domain/maintenance/contract';
import type { ContractRow, TermRow } from './contracts.repository';
import { creditRuleOf, wallClockOf } from './contracts.models';

// Rows as the contract's replies.

export const toSummary = (r: ContractRow): ContractSummary => ({
  id: r.id, reference: r.reference, name: r.name, contractor: { id: r.contractor_organisation_id, name: r.contractor_name }, startsOn: r.starts_on, endsOn: r.ends_on,
});

export const toContract = (r: ContractRow): Contract => {
  const monthlyChargePence = Number(r.monthly_charge_pence);
  return {
    ...toSummary(r),
    workingDays: [...r.working_days].sort((a, b) => a - b).map(weekdayOfNumber), opensAt: wallClockOf(r.opens_at), closesAt: wallClockOf(r.closes_at),
    monthlyChargePence, serviceCredits: creditRuleOf(r.service_credits, monthlyChargePence), createdAt: r.created_at.toISOString(),
  };
};

export const toTerm = (r: TermRow): SlaTerm => ({
  id: r.id, priority: r.priority, clock: r.clock, responseMinutes: r.response_minutes, fixMinutes: r.fix_minutes,
  effectiveFrom: r.effective_from.toISOString(), setAt: r.set_at.toISOString(), setBy: r.set_by ? { id: r.set_by, name: r.set_by_name ?? '' } : null, reason: r.reason,
});
