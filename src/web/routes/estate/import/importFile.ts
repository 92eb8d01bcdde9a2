import { FIELD_LABELS, IMPORT_MAX_BYTES, MAPPING_TARGETS, type EstateImportResult, type MappingTarget } from '../../../api/estateImport';
import type { SummaryItem } from '../../../lib/errors';
import { mappingKeyFor } from '../../../../domain/estate/import/columns';

// The import page's own logic: reading the chosen file, what the page says about it before the
// server has seen it, which columns the user has mapped by hand, and the problems to sum up.

/** The register as chosen: its name, its text, its header line and how many camera rows it has. */
export interface ChosenFile { name: string; text: string; headers: string[]; rows: number }

/** The text of a file's bytes: UTF-8 (with or without its BOM), or Windows-1252 as older Excel saves CSV; as the server reads it. */
export { decodeCsv as decodeFile } from '../../../../domain/estate/import/parse';

/** Why a file cannot be a register, before it is read: too big, or plainly not CSV. */
export function fileProblem({ name, size, type }: { name: string; size: number; type: string }): string | undefined {
  if (size === 0) return `${name} is empty: choose the register saved as CSV`;
  if (size > IMPORT_MAX_BYTES) return `${name} is larger than 10 MB: split the register into smaller files and import each`;
  if (!/\.(csv|txt)$/i.test(name) && !/^text\//.test(type)) {
    return /\.(xlsx?|ods|numbers)$/i.test(name)
      ? `${name} is a spreadsheet, not a CSV file: save it from the spreadsheet as “CSV UTF-8” and choose that`
      : `${name} is not a CSV file: choose the register saved as CSV`;
  }
  return undefined;
}

/** Why a file's text is not CSV: a spreadsheet or other binary file renamed .csv has NUL bytes. */
export function textProblem(name: string, text: string): string | undefined {
  if (text.includes('\u0000')) return `${name} is not a CSV file (it holds binary data, as a spreadsheet does): save the register as CSV and choose that`;
  if (!text.trim()) return `${name} is empty: choose the register saved as CSV`;
  return undefined;
}

/**
 * The header's cells and the number of camera rows (records with any text, quoted line breaks
 * inside a record counting once), read as the server reads them: comma, semicolon or tab, whichever
 * the header has most of; CR LF, LF or CR line endings.
 */
export function readHeader(text: string): { headers: string[]; rows: number } {
  const s = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const first = s.split('\n', 1)[0];
  const delim = [',', ';', '\t'].reduce((a, d) => (first.split(d).length > first.split(a).length ? d : a));
  let headers: string[] | undefined;
  let rows = 0;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  const endRecord = () => {
    cells.push(cell);
    if (!headers) headers = cells.map((c) => c.trim());
    else if (cells.some((c) => c.trim() !== '')) rows++;
    cells = []; cell = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (s[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
    } else if (c === '"' && cell.trim() === '') { cell = ''; quoted = true; } else if (c === delim) { cells.push(cell); cell = ''; } else if (c === '\n') endRecord();
    else cell += c;
  }
  if (cell !== '' || cells.length) endRecord();
  return { headers: (headers ?? []).filter((h, i, all) => h !== '' || i < all.length - 1), rows };
}

/**
 * The mapping's key for each column: its header, or its position (`#3`) for a column without a
 * header or with the same header as another (mapping by header could not tell those apart).
 */
export const columnKeys = (headers: readonly string[]) => headers.map((_, i) => mappingKeyFor(headers, i));

/** A column as the page names it: its header, with its position where the header is missing or shared. */
export function columnName(header: string, index: number, key: string): string {
  if (!header) return `(column ${index + 1}, no header)`;
  return key === header ? header : `${header} (column ${index + 1})`;
}

/** The hand mapping kept for another file: only the columns it still has by the same key (a corrected register usually keeps them all). */
export function keepMapping(mapping: Readonly<Record<string, MappingTarget>>, headers: readonly string[]): Record<string, MappingTarget> {
  const keys = new Set(columnKeys(headers));
  return Object.fromEntries(Object.entries(mapping).filter(([k]) => keys.has(k)));
}

/** What a column's select shows: the field it was mapped to by hand (under its key), else the one the import matched, else "not used". */
export const columnChoice = (column: EstateImportResult['columns'][number], key: string, mapping: Readonly<Record<string, MappingTarget>>): MappingTarget =>
  mapping[key] ?? (column.field as MappingTarget | null) ?? 'ignore';

export const MAPPING_OPTIONS = MAPPING_TARGETS.map((value) => ({ value, label: value === 'ignore' ? 'Not used' : FIELD_LABELS[value] }));

/**
 * What the page says of a result before its counts. An import is refused only for rows with
 * errors in the file (the check before it said the same), never because the register changed.
 */
export const outcomeNote = (outcome: EstateImportResult['outcome']) => (outcome === 'refused'
  ? 'Nothing was imported: the file has errors. Correct the rows listed below in the file, then choose it again and check it. '
  : 'Checked, nothing imported yet. ');

/** How a column was matched, in words. */
export function matchedBy(column: EstateImportResult['columns'][number]): string {
  if (column.by === 'mapping') return column.field ? 'By hand' : 'Left out by hand';
  if (column.by === 'synonym') return 'By its header';
  return 'Not used: header not recognised';
}

/** A mapping as compared (the order headers were mapped in aside): the import is offered only for the mapping last checked. */
export const mappingKey = (mapping: Readonly<Record<string, MappingTarget>>) => JSON.stringify(Object.entries(mapping).sort(([x], [y]) => x.localeCompare(y)));

/**
 * The error summary's lines for a dry run: problems with the header (line 1, no camera) link to the
 * columns, to be mapped by hand; the rows with errors are counted and linked to their table.
 */
export function problemsOf(result: EstateImportResult): SummaryItem[] {
  const unknown = result.columns.findIndex((c) => !c.field);
  const columnField = result.columns.length ? `import-column-${Math.max(unknown, 0)}` : 'import-file';
  const isHeader = (r: EstateImportResult['refused'][number]) => r.line === 1 && r.number === null;
  const items: SummaryItem[] = result.refused.filter(isHeader)
    .flatMap((r) => r.reasons.map((text) => ({ text, field: columnField })));
  const rows = result.refused.filter((r) => !isHeader(r)).length;
  if (rows) items.push({ text: `${rows === 1 ? '1 row has errors' : `${rows} rows have errors`}: correct ${rows === 1 ? 'it' : 'them'} in the file, then choose it again and check it`, field: 'import-errors' });
  return items;
}
