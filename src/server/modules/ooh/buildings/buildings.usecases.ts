import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors';
import type { AccessEntry, AccessRequest, Building, Departure, RecordAccess, SaveAccessEntry, SaveBuilding } from '../../../../domain/ooh/contract';
import { accessDecisionProblems, matchAccessList } from '../../../../domain/ooh/buildings';
import * as repo from './buildings.repository';

// The council's buildings (set up by the control-room manager: each with its patrol checklist and
// who may be let in out of hours), and the out-of-hours officer's log of who asked to be let in.

export interface Actor { audit: AuditActor; userId: string }

export const toEntry = (e: repo.AccessEntryRow): AccessEntry => ({
  id: e.id, buildingId: e.building_id, name: e.name, organisation: e.organisation, validFrom: e.valid_from, validTo: e.valid_to, idCheck: e.id_check,
});
const toBuilding = (b: repo.BuildingRow, entries: repo.AccessEntryRow[]): Building => ({
  id: b.id, name: b.name, address: b.address, checklist: b.checklist, openAlarms: b.open_alarms, lastPatrol: b.last_patrol?.toISOString() ?? null,
  accessList: entries.filter((e) => e.building_id === b.id).map(toEntry),
});

export async function listBuildings(deps: Deps) {
  const rows = await repo.listBuildings(deps.db);
  const entries = await repo.accessList(deps.db, rows.map((r) => r.id));
  return { items: rows.map((b) => toBuilding(b, entries)) };
}

export async function getBuilding(db: Db, id: string) {
  const b = await repo.findBuilding(db, id);
  if (!b) throw notFound({ what: 'building' });
  return toBuilding(b, await repo.accessList(db, [id]));
}

function checkChecklist(checklist: string[]) {
  const seen = new Set<string>();
  checklist.forEach((item, i) => {
    if (seen.has(item.toLowerCase())) throw validationFailed([{ path: `checklist.${i}`, message: `Remove the repeated check “${item}”` }]);
    seen.add(item.toLowerCase());
  });
}

export async function saveBuilding(deps: Deps, { actor, id, input }: { actor: Actor; id?: string; input: z.output<typeof SaveBuilding> }) {
  checkChecklist(input.checklist);
  const at = deps.clock.now();
  const creating = !id;
  return deps.db.transaction().execute(async (trx) => {
    const same = await repo.findBuildingByName(trx, input.name);
    if (same && same.id !== id) throw validationFailed([{ path: 'name', message: 'There is already a building with this name: choose another' }]);
    if (id) {
      if (!(await repo.findBuilding(trx, id))) throw notFound({ what: 'building' });
      await repo.updateBuilding(trx, id, { ...input, at });
    } else id = (await repo.insertBuilding(trx, { ...input, at })).id;
    const saved = id;
    await recordAudit(trx, actor.audit, { action: creating ? 'ooh.building_added' : 'ooh.building_changed', recordType: 'ooh_building', recordId: saved, details: { name: input.name, checks: input.checklist.length } });
    return getBuilding(trx, saved);
  });
}

export async function addAccessEntry(deps: Deps, { actor, buildingId, input }: { actor: Actor; buildingId: string; input: z.output<typeof SaveAccessEntry> }) {
  checkValidity(input);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.findBuilding(trx, buildingId))) throw notFound({ what: 'building' });
    const { id } = await repo.insertEntry(trx, { buildingId, ...input, at: deps.clock.now() });
    await recordAudit(trx, actor.audit, { action: 'ooh.access_entry_added', recordType: 'ooh_access_entry', recordId: id, details: { buildingId, validFrom: input.validFrom, validTo: input.validTo } });
    return toEntry((await repo.findEntry(trx, id))!);
  });
}

function checkValidity(input: { validFrom: string; validTo: string | null }) {
  if (input.validTo !== null && input.validTo < input.validFrom) throw validationFailed([{ path: 'validTo', message: 'Enter a last day on or after the first day' }]);
}

export async function changeAccessEntry(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof SaveAccessEntry> | null }) {
  if (input) checkValidity(input);
  return deps.db.transaction().execute(async (trx) => {
    const old = await repo.findEntry(trx, id);
    if (!old) throw notFound({ what: 'access-list entry' });
    if (input) await repo.updateEntry(trx, id, { ...input, at: deps.clock.now() });
    else await repo.removeEntry(trx, id, deps.clock.now());
    await recordAudit(trx, actor.audit, { action: input ? 'ooh.access_entry_changed' : 'ooh.access_entry_removed', recordType: 'ooh_access_entry', recordId: id, details: { buildingId: old.building_id } });
    return input ? toEntry((await repo.findEntry(trx, id))!) : null;
  });
}

/** The access-list entry a visitor matches now at a building, or null (what the officer sees while they check). */
export async function checkAccess(deps: Deps, { buildingId, name }: { buildingId: string; name: string }) {
  const entries = await repo.accessList(deps.db, [buildingId]);
  return { match: matchAccessList(entries.map(toEntry), { name, buildingId, at: deps.clock.now() }) };
}

function toRequest(r: repo.AccessRequestRow, entries: repo.AccessEntryRow[]): AccessRequest {
  const entry = entries.find((e) => e.id === r.list_entry_id);
  return {
    id: r.id, building: { id: r.building_id, name: r.building_name }, visitorName: r.visitor_name, visitorOrganisation: r.visitor_organisation,
    idType: r.id_type, idLast4: r.id_last4, listEntry: entry ? toEntry(entry) : null, decision: r.decision as AccessRequest['decision'],
    reason: r.reason, authorisedBy: r.authorised_by, at: r.at.toISOString(), timeOut: r.time_out?.toISOString() ?? null, recordedBy: r.recorded_by_name,
  };
}

async function requestOut(db: Db, id: string) {
  const r = (await repo.findAccessRequest(db, id))!;
  return toRequest(r, await repo.findEntriesById(db, r.list_entry_id ? [r.list_entry_id] : []));
}

/**
 * A visitor asks to be let in: the list is checked here (not trusted from the caller). Let in only
 * when they match the building's list now, or on a named manager's authority; refused with a reason.
 */
export async function recordAccess(deps: Deps, { actor, input }: { actor: Actor; input: z.output<typeof RecordAccess> }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.findBuilding(trx, input.buildingId))) throw validationFailed([{ path: 'buildingId', message: 'Choose a building from the list' }]);
    const entries = await repo.accessList(trx, [input.buildingId]);
    const match = matchAccessList(entries.map(toEntry), { name: input.visitorName, buildingId: input.buildingId, at: now });
    const problems = accessDecisionProblems(input, !!match);
    if (problems.length) throw validationFailed(problems);
    const { id } = await repo.insertAccessRequest(trx, {
      building_id: input.buildingId, visitor_name: input.visitorName, visitor_organisation: input.visitorOrganisation, id_type: input.idType, id_last4: input.idLast4,
      list_entry_id: match?.id ?? null, decision: input.decision, reason: input.reason, authorised_by: match && input.decision === 'let_in' ? '' : input.authorisedBy,
      at: now, recorded_by: actor.userId, recorded_at: now,
    });
    await recordAudit(trx, actor.audit, { action: 'ooh.access_recorded', recordType: 'ooh_access_request', recordId: id, details: { buildingId: input.buildingId, decision: input.decision, onList: !!match, authorised: !match && input.decision === 'let_in' } });
    return requestOut(trx, id);
  });
}

export async function recordDeparture(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof Departure> }) {
  return deps.db.transaction().execute(async (trx) => {
    const r = await repo.findAccessRequest(trx, id);
    if (!r) throw notFound({ what: 'access request' });
    if (r.decision !== 'let_in') throw conflict('ooh.access_refused', 'The visitor was refused: there is no time out to record.');
    if (r.time_out) throw conflict('ooh.access_left', 'The time they left is already recorded.');
    if (input.at < r.at) throw validationFailed([{ path: 'at', message: 'Enter a time after they were let in' }]);
    if (input.at.getTime() > deps.clock.now().getTime() + 5 * 60_000) throw validationFailed([{ path: 'at', message: 'Enter a time that has already happened' }]);
    await repo.recordTimeOut(trx, id, input.at);
    await recordAudit(trx, actor.audit, { action: 'ooh.access_departure', recordType: 'ooh_access_request', recordId: id });
    return requestOut(trx, id);
  });
}

export async function listAccessRequests(deps: Deps, q: { buildingId?: string; from?: Date; to?: Date; page: number; pageSize: number }) {
  const { rows, total } = await repo.listAccessRequests(deps.db, { ...q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const entries = await repo.findEntriesById(deps.db, rows.flatMap((r) => (r.list_entry_id ? [r.list_entry_id] : [])));
  return { items: rows.map((r) => toRequest(r, entries)), total };
}
