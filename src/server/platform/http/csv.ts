import { stringify } from 'csv-stringify/sync';

// CSV for spreadsheets: a cell that starts with = + - @ (or tab/CR) would run as a formula in Excel,
// so it is prefixed with an apostrophe (OWASP "CSV injection").
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvRows(rows: unknown[][]): string {
  return stringify(rows.map((r) => r.map(neutraliseCell)), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
