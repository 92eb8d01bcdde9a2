import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvRows, neutraliseCell } from './csv';

describe('neutraliseCell (CSV injection)', () => {
  it.each(['=SUM(A1:A9)', '+44 20 7946 0000', '-2+3', '@cmd', '\tTAB', '\rCR', '=HYPERLINK("http://evil.example","x")'])('prefixes %j with an apostrophe', (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary cells untouched', () => {
    for (const cell of ['user.created', 'jsmith', '203.0.113.5', 'a=b', 'x+y', 'name@council.gov.uk', ' =not first', '']) expect(neutraliseCell(cell)).toBe(cell);
    expect(neutraliseCell(42)).toBe('42');
    expect(neutraliseCell(true)).toBe('true');
  });

  it('writes nothing for null and undefined, ISO 8601 for dates and JSON for objects', () => {
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(undefined)).toBe('');
    expect(neutraliseCell(new Date('2026-03-01T09:30:00Z'))).toBe('2026-03-01T09:30:00.000Z');
    expect(neutraliseCell({ a: 1 })).toBe('{"a":1}');
  });

  it('never lets any cell start with a formula character', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(neutraliseCell(s)).not.toMatch(/^[=+\-@\t\r]/);
    }));
  });
});

describe('csvRows', () => {
  it('quotes commas, quotes and newlines, and ends records with CRLF', () => {
    expect(csvRows([['a,b', 'say "hi"', 'two\r\nlines', 'plain']])).toBe('"a,b","say ""hi""","two\r\nlines",plain\r\n');
    expect(csvRows([['x'], ['y']])).toBe('x\r\ny\r\n');
  });

  // With record_delimiter '\r\n', csv-stringify on its own quotes only cells holding the whole
  // delimiter: a bare LF or CR would split the row in a spreadsheet, and 'x\n=1+1' would start a new
  // row with a formula. csv.ts quotes any cell containing either.
  it('quotes a cell holding a bare newline or carriage return', () => {
    expect(csvRows([['two\nlines', 'x\n=1+1', 'a\rb']])).toBe('"two\nlines","x\n=1+1","a\rb"\r\n');
  });

  it('neutralises every cell of every row', () => {
    expect(csvRows([['=1+1', 'ok'], ['x', '@SUM(A1)']])).toBe("'=1+1,ok\r\nx,'@SUM(A1)\r\n");
  });
});
