import { expect, it } from 'vitest';
import { formatArea, parseArea } from './area';

it('reads and writes an area as south,west,north,east', () => {
  expect(parseArea('52.79,-1.64,52.81,-1.62')).toEqual({ south: 52.79, west: -1.64, north: 52.81, east: -1.62 });
  expect(formatArea({ south: 52.79, west: -1.64, north: 52.81, east: -1.62 })).toBe('52.79,-1.64,52.81,-1.62');
});

it('refuses an area that is not one: wrong count, not numbers, upside down, off the globe', () => {
  for (const bad of ['52.79,-1.64,52.81', 'a,b,c,d', '52.81,-1.64,52.79,-1.62', '52.79,-1.62,52.81,-1.64', '-95,0,10,1', '']) expect(parseArea(bad), bad).toBeUndefined();
});
