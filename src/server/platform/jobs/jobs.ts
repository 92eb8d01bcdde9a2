import PgBoss from 'pg-boss';
import pg from 'pg';
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { Deps } from '../deps';
import { LONDON } from '../../../domain/calendar/london';

// One registry of job definitions. Queue names are `<module>.<verb-noun>.v<version>`. A handler
// returns 'done' or 'skipped', or throws to let pg-boss retry with back-off.

export interface JobDefinition<P extends z.ZodTypeAny = z.ZodTypeAny> {
  name: string;
  version: number;
  payload: P;
  /** Cron in Europe/London time, for scheduled jobs. */
  cron?: string;
  retryLimit?: number;
  handler(deps: Deps, payload: z.output<P>): Promise<'done' | 'skipped'>;
}

export const queueName = (d: { name: string; version: number }) => `${d.name}.v${d.version}`;

const SETUP_LOCK = 727_413_003;

async function setUpQueues(boss: PgBoss, definitions: JobDefinition[]) {
  const known = new Set(definitions.map(queueName));
  for (const q of await boss.getQueues()) {
    if (!known.has(q.name) && !q.name.startsWith('__')) throw new Error(`Queue ${q.name} exists in the database but this version of Vigil has no handler for it.`);
  }
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const def of definitions) {
    const name = queueName(def);
    if (!existing.has(name)) await boss.createQueue(name, { name, retryLimit: def.retryLimit ?? 3, retryBackoff: true });
    if (def.cron) await boss.schedule(name, def.cron, {}, { tz: LONDON });
  }
}

export interface JobSender {
  /** Queues a job; with a singletonKey, not again while one with that key is queued or running. */
  send<P extends z.ZodTypeAny>(def: JobDefinition<P>, payload: z.input<P>, options?: { singletonKey?: string }): Promise<string | null>;
}

export interface Jobs extends JobSender {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startJobs({ url, deps, log, definitions, work }: {
  url: string; deps: Deps; log: Logger; definitions: JobDefinition[]; work: boolean;
}): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: url, max: 4, application_name: `vigil-jobs-${process.pid}`, schedule: work, supervise: work });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  // pg-boss's own schema set-up and queue creation (DDL on partitioned tables) can deadlock when two
  // processes start at the same moment, so set-up runs under our own advisory lock.
  const lock = new pg.Client({ connectionString: url, application_name: `vigil-jobs-${process.pid}` });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
    await boss.start();
    await setUpQueues(boss, definitions);
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [SETUP_LOCK]).catch(() => undefined);
    await lock.end();
  }

  for (const def of work ? definitions : []) {
    const name = queueName(def);
    await boss.work(name, { batchSize: 1 }, async ([job]) => {
      const jobLog = log.child({ job: name, jobId: job.id });
      const payload = def.payload.parse(job.data);
      const started = Date.now();
      const result = await def.handler({ ...deps, log: jobLog }, payload);
      jobLog.info({ result, ms: Date.now() - started }, 'job finished');
    });
  }
  log.info({ queues: definitions.map(queueName), working: work }, 'job queue started');

  return {
    boss,
    send: (def, payload, options) => boss.send(queueName(def), def.payload.parse(payload) as object, options?.singletonKey ? { singletonKey: options.singletonKey } : {}),
    // Graceful: stop fetching, let running handlers finish (up to 20 s), then close.
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}
