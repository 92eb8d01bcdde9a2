import { z } from 'zod';
import type { JobDefinition } from '../jobs/jobs';
import type { Deps } from '../deps';
import { formatHead } from './audit.hash';
import { getAuditHead } from './audit.repository';

/**
 * The chain's external anchor (decision 0006): the head written where the database cannot change
 * it, to the log (usually shipped off the machine) and to the write-once object store. Removing
 * the newest events leaves a shorter chain that still verifies; `vigil audit verify --head` with a
 * head kept from before shows it.
 */
export async function anchorAuditHead(deps: Pick<Deps, 'db' | 'config' | 'clock' | 'log' | 'storage'>) {
  const head = await getAuditHead(deps.db);
  const record = { kind: 'vigil.audit-head', version: 1, head: formatHead(head), seq: head.seq, hash: head.hash, at: deps.clock.now().toISOString(), council: deps.config.council.name };
  const stored = await deps.storage.put(Buffer.from(`${JSON.stringify(record)}\n`));
  deps.log.info({ auditHead: record.head, seq: head.seq, hash: head.hash, object: stored.sha256 }, 'audit head anchored');
  return { head, object: stored.sha256 };
}

export const anchorAuditHeadJob: JobDefinition = {
  name: 'audit.anchor-head',
  version: 1,
  payload: z.object({}).passthrough(),
  cron: '5 0 * * *', // daily, just after midnight in London
  async handler(deps) {
    await anchorAuditHead(deps);
    return 'done';
  },
};
