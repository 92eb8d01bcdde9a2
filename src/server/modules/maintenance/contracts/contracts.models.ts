import type { SlaCalendar } from '../../../../domain/maintenance/slaClock';
import { SLA_TERMS_GRACE_MS, type ContractServiceCredits, type ServiceCreditRule, type SlaClockKind, type Weekday } from '../../../../domain/maintenance/contract';

// Contracts' pure decisions: the SLA clock's calendar from a contract's terms, and when new SLA
// terms may take effect.

export interface ContractHours {
  workingDays: readonly Weekday[];
  /** London wall clock "HH:MM". */
  opensAt: string;
  closesAt: string;
}

/**
 * The calendar a fault's SLA clock runs on: 24/7, or the contract's working days and hours less
 * England & Wales bank holidays (slaClock knows those) and the contract's closure days.
 */
export function clockCalendarFor(contract: ContractHours, closureDays: readonly string[], clock: SlaClockKind = 'working_hours'): SlaCalendar {
  if (clock === 'round_the_clock') return { kind: 'round_the_clock' };
  return { kind: 'working_hours', days: [...contract.workingDays], opens: contract.opensAt, closes: contract.closesAt, closedDays: [...closureDays].sort() };
}

/** Whether terms dated `effectiveFrom` may be set at `now`: not earlier than a minute ago (a change applies to faults raised after it). */
export const isEffectiveFromAllowed = ({ effectiveFrom, now }: { effectiveFrom: Date; now: Date }) => effectiveFrom.getTime() >= now.getTime() - SLA_TERMS_GRACE_MS;

/** "08:00:00" (PostgreSQL's time) as "08:00"; "24:00:00" stays "24:00". */
export const wallClockOf = (pgTime: string) => pgTime.slice(0, 5);

/** The stored rule (jsonb) with the contract's monthly charge, as the performance figures take it. */
export function creditRuleOf(stored: unknown, monthlyChargePence: number): ServiceCreditRule | null {
  if (stored === null || stored === undefined) return null;
  const { monthlyChargePence: _old, ...rest } = stored as ServiceCreditRule;
  return { ...(rest as ContractServiceCredits), monthlyChargePence };
}
