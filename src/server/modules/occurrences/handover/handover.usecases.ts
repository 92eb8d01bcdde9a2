import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { AppError, notFound, validationFailed, type FieldError } from '../../../platform/http/errors';
import type { Actor } from '../occurrences.usecases';
import * as repo from './handover.repository';

// Handing over the shift: the outgoing operator's handover (open occurrences, outstanding actions,
// equipment faults, notes), acknowledged by someone else coming on. Actions carry over until done.

export interface ActionInput { text: string; ownerId: string; dueAt: Date; occurrenceId?: string | null }

const toAction = (a: Awaited<ReturnType<typeof repo.listOpenActions>>[number], now: Date) => ({
  id: a.id, text: a.text, dueAt: a.due_at.toISOString(), overdue: !a.done_at && a.due_at.getTime() < now.getTime(), doneAt: a.done_at?.toISOString() ?? null,
  owner: { id: a.owner_id, name: a.owner_name }, occurrence: a.occurrence_id ? { id: a.occurrence_id, reference: a.occurrence_reference! } : null,
});

const unknownOccurrence = (ids: string[], path: string): FieldError => ({ path, message: `There is no occurrence ${ids.join(', ')}. Choose occurrences from the list.` });

/** Owners and occurrences named must exist (else a foreign key would fail as a 500): every problem, by field. */
async function checkReferences(db: Deps['db'], { occurrenceIds = [], actions, field = (i, name) => `actions.${i}.${name}` }: {
  occurrenceIds?: string[]; actions: ActionInput[]; field?: (index: number, name: keyof ActionInput) => string;
}) {
  const named = [...occurrenceIds, ...actions.flatMap((a) => (a.occurrenceId ? [a.occurrenceId] : []))];
  const known = new Set(await repo.listExistingOccurrenceIds(db, [...new Set(named)]));
  const problems: FieldError[] = [];
  const unknown = [...new Set(occurrenceIds.filter((id) => !known.has(id)))];
  if (unknown.length) problems.push(unknownOccurrence(unknown, 'occurrenceIds'));
  for (const [i, a] of actions.entries()) {
    if (!(await repo.isActiveCouncilUser(db, a.ownerId))) problems.push({ path: field(i, 'ownerId'), message: 'Choose who owns this action from the list.' });
    if (a.occurrenceId && !known.has(a.occurrenceId)) problems.push(unknownOccurrence([a.occurrenceId], field(i, 'occurrenceId')));
  }
  if (problems.length) throw validationFailed(problems);
}

/** What the outgoing operator starts from: everything still open, and every action not yet done. */
export async function draftHandover(deps: Deps) {
  const now = deps.clock.now();
  const [occurrences, actions] = await Promise.all([repo.listOpenOccurrences(deps.db), repo.listOpenActions(deps.db)]);
  return {
    occurrences: occurrences.map((o) => ({ id: o.id, reference: o.reference, summary: o.summary, openedAt: o.opened_at.toISOString(), priority: o.priority, category: o.category_name })),
    actions: actions.map((a) => toAction(a, now)),
  };
}

export async function createHandover(deps: Deps, { actor, input }: {
  actor: Actor; input: { occurrenceIds: string[]; actions: ActionInput[]; equipmentFaults: string; notes: string; shiftStartedAt?: Date | null };
}) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await checkReferences(trx, input);
    const { id } = await repo.insertHandover(trx, { fromUserId: actor.userId, shiftStartedAt: input.shiftStartedAt ?? null, at: now, notes: input.notes, equipmentFaults: input.equipmentFaults });
    await repo.linkOccurrences(trx, { handoverId: id, occurrenceIds: [...new Set(input.occurrenceIds)] });
    await repo.insertActions(trx, input.actions.map((a) => ({ ...a, occurrenceId: a.occurrenceId ?? null, by: actor.userId, at: now, handoverId: id })));
    await recordAudit(trx, actor.audit, { action: 'handover.created', recordType: 'handover', recordId: id, details: { occurrences: input.occurrenceIds.length, actions: input.actions.length } });
    return { id };
  });
}

export async function acknowledgeHandover(deps: Deps, { actor, id }: { actor: Actor; id: string }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const h = await repo.lockHandover(trx, id);
    if (!h) throw notFound({ what: 'handover' });
    if (h.acknowledged_at) throw new AppError({ code: 'occurrences.handover_already_acknowledged', status: 409, message: 'This handover has already been acknowledged.' });
    if (h.from_user_id === actor.userId) throw new AppError({ code: 'occurrences.handover_own', status: 409, message: 'The operator coming on shift acknowledges a handover, not the one who wrote it.' });
    await repo.acknowledge(trx, { id, by: actor.userId, at: now });
    await recordAudit(trx, actor.audit, { action: 'handover.acknowledged', recordType: 'handover', recordId: id });
    return { id, acknowledgedAt: now.toISOString() };
  });
}

export async function getHandover(deps: Deps, id: string) {
  const now = deps.clock.now();
  const h = await repo.findHandover(deps.db, id);
  if (!h) throw notFound({ what: 'handover' });
  const [occurrences, actions, stillOpen] = await Promise.all([repo.handoverOccurrences(deps.db, id), repo.handoverActions(deps.db, id), repo.listOpenActions(deps.db)]);
  return {
    id: h.id, from: h.from_name, createdAt: h.created_at.toISOString(), shiftStartedAt: h.shift_started_at?.toISOString() ?? null,
    acknowledgedAt: h.acknowledged_at?.toISOString() ?? null, acknowledgedBy: h.acknowledged_by_name, notes: h.notes, equipmentFaults: h.equipment_faults,
    occurrences: occurrences.map((o) => ({ id: o.id, reference: o.reference, summary: o.summary, status: o.status, priority: o.priority, openedAt: o.opened_at.toISOString() })),
    actions: actions.map((a) => toAction(a, now)),
    // Carried over: still-open actions from earlier handovers.
    carriedOver: stillOpen.filter((a) => a.handover_id !== id).map((a) => toAction(a, now)),
  };
}

export async function listHandovers(deps: Deps, { unacknowledgedOnly }: { unacknowledgedOnly: boolean }) {
  const rows = await repo.listHandovers(deps.db, { unacknowledgedOnly, limit: 100 });
  return rows.map((h) => ({
    id: h.id, from: h.from_name, createdAt: h.created_at.toISOString(), acknowledgedAt: h.acknowledged_at?.toISOString() ?? null, acknowledgedBy: h.acknowledged_by_name,
    occurrenceCount: h.occurrence_count, actionCount: h.action_count,
  }));
}

export async function addAction(deps: Deps, { actor, input }: { actor: Actor; input: ActionInput }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await checkReferences(trx, { actions: [input], field: (_, name) => name }); // one action, its fields at the top
    const [row] = await repo.insertActions(trx, [{ ...input, occurrenceId: input.occurrenceId ?? null, by: actor.userId, at: now, handoverId: null }]);
    await recordAudit(trx, actor.audit, { action: 'action.created', recordType: 'action', recordId: row.id });
    return { id: row.id };
  });
}

export async function completeAction(deps: Deps, { actor, id }: { actor: Actor; id: string }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.findAction(trx, id))) throw notFound({ what: 'action' });
    if (!(await repo.completeAction(trx, { id, by: actor.userId, at: now }))) throw new AppError({ code: 'occurrences.action_already_done', status: 409, message: 'That action is already done.' });
    await recordAudit(trx, actor.audit, { action: 'action.done', recordType: 'action', recordId: id });
    return { id, doneAt: now.toISOString() };
  });
}

export async function listOpenActions(deps: Deps) {
  const now = deps.clock.now();
  return (await repo.listOpenActions(deps.db)).map((a) => toAction(a, now));
}

/** The supervisor's screen: handovers nobody has acknowledged, and alerts not yet looked at. */
export async function supervisorOverview(deps: Deps) {
  const [handovers, alerts] = await Promise.all([listHandovers(deps, { unacknowledgedOnly: true }), repo.listOpenAlerts(deps.db)]);
  return {
    unacknowledgedHandovers: handovers,
    alerts: alerts.map((a) => ({ id: a.id, kind: a.kind, message: a.message, createdAt: a.created_at.toISOString(), occurrence: a.occurrence_id ? { id: a.occurrence_id, reference: a.occurrence_reference! } : null })),
  };
}

export async function acknowledgeAlert(deps: Deps, { actor, id }: { actor: Actor; id: string }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.acknowledgeAlert(trx, { id, by: actor.userId, at: now }))) throw notFound({ what: 'alert' });
    await recordAudit(trx, actor.audit, { action: 'supervisor-alert.acknowledged', recordType: 'supervisor_alert', recordId: id });
    return { id };
  });
}

/** Council staff, for action owners and the "Opened by" filter; none for a partner agency's users. */
export async function listAssignees(deps: Deps, { viewerIsExternal }: { viewerIsExternal: boolean }) {
  if (viewerIsExternal) return [];
  return (await repo.listAssignees(deps.db)).map((u) => ({ id: u.id, name: u.display_name, roles: u.roles }));
}
