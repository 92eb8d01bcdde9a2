import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { londonDay } from '../../../../domain/calendar/london';
import type { SlaCalendar } from '../../../../domain/maintenance/slaClock';
import {
  PRIORITIES, WEEKDAY_NUMBERS, weekdayOfNumber,
  type AddClosureDay, type ClosureDay, type Contract, type CreateContract, type Priority, type SetSlaTerms, type SlaClockKind, type SlaTerms, type UpdateContract,
} from '../../../../domain/maintenance/contract';
import * as repo from './contracts.repository';
import * as errors from './contracts.errors';
import { clockCalendarFor, isEffectiveFromAllowed, wallClockOf } from './contracts.models';
import { toContract, toSummary, toTerm } from './contracts.views';

// What coordinators and administrators do with maintenance contracts: set one up, change its
// hours, charge or credit rule, keep its closure days, and date new SLA terms. Each is one
// transaction with its audit event. SLA terms are never changed: new ones take effect from a
// moment not in the past, so a fault keeps the terms in force when it was raised (slaTermFor).

export interface Actor { audit: AuditActor; userId: string }

export async function listContracts(deps: Deps) {
  return { items: (await repo.listContracts(deps.db)).map(toSummary) };
}

export async function getContract(deps: Deps, { contractId }: { contractId: string }): Promise<Contract> {
  const row = await repo.findContract(deps.db, contractId);
  if (!row) throw errors.contractNotFound();
  return toContract(row);
}

export async function createContract(deps: Deps, { actor, input }: { actor: Actor; input: CreateContract }): Promise<Contract> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const org = await repo.findOrganisation(trx, input.contractorOrganisationId);
    if (!org || org.kind !== 'contractor') throw errors.notAContractor();
    const made = await repo.insertContract(trx, {
      reference: input.reference, name: input.name, contractor_organisation_id: org.id, starts_on: input.startsOn, ends_on: input.endsOn ?? null,
      working_days: input.workingDays.map((d) => WEEKDAY_NUMBERS[d]), opens_at: input.opensAt, closes_at: input.closesAt,
      monthly_charge_pence: String(input.monthlyChargePence),
      service_credits: input.serviceCredits ? JSON.stringify({ ...input.serviceCredits, monthlyChargePence: input.monthlyChargePence }) : null,
      created_at: now, created_by: actor.userId,
    });
    if (!made) throw errors.referenceTaken(input.reference);
    await recordAudit(trx, actor.audit, {
      action: 'maintenance.contract_created', recordType: 'maintenance_contract', recordId: made.id,
      details: { reference: input.reference, name: input.name, contractor: org.name, startsOn: input.startsOn, endsOn: input.endsOn ?? null, monthlyChargePence: input.monthlyChargePence },
    });
    return toContract((await repo.findContract(trx, made.id))!);
  });
}

type Terms = Pick<Contract, 'endsOn' | 'name' | 'workingDays' | 'opensAt' | 'closesAt' | 'monthlyChargePence' | 'serviceCredits'>;

/** Changes a contract's name, end, hours, charge or credit rule; the audit keeps each changed field's old and new value. */
export async function updateContract(deps: Deps, { actor, contractId, input }: { actor: Actor; contractId: string; input: UpdateContract }): Promise<Contract> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockContract(trx, contractId);
    if (!row) throw errors.contractNotFound();
    const before = toContract(row);
    const { reason, serviceCredits, ...fields } = input;
    const after: Terms = { ...before };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) (after as Record<string, unknown>)[k] = v;
    if (serviceCredits !== undefined) after.serviceCredits = serviceCredits && { ...serviceCredits, monthlyChargePence: after.monthlyChargePence };
    else if (after.serviceCredits) after.serviceCredits = { ...after.serviceCredits, monthlyChargePence: after.monthlyChargePence };
    if (after.closesAt <= after.opensAt) throw errors.hoursOutOfOrder();
    if (after.endsOn && after.endsOn <= before.startsOn) throw errors.endsBeforeStart();

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of ['name', 'endsOn', 'workingDays', 'opensAt', 'closesAt', 'monthlyChargePence', 'serviceCredits'] as const) {
      if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) changes[k] = { from: before[k], to: after[k] };
    }
    if (!Object.keys(changes).length) return before;
    await repo.updateContract(trx, contractId, {
      name: after.name, ends_on: after.endsOn, working_days: after.workingDays.map((d) => WEEKDAY_NUMBERS[d]), opens_at: after.opensAt, closes_at: after.closesAt,
      monthly_charge_pence: String(after.monthlyChargePence), service_credits: after.serviceCredits ? JSON.stringify(after.serviceCredits) : null,
    });
    await recordAudit(trx, actor.audit, { action: 'maintenance.contract_changed', recordType: 'maintenance_contract', recordId: contractId, details: { reference: before.reference, reason, changes } });
    return toContract((await repo.findContract(trx, contractId))!);
  });
}

// ---- Closure days ----

async function contractOr404(db: Db, contractId: string) {
  const row = await repo.findContract(db, contractId);
  if (!row) throw errors.contractNotFound();
  return row;
}

export async function listClosureDays(deps: Deps, { contractId }: { contractId: string }): Promise<{ items: ClosureDay[] }> {
  await contractOr404(deps.db, contractId);
  return { items: await repo.closureDays(deps.db, contractId) };
}

/** Adds a day the working-hours clock does not run: from tomorrow (London) on, since faults' clocks have counted today already. */
export async function addClosureDay(deps: Deps, { actor, contractId, input }: { actor: Actor; contractId: string; input: AddClosureDay }): Promise<ClosureDay> {
  const today = londonDay(deps.clock.now());
  return deps.db.transaction().execute(async (trx) => {
    const c = await repo.lockContract(trx, contractId);
    if (!c) throw errors.contractNotFound();
    if (input.day <= today) throw errors.closureDayInPast();
    if (!(await repo.insertClosureDay(trx, { contract_id: contractId, day: input.day, reason: input.reason }))) throw errors.closureDayTaken(input.day);
    await recordAudit(trx, actor.audit, { action: 'maintenance.closure_day_added', recordType: 'maintenance_contract', recordId: contractId, details: { reference: c.reference, day: input.day, reason: input.reason } });
    return { day: input.day, reason: input.reason };
  });
}

/** Removes a closure day not yet begun (London). */
export async function removeClosureDay(deps: Deps, { actor, contractId, day }: { actor: Actor; contractId: string; day: string }): Promise<ClosureDay> {
  const today = londonDay(deps.clock.now());
  return deps.db.transaction().execute(async (trx) => {
    const c = await repo.lockContract(trx, contractId);
    if (!c) throw errors.contractNotFound();
    const existing = (await repo.closureDays(trx, contractId)).find((d) => d.day === day);
    if (!existing) throw errors.closureDayNotFound();
    if (day <= today) throw errors.closureDayPast(day);
    await repo.deleteClosureDay(trx, { contractId, day });
    await recordAudit(trx, actor.audit, { action: 'maintenance.closure_day_removed', recordType: 'maintenance_contract', recordId: contractId, details: { reference: c.reference, day, reason: existing.reason } });
    return existing;
  });
}

// ---- SLA terms ----

export async function listSlaTerms(deps: Deps, { contractId }: { contractId: string }): Promise<SlaTerms> {
  await contractOr404(deps.db, contractId);
  const now = deps.clock.now();
  const history = (await repo.listTerms(deps.db, contractId)).map(toTerm);
  const inForce = (Object.keys(PRIORITIES) as Priority[]).flatMap((p) => history.find((t) => t.priority === p && new Date(t.effectiveFrom) <= now) ?? []);
  const upcoming = history.filter((t) => new Date(t.effectiveFrom) > now)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.priority.localeCompare(b.priority));
  return { inForce, upcoming, history };
}

/** Dates new terms for one or more priorities (administrators): never before now (a minute's grace), never replacing terms set for the same moment. */
export async function setSlaTerms(deps: Deps, { actor, contractId, input }: { actor: Actor; contractId: string; input: SetSlaTerms }): Promise<SlaTerms> {
  const now = deps.clock.now();
  if (!isEffectiveFromAllowed({ effectiveFrom: input.effectiveFrom, now })) throw errors.termsInThePast();
  await deps.db.transaction().execute(async (trx) => {
    const c = await repo.lockContract(trx, contractId);
    if (!c) throw errors.contractNotFound();
    const clash = (await repo.termsAt(trx, { contractId, at: input.effectiveFrom })).map((t) => t.priority).filter((p) => input.terms.some((t) => t.priority === p));
    if (clash.length) throw errors.termsAlreadySet(clash.sort());
    await repo.insertTerms(trx, input.terms.map((t) => ({
      contract_id: contractId, priority: t.priority, clock: t.clock, response_minutes: t.responseMinutes, fix_minutes: t.fixMinutes,
      effective_from: input.effectiveFrom, set_by: actor.userId, set_at: now, reason: input.reason,
    })));
    await recordAudit(trx, actor.audit, {
      action: 'maintenance.sla_terms_set', recordType: 'maintenance_contract', recordId: contractId,
      details: { reference: c.reference, effectiveFrom: input.effectiveFrom.toISOString(), reason: input.reason, terms: input.terms },
    });
  });
  return listSlaTerms(deps, { contractId });
}

export interface SlaTermInForce {
  id: string;
  priority: Priority;
  clock: SlaClockKind;
  responseMinutes: number;
  fixMinutes: number;
  effectiveFrom: Date;
}

/** The SLA term a fault raised at `raisedAt` runs on: the latest for its priority in force then; null where the contract had none yet. */
export async function slaTermFor(db: Db, { contractId, priority, raisedAt }: { contractId: string; priority: Priority; raisedAt: Date }): Promise<SlaTermInForce | null> {
  const t = await repo.termInForce(db, { contractId, priority, at: raisedAt });
  return t ? { id: t.id, priority: t.priority, clock: t.clock, responseMinutes: t.response_minutes, fixMinutes: t.fix_minutes, effectiveFrom: t.effective_from } : null;
}

/** The calendar a contract's clock of that kind runs on, read from the database (its hours and closure days). */
export async function contractCalendar(db: Db, { contractId, clock }: { contractId: string; clock: SlaClockKind }): Promise<SlaCalendar> {
  const c = await contractOr404(db, contractId);
  const closed = (await repo.closureDays(db, contractId)).map((d) => d.day);
  return clockCalendarFor({ workingDays: c.working_days.map(weekdayOfNumber), opensAt: wallClockOf(c.opens_at), closesAt: wallClockOf(c.closes_at) }, closed, clock);
}
