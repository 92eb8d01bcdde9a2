import { beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, sealed, testClock, testDeps } from '../../../../../test/support/deps';
import { CreateContract, SetSlaTerms } from '../../../../domain/maintenance/contract';
import { computeSlaDeadline } from '../../../../domain/maintenance/slaClock';
import { isAppError } from '../../../platform/http/errors';
import * as uc from './contracts.usecases';
import { contractInput } from './contracts.walk';

// Contracts, SLA terms and closure days against a real PostgreSQL; the clock is set, never waited for.

const clock = testClock(new Date('2026-06-01T09:00:00Z'));
const deps = testDeps({ clock });
let coordinator: uc.Actor;
let admin: uc.Actor;
let contractorOrgId: string;

beforeAll(async () => {
  const council = (await makeOrganisation(deps)).id;
  const actor = async (role: 'coordinator' | 'admin') => {
    const u = await makeUser(deps, { roles: [role], organisationId: council });
    return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
  };
  coordinator = await actor('coordinator');
  admin = await actor('admin');
  contractorOrgId = (await makeOrganisation(deps, { external: true, kind: 'contractor' })).id;
});

const newContract = () => uc.createContract(deps, { actor: coordinator, input: CreateContract.parse(contractInput(contractorOrgId)) });
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return { code: e.code, status: e.status, fields: e.fieldErrors?.map((f) => f.path) ?? [] };
};
const auditOf = async (id: string) =>
  (await sealed(deps.db)).selectFrom('audit_events').select(['action', 'details']).where('record_id', '=', id).orderBy('seq').execute();
const terms = (effectiveFrom: Date | string, list: { priority: string; clock: string; responseMinutes: number; fixMinutes: number }[], reason = 'Contract schedule 3') =>
  SetSlaTerms.parse({ effectiveFrom, reason, terms: list });

describe('contracts', () => {
  it('sets a contract up with its hours, charge and credit rule, and audits it', async () => {
    const c = await newContract();
    expect(c).toMatchObject({
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], opensAt: '08:00', closesAt: '17:30', monthlyChargePence: 1_250_000, startsOn: '2026-04-01', endsOn: '2029-03-31',
      contractor: { id: contractorOrgId }, serviceCredits: { monthlyChargePence: 1_250_000, capPercent: 10, fixBreachPence: { P1: 20_000 } },
    });
    expect(await uc.getContract(deps, { contractId: c.id })).toEqual(c);
    expect((await uc.listContracts(deps)).items.map((i) => i.id)).toContain(c.id);
    expect((await auditOf(c.id)).map((a) => a.action)).toEqual(['maintenance.contract_created']);
  });

  it('takes only an organisation of kind contractor, and a reference once', async () => {
    const police = (await makeOrganisation(deps, { external: true })).id;
    expect(await refusal(uc.createContract(deps, { actor: coordinator, input: CreateContract.parse(contractInput(police)) })))
      .toEqual({ code: 'validation.failed', status: 400, fields: ['contractorOrganisationId'] });
    const c = await newContract();
    expect(await refusal(uc.createContract(deps, { actor: coordinator, input: CreateContract.parse(contractInput(contractorOrgId, c.reference)) })))
      .toMatchObject({ code: 'maintenance.contract_reference_taken', status: 409 });
  });

  it('changes hours and charge with the reason, keeping the old and new values in the audit; the credit rule follows the charge', async () => {
    const c = await newContract();
    const changed = await uc.updateContract(deps, { actor: coordinator, contractId: c.id, input: { workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], closesAt: '18:00', monthlyChargePence: 1_300_000, reason: 'Variation 2: Saturdays' } });
    expect(changed).toMatchObject({ workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], closesAt: '18:00', monthlyChargePence: 1_300_000, serviceCredits: { monthlyChargePence: 1_300_000 } });
    const audit = (await auditOf(c.id)).at(-1)!;
    expect(audit).toMatchObject({
      action: 'maintenance.contract_changed',
      details: { reason: 'Variation 2: Saturdays', changes: { closesAt: { from: '17:30', to: '18:00' }, monthlyChargePence: { from: 1_250_000, to: 1_300_000 } } },
    });
    expect(Object.keys((audit.details as { changes: object }).changes).sort()).toEqual(['closesAt', 'monthlyChargePence', 'serviceCredits', 'workingDays']);
    expect(await refusal(uc.updateContract(deps, { actor: coordinator, contractId: c.id, input: { opensAt: '19:00', reason: 'Late start' } })))
      .toMatchObject({ status: 400, fields: ['closesAt'] });
    const none = await uc.updateContract(deps, { actor: coordinator, contractId: c.id, input: { serviceCredits: null, reason: 'Credits dropped at renewal' } });
    expect(none.serviceCredits).toBeNull();
  });
});

describe('SLA terms', () => {
  it('a change applies to faults raised after it: slaTermFor gives each fault the term in force when it was raised', async () => {
    const c = await newContract();
    const june = new Date('2026-06-01T09:00:00Z');
    clock.set(june);
    expect(await uc.slaTermFor(deps.db, { contractId: c.id, priority: 'P2', raisedAt: june })).toBeNull();
    await uc.setSlaTerms(deps, { actor: admin, contractId: c.id, input: terms(june, [
      { priority: 'P1', clock: 'round_the_clock', responseMinutes: 240, fixMinutes: 1440 },
      { priority: 'P2', clock: 'working_hours', responseMinutes: 540, fixMinutes: 1080 },
    ]) });
    const july = new Date('2026-07-01T12:00:00Z');
    clock.set(new Date('2026-06-20T10:00:00Z'));
    const after = await uc.setSlaTerms(deps, { actor: admin, contractId: c.id, input: terms(july, [{ priority: 'P2', clock: 'working_hours', responseMinutes: 270, fixMinutes: 540 }], 'Variation 3: tighter P2') });
    expect(after.inForce.map((t) => [t.priority, t.responseMinutes])).toEqual([['P1', 240], ['P2', 540]]);
    expect(after.upcoming.map((t) => [t.priority, t.responseMinutes, t.effectiveFrom])).toEqual([['P2', 270, july.toISOString()]]);
    expect(after.history).toHaveLength(3);

    const raisedBefore = await uc.slaTermFor(deps.db, { contractId: c.id, priority: 'P2', raisedAt: new Date('2026-07-01T11:59:59Z') });
    const raisedAfter = await uc.slaTermFor(deps.db, { contractId: c.id, priority: 'P2', raisedAt: july });
    expect(raisedBefore).toMatchObject({ responseMinutes: 540, fixMinutes: 1080, clock: 'working_hours', effectiveFrom: june });
    expect(raisedAfter).toMatchObject({ responseMinutes: 270, fixMinutes: 540, effectiveFrom: july });
    expect(await uc.slaTermFor(deps.db, { contractId: c.id, priority: 'P1', raisedAt: new Date('2027-01-01T00:00:00Z') })).toMatchObject({ responseMinutes: 240 });
    expect(await uc.slaTermFor(deps.db, { contractId: c.id, priority: 'P3', raisedAt: july })).toBeNull();

    clock.set(new Date('2026-07-02T09:00:00Z'));
    expect((await uc.listSlaTerms(deps, { contractId: c.id })).inForce.map((t) => [t.priority, t.responseMinutes])).toEqual([['P1', 240], ['P2', 270]]);
    expect((await auditOf(c.id)).filter((a) => a.action === 'maintenance.sla_terms_set')).toHaveLength(2);
  });

  it('refuses terms dated more than a minute ago, and a second term for a priority at the same moment; the earlier terms are never changed', async () => {
    const c = await newContract();
    const now = new Date('2026-08-03T09:00:00Z');
    clock.set(now);
    expect(await refusal(uc.setSlaTerms(deps, { actor: admin, contractId: c.id, input: terms(new Date(now.getTime() - 61_000), [{ priority: 'P1', clock: 'round_the_clock', responseMinutes: 60, fixMinutes: 240 }]) })))
      .toEqual({ code: 'validation.failed', status: 400, fields: ['effectiveFrom'] });
    await uc.setSlaTerms(deps, { actor: admin, contractId: c.id, input: terms(new Date(now.getTime() - 30_000), [{ priority: 'P1', clock: 'round_the_clock', responseMinutes: 60, fixMinutes: 240 }]) });
    expect(await refusal(uc.setSlaTerms(deps, { actor: admin, contractId: c.id, input: terms(new Date(now.getTime() - 30_000), [{ priority: 'P1', clock: 'round_the_clock', responseMinutes: 30, fixMinutes: 240 }]) })))
      .toMatchObject({ code: 'maintenance.sla_terms_exist', status: 409 });
    await expect(deps.db.updateTable('maintenance_sla_terms').set({ response_minutes: 1 }).where('contract_id', '=', c.id).execute()).rejects.toThrow();
  });

  it('refuses terms for a contract that does not exist', async () => {
    expect(await refusal(uc.setSlaTerms(deps, { actor: admin, contractId: '00000000-0000-4000-8000-000000000000', input: terms(clock.now(), [{ priority: 'P1', clock: 'round_the_clock', responseMinutes: 60, fixMinutes: 240 }]) })))
      .toMatchObject({ status: 404 });
  });
});

describe('closure days', () => {
  it('adds future days with a reason, removes only those not yet begun, and the working-hours calendar skips them', async () => {
    const c = await newContract();
    clock.set(new Date('2026-12-01T10:00:00Z'));
    await uc.addClosureDay(deps, { actor: coordinator, contractId: c.id, input: { day: '2026-12-24', reason: 'Council closed for Christmas' } });
    await uc.addClosureDay(deps, { actor: coordinator, contractId: c.id, input: { day: '2026-12-31', reason: 'Council closed for New Year' } });
    expect(await refusal(uc.addClosureDay(deps, { actor: coordinator, contractId: c.id, input: { day: '2026-12-24', reason: 'Again' } }))).toMatchObject({ code: 'maintenance.closure_day_exists' });
    expect(await refusal(uc.addClosureDay(deps, { actor: coordinator, contractId: c.id, input: { day: '2026-12-01', reason: 'Today' } }))).toMatchObject({ fields: ['day'] });
    expect((await uc.listClosureDays(deps, { contractId: c.id })).items).toEqual([
      { day: '2026-12-24', reason: 'Council closed for Christmas' }, { day: '2026-12-31', reason: 'Council closed for New Year' },
    ]);

    const calendar = await uc.contractCalendar(deps.db, { contractId: c.id, clock: 'working_hours' });
    expect(calendar).toEqual({ kind: 'working_hours', days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '17:30', closedDays: ['2026-12-24', '2026-12-31'] });
    // 60 working minutes from 17:00 on Wed 23 Dec: 30 that day, then past the closure day, Christmas, the weekend and the Boxing Day substitute.
    expect(computeSlaDeadline({ calendar, start: '2026-12-23T17:00:00Z', targetMinutes: 60 })?.toISOString()).toBe('2026-12-29T08:30:00.000Z');
    expect(await uc.contractCalendar(deps.db, { contractId: c.id, clock: 'round_the_clock' })).toEqual({ kind: 'round_the_clock' });

    clock.set(new Date('2026-12-24T10:00:00Z'));
    expect(await refusal(uc.removeClosureDay(deps, { actor: coordinator, contractId: c.id, day: '2026-12-24' }))).toMatchObject({ code: 'maintenance.closure_day_past', status: 409 });
    expect(await uc.removeClosureDay(deps, { actor: coordinator, contractId: c.id, day: '2026-12-31' })).toEqual({ day: '2026-12-31', reason: 'Council closed for New Year' });
    expect(await refusal(uc.removeClosureDay(deps, { actor: coordinator, contractId: c.id, day: '2026-12-31' }))).toMatchObject({ status: 404 });
    expect((await auditOf(c.id)).map((a) => a.action).filter((a) => a.startsWith('maintenance.closure'))).toEqual(['maintenance.closure_day_added', 'maintenance.closure_day_added', 'maintenance.closure_day_removed']);
  });
});
