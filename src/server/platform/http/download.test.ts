import { expect, it } from 'vitest';
import { parseRange } from './download';

it('reads the byte range a player asks for, and refuses one outside the file', () => {
  expect(parseRange(undefined, 100)).toBeUndefined();
  expect(parseRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
  expect(parseRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
  expect(parseRange('bytes=90-200', 100)).toEqual({ start: 90, end: 99 });
  expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
  expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
  expect(parseRange('bytes=5-2', 100)).toBe('unsatisfiable');
  expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined(); // several ranges: the whole file
  expect(parseRange('items=0-1', 100)).toBeUndefined();
});
