import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

// Migrations are numbered SQL files, run forward in order, each in its own transaction, recorded in
// schema_migrations with a checksum. A session-level advisory lock makes concurrent starts safe: the
// second process waits, then finds nothing left to do. A landed migration must never be edited.

// Beside this module: src/server/platform/db/migrations, or dist/server/migrations in the compiled server.
const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 727_413_001; // arbitrary, constant: "vigil migrations"

export interface Migration { version: string; name: string; sql: string; checksum: string }

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(path.join(dir, file), 'utf8');
      return { version: file.slice(0, 4), name: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationError extends Error {}

/**
 * Runs the migrations not yet applied, as the owner (`pool`). With `appRole`, then grants that role
 * what the application needs on every table, new ones included (see roles.ts), under the same lock.
 */
export async function migrate({ pool, log, dir, appRole }: { pool: pg.Pool; log?: (msg: string, extra?: object) => void; dir?: string; appRole?: string }): Promise<{ applied: string[] }> {
  const migrations = listMigrations(dir);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`create table if not exists schema_migrations (
      version text primary key, name text not null, checksum text not null, applied_at timestamptz not null default now())`);
    const done = new Map((await client.query<{ version: string; checksum: string; name: string }>('select version, name, checksum from schema_migrations')).rows.map((r) => [r.version, r]));
    for (const m of migrations) {
      const prior = done.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) throw new MigrationError(`Migration ${m.name} has changed since it was applied; landed migrations must not be edited. Add a new migration instead.`);
        continue;
      }
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [m.version, m.name, m.checksum]);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw new MigrationError(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
      applied.push(m.name);
      log?.('migration applied', { migration: m.name });
    }
    if (appRole) await client.query('select vigil_grant_app_role($1)', [appRole]);
    return { applied };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

/** True when every migration in the code has been applied (for /readyz). */
export async function isMigrated(pool: pg.Pool): Promise<boolean> {
  try {
    const { rows } = await pool.query<{ version: string }>('select version from schema_migrations');
    const have = new Set(rows.map((r) => r.version));
    return listMigrations().every((m) => have.has(m.version));
  } catch {
    return false;
  }
}
