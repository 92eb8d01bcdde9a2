import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs/jobs';
import { verifyEvidence } from './verify.usecases';

/** Every night, every stored evidence file hashed again and every continuity chain walked. */
export const verifyEvidenceJob: JobDefinition = {
  name: 'evidence.verify-integrity',
  version: 1,
  payload: z.object({}).passthrough(),
  cron: '41 2 * * *',
  retryLimit: 1,
  async handler(deps) {
    const r = await verifyEvidence(deps);
    if (r.problems.length) deps.log.error({ problems: r.problems.slice(0, 20), count: r.problems.length }, 'EVIDENCE INTEGRITY CHECK FAILED');
    else deps.log.info({ files: r.files, events: r.events }, 'evidence integrity checked');
    return 'done';
  },
};
