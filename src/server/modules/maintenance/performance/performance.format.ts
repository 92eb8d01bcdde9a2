// How the report's figures read in its CSV and PDF (the page has its own, the same).

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-10" as "October 2026". */
export const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** Pence as £1,234.56. */
export const gbp = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A percentage to one decimal place, or a dash where there is none. */
export const percentText = (p: number | null) => (p === null ? '—' : `${p.toFixed(1)}%`);

/** Minutes as "3 h 05 min" (or "45 min"), or a dash. */
export function minutesText(m: number | null): string {
  if (m === null) return '—';
  const total = Math.round(m);
  const h = Math.floor(total / 60);
  return h ? `${h} h ${String(total % 60).padStart(2, '0')} min` : `${total} min`;
}
