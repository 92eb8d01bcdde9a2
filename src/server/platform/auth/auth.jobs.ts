import { z } from 'zod';
import type { JobDefinition } from '../jobs/jobs';
import { cleanUpSessions } from './auth.usecases';

export const cleanSessionsJob: JobDefinition = {
  name: 'auth.clean-sessions',
  version: 1,
  payload: z.object({}).passthrough(),
  cron: '*/15 * * * *',
  async handler(deps) {
    const removed = await cleanUpSessions(deps);
    deps.log.info(removed, 'expired sessions removed');
    return removed.sessions + removed.attempts > 0 ? 'done' : 'skipped';
  },
};
