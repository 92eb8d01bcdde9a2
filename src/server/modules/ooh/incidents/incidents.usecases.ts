import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { AppError, notFound, validationFailed } from '../../../platform/http/errors';
import { londonYear } from '../../../../domain/calendar/london';
import { formatIncidentReference, pastTimeProblem, TIMELINE_LOOKBACK_MS } from '../../../../domain/ooh/incidents';
import type {
  OohAddAction, OohAddTimelineEntry, OohCloseIncident, OohDeclareIncident, OohHandOverIncident, OohLogDecision, OohUpdateAction, OohUpdateMethane,
} from '../../../../domain/ooh/incidents.contract';
import type { MethaneMessage } from '../../../../domain/ooh/methane';
import * as repo from './incidents.repository';
import { incidentDetail, listSummaries } from './incidents.views';

// What officers do with a major incident: declare it with its M/ETHANE message, send updated
// messages, log what they hear, decide and act, hand it over, and stand it down. Each write is one
// transaction under the incident's row lock, appends to its log and is audited; a closed incident
// refuses every write (409 ooh.incident_closed) and nothing is half-written.

export interface Actor { audit: AuditActor; userId: string }
type In<S extends z.ZodType> = z.output<S>;

export const incidentNotFound = () => notFound({ what: 'major incident' });
export const incidentClosed = (reference: string) =>
  new AppError({ code: 'ooh.incident_closed', status: 409, message: `${reference} was stood down and is read-only: nothing more can be added to it.` });
const bad = (path: string, message: string) => validationFailed([{ path, message }]);

export async function declareIncident(deps: Deps, { actor, input }: { actor: Actor; input: In<typeof OohDeclareIncident> }) {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const year = londonYear(now);
    const number = await repo.takeIncidentNumber(trx, year);
    const reference = formatIncidentReference(year, number);
    const { id } = await repo.insertIncident(trx, { reference, year, number, title: input.title, exercise: input.exercise, declared_at: now, declared_by: actor.userId });
    await repo.appendMethane(trx, { incidentId: id, message: input.message as MethaneMessage, at: now, by: actor.userId });
    await recordAudit(trx, actor.audit, { action: 'ooh.incident.declared', recordType: 'ooh_incident', recordId: id, details: { reference, exercise: input.exercise, status: input.message.status } });
    return incidentDetail(trx, (await repo.findIncident(trx, id))!);
  });
}

export const listIncidents = (deps: Deps, { open }: { open?: boolean }) => listSummaries(deps.db, { open }).then((items) => ({ items }));

export async function getIncident(deps: Deps, { id }: { id: string }) {
  const row = await repo.findIncident(deps.db, id);
  if (!row) throw incidentNotFound();
  return incidentDetail(deps.db, row);
}

type Locked = NonNullable<Awaited<ReturnType<typeof repo.lockIncident>>>;

/** One write on an open incident: locked, checked and applied by `apply`, audited, the incident returned. */
async function write(deps: Deps, { actor, id, action }: { actor: Actor; id: string; action: string }, apply: (trx: Db, row: Locked, now: Date) => Promise<Record<string, unknown>>) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockIncident(trx, id);
    if (!row) throw incidentNotFound();
    if (row.closed_at) throw incidentClosed(row.reference);
    const details = await apply(trx, row, deps.clock.now());
    await recordAudit(trx, actor.audit, { action: `ooh.incident.${action}`, recordType: 'ooh_incident', recordId: id, details: { reference: row.reference, ...details } });
    return incidentDetail(trx, (await repo.findIncident(trx, id))!);
  });
}

const pastTime = (at: Date | undefined, now: Date, { path, what, earliest }: { path: string; what: string; earliest?: Date }) => {
  const when = at ?? now;
  const problem = pastTimeProblem(when, { now, earliest, what });
  if (problem) throw bad(path, problem);
  return when;
};

export const updateMethane = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: In<typeof OohUpdateMethane> }) =>
  write(deps, { actor, id, action: 'methane_sent' }, async (trx, row, now) => {
    const latest = await repo.latestVersion(trx, row.id);
    if (input.basedOn !== undefined && input.basedOn !== latest) {
      throw new AppError({ code: 'ooh.methane_changed', status: 409, message: `Version ${latest} of the M/ETHANE message came in while you were writing: read it, then send yours again.` });
    }
    const version = await repo.appendMethane(trx, { incidentId: row.id, message: input.message as MethaneMessage, at: now, by: actor.userId });
    return { version, status: input.message.status };
  });

export const addTimelineEntry = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: In<typeof OohAddTimelineEntry> }) =>
  write(deps, { actor, id, action: 'information_received' }, async (trx, row, now) => {
    const earliest = new Date(row.declared_at.getTime() - TIMELINE_LOOKBACK_MS);
    const receivedAt = pastTime(input.receivedAt, now, { path: 'receivedAt', what: 'it was received', earliest });
    if (input.correctsSeq !== undefined && !(await repo.hasRow(trx, 'ooh_incident_timeline', row.id, input.correctsSeq))) throw bad('correctsSeq', 'Choose an entry of this incident’s timeline to correct');
    const seq = await repo.appendTimeline(trx, {
      incident_id: row.id, received_at: receivedAt, source: input.source, source_name: input.sourceName, content: input.content,
      corrects_seq: input.correctsSeq ?? null, recorded_by: actor.userId, recorded_at: now,
    });
    return { seq, source: input.source, correctsSeq: input.correctsSeq ?? null };
  });

export const logDecision = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: In<typeof OohLogDecision> }) =>
  write(deps, { actor, id, action: 'decision_logged' }, async (trx, row, now) => {
    const decidedAt = pastTime(input.decidedAt, now, { path: 'decidedAt', what: 'it was decided', earliest: new Date(row.declared_at.getTime() - TIMELINE_LOOKBACK_MS) });
    if (input.revisesSeq !== undefined && !(await repo.hasRow(trx, 'ooh_incident_decisions', row.id, input.revisesSeq))) throw bad('revisesSeq', 'Choose a decision of this incident to revise');
    const seq = await repo.appendDecision(trx, {
      incident_id: row.id, decision: input.decision, rationale: input.rationale, options: input.options, decided_by_name: input.decidedByName,
      decided_by_role: input.decidedByRole, decided_at: decidedAt, revises_seq: input.revisesSeq ?? null, recorded_by: actor.userId, recorded_at: now,
    });
    return { seq, revisesSeq: input.revisesSeq ?? null };
  });

export const addAction = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: In<typeof OohAddAction> }) =>
  write(deps, { actor, id, action: 'action_added' }, async (trx, row, now) => {
    const seq = await repo.appendAction(trx, {
      incident_id: row.id, action: input.action, owner_name: input.ownerName, owner_organisation: input.ownerOrganisation,
      due_at: input.dueAt ?? null, recorded_by: actor.userId, recorded_at: now,
    });
    return { seq, owner: input.ownerName };
  });

export const updateAction = (deps: Deps, { actor, id, seq, input }: { actor: Actor; id: string; seq: number; input: In<typeof OohUpdateAction> }) =>
  write(deps, { actor, id, action: 'action_updated' }, async (trx, row, now) => {
    if (!(await repo.hasRow(trx, 'ooh_incident_actions', row.id, seq))) throw notFound({ what: 'action' });
    await repo.appendActionUpdate(trx, { incident_id: row.id, action_seq: seq, status: input.status, note: input.note, by_user_id: actor.userId, at: now });
    return { actionSeq: seq, status: input.status };
  });

export const handOver = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: In<typeof OohHandOverIncident> }) =>
  write(deps, { actor, id, action: 'handed_over' }, async (trx, row, now) => {
    if (input.toUserId === actor.userId) throw bad('toUserId', 'Choose another officer: you cannot hand the incident over to yourself');
    const to = await repo.findOfficer(trx, input.toUserId);
    if (!to) throw bad('toUserId', 'Choose an out-of-hours officer or supervisor to take the incident over');
    const seq = await repo.appendHandover(trx, { incident_id: row.id, from_user_id: actor.userId, to_user_id: to.id, summary: input.summary, outstanding: input.outstanding, handed_at: now });
    return { seq, to: to.name };
  });

export const acknowledgeHandover = (deps: Deps, { actor, id, seq }: { actor: Actor; id: string; seq: number }) =>
  write(deps, { actor, id, action: 'handover_acknowledged' }, async (trx, row, now) => {
    const handover = (await repo.listHandovers(trx, row.id)).find((h) => h.seq === seq);
    if (!handover) throw notFound({ what: 'handover' });
    if (handover.to_user_id !== actor.userId) throw new AppError({ code: 'ooh.not_the_receiver', status: 409, message: `Only ${handover.to_name}, who is taking the incident over, can acknowledge this handover.` });
    if (handover.acknowledged_at) throw new AppError({ code: 'ooh.already_acknowledged', status: 409, message: 'This handover was already acknowledged.' });
    await repo.insertHandoverAck(trx, { incident_id: row.id, handover_seq: seq, by_user_id: actor.userId, at: now });
    return { seq };
  });

export const closeIncident = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: In<typeof OohCloseIncident> }) =>
  write(deps, { actor, id, action: 'closed' }, async (trx, row, now) => {
    const at = pastTime(input.closedAt, now, { path: 'closedAt', what: 'it was stood down', earliest: row.declared_at });
    await repo.closeIncident(trx, row.id, { at, by: actor.userId, note: input.note });
    return { closedAt: at.toISOString() };
  });

export const listOfficers = (deps: Deps) => repo.listOfficers(deps.db).then((items) => ({ items }));
