import { describe, expect, it } from 'vitest';
import type { PickedCamera } from '../../api/occurrences';
import { distanceWords, pickHint, pickOptions } from './cameraPick';

const camera = (reference: string, distanceM: number | null = null): PickedCamera => ({
  id: `00000000-0000-4000-8000-${reference.padStart(12, '0')}`, reference, name: `Camera ${reference}`, location: `${reference} Street`,
  kind: 'fixed', status: 'operational', latitude: 52.8, longitude: -1.63, distanceM,
});

describe('distanceWords', () => {
  it('says metres under a kilometre, kilometres to one place under ten, whole kilometres beyond', () => {
    expect(distanceWords(0)).toBe('0 m away');
    expect(distanceWords(120)).toBe('120 m away');
    expect(distanceWords(999.4)).toBe('999 m away');
    expect(distanceWords(2449)).toBe('2.4 km away');
    expect(distanceWords(3000)).toBe('3 km away');
    expect(distanceWords(13_412)).toBe('13 km away');
  });
  it('says nothing without a point', () => {
    expect(distanceWords(null)).toBe('');
    expect(distanceWords(undefined)).toBe('');
  });
});

describe('pickHint', () => {
  it('gives the street and the distance, or the street alone', () => {
    expect(pickHint(camera('C1', 120))).toBe('C1 Street, 120 m away');
    expect(pickHint(camera('C1'))).toBe('C1 Street');
  });
});

describe('pickOptions', () => {
  const [c1, c2, c3] = [camera('1', 50), camera('2', 80), camera('3', 900)];
  it('keeps the order found, nearest first, leaving out cameras already on the occurrence', () => {
    expect(pickOptions([c1, c2, c3], { skip: [c1.id] })).toEqual([c2, c3]);
  });
  it('keeps a chosen camera, first, when the search no longer finds it', () => {
    expect(pickOptions([c2, c3], { chosen: [c1] })).toEqual([c1, c2, c3]);
    expect(pickOptions([c1, c2], { chosen: [c1] })).toEqual([c1, c2]);
  });
});
