import type { Config } from './config';
import { createLogger } from './platform/logging/logger';
import path from 'node:path';
import { openDatabase, type OpenDatabase } from './platform/db/open';
import { hasEmbeddedDatabase } from './platform/db/embedded';
import { systemClock, type Deps } from './platform/deps';
import { createObjectStore } from './platform/storage';
import { SYSTEM_ACTOR, recordAudit, sealAudit } from './platform/audit/audit';
import { getAuditHead, verifyAuditChain } from './platform/audit/audit.repository';
import { formatHead, parseHead } from './platform/audit/audit.hash';
import { findUserByUsername } from './platform/auth/auth.repository';
import { isRole, ROLE_INFO, type Role } from './platform/auth/permissions';
import { createUser } from './modules/users';
import { applyAdminAction, resetPassword } from './modules/users/users.usecases';
import { isEmpty, seedDemo, wipeDatabase } from './seed/demo';
import { keepOneTimePasswords } from './platform/auth/one-time-passwords';
import { AppError } from './platform/http/errors';

// One-shot commands: each opens the database (joining the embedded one if a server runs it),
// does its job as the "system" actor (audited like any other write), and closes.

const print = (s = '') => process.stdout.write(`${s}\n`);

/**
 * Opens the database for a command. Only serve, migrate and seed may create one: any other command
 * run where there is none (the wrong folder, a mistyped VIGIL_DATA_DIR) says so and fails, rather
 * than answer from an empty new database ("intact, 0 events").
 */
export async function withDeps<T>(config: Config, fn: (deps: Deps, database: OpenDatabase) => Promise<T>, { create = false }: { create?: boolean } = {}): Promise<T> {
  if (!config.databaseUrl && !create && !hasEmbeddedDatabase(config.dataDir)) {
    throw new Error(`There is no Vigil database in ${path.resolve(config.dataDir)}. Run this command where Vigil runs (its data directory is VIGIL_DATA_DIR), or set DATABASE_URL; \`npx vigil serve\` or \`npx vigil migrate\` makes a new one.`);
  }
  const log = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, name: 'vigil-cli' });
  const database = await openDatabase({ config, log, applicationName: 'vigil-cli', poolSize: 4 });
  try {
    await database.migrate();
    await database.adoptIfOrphan();
    const result = await fn({ db: database.handle.db, config, clock: systemClock, log, storage: createObjectStore({ config, log }) }, database);
    await sealAudit(database.handle.db); // chain what the command did now, not when a server next runs
    return result;
  } catch (err) {
    if (err instanceof AppError) {
      const fields = err.fieldErrors?.map((f) => `\n  ${f.path}: ${f.message}`).join('') ?? '';
      throw new Error(`${err.message}${fields}`);
    }
    throw err;
  } finally {
    await database.close();
  }
}

export async function runMigrate(config: Config) {
  const log = createLogger({ level: config.logLevel, name: 'vigil-cli' });
  const database = await openDatabase({ config, log, applicationName: 'vigil-cli', poolSize: 2 });
  try {
    const { applied } = await database.migrate((msg, extra) => log.info(extra, msg));
    print(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database schema is up to date.');
  } finally {
    await database.adoptIfOrphan().catch(() => undefined);
    await database.close();
  }
}

export async function runSeed(config: Config, { reset }: { reset: boolean }) {
  if (reset && !config.demo) throw new Error('seed --reset wipes the database; it only runs when VIGIL_DEMO=true.');
  await withDeps(config, async (deps, database) => {
    if (reset) {
      if ((await database.otherVigilConnections()) > 0) throw new Error('A Vigil server or worker is using this database. Stop it first, then run seed --reset.');
      await wipeDatabase(database.ownerUrl);
      await database.migrate();
      print('Database wiped and migrated.');
    }
    if (!(await isEmpty(deps))) {
      print('The database already has users; nothing seeded. Use `vigil seed --reset` to start the demo again.');
      return;
    }
    const { users } = await seedDemo(deps);
    print('Demo council seeded. One-time passwords (each works once; not shown again):');
    for (const u of users) print(`  ${u.username.padEnd(14)}${ROLE_INFO[u.role].name.padEnd(36)}${u.oneTimePassword}`);
    const file = keepOneTimePasswords({ dataDir: config.dataDir, users, log: deps.log });
    if (file) print(`They are also in ${file} (readable by you only); each line goes once its password is used.`);
  }, { create: true });
}

async function councilOrganisationId(deps: Deps, name?: string) {
  const q = deps.db.selectFrom('organisations').select(['id', 'name']);
  const found = name ? await q.where('name', 'ilike', name).executeTakeFirst() : await q.where('kind', '=', 'council').orderBy('created_at').executeTakeFirst();
  if (found) return found.id;
  if (name) throw new Error(`No organisation called "${name}".`);
  const created = await deps.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('organisations').values({ name: deps.config.council.name, kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, SYSTEM_ACTOR, { action: 'organisation.created', recordType: 'organisation', recordId: row.id, details: { name: deps.config.council.name } });
    return row;
  });
  return created.id;
}

export async function runUserAdd(config: Config, opts: { username: string; name: string; admin?: boolean; role?: string[]; email?: string; organisation?: string }) {
  const roles = [...(opts.role ?? []), ...(opts.admin ? ['admin'] : [])];
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length) throw new Error(`Unknown role(s): ${bad.join(', ')}. Roles: ${Object.keys(ROLE_INFO).join(', ')}`);
  if (!roles.length) throw new Error('Give at least one role: --admin or --role <role>.');
  await withDeps(config, async (deps) => {
    const organisationId = await councilOrganisationId(deps, opts.organisation);
    const r = await createUser(deps, { actor: SYSTEM_ACTOR, input: { username: opts.username, displayName: opts.name, email: opts.email ?? null, organisationId, roles: roles as Role[] } });
    print(`Created ${r.user.username} (${r.user.roles.join(', ')}). One-time password: ${r.oneTimePassword}`);
    print('They will choose their own password at first sign-in.');
  });
}

export async function runUserList(config: Config) {
  await withDeps(config, async (deps) => {
    const rows = await deps.db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id')
      .select(['u.id', 'u.username', 'u.display_name', 'u.is_active', 'o.name as org']).orderBy('u.username').execute();
    const roles = await deps.db.selectFrom('user_roles').selectAll().execute();
    for (const r of rows) {
      const rs = roles.filter((x) => x.user_id === r.id).map((x) => x.role).join(',');
      print(`${r.username.padEnd(20)}${r.display_name.padEnd(28)}${rs.padEnd(28)}${r.org}${r.is_active ? '' : '  (deactivated)'}`);
    }
  });
}

async function userId(deps: Deps, username: string) {
  const u = await findUserByUsername(deps.db, username);
  if (!u) throw new Error(`No user called "${username}".`);
  return u.id;
}

export async function runUserResetPassword(config: Config, username: string) {
  await withDeps(config, async (deps) => {
    const r = await resetPassword(deps, { actor: SYSTEM_ACTOR, id: await userId(deps, username) });
    print(`New one-time password for ${username}: ${r.oneTimePassword}`);
  });
}

export async function runUserUnlock(config: Config, username: string) {
  await withDeps(config, async (deps) => {
    await applyAdminAction(deps, { actor: SYSTEM_ACTOR, id: await userId(deps, username), action: 'unlock' });
    print(`${username} can sign in again.`);
  });
}

/** Prints the chain's head as `SEQ:HASH`, for an administrator to keep where Vigil cannot reach it. */
export async function runAuditHead(config: Config) {
  const head = await withDeps(config, async (deps) => getAuditHead(deps.db));
  print(formatHead(head));
}

export async function runAuditVerify(config: Config, { head: headText }: { head?: string } = {}) {
  const head = headText === undefined ? undefined : parseHead(headText);
  if (headText !== undefined && !head) throw new Error(`--head takes the SEQ:HASH that \`vigil audit head\` printed (a number, a colon and 64 hexadecimal digits), not "${headText}".`);
  const result = await withDeps(config, async (deps) => verifyAuditChain(deps.db, { head }));
  if (result.ok) {
    print(`Audit trail intact: ${result.checked} event(s) checked${head ? `, and it still reaches the recorded head ${head.seq}` : ''}.`);
    return;
  }
  print(`Audit trail BROKEN at event ${result.firstBroken!.seq}: ${result.firstBroken!.reason}.`);
  print(`${result.checked} event(s) before it are intact.`);
  process.exitCode = 1;
}

export async function runEvidenceImportCommand(config: Config, { paths, username, json }: { paths: string[]; username: string; json: boolean }) {
  const { runEvidenceImport } = await import('./modules/evidence/evidence.cli');
  await withDeps(config, async (deps) => {
    const user = await findUserByUsername(deps.db, username);
    if (!user || !user.is_active) throw new Error(`There is no active user "${username}". Name the member of staff the footage is imported by with --as.`);
    const tty = process.stderr.isTTY;
    process.exitCode = await runEvidenceImport(deps, {
      paths, userId: user.id, username: user.username, json, write: print,
      progress: tty ? (line) => process.stderr.write(`\r\x1b[K${line}`) : undefined,
    });
  });
}

export async function runEvidenceVerifyCommand(config: Config, { json }: { json: boolean }) {
  const { runEvidenceVerify } = await import('./modules/evidence/evidence.cli');
  await withDeps(config, async (deps) => {
    const tty = process.stderr.isTTY;
    process.exitCode = await runEvidenceVerify(deps, { json, write: print, progress: tty ? (line) => process.stderr.write(`\r\x1b[K${line}`) : undefined });
  });
}

export async function runEvidencePublicKey(config: Config) {
  const { runPublicKey } = await import('./modules/evidence/packages/packages.cli');
  await withDeps(config, async (deps) => { process.exitCode = await runPublicKey({ db: deps.db }); });
}
