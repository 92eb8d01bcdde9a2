import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { changesSomething, dateTime, firstRepeat, line, text, uniqueArray, unsafeTextProblem } from './validation';

const issues = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('text() and line()', () => {
  it.each([
    ['a NUL', 'before\u0000after', 'Remove the control character (U+0000) from this text'],
    ['an escape', 'red\u001b[31m', 'Remove the control character (U+001B) from this text'],
    ['a DEL', 'x\u007f', 'Remove the control character (U+007F) from this text'],
    ['a C1 control', 'x\u0085y', 'Remove the control character (U+0085) from this text'],
    ['a lone high surrogate', 'x\ud800y', 'Remove the broken character (U+D800, half of a character pair) from this text'],
    ['a lone low surrogate', '\udfff', 'Remove the broken character (U+DFFF, half of a character pair) from this text'],
    ['a high surrogate at the end', 'abc\udbff', 'Remove the broken character (U+DBFF, half of a character pair) from this text'],
  ])('text() refuses %s and says what to fix', (_what, input, message) => {
    expect(issues(z.object({ body: text() }), { body: input })).toEqual([{ path: 'body', message }]);
  });

  it('text() keeps tab, newline, carriage return and every well-formed character', () => {
    for (const ok of ['two\nlines', 'a\tb', 'windows\r\nline', 'emoji 🚓 and Ĺéŵîş', '', '\u00a0non-breaking', '\ufeff', 'RTL \u202e'])
      expect(text().parse(ok)).toBe(ok);
  });

  it('line() refuses breaks and tabs too', () => {
    expect(issues(line(), 'two\nlines')).toEqual([{ path: '', message: 'Keep this to one line: remove the line break' }]);
    expect(issues(line(), 'cr\r')).toEqual([{ path: '', message: 'Keep this to one line: remove the line break' }]);
    expect(issues(line(), 'a\tb')).toEqual([{ path: '', message: 'Remove the tab from this text' }]);
    expect(line().parse('Station Street')).toBe('Station Street');
  });

  it('chains like z.string(): trim, min and max still apply, and the output is trimmed', () => {
    const name = line().trim().min(1, 'Enter a name').max(5);
    expect(name.parse('  Ann  ')).toBe('Ann');
    expect(issues(name, '   ')).toEqual([{ path: '', message: 'Enter a name' }]);
    expect(issues(name, 'abcdefg')).toHaveLength(1);
  });

  it('accepts exactly the well-formed strings without control characters (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const wellFormed = !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));
      const clean = ![...s].some((ch) => { const c = ch.codePointAt(0)!; return (c < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r') || (c >= 0x7f && c <= 0x9f); });
      expect(text().safeParse(s).success).toBe(wellFormed && clean);
      expect(unsafeTextProblem(s) === undefined).toBe(wellFormed && clean);
    }));
  });

  it('refuses any string with a NUL anywhere in it (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      expect(text().safeParse(`${a}\u0000${b}`).success).toBe(false);
    }));
  });
});

describe('dateTime()', () => {
  const at = dateTime({ message: 'Enter when it happened' });

  it.each(['-004000-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '1899-12-31T23:59:59.999Z', '2101-01-01T00:00:00.000Z', '+010000-01-01T00:00:00Z'])('refuses %s with the range to use', (input) => {
    expect(issues(at, input)).toEqual([{ path: '', message: 'Enter a date between 1900 and 2100' }]);
  });

  it('refuses what is not a date with the message given', () => {
    expect(issues(at, 'yesterday-ish')).toEqual([{ path: '', message: 'Enter when it happened' }]);
    expect(issues(at, '')).toEqual([{ path: '', message: 'Enter when it happened' }]);
  });

  it('accepts ISO 8601 and Date objects from 1900 to 2100 inclusive', () => {
    expect(at.parse('2026-03-01T09:30:00Z')).toEqual(new Date('2026-03-01T09:30:00Z'));
    expect(at.parse('1900-01-01T00:00:00.000Z')).toEqual(new Date('1900-01-01T00:00:00.000Z'));
    expect(at.parse('2100-12-31T23:59:59.999Z')).toEqual(new Date('2100-12-31T23:59:59.999Z'));
    expect(at.parse(new Date('2030-06-01T00:00:00Z'))).toEqual(new Date('2030-06-01T00:00:00Z'));
  });
});

describe('uniqueArray()', () => {
  const roles = uniqueArray(z.enum(['operator', 'admin', 'auditor']), { what: 'role', max: 3 }).min(1, 'Choose at least one role');

  it('names the first repeat by its position', () => {
    expect(issues(z.object({ roles }), { roles: ['admin', 'operator', 'admin'] })).toEqual([{ path: 'roles.2', message: 'Remove the repeated role: each role can be given once' }]);
  });

  it('refuses the same item ten thousand times with one message, not ten thousand', () => {
    expect(issues(z.object({ roles }), { roles: Array(10_000).fill('operator') })).toEqual([{ path: 'roles', message: 'Choose 3 or fewer' }]);
    expect(issues(z.object({ roles }), { roles: ['auditor', 'auditor'] })).toEqual([{ path: 'roles.1', message: 'Remove the repeated role: each role can be given once' }]);
  });

  it('accepts a set and keeps the other rules', () => {
    expect(roles.parse(['admin', 'operator'])).toEqual(['admin', 'operator']);
    expect(issues(roles, [])).toEqual([{ path: '', message: 'Choose at least one role' }]);
  });

  it('firstRepeat compares objects by value and tells 1 from "1"', () => {
    expect(firstRepeat([{ a: 1 }, { a: 2 }, { a: 1 }])).toBe(2);
    expect(firstRepeat([1, '1'])).toBe(-1);
    expect(firstRepeat([])).toBe(-1);
  });
});

describe('changesSomething()', () => {
  const patch = changesSomething(z.object({ name: z.string().optional(), email: z.string().nullable().optional() }));

  it('refuses an empty change, naming the whole body', () => {
    expect(issues(patch, {})).toEqual([{ path: '', message: 'Change at least one field' }]);
    expect(issues(patch, { unknown: 'x' })).toEqual([{ path: '', message: 'Change at least one field' }]);
  });

  it('accepts any field set, null (clearing a field) included', () => {
    expect(patch.parse({ email: null })).toEqual({ email: null });
    expect(patch.parse({ name: 'x' })).toEqual({ name: 'x' });
  });
});
