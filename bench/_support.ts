import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg_ from 'pg';
import { startEmbeddedPostgres } from '../src/server/platform/db/embedded';

// Shared by benchmarks: a database (embedded, or DATABASE_URL), a server process, autocannon runs,
// and the RESULT line format.

export async function benchDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
  // BENCH_PG_LOG: a file for PostgreSQL's log, with slow statements, lock waits, checkpoints and autovacuum in it.
  const pgLog = process.env.BENCH_PG_LOG;
  const pg = await startEmbeddedPostgres({ dataDir: dir, database: 'vigil_bench', onLog: pgLog ? (s) => appendFileSync(pgLog, s) : undefined });
  if (pgLog) {
    const client = new pg_.Client({ connectionString: pg.url });
    await client.connect();
    for (const [k, v] of [['log_min_duration_statement', '20ms'], ['log_lock_waits', 'on'], ['deadlock_timeout', '20ms'], ['log_checkpoints', 'on'], ['log_autovacuum_min_duration', '0']]) await client.query(`alter system set ${k} = '${v}'`);
    await client.query('select pg_reload_conf()');
    await client.end();
  }
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
    const keep = process.env.BENCH_SERVER_LOG; // a file for the server's log lines, to see what a slow request did
    child.stdout!.on('data', (d) => {
      if (keep) appendFileSync(keep, d);
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

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
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
 * Open-loop load: `clients` simulated users, each on its own keep-alive connection (pass
 * `connections` to keep them from one round to the next), together
 * sending `rate` requests a second on a fixed schedule whether or not earlier answers have come
 * back. Latency is timed from when a request was due, not from when it could be sent, so a slow
 * server cannot hide its queue by slowing the load down (no coordinated omission).
 */
export type OpenLoopResult = Awaited<ReturnType<typeof openLoop>>;

/** One keep-alive connection per simulated user, to be kept across rounds as a browser keeps it. */
export function connectionsFor(requests: OpenLoopRequest[]) {
  const agents = requests.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  return { agents, close: () => agents.forEach((a) => a.destroy()) };
}

export async function openLoop({ url, rate, duration, requests, connections }: {
  url: string; rate: number; duration: number; requests: OpenLoopRequest[]; connections?: ReturnType<typeof connectionsFor>;
}) {
  const target = new URL(url);
  const own = connections ? undefined : connectionsFor(requests);
  const { agents } = connections ?? own!;
  const latencies: number[] = [];
  let failures = 0;
  const send = (i: number, due: number) => new Promise<void>((resolve) => {
    const r = requests[i];
    // Timed from when it was due, or from when it was sent if that was earlier (a timer cannot wait
    // less than a millisecond, so a request may leave just before its time).
    const from = Math.min(due, performance.now());
    const req = http.request({ host: target.hostname, port: target.port, method: r.method, path: r.path, headers: r.headers, agent: agents[i] }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode! >= 300) failures++;
        latencies.push(performance.now() - from);
        if (process.env.BENCH_TRACE && performance.now() - from > 30) process.stderr.write(`slow: due +${((due - started) / 1000).toFixed(2)} s (${new Date(performance.timeOrigin + due).toISOString()}) took ${(performance.now() - from).toFixed(0)} ms\n`);
        resolve();
      });
    });
    req.on('error', () => { failures++; resolve(); });
    req.end(r.body);
  });
  const total = Math.round(rate * duration);
  let started = 0;
  const inFlight: Promise<void>[] = [];
  started = performance.now();
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(n % requests.length, due)); // the users take turns, so each sends rate/clients a second
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  own?.close();
  const sorted = latencies.sort((a, b) => a - b);
  const pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
  return { sent: total, achievedRps: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99), max: sorted.at(-1)!, failures };
}

/**
 * CPU seconds used so far by the server process (all its threads) and by every PostgreSQL process
 * on this machine, from /proc (Linux only; zeros elsewhere). The difference across a load phase,
 * divided by the requests it served, says where each request's time goes.
 */
export function cpuSeconds(serverPid: number) {
  const ticks = (pid: string) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return { comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ticks: Number(fields[11]) + Number(fields[12]) };
    } catch { return undefined; }
  };
  let postgres = 0;
  try {
    for (const pid of readdirSync('/proc')) if (/^\d+$/.test(pid)) { const t = ticks(pid); if (t?.comm === 'postgres') postgres += t.ticks; }
  } catch { /* not Linux */ }
  return { server: (ticks(String(serverPid))?.ticks ?? 0) / 100, postgres: postgres / 100 };
}
