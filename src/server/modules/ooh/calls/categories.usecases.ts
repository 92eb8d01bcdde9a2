import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { AppError, notFound, validationFailed } from '../../../platform/http/errors';
import { describeResponse, type OohResponse } from '../../../../domain/ooh/triage';
import type { AddOohCategory, OohCategory, SaveOohCategory } from '../../../../domain/ooh/calls.contract';
import * as repo from './categories.repository';
import type { Actor } from './calls.usecases';

// The call categories: what the officer chooses from, and the control-room manager's settings.
// A change is a new version (the old one kept); a call keeps the priority and response it was
// triaged with, so a later change never moves an old call's response time.

export interface StoredPriority { key: string; name: string; response: OohResponse }

export const toCategory = (r: repo.CategoryRow): OohCategory => ({
  id: r.id, key: r.key, name: r.name, duty: r.duty_id ? { id: r.duty_id, key: r.duty_key!, name: r.duty_name! } : null,
  ackMinutes: r.ack_minutes, becomesFault: r.becomes_fault, isActive: r.is_active, version: r.version,
  priorities: (r.priorities as StoredPriority[]).map((p) => ({ ...p, responseLabel: describeResponse(p.response) })),
});

export async function callSettings(deps: Deps) {
  const [categories, duties] = await Promise.all([repo.listCategories(deps.db), repo.listDuties(deps.db)]);
  return { categories: categories.map(toCategory), duties };
}

const snapshot = (input: SaveOohCategory & { key: string }) =>
  JSON.stringify({ key: input.key, name: input.name, dutyId: input.dutyId, ackMinutes: input.ackMinutes, priorities: input.priorities, becomesFault: input.becomesFault, isActive: input.isActive });

async function checkDuty(deps: Deps, dutyId: string | null) {
  if (dutyId && !(await repo.findDuty(deps.db, dutyId))) throw validationFailed([{ path: 'dutyId', message: 'Choose a rota duty from the list' }]);
}

export async function addCategory(deps: Deps, { actor, input }: { actor: Actor; input: AddOohCategory }) {
  await checkDuty(deps, input.dutyId);
  return deps.db.transaction().execute(async (trx) => {
    if (await repo.findCategoryByKey(trx, input.key)) throw validationFailed([{ path: 'key', message: 'A category already has that code: choose another' }]);
    const now = deps.clock.now();
    const { id } = await repo.insertCategory(trx, {
      key: input.key, name: input.name, duty_id: input.dutyId, ack_minutes: input.ackMinutes, priorities: JSON.stringify(input.priorities),
      becomes_fault: input.becomesFault, is_active: input.isActive, sort_order: await repo.nextSortOrder(trx), updated_by: actor.userId,
    });
    await repo.insertVersion(trx, { category_id: id, version: 1, snapshot: snapshot(input), changed_by: actor.userId, changed_at: now });
    await recordAudit(trx, actor.audit, { action: 'ooh.call_category.added', recordType: 'ooh_call_category', recordId: id, details: { key: input.key, name: input.name } });
    return toCategory((await repo.findCategory(trx, id))!);
  });
}

export async function saveCategory(deps: Deps, { actor, id, input, version }: { actor: Actor; id: string; input: SaveOohCategory; version?: number }) {
  await checkDuty(deps, input.dutyId);
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockCategory(trx, id);
    if (!row) throw notFound({ what: 'call category' });
    if (version !== undefined && version !== row.version) throw new AppError({ code: 'ooh.category_changed', status: 409, message: 'Someone else changed this category a moment ago: reload it and try again.' });
    const now = deps.clock.now();
    const next = row.version + 1;
    await repo.updateCategory(trx, id, {
      name: input.name, duty_id: input.dutyId, ack_minutes: input.ackMinutes, priorities: JSON.stringify(input.priorities),
      becomes_fault: input.becomesFault, is_active: input.isActive, version: next, updated_by: actor.userId, updated_at: now,
    });
    await repo.insertVersion(trx, { category_id: id, version: next, snapshot: snapshot({ ...input, key: row.key }), changed_by: actor.userId, changed_at: now });
    await recordAudit(trx, actor.audit, { action: 'ooh.call_category.changed', recordType: 'ooh_call_category', recordId: id, details: { key: row.key, version: next, before: toCategory(row), after: input } });
    return toCategory((await repo.findCategory(trx, id))!);
  });
}
