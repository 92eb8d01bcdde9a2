import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { configTableMarkdown } from './config-doc';
import { configVariables } from './config';

it('the README lists every environment variable with its default, as generated from config.ts', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(readme).toContain(configTableMarkdown());
  for (const name of Object.keys(configVariables)) expect(readme).toContain(`\`${name}\``);
});
