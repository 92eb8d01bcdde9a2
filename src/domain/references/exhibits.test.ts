import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { candidateInitials, DERIVATIVE_REFERENCE, EXHIBIT_REFERENCE, fileSafeReference, formatDerivativeReference, formatExhibitReference, referenceFromFileSafe } from './exhibits';

describe('exhibit references', () => {
  it("takes a producer's initials, then longer or numbered ones when those are held", () => {
    expect(candidateInitials('Ann Brown').slice(0, 3)).toEqual(['AB', 'ABR', 'AB2']);
    expect(candidateInitials('John Paul Smith')[0]).toBe('JPS');
    expect(candidateInitials("Siobhán O'Neill")[0]).toBe('SO');
    expect(candidateInitials('Mary-Jane Hart')[0]).toBe('MJH');
    expect(candidateInitials('Cher').slice(0, 2)).toEqual(['CH', 'CHE']);
    expect(candidateInitials('李').at(0)).toBe('XX');
  });

  it('every candidate is a valid reference prefix, and there are enough of them', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (name) => {
      const all = candidateInitials(name);
      expect(all.length).toBeGreaterThanOrEqual(98);
      expect(new Set(all).size).toBe(all.length);
      for (const i of all) expect(formatExhibitReference({ initials: i, number: 7 })).toMatch(EXHIBIT_REFERENCE);
    }));
  });

  it('names working copies, clips and stills apart from the master, and maps to a file-safe form and back', () => {
    const wc = formatDerivativeReference({ exhibitReference: 'AB/3', kind: 'clip', number: 2 });
    expect(wc).toBe('AB/3/WC2');
    expect(wc).toMatch(DERIVATIVE_REFERENCE);
    expect(formatDerivativeReference({ exhibitReference: 'AB/3', kind: 'still', number: 1 })).toBe('AB/3/S1');
    expect(fileSafeReference('AB/3')).toBe('AB_3');
    expect(fileSafeReference('AB/3/WC1')).toBe('AB_3-WC1');
    for (const r of ['AB/3', 'AB/3/WC1', 'JS12/40/S9', 'ABCD/999999']) expect(referenceFromFileSafe(fileSafeReference(r))).toBe(r);
    expect(referenceFromFileSafe('AB_3/x')).toBeUndefined();
  });
});
