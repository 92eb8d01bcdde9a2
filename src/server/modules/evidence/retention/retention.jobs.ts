import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs/jobs';
import { applyEvidenceRetention } from './retention.apply';

/** Nightly: recordings past their class's period and exhibits a review decided to destroy. */
export const applyEvidenceRetentionJob: JobDefinition = {
  name: 'evidence.apply-retention',
  version: 1,
  payload: z.object({}).passthrough(),
  cron: '23 3 * * *', // after the personal-data run (03:17), before the integrity check of the next night
  retryLimit: 1,
  async handler(deps) {
    const r = await applyEvidenceRetention(deps);
    if (r.bytesPending) deps.log.warn(r, 'evidence retention applied; some destroyed files are still in the store (tried again next night)');
    else deps.log.info(r, 'evidence retention applied');
    return r.recordingsDestroyed + r.exhibitsDestroyed + r.bytesRemoved > 0 ? 'done' : 'skipped';
  },
};
