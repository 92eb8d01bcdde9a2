// The performance page's address: ?month=YYYY-MM, or none for the last complete month.

export interface PerformanceSearch { month?: string }

export function validatePerformanceSearch(raw: Record<string, unknown>): PerformanceSearch {
  const month = typeof raw.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw.month) ? raw.month : undefined;
  return month ? { month } : {};
}
