// Writes (--write) or checks the README's configuration table from src/server/config.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { configTableMarkdown } from '../src/server/config-doc';

const START = '<!-- config-table:start -->';
const END = '<!-- config-table:end -->';
const readme = readFileSync('README.md', 'utf8');
const i = readme.indexOf(START);
const j = readme.indexOf(END);
if (i < 0 || j < 0) throw new Error('README.md lacks the config-table markers');
const next = `${readme.slice(0, i + START.length)}\n${configTableMarkdown()}\n${readme.slice(j)}`;
if (process.argv.includes('--write')) writeFileSync('README.md', next);
else if (next !== readme) { process.stderr.write('README configuration table is out of date: run npm run docs:config\n'); process.exit(1); }
