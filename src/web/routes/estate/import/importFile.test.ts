import { describe, expect, it } from 'vitest';
import type { EstateImportResult } from '../../../api/estateImport';
import { columnChoice, columnKeys, columnName, decodeFile, fileProblem, keepMapping, mappingKey, matchedBy, outcomeNote, problemsOf, readHeader, textProblem } from './importFile';
import { EstateImportRequest } from '../../../../domain/estate/import/contract';
import { matchColumns } from '../../../../domain/estate/import/columns';

describe('readHeader', () => {
  it('reads the header cells and counts the camera rows, a quoted comma and a quoted line break inside one cell', () => {
    const csv = 'Cam Ref,Name,X,Y\r\nC1,"Market Place, east",-1.6,52.8\r\nC2,"Two\r\nlines",-1.6,52.8\r\n\r\n,,,\r\nC3,Plain,-1.6,52.8\r\n';
    expect(readHeader(csv)).toEqual({ headers: ['Cam Ref', 'Name', 'X', 'Y'], rows: 3 });
  });
  it('takes semicolons or tabs where the header has more of them, a BOM, old Mac line endings and no final line break', () => {
    expect(readHeader('\uFEFFid;lat;lon\rA;1,5;2,5\rB;1;2')).toEqual({ headers: ['id', 'lat', 'lon'], rows: 2 });
    expect(readHeader('id\tlat\tlon\nA\t1\t2')).toEqual({ headers: ['id', 'lat', 'lon'], rows: 1 });
  });
  it('keeps doubled quotes as one and trims headers', () => {
    expect(readHeader(' "Camera ""No""" , Name \nC1,x')).toEqual({ headers: ['Camera "No"', 'Name'], rows: 1 });
  });
  it('has no headers and no rows for an empty file', () => {
    expect(readHeader('')).toEqual({ headers: [], rows: 0 });
  });
});

describe('choosing a file', () => {
  it('refuses a file over 10 MB, an empty one and a spreadsheet before reading it', () => {
    expect(fileProblem({ name: 'big.csv', size: 11 * 1024 * 1024, type: 'text/csv' })).toMatch(/larger than 10 MB/);
    expect(fileProblem({ name: 'empty.csv', size: 0, type: 'text/csv' })).toMatch(/empty/);
    expect(fileProblem({ name: 'register.xlsx', size: 100, type: '' })).toMatch(/spreadsheet, not a CSV file.*CSV UTF-8/);
    expect(fileProblem({ name: 'register.pdf', size: 100, type: 'application/pdf' })).toMatch(/not a CSV file/);
  });
  it('takes a .csv or .txt file, or any text file', () => {
    expect(fileProblem({ name: 'register.CSV', size: 100, type: '' })).toBeUndefined();
    expect(fileProblem({ name: 'register.txt', size: 100, type: '' })).toBeUndefined();
    expect(fileProblem({ name: 'register', size: 100, type: 'text/csv' })).toBeUndefined();
  });
  it('refuses binary content renamed .csv, and a file of blank lines', () => {
    expect(textProblem('register.csv', 'PK\u0003\u0004\u0000\u0000')).toMatch(/binary data/);
    expect(textProblem('register.csv', ' \r\n\r\n')).toMatch(/empty/);
    expect(textProblem('register.csv', 'id,x,y\n')).toBeUndefined();
  });
  it('reads UTF-8, and Windows-1252 as older Excel saves it', () => {
    expect(decodeFile(new TextEncoder().encode('name\nCafé £5'))).toBe('name\nCafé £5');
    expect(decodeFile(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0xa3, 0x35]))).toBe('Café £5');
  });
});

describe('the columns', () => {
  const col = (header: string, field: string | null, by: 'synonym' | 'mapping' | null) => ({ header, field, by });
  it('shows the field mapped by hand, else the one matched, else not used', () => {
    expect(columnChoice(col('Cam Ref', null, null), 'Cam Ref', {})).toBe('ignore');
    expect(columnChoice(col('Cam Ref', null, null), 'Cam Ref', { 'Cam Ref': 'number' })).toBe('number');
    expect(columnChoice(col('Lat', 'latitude', 'synonym'), 'Lat', {})).toBe('latitude');
    expect(columnChoice(col('Lat', 'latitude', 'synonym'), 'Lat', { Lat: 'ignore' })).toBe('ignore');
    expect(columnChoice(col('', null, null), '#2', { '#2': 'name' })).toBe('name');
  });
  it('maps a column without a header, or one of two with the same header, by its position, which the contract and the import accept', () => {
    const headers = ['', 'Notes', 'x', 'y', 'notes'];
    const keys = columnKeys(headers);
    expect(keys).toEqual(['#1', '#2', 'x', 'y', '#5']);
    expect(headers.map((h, i) => columnName(h, i, keys[i]))).toEqual(['(column 1, no header)', 'Notes (column 2)', 'x', 'y', 'notes (column 5)']);
    const mapping = { [keys[0]]: 'number', [keys[1]]: 'name', [keys[4]]: 'ignore' } as const;
    expect(EstateImportRequest.safeParse({ csv: 'id,x,y\n', mapping }).success).toBe(true);
    const { columns, problems } = matchColumns(headers, mapping);
    expect(problems).toEqual([]);
    expect(columns.map((c) => c.field)).toEqual(['number', 'name', 'longitude', 'latitude', null]);
  });
  it('says how each column was matched', () => {
    expect(matchedBy(col('Lat', 'latitude', 'synonym'))).toBe('By its header');
    expect(matchedBy(col('Cam Ref', 'number', 'mapping'))).toBe('By hand');
    expect(matchedBy(col('Notes', null, 'mapping'))).toBe('Left out by hand');
    expect(matchedBy(col('Notes', null, null))).toMatch(/not recognised/);
  });
  it('keeps the mapping of the headers a new file still has', () => {
    expect(keepMapping({ 'Cam Ref': 'number', Notes: 'ignore' }, ['Cam Ref', 'Name'])).toEqual({ 'Cam Ref': 'number' });
    expect(keepMapping({ '#1': 'number', '#3': 'name' }, ['', 'x', 'Name'])).toEqual({ '#1': 'number' }); // column 3 has a header of its own now
  });
  it('compares mappings whatever order the headers were mapped in', () => {
    expect(mappingKey({ a: 'number', b: 'name' })).toBe(mappingKey({ b: 'name', a: 'number' }));
    expect(mappingKey({ a: 'number' })).not.toBe(mappingKey({ a: 'name' }));
  });
});

describe('outcomeNote', () => {
  it('says a refused import was refused for errors in the file, and a check that nothing is imported yet', () => {
    expect(outcomeNote('refused')).toMatch(/^Nothing was imported: the file has errors\. Correct the rows listed/);
    expect(outcomeNote('refused')).not.toMatch(/register changed/);
    expect(outcomeNote('dry_run')).toBe('Checked, nothing imported yet. ');
  });
});

describe('problemsOf', () => {
  const result = (over: Partial<EstateImportResult>): EstateImportResult => ({
    outcome: 'dry_run', fileName: 'r.csv', rows: 3, columns: [], unknownHeaders: [],
    counts: { added: 0, updated: 0, unchanged: 0, flagged: 0, refused: 0 }, added: [], updated: [], unchanged: [], flagged: [], refused: [], ...over,
  });
  it('links a header problem to the first column matched to nothing, to map it by hand', () => {
    const r = result({
      columns: [{ header: 'Name', field: 'name', by: 'synonym' }, { header: 'Cam Ref', field: null, by: null }],
      refused: [{ line: 1, number: null, reasons: ['No column gives the camera number'] }],
    });
    expect(problemsOf(r)).toEqual([{ text: 'No column gives the camera number', field: 'import-column-1' }]);
  });
  it('counts the rows with errors and links to their table', () => {
    const r = result({ refused: [{ line: 3, number: 'C1', reasons: ['a'] }, { line: 5, number: null, reasons: ['b', 'c'] }] });
    expect(problemsOf(r)).toEqual([{ text: '2 rows have errors: correct them in the file, then choose it again and check it', field: 'import-errors' }]);
    expect(problemsOf(result({ refused: [{ line: 3, number: 'C1', reasons: ['a'] }] }))[0].text).toMatch(/^1 row has errors: correct it/);
  });
  it('has nothing to say of a clean check', () => {
    expect(problemsOf(result({}))).toEqual([]);
  });
});
