import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs/jobs';
import { applyPersonalDataRetention } from './retention';

export const personalDataRetentionJob: JobDefinition = {
  name: 'occurrences.apply-personal-data-retention',
  version: 1,
  payload: z.object({}).passthrough(),
  cron: '17 3 * * *', // nightly, at a quiet hour
  async handler(deps) {
    const r = await applyPersonalDataRetention(deps);
    deps.log.info(r, 'personal data retention applied');
    return r.flagged + r.removed > 0 ? 'done' : 'skipped';
  },
};
