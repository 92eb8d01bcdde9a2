import { z } from 'zod';
import type { JobDefinition } from '../jobs/jobs';

/** Old enough that no write still running can own it: a write lasts minutes, even for gigabytes. */
export const TEMPORARY_KEPT_MS = 24 * 60 * 60 * 1000;

/** Every night, what writes cut short by a crash left in the object store's temporary area goes. */
export const sweepTemporaryObjectsJob: JobDefinition = {
  name: 'storage.sweep-temporary',
  version: 1,
  payload: z.object({}).passthrough(),
  cron: '20 3 * * *',
  async handler(deps) {
    const removed = await deps.storage.sweepTemporary({ olderThanMs: TEMPORARY_KEPT_MS });
    if (removed > 0) deps.log.warn({ removed }, 'temporary files left by interrupted writes removed from the object store');
    return removed > 0 ? 'done' : 'skipped';
  },
};
