import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from './config';
import { buildApp } from './app';
import { JOB_DEFINITIONS } from './jobs';
import { systemClock, type Deps } from './platform/deps';
import { ensureSigningKey } from './platform/signing/signing';
import { createObjectStore } from './platform/storage';
import { createMailer } from './platform/mail';
import { openDatabase, type OpenDatabase } from './platform/db/open';
import { startJobs, type Jobs } from './platform/jobs/jobs';
import { startAuditSealer } from './platform/audit/audit';
import { startLiveOutbox } from './platform/db/outbox';
import { startIdempotencyExpiry } from './platform/http/idempotency';
import type { Repeating } from './platform/jobs/repeat';
import type { Db } from './platform/db/db';
import { startListener, type Listener } from './platform/db/listener';
import { SessionCache } from './platform/auth/session-cache';
import { isEmpty, seedDemo } from './seed/demo';
import { ROLE_INFO } from './platform/auth/permissions';
import { keepOneTimePasswords } from './platform/auth/one-time-passwords';
import { flushLog } from './platform/logging/logger';
import { MODULES } from './modules/registry';
import { startTimers } from './platform/timers/timers';

/** Every module's durable timers, fired by each process that works jobs. */
const TIMER_DEFINITIONS = MODULES.flatMap((m) => m.timers ?? []);

export interface Running {
  url: string;
  port: number;
  stop(reason?: string): Promise<void>;
}

/** Opens the database, migrates (under a lock), seeds the demo if asked, starts jobs and HTTP. */
export async function startServer({ config, log, out = (s: string) => process.stdout.write(s) }: { config: Config; log: Logger; out?: (s: string) => void }): Promise<Running> {
  const database = await openDatabase({ config, log, applicationName: 'vigil-serve', poolSize: config.databasePoolSize });
  let jobs: Jobs | undefined;
  let listener: Listener | undefined;
  let housekeeping: Repeating | undefined;
  const shutdown = new AbortController();
  let server: ServerType | undefined;
  try {
    const { applied } = await database.migrate((msg, extra) => log.info(extra, msg));
    log.info({ applied: applied.length }, applied.length ? 'migrations applied' : 'database schema up to date');
    await database.adoptIfOrphan();
    const deps: Deps = { db: database.handle.db, config, clock: systemClock, log, storage: createObjectStore({ config, log }), mail: createMailer({ config: config.mail, log }) };

    let firstStart: FirstStart | undefined;
    const empty = await isEmpty(deps);
    if (config.demo && empty) {
      const seeded = await seedDemo(deps);
      firstStart = { users: seeded.users, file: keepOneTimePasswords({ dataDir: config.dataDir, users: seeded.users, log }) };
      log.info({ users: seeded.users.length, file: firstStart.file }, 'demo council seeded');
    }
    // The council's package-signing key, made once at first start (in the database, for every process).
    await ensureSigningKey(deps.db);

    jobs = await startJobs({ url: database.ownerUrl, deps, log, definitions: JOB_DEFINITIONS, work: config.workerInProcess });
    deps.jobs = jobs; // use cases queue work after their transaction commits
    housekeeping = startHousekeeping({ db: deps.db, log }, config.workerInProcess ? deps : undefined);
    listener = await startListener({ url: database.handle.url, log });
    // In a terminal a person reads the banner: one JSON line per request would scroll it away, so
    // requests are logged at debug there (LOG_LEVEL=debug shows them). A log collector reads a pipe
    // or a file, never a terminal, and gets every request at info as before.
    const quietRequests = process.stdout.isTTY === true;
    const { app } = buildApp({ deps, log, pool: database.handle.pool, sessionCache: new SessionCache(listener), listener, shutdown: shutdown.signal, requestLogLevel: quietRequests ? 'debug' : 'info' });

    const port = await new Promise<number>((resolve, reject) => {
      server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => resolve(info.port));
      server.once('error', reject);
    });
    // Longer than a reverse proxy's usual 60 s idle timeout, so the proxy (or the operator's browser)
    // closes first and never sends on a connection being closed here; 5 s cost a new connection
    // after every pause in typing.
    (server as Server).keepAliveTimeout = 65_000;
    (server as Server).requestTimeout = 120_000;
    const url = config.publicUrl.endsWith(':0') ? config.publicUrl.replace(/:0$/, `:${port}`) : config.publicUrl;
    log.info({ url, port, host: config.host }, 'Vigil is listening');
    await flushLog(log);
    out(banner({ url, config, firstStart, noUsers: empty && !config.demo, quietRequests: quietRequests && !log.isLevelEnabled('debug') }));

    let stopping: Promise<void> | undefined;
    return {
      url, port,
      stop(reason = 'stop') {
        stopping ??= (async () => {
          log.info({ reason }, 'shutting down: finishing in-flight requests and jobs');
          shutdown.abort(); // ends live streams, which would otherwise hold connections open
          const s = server as Server;
          await new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeIdleConnections();
            // Requests still running after 20 s are cut off.
            setTimeout(() => { s.closeAllConnections(); resolve(); }, 20_000).unref();
          });
          await jobs?.stop();
          await housekeeping?.stop();
          await listener?.close();
          await database.close();
          log.info('stopped');
        })();
        return stopping;
      },
    };
  } catch (err) {
    (server as Server | undefined)?.close();
    await jobs?.stop().catch(() => undefined);
    await housekeeping?.stop().catch(() => undefined);
    await listener?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw err;
  }
}

interface FirstStart { users: Awaited<ReturnType<typeof seedDemo>>['users']; file?: string }

function banner({ url, config, firstStart, noUsers, quietRequests }: { url: string; config: Config; firstStart?: FirstStart; noUsers: boolean; quietRequests: boolean }) {
  const lines = ['', `  Vigil is running at ${url}`, `  ${config.council.name} · data in ${config.databaseUrl ? 'the PostgreSQL server in DATABASE_URL' : config.dataDir}`, ''];
  if (firstStart) {
    lines.push('  Demo council seeded. Sign in as any of these users. Each password works once:', '  you will be asked to choose your own at first sign-in. They are not shown again.', '');
    const w = Math.max(...firstStart.users.map((u) => u.username.length)) + 2;
    lines.push(`  ${'username'.padEnd(w)}${'role'.padEnd(36)}one-time password`);
    for (const u of firstStart.users) lines.push(`  ${u.username.padEnd(w)}${ROLE_INFO[u.role].name.padEnd(36)}${u.oneTimePassword}`);
    if (firstStart.file) lines.push('', `  They are also in ${firstStart.file} (readable by you only); each line goes once its password is used.`);
    lines.push('', '  Lost them? Run `npx vigil user reset-password <username>`, or `npx vigil seed --reset`.', '');
  }
  if (noUsers) lines.push('  There are no users yet. Create the first administrator with:', '    npx vigil user add <username> --name "<their name>" --admin', '');
  if (quietRequests) lines.push('  Requests are not logged in a terminal (LOG_LEVEL=debug shows them); warnings and errors are.', '');
  lines.push('  Press Ctrl-C to stop.', '');
  return lines.join('\n') + '\n';
}

/** Runs only the job worker (`vigil worker`). */
export async function startWorker({ config, log }: { config: Config; log: Logger }) {
  const database: OpenDatabase = await openDatabase({ config, log, applicationName: 'vigil-worker', poolSize: 5 });
  await database.migrate((msg, extra) => log.info(extra, msg));
  const deps: Deps = { db: database.handle.db, config, clock: systemClock, log, storage: createObjectStore({ config, log }), mail: createMailer({ config: config.mail, log }) };
  const jobs = await startJobs({ url: database.ownerUrl, deps, log, definitions: JOB_DEFINITIONS, work: true });
  deps.jobs = jobs;
  const housekeeping = startHousekeeping({ db: deps.db, log }, deps); // what the jobs change is sealed and announced too
  return { stop: async () => { await jobs.stop(); await housekeeping.stop(); await database.close(); } };
}

/**
 * What every process that writes runs beside its work: sealing the audit trail, sending live
 * updates, expiring idempotency keys, each module's own (search documents), and, where the process
 * works jobs (`timerDeps`), firing the modules' durable timers.
 */
function startHousekeeping({ db, log }: { db: Db; log: Logger }, timerDeps?: Deps): Repeating {
  const running = [startAuditSealer({ db, log }), startLiveOutbox({ db, log }), startIdempotencyExpiry({ db, log }), ...MODULES.flatMap((m) => (m.housekeeping ? [m.housekeeping({ db, log })] : []))];
  if (timerDeps && TIMER_DEFINITIONS.length) running.push(startTimers({ deps: timerDeps, definitions: TIMER_DEFINITIONS }));
  return { stop: async () => { for (const r of running) await r.stop(); } };
}
