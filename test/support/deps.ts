import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/server/config';
import { connect, type Db, type DbHandle } from '../../src/server/platform/db/db';
import { sealAudit } from '../../src/server/platform/audit/audit';
import type { Deps } from '../../src/server/platform/deps';
import { fileObjectStore, type ObjectStore } from '../../src/server/platform/storage';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import type { Role } from '../../src/server/platform/auth/permissions';

// Declarative seeds for database tests: each test makes its own organisation and users, so tests
// never share rows and can run in parallel.

export const silentLog = pino({ level: 'silent' });

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({ VIGIL_DEMO: 'false', PORT: '0', LOG_LEVEL: 'silent' }, overrides);
}

/** A settable clock for timeouts and windows. */
export function testClock(start = new Date()) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => { t += ms; }, set: (d: Date) => { t = d.getTime(); } };
}

let shared: DbHandle | undefined;
export function testDb(): DbHandle {
  shared ??= connect({ url: inject('databaseUrl'), max: 10, applicationName: 'vigil-test' });
  return shared;
}

let app: DbHandle | undefined;
/** The shared test database as the application's own role (vigil_app), for the app in process. */
export function testAppDb(): DbHandle {
  app ??= connect({ url: inject('appDatabaseUrl'), max: 10, applicationName: 'vigil-test-app' });
  return app;
}

let storage: ObjectStore | undefined;
/** A file store in a temporary directory of this test process's own, removed when it exits. */
export function testStorage(): ObjectStore {
  if (!storage) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'vigil-test-objects-'));
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
    storage = fileObjectStore({ root });
  }
  return storage;
}

export function testDeps(over: { config?: Partial<Config>; clock?: { now(): Date }; storage?: ObjectStore } = {}): Deps {
  return { db: testDb().db, config: testConfig(over.config), clock: over.clock ?? { now: () => new Date() }, log: silentLog, storage: over.storage ?? testStorage() };
}

export const uniq = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function makeOrganisation(deps: Deps, { external = false, kind }: { external?: boolean; kind?: 'council' | 'police' | 'insurer' | 'contractor' } = {}) {
  const row = await deps.db.insertInto('organisations')
    .values({ name: uniq(external ? 'Agency' : 'Council'), kind: kind ?? (external ? 'police' : 'council'), is_external: external })
    .returning(['id', 'name']).executeTakeFirstOrThrow();
  return row;
}

export const TEST_PASSWORD = 'tangerine kettle lighthouse';
let cachedHash: Promise<string> | undefined;

/** A user who can sign in straight away with TEST_PASSWORD (or the password given). */
export async function makeUser(deps: Deps, { roles, organisationId, password, mustChangePassword = false, username }: {
  roles: Role[]; organisationId?: string; password?: string; mustChangePassword?: boolean; username?: string;
}) {
  const orgId = organisationId ?? (await makeOrganisation(deps, { external: roles.some((r) => r === 'agency' || r === 'contractor') })).id;
  const passwordHash = password ? await hashPassword(password) : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const name = (username ?? uniq(roles[0].replace('_', ''))).toLowerCase();
  const user = await deps.db.insertInto('users').values({
    username: name, display_name: `Test ${roles.join(' ')}`, organisation_id: orgId, password_hash: passwordHash, must_change_password: mustChangePassword,
  }).returning(['id', 'username']).executeTakeFirstOrThrow();
  await deps.db.insertInto('user_roles').values(roles.map((role) => ({ user_id: user.id, role }))).execute();
  return { id: user.id, username: user.username, organisationId: orgId, password: password ?? TEST_PASSWORD };
}

/** A session straight in the database (no password check): returns the cookie and CSRF token. */
export async function makeSession(deps: Deps, { userId, stage = 'active' }: { userId: string; stage?: 'active' | 'mfa' | 'mfa_enrolment' | 'password_change' }) {
  const { newSessionToken, newCsrfToken, sha256 } = await import('../../src/server/platform/auth/tokens');
  const token = newSessionToken();
  const csrf = newCsrfToken();
  const now = deps.clock.now();
  await deps.db.insertInto('sessions').values({
    token_hash: sha256(token), user_id: userId, stage, csrf_token: csrf, ip: '127.0.0.1', user_agent: 'test', created_at: now, last_seen_at: now,
    expires_at: new Date(now.getTime() + 12 * 3600_000),
  }).execute();
  return { cookie: `vigil_session=${token}`, csrf };
}

/** The database after sealing every pending audit event: for tests that read audit_events directly. */
export async function sealed<T extends Db>(db: T): Promise<T> {
  await sealAudit(db);
  return db;
}
