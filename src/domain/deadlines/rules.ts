// The numbers the law or the regulator sets for each clock, as dated reference data: each value
// holds from `from` (inclusive) to `to` (inclusive; null while it still holds), and a clock takes
// the value in force on the day its request was received. When Parliament or the ICO changes a
// number, add a row with the new date rather than edit the old one, so requests received before the
// change keep the deadline they always had.

export interface DatedRule<T> {
  from: string;
  to: string | null;
  value: T;
  /** Where the value comes from, for the reader and the explanation a deadline carries. */
  source: string;
}

export const RULES = {
  /** A SAR's period, and how many further months an extension may add (UK GDPR Art 12(3); Art 12A from 5 Feb 2026). */
  sarMonths: [{ from: '2018-05-25', to: null, value: { months: 1, extensionMonths: 2 }, source: 'UK GDPR Art 12(3), Art 12A (Data (Use and Access) Act 2025)' }] as DatedRule<{ months: number; extensionMonths: number }>[],
  /** The FOI Act's working days, and the further working days the ICO accepts for a public-interest test. */
  foiWorkingDays: [{ from: '2005-01-01', to: null, value: { days: 20, publicInterestDays: 20 }, source: 'FOI Act 2000 s.10(1) and s.10(3); ICO: a public-interest extension normally no more than 20 further working days' }] as DatedRule<{ days: number; publicInterestDays: number }>[],
  /** Days (beginning with the day of receipt) to acknowledge a data-protection complaint; none before the duty began. */
  dpComplaintAcknowledgeDays: [{ from: '2026-06-19', to: null, value: 30, source: 'Data Protection Act 2018 s.164A (Data (Use and Access) Act 2025), from 19 June 2026' }] as DatedRule<number>[],
} as const;

/** The value of a dated rule on a day, or undefined where none was in force. */
export function ruleOn<T>(rules: readonly DatedRule<T>[], day: string): DatedRule<T> | undefined {
  return rules.find((r) => r.from <= day && (r.to === null || day <= r.to));
}

/** Rows must not overlap and must be in date order: checked by the tests for every rule above. */
export function rulesProblem<T>(rules: readonly DatedRule<T>[]): string | undefined {
  for (let i = 1; i < rules.length; i++) {
    const prev = rules[i - 1]!;
    if (prev.to === null || prev.to >= rules[i]!.from) return `Row ${i + 1} starts before row ${i} ends`;
  }
  return undefined;
}
