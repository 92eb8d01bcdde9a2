import type { JobDefinition } from './platform/jobs/jobs';
import { cleanSessionsJob } from './platform/auth/auth.jobs';
import { anchorAuditHeadJob } from './platform/audit/audit.jobs';
import { personalDataRetentionJob } from './modules/occurrences';

/** Every job the product knows. Start-up fails if the database holds a queue not listed here. */
export const JOB_DEFINITIONS: JobDefinition[] = [cleanSessionsJob, personalDataRetentionJob, anchorAuditHeadJob];
