import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { connect } from '../../src/server/platform/db/db';
import { migrate } from '../../src/server/platform/db/migrate';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import type { Role } from '../../src/server/platform/auth/permissions';

// Real server processes (`vigil serve`) on a database of their own, for browser tests and
// multi-process tests.

export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = inject('serverUrl');
  const name = `vigil_p_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A migrated database of its own, for tests that would disturb the shared one (global settings,
 * every-row jobs, exact sequence numbers, a tampered chain) or need its statistics to themselves.
 */
export async function ownDatabase({ max = 4, applicationName = 'vigil-test-own' }: { max?: number; applicationName?: string } = {}) {
  const fresh = await freshDatabase();
  const handle = connect({ url: fresh.url, max, applicationName });
  await migrate({ pool: handle.pool });
  return { ...handle, async drop() { await handle.close(); await fresh.drop(); } };
}
export type OwnDatabase = Awaited<ReturnType<typeof ownDatabase>>;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Standard output alone (output() has standard error too). */
  stdout(): string;
  /** Resolves with the exit code once the process has ended, however it ended. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `node bin/vigil.mjs serve` and resolves once it prints its URL. */
export function startServerProcess({ databaseUrl, env = {} }: { databaseUrl?: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const base: Record<string, string | undefined> = { ...process.env, PORT: '0', HOST: '127.0.0.1', VIGIL_DEMO: 'false', LOG_LEVEL: 'info', ...env };
  if (databaseUrl) base.DATABASE_URL = databaseUrl;
  else delete base.DATABASE_URL; // the embedded database in VIGIL_DATA_DIR
  const child = spawn(process.execPath, ['bin/vigil.mjs', 'serve'], {
    env: base,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdout = '';
  let signalled = false;
  child.stdout!.on('data', (d) => { out += d; stdout += d; });
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start in 60 s:\n${out}`)); }, 60_000);
    const onData = () => {
      // The banner can arrive in several chunks: wait for its last line, not just the URL.
      const m = /Vigil is running at (http:\/\/\S+)/.exec(out);
      if (!m || !out.includes('Press Ctrl-C to stop.')) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        url: m[1], child, output: () => out, stdout: () => stdout, exited,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && (!signalled || signal === 'SIGKILL')) child.kill(signal);
          signalled = true;
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    exited.then((code) => { clearTimeout(timer); reject(new Error(`server exited (${code}) before starting:\n${out}`)); });
  });
}

export interface Product {
  url: string;
  databaseUrl: string;
  createUser(opts: { username: string; roles: Role[]; password: string; mustChangePassword?: boolean; displayName?: string; external?: boolean }): Promise<{ id: string }>;
  stop(): Promise<void>;
}

/** The whole product on a fresh database, with a way to add users whose password the test knows. */
export async function startProduct({ env }: { env?: Record<string, string> } = {}): Promise<Product> {
  const database = await freshDatabase();
  const handle = connect({ url: database.url, max: 2 });
  await migrate({ pool: handle.pool });
  const server = await startServerProcess({ databaseUrl: database.url, env });
  const orgs = new Map<boolean, string>();
  const orgId = async (external: boolean) => {
    if (!orgs.has(external)) {
      const row = await handle.db.insertInto('organisations').values({ name: external ? 'Test Police' : 'Test Council', kind: external ? 'police' : 'council', is_external: external }).returning('id').executeTakeFirstOrThrow();
      orgs.set(external, row.id);
    }
    return orgs.get(external)!;
  };
  return {
    url: server.url,
    databaseUrl: database.url,
    async createUser({ username, roles, password, mustChangePassword = false, displayName, external = false }) {
      const user = await handle.db.insertInto('users').values({
        username, display_name: displayName ?? username, organisation_id: await orgId(external), password_hash: await hashPassword(password), must_change_password: mustChangePassword,
      }).returning('id').executeTakeFirstOrThrow();
      await handle.db.insertInto('user_roles').values(roles.map((role) => ({ user_id: user.id, role }))).execute();
      return user;
    },
    async stop() {
      await server.stop();
      await handle.close();
      await database.drop();
    },
  };
}
