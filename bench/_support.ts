import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
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
  // BENCH_NODE_ARGS (for example --cpu-prof) profiles the server under load.
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extra, ...nodeArgs, 'bin/vigil.mjs', 'serve'], {
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

export interface OpenLoopRequest { method: string; path: string; headers?: Record<string, string>; body?: string }

/**
 * Open-loop load: `clients` simulated users, each on its own keep-alive connection, together
 * sending `rate` requests a second on a fixed schedule whether or not earlier answers have come
 * back. Latency is timed from when a request was due, not from when it could be sent, so a slow
 * server cannot hide its queue by slowing the load down (no coordinated omission).
 */
export async function openLoop({ url, rate, duration, requests }: { url: string; rate: number; duration: number; requests: OpenLoopRequest[] }) {
  const target = new URL(url);
  const agents = requests.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const latencies: number[] = [];
  let failures = 0;
  const send = (i: number, due: number) => new Promise<void>((resolve) => {
    const r = requests[i];
    const req = http.request({ host: target.hostname, port: target.port, method: r.method, path: r.path, headers: r.headers, agent: agents[i] }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode! >= 300) failures++;
        latencies.push(performance.now() - due);
        resolve();
      });
    });
    req.on('error', () => { failures++; resolve(); });
    req.end(r.body);
  });
  const total = Math.round(rate * duration);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(n % requests.length, due)); // the users take turns, so each sends rate/clients a second
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  for (const a of agents) a.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
  return { sent: total, achievedRps: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99), max: sorted.at(-1)!, failures };
}
