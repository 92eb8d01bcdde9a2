// Compiles the server (src/server and the src/domain code it uses) into dist/server with esbuild,
// when dist/server is missing or older than its sources: after `npm install` (prepare), before
// `npm start` and `npm test`. `npm run build` always compiles it. `bin/vigil.mjs` runs the compiled
// copy when it is current, and the TypeScript sources through tsx when they have changed since (a
// development tree), so a command starts in about a second instead of compiling at every run.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_MAIN = 'dist/server/main.js';
const SOURCES = ['src/server', 'src/domain', 'package-lock.json', 'scripts/ensure-server-build.mjs'];
// Tests are not part of the build: editing one does not make it stale.
const NOT_BUILT = /\.(test|typetest)\.ts$/;

function newest(p) {
  const s = statSync(p);
  if (!s.isDirectory()) return NOT_BUILT.test(p) ? 0 : s.mtimeMs;
  let max = 0; // a directory's own time changes when a file is added or removed
  for (const f of readdirSync(p)) max = Math.max(max, newest(path.join(p, f)));
  return Math.max(max, s.mtimeMs);
}

/** True when dist/server is missing or older than any of its sources (about 150 files: a few ms). */
export function isServerBuildStale(root = ROOT) {
  const built = path.join(root, SERVER_MAIN);
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.map((p) => path.join(root, p)).filter((p) => existsSync(p)).some((p) => newest(p) > builtAt);
}

/**
 * One ES module per command's code (split where main.ts imports lazily), packages left to
 * node_modules. Written beside dist/server and renamed into place, so a command starting meanwhile
 * finds the old copy or none (and then runs the sources), never half a build. The migrations are
 * copied beside the code that reads them.
 */
export async function buildServer(root = ROOT) {
  const { build } = await import('esbuild');
  const out = path.join(root, 'dist/server');
  const tmp = path.join(root, `dist/.server-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    await build({
      absWorkingDir: root, entryPoints: ['src/server/main.ts'], outdir: tmp, bundle: true, splitting: true, format: 'esm',
      platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning',
    });
    cpSync(path.join(root, 'src/server/platform/db/migrations'), path.join(tmp, 'migrations'), { recursive: true });
    mkdirSync(path.dirname(out), { recursive: true });
    rmSync(out, { recursive: true, force: true });
    renameSync(tmp, out);
    return 0;
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    process.stderr.write(`Compiling the server failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const force = process.argv.includes('--force');
  if (force || isServerBuildStale()) {
    if (!force) process.stdout.write('Compiling the server...\n');
    process.exit(await buildServer());
  }
}
