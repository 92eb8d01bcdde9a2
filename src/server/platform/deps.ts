import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from './db/db';
import type { ObjectStore } from './storage/storage';
import type { JobSender } from './jobs/jobs';
import type { Mailer } from './mail';

/** What use cases receive as arguments: no globals, no container. Tests pass their own. */
export interface Deps {
  db: Kysely<Database>;
  config: Config;
  clock: { now(): Date };
  log: Logger;
  /** Where every stored file is kept (file system or S3-compatible bucket). */
  storage: ObjectStore;
  /** Sends background jobs; absent in one-shot commands and tests, where a sweep or the test runs them. */
  jobs?: JobSender;
  /** Sends e-mail (or writes it to the log where no relay is configured); absent in tests and one-shot commands, where a job makes its own. */
  mail?: Mailer;
}

export const systemClock = { now: () => new Date() };
