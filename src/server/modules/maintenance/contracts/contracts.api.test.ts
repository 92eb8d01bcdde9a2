import { expect, it } from 'vitest';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import { contractInput } from './contracts.walk';

// A maintenance contract through the API, by role: a coordinator sets it up and changes its hours,
// an administrator dates its SLA terms, the control room reads it; a contractor sees nothing of it.

const deps = testDeps();
const { app } = testApp(deps);
const BASE = '/api/v1/maintenance/contracts';

it('sets a contract up, dates its SLA terms and keeps its closure days, each by the roles allowed, with problems as problem+json', async () => {
  const council = (await makeOrganisation(deps)).id;
  const contractorOrg = (await makeOrganisation(deps, { external: true, kind: 'contractor' })).id;
  const { client: coordinator } = await signedInAs(deps, app, ['coordinator'], council);
  const { client: admin } = await signedInAs(deps, app, ['admin'], council);
  const { client: operator } = await signedInAs(deps, app, ['operator'], council);
  const { client: contractor } = await signedInAs(deps, app, ['contractor'], contractorOrg);

  const bad = await coordinator.post(BASE, { ...contractInput(contractorOrg), opensAt: '18:00', closesAt: '09:00', workingDays: [] });
  expect(bad.status).toBe(400);
  expect(bad.headers.get('content-type')).toContain('application/problem+json');
  expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['closesAt', 'workingDays']);
  expect((await coordinator.post(BASE, contractInput(council))).body.errors).toEqual([{ path: 'contractorOrganisationId', message: expect.stringMatching(/contractor/) }]);
  expect((await operator.post(BASE, contractInput(contractorOrg))).status).toBe(403);

  const made = await coordinator.post(BASE, contractInput(contractorOrg));
  expect(made.status).toBe(201);
  const { id } = made.body;
  expect(made.body).toMatchObject({ workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], opensAt: '08:00', closesAt: '17:30', serviceCredits: { monthlyChargePence: 1_250_000 } });
  expect((await coordinator.post(BASE, contractInput(contractorOrg, made.body.reference))).body).toMatchObject({ status: 409, code: 'maintenance.contract_reference_taken' });

  expect((await operator.get(`${BASE}/${id}`)).body).toEqual(made.body);
  expect((await operator.get(BASE)).body.items).toContainEqual(expect.objectContaining({ id, contractor: { id: contractorOrg, name: expect.any(String) } }));
  expect((await contractor.get(`${BASE}/${id}`)).status).toBe(404);
  expect((await contractor.get(BASE)).status).toBe(404);

  const changed = await coordinator.patch(`${BASE}/${id}`, { closesAt: '18:00', monthlyChargePence: 1_300_000, reason: 'Variation 2 extends the day' });
  expect(changed.body).toMatchObject({ closesAt: '18:00', monthlyChargePence: 1_300_000 });
  expect((await coordinator.patch(`${BASE}/${id}`, { closesAt: '18:00' })).body.errors).toEqual([{ path: 'reason', message: expect.any(String) }]);

  // SLA terms: administrators only; fix shorter than response refused clearly; never in the past.
  const soon = new Date(Date.now() + 60_000).toISOString();
  const p1 = { priority: 'P1', clock: 'round_the_clock', responseMinutes: 240, fixMinutes: 1440 };
  expect((await coordinator.post(`${BASE}/${id}/sla-terms`, { effectiveFrom: soon, reason: 'Schedule 3', terms: [p1] })).status).toBe(403);
  const shortFix = await admin.post(`${BASE}/${id}/sla-terms`, { effectiveFrom: soon, reason: 'Schedule 3', terms: [{ ...p1, fixMinutes: 60 }] });
  expect(shortFix.status).toBe(400);
  expect(shortFix.body.errors).toEqual([{ path: 'terms.0.fixMinutes', message: 'The fix time cannot be shorter than the response time' }]);
  const past = await admin.post(`${BASE}/${id}/sla-terms`, { effectiveFrom: '2026-01-01T00:00:00Z', reason: 'Schedule 3', terms: [p1] });
  expect(past.body.errors).toEqual([{ path: 'effectiveFrom', message: expect.stringMatching(/past/) }]);
  const set = await admin.post(`${BASE}/${id}/sla-terms`, { effectiveFrom: soon, reason: 'Schedule 3', terms: [p1, { priority: 'P3', clock: 'working_hours', responseMinutes: 540, fixMinutes: 2700 }] });
  expect(set.status).toBe(201);
  expect(set.body.upcoming.map((t: { priority: string }) => t.priority)).toEqual(['P1', 'P3']);
  expect(set.body.upcoming[0]).toMatchObject({ effectiveFrom: soon, reason: 'Schedule 3', setBy: { id: expect.any(String) } });
  expect((await operator.get(`${BASE}/${id}/sla-terms`)).body.history).toHaveLength(2);
  expect((await contractor.get(`${BASE}/${id}/sla-terms`)).status).toBe(404);

  // Closure days: coordinators add future ones and remove those not yet begun.
  expect((await coordinator.post(`${BASE}/${id}/closure-days`, { day: '2030-12-24', reason: 'Council closed for Christmas' })).status).toBe(201);
  expect((await operator.get(`${BASE}/${id}/closure-days`)).body.items).toEqual([{ day: '2030-12-24', reason: 'Council closed for Christmas' }]);
  expect((await coordinator.request('DELETE', `${BASE}/${id}/closure-days/2030-13-01`)).status).toBe(400);
  expect((await coordinator.request('DELETE', `${BASE}/${id}/closure-days/2030-12-24`)).body).toEqual({ day: '2030-12-24', reason: 'Council closed for Christmas' });
  expect((await operator.get(`${BASE}/${id}/closure-days`)).body.items).toEqual([]);
});
