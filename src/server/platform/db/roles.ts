import { createHmac } from 'node:crypto';
import pg from 'pg';

// The database role the application's queries run as (decision 0006). Migrations, pg-boss's own
// schema and this set-up run as the owner (DATABASE_URL, or the embedded server's superuser); every
// request, job handler and the audit sealer run as an ordinary login role that owns nothing: it
// cannot alter a table, disable a trigger, read or write files, run programs (COPY … PROGRAM), or
// change the audit trail other than by adding pending events.

export const APP_ROLE = 'vigil_app';

/**
 * The application role's password, worked out from the owner's so that every Vigil process given
 * the owner's address agrees on it without storing anything more. Empty when the owner has none
 * (a server that trusts local connections, as in CI).
 */
export function appRolePassword(ownerPassword: string, role = APP_ROLE): string {
  return ownerPassword ? createHmac('sha256', ownerPassword).update(`vigil-app-role:${role}`).digest('base64url') : '';
}

/** The owner's address with the application role's name and password in it. */
export function appRoleUrl(ownerUrl: string, role = APP_ROLE): string {
  const u = new URL(ownerUrl);
  const password = appRolePassword(decodeURIComponent(u.password), role);
  u.username = role;
  u.password = password;
  return u.toString();
}

async function canConnect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates the application role if it is missing, and gives it the password derived from the
 * owner's, unless it can already sign in. Safe when several processes (or test runs on one server)
 * start at once: roles belong to the whole server, so a database's advisory lock would not help.
 */
export async function ensureAppRole({ ownerUrl, appUrl }: { ownerUrl: string; appUrl: string }) {
  if (await canConnect(appUrl)) return;
  const { username, password } = new URL(appUrl);
  const role = decodeURIComponent(username);
  const secret = decodeURIComponent(password);
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const exists = await owner.query('select 1 from pg_roles where rolname = $1', [role]);
        const attributes = `login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${secret ? pg.escapeLiteral(secret) : 'null'}`;
        await owner.query(`${exists.rowCount ? 'alter' : 'create'} role ${pg.escapeIdentifier(role)} with ${attributes}`);
        return;
      } catch (err) {
        const code = (err as { code?: string }).code;
        // Another process created or changed it at the same moment: look again.
        if (attempt < 5 && (code === '42710' || code === '23505' || code === 'XX000' || code === '40001')) {
          await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
          continue;
        }
        if (code === '42501') {
          throw new Error(`The database user in DATABASE_URL may not create the role "${role}" the application runs as. Give it CREATEROLE, or create a role for the application yourself and set DATABASE_APP_URL (see the README).`);
        }
        throw err;
      }
    }
  } finally {
    await owner.end();
  }
}
