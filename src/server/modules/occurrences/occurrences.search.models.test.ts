import { expect, it } from 'vitest';
import { looserTextQuery } from './occurrences.search.models';

it('loosens phrases to their words, and keeps or', () => {
  expect(looserTextQuery('"taxi rank"')).toBe('taxi rank');
  expect(looserTextQuery('grey hoodie or "red top"')).toBe('grey hoodie or red top');
  expect(looserTextQuery('  AB12 CDE ')).toBe('AB12 CDE');
});

it('has no looser form for a search that excludes a word, wherever the minus stands', () => {
  expect(looserTextQuery('male -running')).toBeUndefined();
  expect(looserTextQuery('-running male')).toBeUndefined();
  expect(looserTextQuery('male -"taxi rank"')).toBeUndefined();
  expect(looserTextQuery('  ')).toBeUndefined();
});

it('does not take a hyphen inside a word for an exclusion', () => {
  expect(looserTextQuery('high-vis vest')).toBe('high-vis vest');
  expect(looserTextQuery('A38 - northbound')).toBe('A38 - northbound');
});
