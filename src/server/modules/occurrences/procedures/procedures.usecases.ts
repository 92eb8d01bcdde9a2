import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { notFound, validationFailed } from '../../../platform/http/errors';
import type { Actor } from '../occurrences.usecases';
import * as repo from '../occurrences.repository';

// The category taxonomy and each category's standard operating procedure, kept by administrators.
// Editing a procedure retires its steps and adds new ones: occurrences keep the wording they saw.

const toStep = (s: { id: string; position: number; text: string; is_required: boolean }) => ({ id: s.id, position: s.position, text: s.text, isRequired: s.is_required });

export async function getProcedure(deps: Deps, categoryId: string) {
  const category = await repo.findCategory(deps.db, categoryId);
  if (!category) throw notFound({ what: 'category' });
  return { category: { id: category.id, key: category.key, name: category.name }, steps: (await repo.listActiveSteps(deps.db, categoryId)).map(toStep) };
}

/** Every category, active or retired, with its procedure: what administrators edit. */
export async function listProcedures(deps: Deps) {
  const [categories, steps] = await Promise.all([repo.listCategories(deps.db), repo.listAllActiveSteps(deps.db)]);
  return categories.map((c) => ({ id: c.id, key: c.key, name: c.name, isActive: c.is_active, steps: steps.filter((s) => s.category_id === c.id).map(toStep) }));
}

export async function replaceProcedure(deps: Deps, { actor, categoryId, steps }: { actor: Actor; categoryId: string; steps: { text: string; isRequired: boolean }[] }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const category = await repo.findCategory(trx, categoryId);
    if (!category) throw notFound({ what: 'category' });
    const before = (await repo.listActiveSteps(trx, categoryId)).map(toStep);
    await repo.retireSteps(trx, { categoryId, at: now });
    await repo.insertSteps(trx, steps.map((s, i) => ({ categoryId, position: i + 1, text: s.text, isRequired: s.isRequired, by: actor.userId, at: now })));
    await recordAudit(trx, actor.audit, { action: 'procedure.changed', recordType: 'occurrence_category', recordId: categoryId, details: { category: category.key, before, after: steps } });
    return { category: { id: category.id, key: category.key, name: category.name }, steps: (await repo.listActiveSteps(trx, categoryId)).map(toStep) };
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
