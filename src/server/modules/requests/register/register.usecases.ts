import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { londonDay } from '../../../../domain/calendar/london';
import type { WorkingCalendar } from '../../../../domain/calendar/workingCalendar';
import { DEFAULT_CLOCK_POLICY, type ClockPolicy } from '../../../../domain/deadlines/policy';
import { pausesProblem } from '../../../../domain/deadlines/pauses';
import { requestClock } from '../../../../domain/requests/clock';
import {
  formatRequestReference, type AssignRequest, type ChangeStatus, type EscalateComplaint, type ExtendClock, type ReceiveRequest,
  type RequestNote, type RequestsDashboard, type RequestsQuery, type ReopenRequest, type RestartClock, type StopClock, type SubmitFootageRequest,
} from '../../../../domain/requests/contract';
import { FLOWS, PAUSE_STATUS, isClosedStatus, statusChangeProblem, type RequestType } from '../../../../domain/requests/workflow';
import { loadCalendar } from '../calendar/calendar.load';
import * as repo from './register.repository';
import * as errors from './register.errors';
import { clockCaseOf, toDetail, toSummary, type ViewContext } from './register.views';

// What people do with the register: receive a request (or, as a partner agency, submit one), move
// it through its statuses, stop and restart its clock, extend it, give it an owner, escalate a
// complaint, note and correct. Every step is one transaction under the request's row lock: it
// appends an event, works the due date out again from the case and the calendar, and is audited.

export interface Actor { audit: AuditActor; userId: string; viewer: repo.Viewer }

async function context(deps: Deps, db: Db = deps.db): Promise<ViewContext> {
  return { calendar: await loadCalendar(db), today: londonDay(deps.clock.now()) };
}

/** The council's clock policy in force on a day (the default where administrators set none). */
export async function policyOn(db: Db, day: string): Promise<ClockPolicy> {
  return ((await repo.findPolicyOn(db, day))?.policy as ClockPolicy | undefined) ?? DEFAULT_CLOCK_POLICY;
}

/** Works the due date of a request out again and stores it (null while its clock is stopped). */
async function refreshDue(db: Db, id: string, viewer: repo.Viewer, ctx: ViewContext) {
  const row = (await repo.findRequest(db, id, viewer))!;
  const pauses = await repo.listPauses(db, id);
  const clock = requestClock({ ...clockCaseOf(row, pauses), closed: false }, ctx);
  const due = row.closed_at ? row.due_on : clock.due; // a closed request keeps the due date it closed against
  if (due !== row.due_on) await repo.updateRequest(db, id, { due_on: due });
  return due;
}

/** After the calendar or policy changed: every open request's due date worked out again. */
export async function refreshOpenDueDates(db: Db, { calendar, today }: { calendar: WorkingCalendar; today: string }) {
  const rows = await repo.listOpenForRefresh(db);
  const pauses = await repo.listPausesFor(db, rows.map((r) => r.id));
  let changed = 0;
  for (const row of rows) {
    const clock = requestClock(clockCaseOf(row, pauses.filter((p) => p.request_id === row.id).map((p) => ({ id: '', ...p }))), { calendar, today });
    if (clock.due !== row.due_on) {
      await repo.updateRequest(db, row.id, { due_on: clock.due });
      changed++;
    }
  }
  return { changed };
}

function checkReceived(day: string, today: string) {
  if (day > today) throw errors.receivedInFuture();
}

export async function receiveRequest(deps: Deps, { actor, input, organisationId = null }: { actor: Actor; input: ReceiveRequest; organisationId?: string | null }) {
  const today = londonDay(deps.clock.now());
  checkReceived(input.receivedOn, today);
  return deps.db.transaction().execute(async (trx) => {
    if (input.ownerId && !(await repo.findOwner(trx, input.ownerId))) throw errors.unknownOwner();
    if ((await repo.countKnownCameras(trx, input.cameraIds)) !== input.cameraIds.length) throw errors.unknownCameras();
    const year = Number(input.receivedOn.slice(0, 4));
    const number = await repo.takeRequestNumber(trx, year);
    const reference = formatRequestReference(year, number);
    const policy = await policyOn(trx, input.receivedOn);
    const now = deps.clock.now();
    const { id } = await repo.insertRequest(trx, {
      reference, year, number, type: input.type, status: 'received', received_on: input.receivedOn, channel: input.channel,
      requester_name: input.requester.name, requester_organisation: input.requester.organisation, requester_email: input.requester.email,
      requester_phone: input.requester.phone, requester_address: input.requester.address, organisation_id: organisationId,
      summary: input.summary, place: input.place, time_from: input.timeFrom ?? null, time_to: input.timeTo ?? null,
      person_description: input.personDescription, clothing: input.clothing, authority: input.authority ? JSON.stringify(input.authority) : null,
      owner_id: input.ownerId ?? null, stage_received_on: input.receivedOn, is_data_protection_complaint: input.type === 'complaint' && input.isDataProtectionComplaint,
      policy: JSON.stringify(policy), created_by: actor.userId, created_at: now, updated_at: now,
    });
    await repo.setCameras(trx, id, input.cameraIds);
    await repo.appendEvent(trx, { requestId: id, kind: 'received', at: now, by: actor.userId, details: { type: input.type, channel: input.channel, receivedOn: input.receivedOn } });
    const ctx = await context(deps, trx);
    await refreshDue(trx, id, actor.viewer, ctx);
    await recordAudit(trx, actor.audit, { action: 'request.received', recordType: 'request', recordId: id, details: { reference, type: input.type, receivedOn: input.receivedOn } });
    return getRequestIn(trx, { actor, id, ctx });
  });
}

/** A partner agency's user asks for footage: the request is their organisation's, received today through the app. */
export async function submitFootageRequest(deps: Deps, { actor, input, user }: { actor: Actor; input: SubmitFootageRequest; user: { name: string; organisationId: string; organisationName: string } }) {
  const email = (await repo.findUserEmail(deps.db, actor.userId)) ?? '';
  return receiveRequest(deps, {
    actor, organisationId: user.organisationId,
    input: {
      type: 'agency_footage', receivedOn: londonDay(deps.clock.now()), channel: 'portal',
      requester: { name: user.name, organisation: user.organisationName, email, phone: input.phone, address: '' },
      summary: input.summary, place: input.place, timeFrom: input.timeFrom, timeTo: input.timeTo, cameraIds: input.cameraIds,
      personDescription: '', clothing: '', authority: input.authority, isDataProtectionComplaint: false,
    },
  });
}

export async function listRequests(deps: Deps, { actor, query }: { actor: Actor; query: RequestsQuery }) {
  const ctx = await context(deps);
  const { rows, total } = await repo.listRequests(deps.db, query, { viewer: actor.viewer, userId: actor.userId, today: ctx.today });
  return { items: rows.map((r) => toSummary(r, ctx)), total, page: query.page, pageSize: query.pageSize };
}

export async function* streamRequests(deps: Deps, { actor, query }: { actor: Actor; query: RequestsQuery }) {
  const ctx = await context(deps);
  for await (const rows of repo.streamRequests(deps.db, query, { viewer: actor.viewer, userId: actor.userId, today: ctx.today })) {
    yield rows.map((r) => ({ row: r, summary: toSummary(r, ctx) }));
  }
}

async function getRequestIn(db: Db, { actor, id, ctx }: { actor: Actor; id: string; ctx: ViewContext }) {
  const row = await repo.findRequest(db, id, actor.viewer);
  if (!row) throw errors.requestNotFound();
  const [pauses, events, cameras] = await Promise.all([repo.listPauses(db, id), repo.listEvents(db, id), repo.listCameras(db, id)]);
  return toDetail(row, { pauses, events, cameras }, ctx);
}

export async function getRequest(deps: Deps, { actor, id }: { actor: Actor; id: string }) {
  return getRequestIn(deps.db, { actor, id, ctx: await context(deps) });
}

export type StepResult = { kind: string; details?: Record<string, unknown>; correctsSeq?: number | null; set?: Record<string, unknown> };

/**
 * One step on one request: locked, checked by `apply`, its event appended, its due date refreshed,
 * audited. Exported for the request's other parts (correspondence/) that append their own events.
 */
export async function step(deps: Deps, { actor, id }: { actor: Actor; id: string }, apply: (trx: Db, row: repo.RequestRow, ctx: ViewContext) => Promise<StepResult>) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockRequest(trx, id, actor.viewer);
    if (!row) throw errors.requestNotFound();
    const ctx = await context(deps, trx);
    const r = await apply(trx, row, ctx);
    if (r.set) await repo.updateRequest(trx, id, r.set);
    const seq = await repo.appendEvent(trx, { requestId: id, kind: r.kind, at: deps.clock.now(), by: actor.userId, details: r.details, correctsSeq: r.correctsSeq });
    const due = await refreshDue(trx, id, actor.viewer, ctx);
    await recordAudit(trx, actor.audit, { action: `request.${r.kind}`, recordType: 'request', recordId: id, details: { reference: row.reference, seq, due, ...r.details } });
    return getRequestIn(trx, { actor, id, ctx });
  });
}

/**
 * The same step for the module's other slices (casework/…): `apply` checks the locked request and
 * says what event to append; the step appends it, refreshes the due date, audits and returns the request.
 */
export const recordStep = step;

const closing = (to: string, now: Date) => (isClosedStatus(to) ? { closed_at: now, outcome: to } : {});

export const changeStatus = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof ChangeStatus> }) =>
  step(deps, { actor, id }, async (_trx, row) => {
    const problem = statusChangeProblem({ type: row.type as RequestType, from: row.status, to: input.status });
    if (problem) throw isClosedStatus(row.status) ? errors.alreadyClosed() : errors.statusRefused(problem);
    return { kind: 'status-changed', details: { from: row.status, to: input.status, note: input.note }, set: { status: input.status, ...closing(input.status, deps.clock.now()) } };
  });

export const stopClock = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof StopClock> }) =>
  step(deps, { actor, id }, async (trx, row, ctx) => {
    if (row.closed_at) throw errors.alreadyClosed();
    if (row.paused) throw errors.pauseRefused('The clock is already stopped: restart it first.');
    if (!FLOWS[row.type as RequestType].pauses.includes(input.reason)) throw errors.pauseRefused(`The clock of this kind of request does not stop for that.`);
    const on = input.on ?? ctx.today;
    if (on > ctx.today) throw errors.badDay({ path: 'on', message: 'The clock cannot stop on a day still to come' });
    const problem = pausesProblem([{ from: on, to: null }], row.received_on);
    if (problem) throw errors.badDay({ path: 'on', message: problem });
    const last = (await repo.listPauses(trx, id)).at(-1);
    if (last?.to && on < last.to) throw errors.badDay({ path: 'on', message: `The clock last restarted on ${last.to}: it cannot stop before then` });
    await repo.insertPause(trx, { request_id: id, reason: input.reason, from_day: on, stopped_by: actor.userId, stopped_at: deps.clock.now() });
    return { kind: 'clock-stopped', details: { reason: input.reason, on, note: input.note, statusBefore: row.status }, set: { status: PAUSE_STATUS[input.reason] } };
  });

export const restartClock = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof RestartClock> }) =>
  step(deps, { actor, id }, async (trx, row, ctx) => {
    if (!row.paused) throw errors.notPaused();
    const on = input.on ?? ctx.today;
    if (on > ctx.today) throw errors.badDay({ path: 'on', message: 'What was asked for cannot arrive on a day still to come' });
    const open = (await repo.listPauses(trx, id)).find((p) => p.to === null)!;
    if (on < open.from) throw errors.badDay({ path: 'on', message: `The clock stopped on ${open.from}: it cannot restart before then` });
    await repo.closePause(trx, { requestId: id, to: on, by: actor.userId, at: deps.clock.now() });
    const events = await repo.listEvents(trx, id);
    const stoppedFrom = [...events].reverse().find((e) => e.kind === 'clock-stopped')?.details as { statusBefore?: string } | undefined;
    const back = stoppedFrom?.statusBefore && !isClosedStatus(stoppedFrom.statusBefore) ? stoppedFrom.statusBefore : 'in_progress';
    const status = FLOWS[row.type as RequestType].working.includes(back as never) ? back : FLOWS[row.type as RequestType].working.at(-1)!;
    return { kind: 'clock-restarted', details: { reason: open.reason, from: open.from, on, note: input.note }, set: { status } };
  });

export const extendClock = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof ExtendClock> }) =>
  step(deps, { actor, id }, async (trx, row, ctx) => {
    if (row.closed_at) throw errors.alreadyClosed();
    const type = row.type as RequestType;
    if (!FLOWS[type].extendable) throw errors.extensionRefused('Only a subject access request or an FOI request can be extended.');
    if (row.extended) throw errors.extensionRefused('It is already extended.');
    if (input.notifiedOn > ctx.today) throw errors.badDay({ path: 'notifiedOn', message: 'The requester cannot have been told on a day still to come' });
    if (input.notifiedOn < row.received_on) throw errors.badDay({ path: 'notifiedOn', message: 'The requester cannot have been told before the request arrived' });
    if (type === 'sar') {
      const noticeBy = requestClock(clockCaseOf(row, await repo.listPauses(trx, id)), ctx).extensionNoticeBy!;
      if (input.notifiedOn > noticeBy) throw errors.extensionRefused(`A SAR can be extended only if the requester is told within the first month, by ${noticeBy}.`);
    }
    return { kind: 'extended', details: { reason: input.reason, notifiedOn: input.notifiedOn }, set: { extended: true, extension_reason: input.reason, extension_notified_on: input.notifiedOn } };
  });

export const assignOwner = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof AssignRequest> }) =>
  step(deps, { actor, id }, async (trx, row) => {
    const owner = await repo.findOwner(trx, input.ownerId);
    if (!owner) throw errors.unknownOwner();
    return { kind: 'assigned', details: { from: row.owner_name, to: owner.display_name, ownerId: owner.id }, set: { owner_id: owner.id } };
  });

export const escalateComplaint = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof EscalateComplaint> }) =>
  step(deps, { actor, id }, async (_trx, row, ctx) => {
    if (row.type !== 'complaint') throw errors.notAComplaint();
    const stages = (row.policy as ClockPolicy).complaintStages;
    if (row.complaint_stage >= stages.length) throw errors.statusRefused(`This complaint is at its last stage (${stages[stages.length - 1]!.name}): the complainant may go to the Ombudsman.`);
    if (input.on > ctx.today || input.on < row.received_on) throw errors.badDay({ path: 'on', message: 'Enter a day from the complaint’s receipt to today' });
    const stage = row.complaint_stage + 1;
    return { kind: 'escalated', details: { stage, stageName: stages[stage - 1]!.name, on: input.on, note: input.note }, set: { complaint_stage: stage, stage_received_on: input.on, status: 'received', closed_at: null, outcome: '' } };
  });

export const addNote = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof RequestNote> }) =>
  step(deps, { actor, id }, async (trx) => {
    if (input.correctsSeq !== undefined && !(await repo.hasEvent(trx, id, input.correctsSeq))) throw errors.unknownEvent();
    return { kind: input.correctsSeq ? 'corrected' : 'noted', details: { note: input.note }, correctsSeq: input.correctsSeq ?? null };
  });

export const reopenRequest = (deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof ReopenRequest> }) =>
  step(deps, { actor, id }, async (_trx, row) => {
    if (!row.closed_at) throw errors.notClosed();
    const status = FLOWS[row.type as RequestType].working.at(-1)!;
    return { kind: 'reopened', details: { reason: input.reason, was: row.status }, set: { status, closed_at: null, outcome: '' } };
  });

/** The dashboard: overdue, due in the next seven days, clock stopped, and open counts by type. */
export async function dashboard(deps: Deps, { actor }: { actor: Actor }): Promise<RequestsDashboard> {
  const ctx = await context(deps);
  const list = async (due: 'overdue' | 'this_week' | 'paused') =>
    (await repo.listRequests(deps.db, { due, sort: 'due_asc', page: 1, pageSize: 100 } as RequestsQuery, { viewer: actor.viewer, userId: actor.userId, today: ctx.today })).rows.map((r) => toSummary(r, ctx));
  const [overdue, dueThisWeek, paused, counts] = await Promise.all([list('overdue'), list('this_week'), list('paused'), repo.openCounts(deps.db, { viewer: actor.viewer, today: ctx.today })]);
  return { overdue, dueThisWeek, paused, openByType: counts as RequestsDashboard['openByType'] };
}
