// `npm run bench -- <name>`: runs bench/<name>.ts. Each prints RESULT lines (see DEVELOPERS brief).
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const name = process.argv[2];
const available = readdirSync('bench').filter((f) => f.endsWith('.ts') && !f.startsWith('_')).map((f) => f.replace(/\.ts$/, ''));
if (!name || !existsSync(`bench/${name}.ts`)) {
  process.stderr.write(`usage: npm run bench -- <name>\navailable: ${available.join(', ')}\n`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
