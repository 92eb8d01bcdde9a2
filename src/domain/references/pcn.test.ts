import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPcnNumber, parsePcnNumber, pcnCheckCharacter } from './pcn';

describe('PCN numbers', () => {
  it('works the check character by hand', () => {
    // H=17 F=15, serial 00000001: 17×10 + 15×9 + 1×1 = 306; 306 mod 11 = 9; 11 − 9 = 2
    expect(pcnCheckCharacter('HF', 1)).toBe('2');
    expect(formatPcnNumber('HF', 1)).toBe('HF000000012');
    // serial 00000004: 170 + 135 + 4 = 309; mod 11 = 1; 11 − 1 = 10 → X
    expect(formatPcnNumber('HF', 4)).toBe('HF00000004X');
  });

  it('reads back what it makes, and refuses any one character changed', () => {
    fc.assert(fc.property(fc.constantFrom('HF', 'QC', 'HGX'), fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 8 }), (prefix, serial, at) => {
      const n = formatPcnNumber(prefix, serial);
      expect(parsePcnNumber(n)).toEqual({ prefix, serial });
      const i = prefix.length + at;
      const changed = n.slice(0, i) + String((Number(n[i]) + 1) % 10) + n.slice(i + 1);
      expect(parsePcnNumber(changed)).toBeUndefined();
    }));
  });

  it('refuses malformed numbers and prefixes', () => {
    expect(parsePcnNumber('HF1234')).toBeUndefined();
    expect(() => formatPcnNumber('hf', 1)).toThrow();
    expect(() => formatPcnNumber('HF', 0)).toThrow();
  });
});
