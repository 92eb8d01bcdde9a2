import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { notFound, validationFailed } from '../../../platform/http/errors';
import type { Actor } from '../occurrences.usecases';
import * as repo from '../occurrences.repository';
import { decideProcedureEdit } from '../occurrences.models';

// The category taxonomy and each category's standard operating procedure, kept by administrators.
// A procedure is versioned: an edit adds a version (its own steps), nothing earlier changes, and an
// occurrence follows the version it was opened with (see stepStates).

type StepRow = { id: string; position: number; text: string; is_required: boolean };
const toStep = (s: StepRow) => ({ id: s.id, position: s.position, text: s.text, isRequired: s.is_required });
type VersionRow = { version: number; created_at: Date; created_by_name?: string | null };
const toVersion = (v: VersionRow) => ({ version: v.version, createdAt: v.created_at.toISOString(), createdBy: v.created_by_name ?? null });

async function currentProcedure(db: Deps['db'], category: { id: string; key: string; name: string }) {
  const version = await repo.findCurrentVersion(db, category.id);
  const steps = await repo.listVersionSteps(db, version?.id ?? null);
  const [newest] = await repo.listVersions(db, { categoryId: category.id });
  return {
    category: { id: category.id, key: category.key, name: category.name },
    version: newest ? toVersion(newest) : null,
    steps: steps.map(toStep),
  };
}

export async function getProcedure(deps: Deps, categoryId: string) {
  const category = await repo.findCategory(deps.db, categoryId);
  if (!category) throw notFound({ what: 'category' });
  return currentProcedure(deps.db, category);
}

/** Every category, active or retired, with its procedure in force and the versions before it: what administrators edit. */
export async function listProcedures(deps: Deps) {
  const [categories, steps, versions] = await Promise.all([repo.listCategories(deps.db), repo.listAllCurrentSteps(deps.db), repo.listVersions(deps.db)]);
  return categories.map((c) => {
    const history = versions.filter((v) => v.category_id === c.id).map((v) => ({ ...toVersion(v), stepCount: v.step_count ?? 0, requiredCount: v.required_count ?? 0 }));
    return { id: c.id, key: c.key, name: c.name, isActive: c.is_active, version: history[0] ?? null, history, steps: steps.filter((s) => s.category_id === c.id).map(toStep) };
  });
}

/** Saving a procedure adds a version when the steps differ from those in force; open occurrences keep theirs. */
export async function replaceProcedure(deps: Deps, { actor, categoryId, steps }: { actor: Actor; categoryId: string; steps: { text: string; isRequired: boolean }[] }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const category = await repo.lockCategory(trx, categoryId);
    if (!category) throw notFound({ what: 'category' });
    const current = await repo.findCurrentVersion(trx, categoryId);
    const before = (await repo.listVersionSteps(trx, current?.id ?? null)).map(toStep);
    const decision = decideProcedureEdit({ current: current && { version: current.version, steps: before }, steps });
    if (decision.changed) {
      await repo.insertVersion(trx, { categoryId, version: decision.version, steps, by: actor.userId, at: now });
      await recordAudit(trx, actor.audit, {
        action: 'procedure.changed', recordType: 'occurrence_category', recordId: categoryId,
        details: { category: category.key, version: decision.version, before, after: steps },
      });
    }
    return currentProcedure(trx, category);
  });
}

const slug = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40);

export async function addCategory(deps: Deps, { actor, name }: { actor: Actor; name: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const key = slug(name);
    if (key.length < 2) throw validationFailed([{ path: 'name', message: 'Use at least two letters or digits.' }]);
    if (await repo.findCategoryByKey(trx, key)) throw validationFailed([{ path: 'name', message: 'There is already a category with that name.' }]);
    const { id } = await repo.insertCategory(trx, { key, name, sortOrder: 500 });
    await recordAudit(trx, actor.audit, { action: 'occurrence-category.created', recordType: 'occurrence_category', recordId: id, details: { key, name } });
    return { id, key, name };
  });
}

export async function updateCategory(deps: Deps, { actor, id, name, isActive }: { actor: Actor; id: string; name?: string; isActive?: boolean }) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await repo.findCategory(trx, id);
    if (!before) throw notFound({ what: 'category' });
    await repo.updateCategory(trx, id, { name, is_active: isActive });
    await recordAudit(trx, actor.audit, { action: 'occurrence-category.updated', recordType: 'occurrence_category', recordId: id, details: { before: { name: before.name, isActive: before.is_active }, after: { name, isActive } } });
    const after = (await repo.findCategory(trx, id))!;
    return { id, key: after.key, name: after.name, isActive: after.is_active };
  });
}
