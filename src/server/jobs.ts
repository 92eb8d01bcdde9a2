import type { JobDefinition } from './platform/jobs/jobs';
import { cleanSessionsJob } from './platform/auth/auth.jobs';
import { anchorAuditHeadJob } from './platform/audit/audit.jobs';
import { sweepTemporaryObjectsJob } from './platform/storage/storage.jobs';
import { MODULES } from './modules/registry';

/** Every job the product knows: the platform's and each module's. Start-up fails if the database holds a queue not listed here. */
export const JOB_DEFINITIONS: JobDefinition[] = [cleanSessionsJob, anchorAuditHeadJob, sweepTemporaryObjectsJob, ...MODULES.flatMap((m) => m.jobs ?? [])];
