import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { AppError, notFound, validationFailed, type FieldError } from '../../../platform/http/errors';
import type { Actor } from '../occurrences.usecases';
import { ROLES, ROLE_PERMISSIONS } from '../../../platform/auth/permissions';
import { acknowledgeRefusal, shiftStart } from './handover.models';
import * as repo from './handover.repository';
import { shiftSections } from '../../shift';
import { ShiftSection } from '../../../../domain/platform/contract';

// Handing over the shift: the outgoing operator's handover (what they did during their shift, the
// open occurrences they pass on, their outstanding actions, equipment faults, notes), addressed to
// the person or team coming on and acknowledged by them only. Actions carry over until done.

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

/** Who is looking: what a handover's `canAcknowledge` is worked out for. */
export interface Viewer { userId: string; canWrite: boolean }

type HandoverRow = NonNullable<Awaited<ReturnType<typeof repo.findHandover>>>;
const addresseeOf = (h: Pick<HandoverRow, 'to_user_id' | 'to_user_name' | 'to_team_id' | 'to_team_name'>) =>
  h.to_user_id ? { kind: 'user' as const, id: h.to_user_id, name: h.to_user_name ?? '' }
    : h.to_team_id ? { kind: 'team' as const, id: h.to_team_id, name: h.to_team_name ?? '' } : null;

/** The roles that write the log: the people a handover may be addressed to. */
const WRITER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('occurrences.write'));

async function operatorShift(db: Deps['db'], { userId, sessionId, given, now }: { userId: string; sessionId?: string; given?: Date | null; now: Date }) {
  const marks = await repo.shiftMarks(db, { userId, sessionId });
  return shiftStart({ now, given, ...marks });
}

const toWork = (w: Awaited<ReturnType<typeof repo.listShiftWork>>[number]) => ({
  id: w.id, reference: w.reference, summary: w.summary, status: w.status, opened: w.opened, closed: w.closed, entries: w.entries,
});

/**
 * What the outgoing operator starts from: their shift (since it began, what they worked on), every
 * open occurrence with theirs marked (worked on this shift, or handed to them), their open
 * actions, and who they may hand over to.
 */
export async function draftHandover(deps: Deps, { userId, sessionId, shiftStartedAt }: { userId: string; sessionId?: string; shiftStartedAt?: Date | null }) {
  const now = deps.clock.now();
  const start = await operatorShift(deps.db, { userId, sessionId, given: shiftStartedAt, now });
  const [occurrences, worked, handed, actions, addressees, duties] = await Promise.all([
    repo.listOpenOccurrences(deps.db), repo.listShiftWork(deps.db, { userId, from: start.at, to: now }), repo.listOccurrencesHandedTo(deps.db, { userId, since: start.at }),
    repo.listOperatorOpenActions(deps.db, userId), repo.listAddressees(deps.db, WRITER_ROLES), shiftSections(deps.db, now),
  ]);
  const yours = new Set([...worked.map((w) => w.id), ...handed]);
  return {
    shiftStartedAt: start.at.toISOString(), shiftStart: start.because,
    occurrences: occurrences.map((o) => ({ id: o.id, reference: o.reference, summary: o.summary, openedAt: o.opened_at.toISOString(), priority: o.priority, category: o.category_name, yours: yours.has(o.id) })),
    worked: worked.map(toWork),
    actions: actions.map((a) => toAction(a, now)),
    addressees: { people: addressees.people.filter((p) => p.id !== userId), teams: addressees.teams },
    duties,
  };
}

/** The person or team a new handover goes to: a council member who writes the log (not the writer), or a team with such members. */
async function checkAddressee(db: Deps['db'], { to, fromUserId }: { to: { kind: 'user' | 'team'; id: string }; fromUserId: string }) {
  const { people, teams } = await repo.listAddressees(db, WRITER_ROLES);
  const found = to.kind === 'user' ? people.find((p) => p.id === to.id && p.id !== fromUserId) : teams.find((t) => t.id === to.id);
  if (!found) {
    throw validationFailed([{ path: 'to', message: to.id === fromUserId ? 'Hand over to someone else: the handover is for whoever comes on next.' : 'Choose who you are handing over to from the list.' }]);
  }
  return { kind: to.kind, id: found.id, name: found.name };
}

export async function createHandover(deps: Deps, { actor, sessionId, input }: {
  actor: Actor; sessionId?: string;
  input: { to: { kind: 'user' | 'team'; id: string }; occurrenceIds: string[]; actions: ActionInput[]; equipmentFaults: string; notes: string; shiftStartedAt?: Date | null };
}) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await checkReferences(trx, input);
    const to = await checkAddressee(trx, { to: input.to, fromUserId: actor.userId });
    const start = await operatorShift(trx, { userId: actor.userId, sessionId, given: input.shiftStartedAt, now });
    // Open actions from earlier shifts that were the outgoing operator's pass on with the shift.
    const carried = (await repo.listOperatorOpenActions(trx, actor.userId)).map((a) => a.id);
    // The other duties' open work as it stands now, kept with the handover (the incoming shift sees what was handed over).
    const duties = await shiftSections(trx, now);
    const { id } = await repo.insertHandover(trx, { fromUserId: actor.userId, to, shiftStartedAt: start.at, at: now, notes: input.notes, equipmentFaults: input.equipmentFaults, duties });
    const occurrenceIds = [...new Set(input.occurrenceIds)];
    await repo.linkOccurrences(trx, { handoverId: id, occurrenceIds });
    await repo.insertActions(trx, input.actions.map((a) => ({ ...a, occurrenceId: a.occurrenceId ?? null, by: actor.userId, at: now, handoverId: id })));
    await repo.linkCarriedActions(trx, { handoverId: id, actionIds: carried });
    await recordAudit(trx, actor.audit, {
      action: 'handover.sent', recordType: 'handover', recordId: id,
      details: { to: { kind: to.kind, id: to.id }, shiftStartedAt: start.at.toISOString(), occurrences: occurrenceIds.length, actions: input.actions.length, carriedOver: carried.length, duties: duties.map((d) => ({ key: d.key, items: d.items.length })) },
    });
    return { id, to, occurrenceCount: occurrenceIds.length, actionCount: input.actions.length + carried.length };
  });
}

export async function acknowledgeHandover(deps: Deps, { actor, id }: { actor: Actor; id: string }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.lockHandover(trx, id))) throw notFound({ what: 'handover' });
    const h = (await repo.findHandover(trx, id))!;
    const refusal = acknowledgeRefusal({ handover: h, actor: { userId: actor.userId, teamId: await repo.findTeamOf(trx, actor.userId) } });
    if (refusal === 'already') throw new AppError({ code: 'occurrences.handover_already_acknowledged', status: 409, message: 'This handover has already been acknowledged.' });
    if (refusal === 'own') throw new AppError({ code: 'occurrences.handover_own', status: 409, message: 'The operator coming on shift acknowledges a handover, not the one who wrote it.' });
    if (refusal === 'not_addressee') {
      const to = addresseeOf(h)!;
      throw new AppError({
        code: 'occurrences.handover_not_addressed_to_you', status: 403,
        message: to.kind === 'user' ? `This handover is addressed to ${to.name}: only they can acknowledge it.` : `This handover is addressed to the ${to.name} team: only its members can acknowledge it.`,
      });
    }
    await repo.acknowledge(trx, { id, by: actor.userId, at: now });
    await recordAudit(trx, actor.audit, { action: 'handover.acknowledged', recordType: 'handover', recordId: id, details: { to: h.to_user_id ? { kind: 'user', id: h.to_user_id } : h.to_team_id ? { kind: 'team', id: h.to_team_id } : null } });
    return { id, acknowledgedAt: now.toISOString() };
  });
}

async function mayAcknowledge(db: Deps['db'], viewer: Viewer) {
  const teamId = viewer.canWrite ? await repo.findTeamOf(db, viewer.userId) : null;
  return (h: Parameters<typeof acknowledgeRefusal>[0]['handover']) => viewer.canWrite && !acknowledgeRefusal({ handover: h, actor: { userId: viewer.userId, teamId } });
}

export async function getHandover(deps: Deps, { id, viewer }: { id: string; viewer: Viewer }) {
  const now = deps.clock.now();
  const h = await repo.findHandover(deps.db, id);
  if (!h) throw notFound({ what: 'handover' });
  const [occurrences, actions, carried, worked, may] = await Promise.all([
    repo.handoverOccurrences(deps.db, id), repo.handoverActions(deps.db, id), repo.carriedActions(deps.db, id),
    // Handovers from before shifts were recorded have no start: their shift is not known.
    h.shift_started_at ? repo.listShiftWork(deps.db, { userId: h.from_user_id, from: h.shift_started_at, to: h.created_at }) : [],
    mayAcknowledge(deps.db, viewer),
  ]);
  return {
    id: h.id, from: h.from_name, to: addresseeOf(h), createdAt: h.created_at.toISOString(), shiftStartedAt: h.shift_started_at?.toISOString() ?? null,
    acknowledgedAt: h.acknowledged_at?.toISOString() ?? null, acknowledgedBy: h.acknowledged_by_name, canAcknowledge: may(h), notes: h.notes, equipmentFaults: h.equipment_faults,
    occurrences: occurrences.map((o) => ({ id: o.id, reference: o.reference, summary: o.summary, status: o.status, priority: o.priority, openedAt: o.opened_at.toISOString() })),
    worked: worked.map(toWork),
    actions: actions.map((a) => toAction(a, now)),
    carriedOver: carried.map((a) => toAction(a, now)),
    duties: ShiftSection.array().catch([]).parse(h.duties),
  };
}

export async function listHandovers(deps: Deps, { status, viewer }: { status: 'all' | 'unacknowledged' | 'waiting_for_me'; viewer: Viewer }) {
  const may = await mayAcknowledge(deps.db, viewer);
  const waitingFor = status === 'waiting_for_me' ? { userId: viewer.userId, teamId: await repo.findTeamOf(deps.db, viewer.userId) } : undefined;
  const rows = await repo.listHandovers(deps.db, { unacknowledgedOnly: status === 'unacknowledged', waitingFor, limit: 100 });
  return rows.map((h) => ({
    id: h.id, from: h.from_name, to: addresseeOf(h), createdAt: h.created_at.toISOString(), acknowledgedAt: h.acknowledged_at?.toISOString() ?? null, acknowledgedBy: h.acknowledged_by_name,
    occurrenceCount: h.occurrence_count, actionCount: h.action_count, canAcknowledge: may(h),
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
export async function supervisorOverview(deps: Deps, { viewer }: { viewer: Viewer }) {
  const [handovers, alerts] = await Promise.all([listHandovers(deps, { status: 'unacknowledged', viewer }), repo.listOpenAlerts(deps.db)]);
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
