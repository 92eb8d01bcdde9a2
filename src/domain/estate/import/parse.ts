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

/** Every field present, undefined where the row gives nothing: one object shape for every row (reading rows of many shapes is slow). */
const blankValues = (): ImportRow['values'] => ({
  name: undefined, location: undefined, longitude: 0, latitude: 0, kind: undefined, status: undefined, bearing: undefined, fieldOfView: undefined, range: undefined,
  mountingHeight: undefined, videoSystem: undefined, channel: undefined, connectivityLine: undefined, installedOn: undefined, owner: undefined, ownerName: undefined,
  purpose: undefined, ward: undefined, capabilities: undefined,
});

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
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

interface CsvRecord { line: number; cells: string[] }
const QUOTE = 34; const LF = 10;

/**
 * RFC 4180 records, each with the line it starts on. Written here rather than csv-parse's, which
 * with the line bookkeeping this needs took most of a 10,000-camera import's time. A quote in the
 * middle of an unquoted field is kept as text, as spreadsheets do; text after a closing quote, or
 * a quote never closed, is an error at its line.
 */
function readRecords(text: string): { records: CsvRecord[]; problem?: RowProblem } {
  const s = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delim = detectDelimiter(s).charCodeAt(0);
  const records: CsvRecord[] = [];
  const fail = (line: number, reason: string) => ({ records, problem: { line, number: null, reasons: [reason] } });
  const n = s.length;
  let i = 0; let line = 1;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      if (s.charCodeAt(i) === QUOTE) {
        const openedOn = line;
        let cell = ''; let from = ++i;
        for (;;) {
          const q = s.indexOf('"', i);
          if (q < 0) return fail(openedOn, 'a quoted field is never closed (a missing " ?)');
          for (let k = i; k < q; k++) if (s.charCodeAt(k) === LF) line++;
          if (s.charCodeAt(q + 1) === QUOTE) { cell += s.slice(from, q + 1); i = from = q + 2; continue; }
          cell += s.slice(from, q); i = q + 1;
          break;
        }
        while (s.charCodeAt(i) === 32) i++;
        if (i < n && s.charCodeAt(i) !== delim && s.charCodeAt(i) !== LF) return fail(line, 'text follows a closing quote: a quote inside a quoted field must be doubled ("")');
        cells.push(cell);
      } else {
        let k = i;
        while (k < n) { const c = s.charCodeAt(k); if (c === delim || c === LF) break; k++; }
        cells.push(s.slice(i, k));
        i = k;
      }
      if (i < n && s.charCodeAt(i) === delim) { i++; continue; }
      if (i < n) { i++; line++; } // the line feed ending the record
      break;
    }
    if (cells.length > 1 || cells[0].trim() !== '') records.push({ line: startLine, cells });
  }
  return { records };
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
  // A file with no control character or broken character pair anywhere needs no check cell by cell.
  const clean = unsafeTextProblem(text) === undefined; // tab, CR and LF are allowed: line endings need no normalising first
  const indexOf = new Map(fields.map((c) => [c.field!, c.index]));
  // The value columns this file has, each with its parser, worked out once for every row.
  const valueColumns = (Object.entries(VALUE_PARSERS) as [keyof CameraValues, CellParser][])
    .flatMap(([field, parser]) => { const at = indexOf.get(field); return at === undefined ? [] : [{ field, parser, at }]; });
  for (const rec of data) {
    const cell = (f: ImportField) => { const at = indexOf.get(f); return at === undefined ? undefined : (rec.cells[at] ?? '').trim(); };
    const reasons: string[] = [];
    const extra = rec.cells.slice(headers.length);
    if (rec.cells.length < headers.length || extra.some((c) => c.trim() !== '')) {
      reasons.push(`has ${rec.cells.length} fields where the header has ${headers.length} (a comma in a field without quotes?)`);
    }
    if (!clean) for (const c of fields) {
      const unsafe = unsafeTextProblem(rec.cells[c.index] ?? '');
      if (unsafe) reasons.push(`${FIELD_LABELS[c.field!]}: ${unsafe.charAt(0).toLowerCase()}${unsafe.slice(1)}`);
    }
    const num = parseNumber(cell('number') ?? '');
    if (!num.ok) reasons.push(num.reason);
    const pos = resolvePosition({ longitude: cell('longitude'), latitude: cell('latitude'), easting: cell('easting'), northing: cell('northing') });
    if (!pos.ok) reasons.push(pos.reason);
    const values = blankValues();
    for (const { field, parser, at } of valueColumns) {
      const text = (rec.cells[at] ?? '').trim();
      if (text === '') continue;
      const v = parser(text);
      if (v.ok) (values as Record<string, unknown>)[field] = v.value;
      else reasons.push(v.reason);
    }
    const number = num.ok ? num.value : null;
    if (!pos.ok || !number || reasons.length) { problems.push({ line: rec.line, number, reasons }); continue; }
    values.longitude = pos.position.longitude;
    values.latitude = pos.position.latitude;
    rows.push({ line: rec.line, number, system: pos.position.system, values });
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
