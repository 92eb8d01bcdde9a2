import path from 'node:path';
import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs/jobs';
import type { Config } from '../../../config';
import { HashingFileStore } from './hashing-file-store';

// Uploads begun and never finished (the browser closed for good) are removed a week after they
// began: they are not evidence (nothing was stored or recorded), only bytes waiting on a disk.

export const UPLOAD_EXPIRY_MS = 7 * 86400_000;

export const uploadStore = (config: Pick<Config, 'dataDir'>) =>
  new HashingFileStore({ directory: path.join(config.dataDir, 'uploads'), expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });

export const sweepUploadsJob: JobDefinition = {
  name: 'evidence.sweep-uploads',
  version: 1,
  payload: z.object({}).passthrough(),
  cron: '53 3 * * *',
  async handler(deps) {
    const removed = await uploadStore(deps.config).deleteExpired();
    if (removed) deps.log.info({ removed }, 'unfinished uploads removed');
    return removed ? 'done' : 'skipped';
  },
};
