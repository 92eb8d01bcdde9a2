import { parse } from 'csv-parse/sync';
import { unsafeTextProblem } from '../../validation';
import { FIELD_LABELS, matchColumns, type ColumnMatch, type ImportField, type MappingTarget } from './columns';
import { resolvePosition } from './coordinates';
import {
  parseBearing, parseCapabilities, parseDate, parseFieldOfView, parseKind, parseMountingHeight, parseNumber, parseOwner, parseRange, parseStatus, parseText,
  type CameraCapability, type CameraKindCode, type CameraOwner, type CameraStatusCode, type Parsed,
} from './values';

// A camera register as exported from a spreadsheet, read into rows of camera fields, each with the
// line of the file it starts on (the header is line 1; a quoted field over several lines counts
// them all), or the reasons it cannot be imported. Pure: the server and the browser both run it.

/** The fields a row gives. A blank cell gives nothing: the camera keeps what it has (or its default when new). */
export interface CameraValues {
  name: string; location: string; longitude: number; latitude: number; kind: CameraKindCode; status: CameraStatusCode;
  bearing: number; fieldOfView: number; range: number; mountingHeight: number; videoSystem: string; channel: string; connectivityLine: string;
  installedOn: string; owner: CameraOwner; ownerName: string; purpose: string; ward: string; capabilities: CameraCapability[];
}
export interface ImportRow { line: number; number: string; system: 'wgs84' | 'osgb36'; values: Partial<CameraValues> & { longitude: number; latitude: number } }
export interface RowProblem { line: number; number: string | null; reasons: string[] }

export interface ParsedRegister {
  columns: ColumnMatch[];
  unknownHeaders: string[];
  /** Camera lines read (blank lines aside). */
  records: number;
  rows: ImportRow[];
  /** Every row that cannot be imported, and problems with the file as a whole (at the header's line, or where the CSV broke). */
  problems: RowProblem[];
}

type CellParser = (text: string) => Parsed<unknown>;
const VALUE_PARSERS: Partial<Record<ImportField, CellParser>> = {
  name: parseText({ what: 'name', max: 200 }), location: parseText({ what: 'location', max: 500 }), kind: parseKind, status: parseStatus,
  bearing: parseBearing, fieldOfView: parseFieldOfView, range: parseRange, mountingHeight: parseMountingHeight,
  videoSystem: parseText({ what: 'video system', max: 100 }), channel: parseText({ what: 'channel', max: 50 }),
  connectivityLine: parseText({ what: 'connectivity line', max: 100 }), installedOn: parseDate, owner: parseOwner,
  ownerName: parseText({ what: 'owner name', max: 200 }), purpose: parseText({ what: 'purpose', max: 2000 }), ward: parseText({ what: 'ward', max: 100 }),
  capabilities: parseCapabilities,
};

/** The text of a file's bytes: UTF-8 (with or without its BOM), or Windows-1252 as older Excel saves CSV. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Comma, semicolon or tab: whichever the header line has most of. */
function detectDelimiter(text: string): string {
  const first = text.split('\n', 1)[0];
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

interface CsvRecord { line: number; cells: string[] }

function readRecords(text: string): { records: CsvRecord[]; problem?: RowProblem } {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  try {
    const parsed = parse(normalised, { delimiter: detectDelimiter(normalised), info: true, raw: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
    // info.lines is the line a record ends on; its first line is that less the breaks inside it.
    const records = parsed.map(({ record, raw, info }) => {
      const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
      return { line: info.lines - (body.split('\n').length - 1), cells: record };
    });
    return { records };
  } catch (err) {
    const e = err as { code?: string; lines?: number; message?: string };
    const reason = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed (a missing " ?)'
      : e.code === 'CSV_INVALID_CLOSING_QUOTE' ? 'a quote inside a field is not doubled ("" inside quotes)'
      : `the file is not readable CSV (${e.message ?? 'unknown error'})`;
    return { records: [], problem: { line: e.lines ?? 1, number: null, reasons: [reason] } };
  }
}

/** Reads a register. `mapping` names the field of any header by hand ({ "Cam Ref": "number", "Notes": "ignore" }). */
export function parseRegister(text: string, { mapping = {} }: { mapping?: Readonly<Record<string, MappingTarget>> } = {}): ParsedRegister {
  const { records, problem } = readRecords(text);
  if (problem) return { columns: [], unknownHeaders: [], records: 0, rows: [], problems: [problem] };
  const header = records[0];
  if (!header) return { columns: [], unknownHeaders: [], records: 0, rows: [], problems: [{ line: 1, number: null, reasons: ['the file is empty: it needs a header line and a line per camera'] }] };
  const headers = header.cells.map((h) => h.trim());
  const { columns, problems: headerProblems, unknownHeaders } = matchColumns(headers, mapping);
  const data = records.slice(1).filter((r) => r.cells.some((c) => c.trim() !== '')); // a line of empty cells (,,,) is a blank line
  if (headerProblems.length) return { columns, unknownHeaders, records: data.length, rows: [], problems: [{ line: header.line, number: null, reasons: headerProblems }] };

  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  const fields = columns.filter((c) => c.field);
  for (const rec of data) {
    const cell = (f: ImportField) => { const c = fields.find((x) => x.field === f); return c ? (rec.cells[c.index] ?? '').trim() : undefined; };
    const reasons: string[] = [];
    const extra = rec.cells.slice(headers.length);
    if (rec.cells.length < headers.length || extra.some((c) => c.trim() !== '')) {
      reasons.push(`has ${rec.cells.length} fields where the header has ${headers.length} (a comma in a field without quotes?)`);
    }
    for (const c of fields) {
      const unsafe = unsafeTextProblem(rec.cells[c.index] ?? '');
      if (unsafe) reasons.push(`${FIELD_LABELS[c.field!]}: ${unsafe.charAt(0).toLowerCase()}${unsafe.slice(1)}`);
    }
    const num = parseNumber(cell('number') ?? '');
    if (!num.ok) reasons.push(num.reason);
    const pos = resolvePosition({ longitude: cell('longitude'), latitude: cell('latitude'), easting: cell('easting'), northing: cell('northing') });
    if (!pos.ok) reasons.push(pos.reason);
    const values: Partial<Record<keyof CameraValues, unknown>> = {};
    for (const [field, parser] of Object.entries(VALUE_PARSERS) as [keyof CameraValues, CellParser][]) {
      const text = cell(field);
      if (text === undefined || text === '') continue;
      const v = parser(text);
      if (v.ok) values[field] = v.value;
      else reasons.push(v.reason);
    }
    const number = num.ok ? num.value : null;
    if (!pos.ok || !number || reasons.length) { problems.push({ line: rec.line, number, reasons }); continue; }
    rows.push({ line: rec.line, number, system: pos.position.system, values: { ...values, longitude: pos.position.longitude, latitude: pos.position.latitude } as ImportRow['values'] });
  }
  problems.push(...duplicateNumbers(rows, problems));
  const duplicated = new Set(problems.filter((p) => p.reasons.some((r) => r.startsWith('duplicate'))).map((p) => p.line));
  return { columns, unknownHeaders, records: data.length, rows: rows.filter((r) => !duplicated.has(r.line)), problems: problems.sort((a, b) => a.line - b.line) };
}

/** A number on more than one line: each of those lines is refused, naming the others. */
function duplicateNumbers(rows: ImportRow[], problems: RowProblem[]): RowProblem[] {
  const lines = new Map<string, number[]>();
  for (const r of [...rows, ...problems]) if (r.number) lines.set(r.number, [...(lines.get(r.number) ?? []), r.line]);
  const out: RowProblem[] = [];
  for (const [number, at] of lines) {
    if (at.length < 2) continue;
    for (const line of at) {
      const reason = `duplicate camera number ${number} (also on line ${at.filter((l) => l !== line).join(', ')})`;
      const existing = problems.find((p) => p.line === line);
      if (existing) existing.reasons.push(reason);
      else out.push({ line, number, reasons: [reason] });
    }
  }
  return out;
}
