import { z } from 'zod';
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { Deps } from '../../../platform/deps';
import type { JobDefinition } from '../../../platform/jobs/jobs';
import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit/audit';
import { ensureSigningKey, getSigningKey } from '../../../platform/signing/signing';
import { WitnessStatementBody } from '../../../../domain/evidence/statement';
import * as repo from './packages.repository';
import { gatherExhibits } from './packages.gather';
import { preparePackage } from './package.build';
import { writePackageZip } from './package.zip';
import { manifestBytes } from './package.manifest';
import { lockExhibit } from '../continuity/continuity.repository';
import { appendContinuity } from '../continuity/continuity.usecases';

// Building a disclosure package: the zip is streamed straight into the object store (hashed by the
// writer and again by the store as it goes), never held in memory or written twice. The manifest
// pins each exhibit's continuity head as it stood when the build began; the build itself is then an
// "exported" event of every exhibit, quoting the package's hash.

const STALE_AFTER_MS = 2 * 60_000;

export const buildPackageJob: JobDefinition = {
  name: 'evidence.build-package',
  version: 1,
  payload: z.object({ packageId: z.uuid() }),
  retryLimit: 3,
  async handler(deps, { packageId }) {
    return buildPackage(deps, { packageId });
  },
};

export const sweepPackagesJob: JobDefinition = {
  name: 'evidence.sweep-packages',
  version: 1,
  payload: z.object({}).passthrough(),
  cron: '* * * * *',
  async handler(deps) {
    const ids = await repo.listStrandedPackages(deps.db, { olderThan: new Date(deps.clock.now().getTime() - STALE_AFTER_MS) });
    for (const id of ids) await deps.jobs?.send(buildPackageJob, { packageId: id }, { singletonKey: id });
    return ids.length ? 'done' : 'skipped';
  },
};

export async function buildPackage(deps: Deps, { packageId }: { packageId: string }): Promise<'done' | 'skipped'> {
  const claimed = await repo.claimPackage(deps.db, { id: packageId, now: deps.clock.now(), staleAfterMs: STALE_AFTER_MS });
  if (!claimed) return 'skipped';
  try {
    const pkg = (await repo.findPackage(deps.db, packageId))!;
    const exhibitIds = (await repo.listPackageExhibits(deps.db, [packageId])).map((e) => e.id);
    const exhibits = await gatherExhibits({ db: deps.db, storage: deps.storage, exhibitIds, derivativeIds: await repo.listChosenDerivatives(deps.db, packageId), includeMasters: pkg.include_masters });
    const statement = (await repo.findStatementOfPackage(deps.db, packageId))!;
    await ensureSigningKey(deps.db);
    const key = await getSigningKey(deps.db);
    const prepared = await preparePackage({
      reference: pkg.reference, council: deps.config.council.name, recipient: pkg.recipient_name, purpose: pkg.purpose, builtAt: deps.clock.now(),
      builtBy: pkg.requested_by_name, key, exhibits, statement: { body: WitnessStatementBody.parse(statement.body), isFinal: statement.is_final },
    });
    let lastReport = 0;
    const pipe = new PassThrough({ highWaterMark: 1 << 20 });
    const [written, stored] = await Promise.all([
      writePackageZip({
        ...prepared, output: pipe,
        onProgress: (done, total) => {
          const now = Date.now();
          if (now - lastReport < 1000) return;
          lastReport = now;
          void repo.reportPackageProgress(deps.db, { id: packageId, progress: total ? done / total : 0, now: deps.clock.now() }).catch(() => undefined);
        },
      }),
      // Should the store fail, the writer must not wait for it for ever.
      deps.storage.putStream(pipe).catch((err) => { pipe.destroy(err); throw err; }),
    ]);
    if (written.sha256 !== stored.sha256) throw new Error(`the package was stored as ${stored.sha256} but written as ${written.sha256}`);
    const manifestSha256 = createHash('sha256').update(manifestBytes(prepared.manifest)).digest('hex');
    await deps.db.transaction().execute(async (trx) => {
      const done = await repo.completePackage(trx, { id: packageId, sha256: stored.sha256, sizeBytes: stored.size, manifestSha256, signingKeyId: key.id, at: deps.clock.now() });
      if (!done) return;
      for (const ex of await repo.listPackageExhibits(trx, [packageId])) {
        const locked = (await lockExhibit(trx, ex.id))!;
        const first = await trx.selectFrom('continuity_events').select('item_sha256').where('exhibit_id', '=', ex.id).where('seq', '=', 1).executeTakeFirstOrThrow();
        await appendContinuity(trx, {
          exhibit: locked,
          event: {
            kind: 'exported', at: deps.clock.now(), actor: { id: pkg.requested_by, name: pkg.requested_by_name }, location: 'Vigil (evidence store)',
            reason: `Put in disclosure package ${pkg.reference} for ${pkg.recipient_name}`, itemSha256: first.item_sha256,
            details: { package: { reference: pkg.reference, sha256: stored.sha256, size: stored.size, manifestSha256 } },
          },
        });
      }
      await recordAudit(trx, SYSTEM_ACTOR, { action: 'package.built', recordType: 'package', recordId: packageId, details: { reference: pkg.reference, sha256: stored.sha256, size: stored.size } });
    });
    return 'done';
  } catch (err) {
    deps.log.error({ err, packageId }, 'package build failed');
    await repo.failPackage(deps.db, { id: packageId, failure: err instanceof Error ? err.message : String(err), at: deps.clock.now() });
    return 'done';
  }
}
