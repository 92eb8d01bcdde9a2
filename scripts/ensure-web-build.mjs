// Builds the web app when dist/web is missing or older than its sources (after `npm install`,
// before `npm start`, before browser tests). `npm run build` always rebuilds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

function newest(p) {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

export function isWebBuildStale() {
  const built = 'dist/web/index.html';
  if (!existsSync(built)) return true;
  const sources = ['src/web', 'vite.config.ts', 'package-lock.json'].filter((p) => existsSync(p));
  return Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
}

export function buildWeb() {
  process.stdout.write('Building the web app...\n');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  return r.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}` && existsSync('vite.config.ts') && isWebBuildStale()) process.exit(buildWeb());
