import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/server/platform/db/embedded';
import { migrate } from '../../src/server/platform/db/migrate';
import { APP_ROLE, appRoleUrl, ensureAppRole } from '../../src/server/platform/db/roles';

// One database per test run: a fresh one on the server in DATABASE_URL when it is set (CI does this
// against 127.0.0.1:5432), otherwise an embedded PostgreSQL in a temporary directory.

declare module 'vitest' {
  export interface ProvidedContext { databaseUrl: string; serverUrl: string; appDatabaseUrl: string }
}

export default async function setup(project: TestProject) {
  const name = `vigil_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  let teardown: () => Promise<void>;
  let url: string;
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL);
    serverUrl = process.env.DATABASE_URL;
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-test-'));
    const embedded = await startEmbeddedPostgres({ dataDir: dir, database: name });
    url = embedded.url;
    serverUrl = embedded.url.replace(`/${name}`, '/postgres');
    teardown = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  // The app in process runs as the application's role, as a server does; tests' own SQL as the owner.
  const appUrl = appRoleUrl(url);
  await ensureAppRole({ ownerUrl: url, appUrl });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await migrate({ pool, appRole: APP_ROLE });
  await pool.end();
  project.provide('databaseUrl', url);
  project.provide('appDatabaseUrl', appUrl);
  project.provide('serverUrl', serverUrl);
  return teardown;
}
