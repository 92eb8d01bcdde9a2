import type { Deps } from '../../../platform/deps';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import type { EstateImportResult } from '../../../../domain/estate/import/contract';
import type { MappingTarget } from '../../../../domain/estate/import/columns';
import { parseRegister } from '../../../../domain/estate/import/parse';
import { planImport } from '../../../../domain/estate/import/plan';
import { importResult } from '../../../../domain/estate/import/result';
import { displayFileName, writesFor } from './import.models';
import * as repo from './import.repository';

// Importing a camera register from CSV (the web app, the API and `vigil estate import`). A dry run
// writes nothing; a real run writes nothing either while any row has an error, and otherwise adds
// and updates every camera in one transaction with its audit event. Rows flagged as renumberings
// wait for the user's confirmation; the rest go in.

export interface ImportActor { audit: AuditActor; userId: string | null }

export interface ImportInput {
  csv: string; fileName?: string; mapping?: Readonly<Record<string, MappingTarget>>; confirm?: readonly string[]; dryRun: boolean;
}

export async function importRegister(deps: Pick<Deps, 'db' | 'clock'>, { actor, input }: { actor: ImportActor; input: ImportInput }): Promise<EstateImportResult> {
  const fileName = displayFileName(input.fileName);
  const parsed = parseRegister(input.csv, { mapping: input.mapping });
  if (input.dryRun || parsed.problems.length) {
    const plan = planImport({ rows: parsed.rows, register: await repo.readRegister(deps.db), confirm: input.confirm });
    return importResult({ parsed, plan, fileName, outcome: input.dryRun ? 'dry_run' : 'refused' });
  }
  return deps.db.transaction().execute(async (trx) => {
    await repo.lockRegister(trx);
    const plan = planImport({ rows: parsed.rows, register: await repo.readRegister(trx), confirm: input.confirm });
    if (plan.refused.length) return importResult({ parsed, plan, fileName, outcome: 'refused' });
    const { inserts, updates } = writesFor(plan, fileName);
    const at = deps.clock.now();
    await repo.insertCameras(trx, { rows: inserts, userId: actor.userId, at });
    await repo.updateCameras(trx, { rows: updates, userId: actor.userId, at });
    const result = importResult({ parsed, plan, fileName, outcome: 'imported' });
    await recordAudit(trx, actor.audit, {
      action: 'camera-register.imported', recordType: 'cameras',
      details: { fileName, ...result.counts, renumbered: result.updated.filter((u) => u.renumberedFrom).map((u) => `${u.renumberedFrom} -> ${u.number}`) },
    });
    return result;
  });
}
