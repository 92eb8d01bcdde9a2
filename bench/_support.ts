import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startEmbeddedPostgres } from '../src/server/platform/db/embedded';

// Shared by benchmarks: a database (embedded, or DATABASE_URL), a server process, autocannon runs,
// and the RESULT line format.

export async function benchDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
  const pg = await startEmbeddedPostgres({ dataDir: dir, database: 'vigil_bench' });
  return { url: process.env.BENCH_PG_OPTIONS ? `${pg.url}?options=${encodeURIComponent(process.env.BENCH_PG_OPTIONS)}` : pg.url, stop: async () => { await pg.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

export async function benchServer({ databaseUrl, env = {}, nodeArgs = [] }: { databaseUrl: string; env?: Record<string, string>; nodeArgs?: string[] }): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...nodeArgs, 'bin/vigil.mjs', 'serve'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', VIGIL_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Vigil is running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
      if (out.length > 100_000) out = out.slice(-1000);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url, child, stop: () => new Promise((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); }) };
}

export interface Load { rps: number; p99: number; p50: number; errors: number; non2xx: number }

export async function load({ url, headers, connections = 50, duration = 10 }: { url: string; headers?: Record<string, string>; connections?: number; duration?: number }): Promise<Load> {
  const r = await autocannon({ url, connections, duration, headers });
  return { rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50, errors: r.errors, non2xx: r.non2xx };
}

/** The mean of several runs; errors add up. */
export function mean(runs: Load[]): Load {
  const avg = (k: 'rps' | 'p99' | 'p50') => runs.reduce((a, r) => a + r[k], 0) / runs.length;
  return { rps: avg('rps'), p99: avg('p99'), p50: avg('p50'), errors: runs.reduce((a, r) => a + r.errors, 0), non2xx: runs.reduce((a, r) => a + r.non2xx, 0) };
}

export function result({ bench, metric, value, unit, baseline, target, pass, ratio }: {
  bench: string; metric: string; value: number; unit: string; baseline: number | string; target: string; pass: boolean; ratio?: number;
}) {
  const r = ratio ?? (typeof baseline === 'number' && baseline !== 0 ? value / baseline : NaN);
  const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
  process.stdout.write(`RESULT ${bench} ${metric}=${fmt(value)}${unit} baseline=${typeof baseline === 'number' ? fmt(baseline) : baseline} ratio=${Number.isNaN(r) ? 'n/a' : r.toFixed(2)} target=${target} ${pass ? 'PASS' : 'FAIL'}\n`);
}
