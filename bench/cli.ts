import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
// @ts-expect-error plain ESM script without types
import { buildServer, isServerBuildStale } from '../scripts/ensure-server-build.mjs';
import { result } from './_support';

// How long `vigil --help` takes to start and answer, from the compiled server (dist/server), against
// starting Node.js alone (`node -e 0`) in the same run; the same command from the TypeScript sources
// through tsx (how every command ran before the server was compiled at install) is printed beside.
// Runs interleaved, medians compared. Target: under 2 s on this machine.

const runs = Number(process.env.BENCH_RUNS ?? 7);
if (isServerBuildStale() && (await buildServer()) !== 0) process.exit(1);

function time(args: string[], env: Record<string, string> = {}): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (args.includes('--help') && !r.stdout.includes('Usage: vigil')) throw new Error(`no help from node ${args.join(' ')}:\n${r.stdout}`);
  return ms;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const node: number[] = [];
const compiled: number[] = [];
const source: number[] = [];
time(['bin/vigil.mjs', '--help']); // warm the file cache
for (let i = 0; i < runs; i++) {
  node.push(time(['-e', '0']));
  compiled.push(time(['bin/vigil.mjs', '--help']));
  source.push(time(['bin/vigil.mjs', '--help'], { VIGIL_FROM_SOURCE: 'true' }));
}
const [n, c, s] = [node, compiled, source].map((xs) => Math.round(median(xs)));
process.stdout.write(`node -e 0:                           median ${n} ms  (${node.map(Math.round).join(', ')})\n`);
process.stdout.write(`vigil --help, compiled (dist/server): median ${c} ms  (${compiled.map(Math.round).join(', ')})\n`);
process.stdout.write(`vigil --help, from source (tsx):      median ${s} ms  (${source.map(Math.round).join(', ')})\n`);
result({ bench: 'cli', metric: 'help-start', value: c, unit: 'ms', baseline: n, target: '<2000ms', pass: c < 2000 });
