// Money on the web pages: integer pence shown as £1,234.56, and pounds typed into a field read as
// pence exactly (by the digits, never through floating point), or what to fix.

const GROUPED = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 123456 -> "£1,234.56"; -5 -> "−£0.05" (an overspend). */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  const abs = Math.abs(pence);
  const pounds = Math.trunc(abs / 100);
  return `${sign}£${GROUPED.format(pounds).slice(0, -3)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Pounds as typed ("1,234.5", "£99", "0.07") -> whole pence, or what to fix. Commas between
 * thousands and a leading £ are allowed; more than 2 decimal places, a sign, or anything else is not.
 */
export function parsePounds(text: string, what: string, { optional = false } = {}): { pence?: number; problem?: string } {
  const t = text.trim().replace(/^£\s*/, '');
  if (!t) return optional ? { pence: 0 } : { problem: `Enter the ${what} in pounds, like 1,234.56` };
  if (t.startsWith('-')) return { problem: `The ${what} cannot be negative` };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(t);
  if (!m || (!m[1] && !m[2])) return { problem: `Enter the ${what} in pounds as a number, like 1,234.56` };
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { problem: `Enter the ${what} in pounds and pence, with no more than 2 decimal places` };
  const pounds = (m[1] ?? '0').replace(/,/g, '');
  if (pounds.length > 10) return { problem: `The ${what} is too large` };
  return { pence: Number(pounds) * 100 + Number(decimals.padEnd(2, '0')) };
}

/** Pence as a field shows them to edit: 123456 -> "1234.56". */
export const penceAsPounds = (pence: number): string => `${Math.trunc(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;

/** A count as typed ("12", " 3 ") -> the number; undefined for anything but digits (blank, "2.5", "-1", "ten"). */
export const parseWholeNumber = (text: string): number | undefined => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);
