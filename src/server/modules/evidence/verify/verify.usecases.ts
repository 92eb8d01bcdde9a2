import { sql } from 'kysely';
import type { Deps } from '../../../platform/deps';
import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit/audit';
import { checkContinuityChain } from '../continuity/continuity.models';
import { streamAllContinuity, toLink } from '../continuity/continuity.repository';

// `vigil evidence verify` and the nightly job: every stored master, working copy, still, package and
// signature is hashed again and compared with its record, and every exhibit's continuity chain is
// walked and compared with the head its exhibit row holds. Anything wrong is recorded (a
// verification row and an audit event), shown to coordinators and administrators as a banner, and
// makes the command exit 1.

export interface IntegrityProblem { kind: 'missing' | 'mismatch' | 'chain'; what: string; sha256?: string; reason: string }

/** Every stored file the evidence records hold, with what it is, as long as it is kept. */
async function listStoredFiles(deps: Deps) {
  const r = await sql<{ sha256: string; what: string }>`
    select r.sha256, 'recording ' || r.original_name || coalesce(' (exhibit ' || e.reference || ')', '') as what
      from recordings r left join exhibit_recordings er on er.recording_id = r.id left join exhibits e on e.id = er.exhibit_id
     where r.destroyed_at is null
    union all
    select d.sha256, d.reference from exhibit_derivatives d
     where d.state = 'done' and not exists (select 1 from evidence_destructions x where x.derivative_id = d.id)
    union all
    select p.sha256, p.reference from evidence_packages p where p.state = 'done'
    union all
    select distinct ce.details->>'signatureSha256', 'signature on ' || e.reference || ' event ' || ce.seq
      from continuity_events ce join exhibits e on e.id = ce.exhibit_id where ce.details ? 'signatureSha256'`.execute(deps.db);
  return r.rows;
}

export async function verifyEvidence(deps: Deps, { onProgress }: { onProgress?: (done: number, total: number, what: string) => void } = {}) {
  const started = deps.clock.now();
  const run = await deps.db.insertInto('evidence_verifications').values({ started_at: started }).returning('id').executeTakeFirstOrThrow();
  const problems: IntegrityProblem[] = [];
  const files = await listStoredFiles(deps);
  let done = 0;
  for (const f of files) {
    onProgress?.(done, files.length, f.what);
    const c = await deps.storage.check(f.sha256);
    if (c.state === 'missing') problems.push({ kind: 'missing', what: f.what, sha256: f.sha256, reason: 'the stored file is missing' });
    if (c.state === 'mismatch') problems.push({ kind: 'mismatch', what: f.what, sha256: f.sha256, reason: `the stored bytes now hash to ${c.actual}` });
    done += 1;
  }
  onProgress?.(done, files.length, '');
  let events = 0;
  let current: { id: string; reference: string; headSeq: number; headHash: string; links: ReturnType<typeof toLink>[] } | undefined;
  const finish = () => {
    if (!current) return;
    const breaks = checkContinuityChain({ events: current.links, exhibitReference: current.reference, pinnedHead: { seq: current.headSeq, hash: current.headHash } });
    for (const b of breaks) problems.push({ kind: 'chain', what: `continuity of ${b.exhibitReference}`, reason: `event ${b.seq}: ${b.reason}` });
  };
  for await (const batch of streamAllContinuity(deps.db)) {
    for (const row of batch) {
      if (current?.id !== row.exhibit_id) { finish(); current = { id: row.exhibit_id, reference: row.reference, headSeq: row.head_seq, headHash: row.head_hash, links: [] }; }
      current.links.push(toLink(row));
      events += 1;
    }
  }
  finish();
  // An exhibit whose every event was removed has a head but no chain.
  const headless = await deps.db.selectFrom('exhibits as e').select(['e.reference', 'e.continuity_seq'])
    .where('e.continuity_seq', '>', 0).where((eb) => eb.not(eb.exists(eb.selectFrom('continuity_events as ce').select('ce.id').whereRef('ce.exhibit_id', '=', 'e.id')))).execute();
  for (const h of headless) problems.push({ kind: 'chain', what: `continuity of ${h.reference}`, reason: `its ${h.continuity_seq} event(s) are missing` });

  const finished = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('evidence_verifications').set({ finished_at: finished, objects_checked: files.length, problems: JSON.stringify(problems), is_ok: problems.length === 0 }).where('id', '=', run.id).execute();
    await recordAudit(trx, SYSTEM_ACTOR, {
      action: problems.length ? 'evidence.integrity-failed' : 'evidence.integrity-checked', outcome: problems.length ? 'failure' : 'success',
      recordType: 'evidence_verification', recordId: run.id, details: { files: files.length, events, problems: problems.slice(0, 100) },
    });
  });
  return { id: run.id, files: files.length, events, problems, startedAt: started, finishedAt: finished };
}

/** The newest finished check, for the banner. */
export async function latestVerification(deps: Deps) {
  return deps.db.selectFrom('evidence_verifications').selectAll().where('finished_at', 'is not', null).orderBy('started_at', 'desc').limit(1).executeTakeFirst();
}
