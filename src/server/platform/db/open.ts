import type { Logger } from 'pino';
import type { Config } from '../../config';
import { connect, type DbHandle } from './db';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';

export interface OpenDatabase {
  handle: DbHandle;
  embedded?: EmbeddedPostgres;
  /** Closes the pool, then stops the embedded server if this process owns it. */
  close(): Promise<void>;
  /** A server left running by a process that died is ours to stop if no other Vigil process uses it. */
  adoptIfOrphan(): Promise<void>;
  /** Connections from other Vigil processes (servers, workers, commands) to this database. */
  otherVigilConnections(): Promise<number>;
}

/**
 * The database the product runs on: the server in DATABASE_URL, or the embedded PostgreSQL in
 * VIGIL_DATA_DIR/pg (started here, or joined if another Vigil process already runs it).
 */
export async function openDatabase({ config, log, applicationName, poolSize = 20 }: { config: Config; log: Logger; applicationName: string; poolSize?: number }): Promise<OpenDatabase> {
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, sharedBuffersMb: config.embeddedMemoryMb, onLog: (line) => log.debug({ postgres: line.trim() }, 'embedded postgres') });
    url = embedded.url;
    log.info({ port: embedded.port, ms: Date.now() - started, joined: !embedded.owned, dataDir: config.dataDir }, embedded.owned ? 'embedded PostgreSQL started' : 'joined running embedded PostgreSQL');
  }
  const handle = connect({ url, max: poolSize, applicationName: `${applicationName}-${process.pid}` });
  let owned = embedded?.owned ?? false;
  const otherVigilConnections = async () => {
    const { rows } = await handle.pool.query<{ n: string }>(
      "select count(*) as n from pg_stat_activity where datname = current_database() and application_name like 'vigil%' and application_name not like $1",
      [`%-${process.pid}`]);
    return Number(rows[0].n);
  };
  return {
    handle,
    embedded,
    otherVigilConnections,
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
