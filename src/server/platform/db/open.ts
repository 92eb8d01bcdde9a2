import type { Logger } from 'pino';
import type { Config } from '../../config';
import { connect, type DbHandle } from './db';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { migrate } from './migrate';
import { APP_ROLE, appRoleUrl, ensureAppRole } from './roles';

export interface OpenDatabase {
  /** The application's connections, as its own unprivileged role (see roles.ts). */
  handle: DbHandle;
  /** The owner's address: migrations and pg-boss's schema. Never used for a request's queries. */
  ownerUrl: string;
  embedded?: EmbeddedPostgres;
  /** Applies pending migrations as the owner, then grants the application's role what it needs. */
  migrate(log?: (msg: string, extra?: object) => void): Promise<{ applied: string[] }>;
  /** Closes the pool, then stops the embedded server if this process owns it. */
  close(): Promise<void>;
  /** A server left running by a process that died is ours to stop if no other Vigil process uses it. */
  adoptIfOrphan(): Promise<void>;
  /** Connections from other Vigil processes (servers, workers, commands) to this database. */
  otherVigilConnections(): Promise<number>;
}

/**
 * The database the product runs on: the server in DATABASE_URL, or the embedded PostgreSQL in
 * VIGIL_DATA_DIR/pg (started here, or joined if another Vigil process already runs it). The
 * application connects as DATABASE_APP_URL's role, or as `vigil_app`, created here by the owner.
 */
export async function openDatabase({ config, log, applicationName, poolSize = 20 }: { config: Config; log: Logger; applicationName: string; poolSize?: number }): Promise<OpenDatabase> {
  let embedded: EmbeddedPostgres | undefined;
  let ownerUrl = config.databaseUrl;
  if (!ownerUrl) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, sharedBuffersMb: config.embeddedMemoryMb, onLog: (line) => log.debug({ postgres: line.trim() }, 'embedded postgres') });
    ownerUrl = embedded.url;
    log.info({ port: embedded.port, ms: Date.now() - started, joined: !embedded.owned, dataDir: config.dataDir }, embedded.owned ? 'embedded PostgreSQL started' : 'joined running embedded PostgreSQL');
  }
  const owner = ownerUrl;
  const ownerUser = decodeURIComponent(new URL(owner).username);
  // An owner that is itself called vigil_app must not be turned into the unprivileged role.
  const makeRole = !config.databaseAppUrl && ownerUser !== APP_ROLE;
  const appUrl = config.databaseAppUrl ?? (makeRole ? appRoleUrl(owner) : owner);
  try {
    if (makeRole) await ensureAppRole({ ownerUrl: owner, appUrl });
  } catch (err) {
    if (embedded?.owned) await embedded.stop();
    throw err;
  }
  // A site that runs the application as the owner itself gets no grants (nor revokes) from us.
  const appUser = decodeURIComponent(new URL(appUrl).username);
  const appRole = appUser !== ownerUser ? appUser : undefined;
  if (!appRole) log.warn({ user: ownerUser }, 'the application runs as the database owner: set DATABASE_APP_URL to a role of its own (see the README)');
  const handle = connect({ url: appUrl, max: poolSize, applicationName: `${applicationName}-${process.pid}` });
  let owned = embedded?.owned ?? false;
  const otherVigilConnections = async () => {
    const { rows } = await handle.pool.query<{ n: string }>(
      "select count(*) as n from pg_stat_activity where datname = current_database() and application_name like 'vigil%' and application_name not like $1",
      [`%-${process.pid}`]);
    return Number(rows[0].n);
  };
  return {
    handle,
    ownerUrl: owner,
    embedded,
    otherVigilConnections,
    async migrate(migrationLog) {
      const ownerHandle = connect({ url: owner, max: 1, applicationName: `${applicationName}-owner-${process.pid}` });
      try {
        return await migrate({ pool: ownerHandle.pool, log: migrationLog, appRole });
      } finally {
        await ownerHandle.close();
      }
    },
    async adoptIfOrphan() {
      if (!embedded || owned) return;
      if ((await otherVigilConnections()) === 0) owned = true;
    },
    async close() {
      await handle.close();
      if (embedded && owned) await embedded.stop();
    },
  };
}
