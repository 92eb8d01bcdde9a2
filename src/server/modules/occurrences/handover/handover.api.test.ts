import { expect, it } from 'vitest';
import { ApiClient, testApp } from '../../../../../test/support/api';
import { makeOrganisation, makeSession, makeUser, testDeps } from '../../../../../test/support/deps';
import { insertVersion } from '../occurrences.repository';

const deps = testDeps({ config: { trustProxy: 1 } });
const { app } = testApp(deps);

async function as(roles: Parameters<typeof makeUser>[1]['roles'], organisationId: string) {
  const user = await makeUser(deps, { roles, organisationId });
  const client = new ApiClient(app, '192.0.2.140');
  Object.assign(client, await makeSession(deps, { userId: user.id }));
  return { user, client };
}

it('a handover is acknowledged by the incoming operator, stays on the supervisor’s screen until then, and its actions carry over until done', async () => {
  const org = (await makeOrganisation(deps)).id;
  const outgoing = await as(['operator'], org);
  const incoming = await as(['operator'], org);
  const supervisor = await as(['supervisor'], org);
  const category = await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'welfare').executeTakeFirstOrThrow();
  const opened = await outgoing.client.post('/api/v1/occurrences', { source: 'public_call', categoryId: category.id, summary: 'Man sleeping in doorway, Union Street' });

  const draft = await outgoing.client.get('/api/v1/handovers/draft');
  expect(draft.body.occurrences.map((o: { id: string }) => o.id)).toContain(opened.body.id);

  const due = new Date(Date.now() + 2 * 3600_000).toISOString();
  const created = await outgoing.client.post('/api/v1/handovers', {
    occurrenceIds: [opened.body.id], equipmentFaults: 'C07 picture lost since 02:10, fault logged', notes: 'Police aware of the doorway sleeper',
    actions: [{ text: 'Check on the man at 06:00 with the outreach team', ownerId: incoming.user.id, dueAt: due, occurrenceId: opened.body.id }],
  });
  expect(created.status).toBe(201);
  const refused = await outgoing.client.post('/api/v1/handovers', { actions: [{ text: 'x', ownerId: '00000000-0000-4000-8000-000000000000', dueAt: due }] });
  expect(refused.body.errors[0].path).toBe('actions.0.ownerId');

  const pending = (await supervisor.client.get('/api/v1/supervisor/overview')).body.unacknowledgedHandovers.map((h: { id: string }) => h.id);
  expect(pending).toContain(created.body.id);

  expect((await outgoing.client.post(`/api/v1/handovers/${created.body.id}/acknowledge`)).body.code).toBe('occurrences.handover_own');
  const ack = await incoming.client.post(`/api/v1/handovers/${created.body.id}/acknowledge`);
  expect(ack.status).toBe(200);
  expect((await incoming.client.post(`/api/v1/handovers/${created.body.id}/acknowledge`)).status).toBe(409);
  expect((await supervisor.client.get('/api/v1/supervisor/overview')).body.unacknowledgedHandovers.map((h: { id: string }) => h.id)).not.toContain(created.body.id);

  // The action carries over into the next handover until someone marks it done.
  const [action] = (await incoming.client.get(`/api/v1/handovers/${created.body.id}`)).body.actions;
  expect(action).toMatchObject({ text: 'Check on the man at 06:00 with the outreach team', owner: { id: incoming.user.id }, occurrence: { id: opened.body.id } });
  const next = await incoming.client.post('/api/v1/handovers', { notes: 'Next shift' });
  expect((await incoming.client.get(`/api/v1/handovers/${next.body.id}`)).body.carriedOver.map((a: { id: string }) => a.id)).toContain(action.id);
  expect((await incoming.client.get('/api/v1/handovers/draft')).body.actions.map((a: { id: string }) => a.id)).toContain(action.id);
  expect((await incoming.client.post(`/api/v1/actions/${action.id}/done`)).status).toBe(200);
  expect((await incoming.client.get('/api/v1/actions')).body.items.map((a: { id: string }) => a.id)).not.toContain(action.id);
  expect((await incoming.client.get(`/api/v1/handovers/${next.body.id}`)).body.carriedOver.map((a: { id: string }) => a.id)).not.toContain(action.id);
});

it('closing with a required step skipped alerts the supervisor, who acknowledges it', async () => {
  const org = (await makeOrganisation(deps)).id;
  const operator = await as(['operator'], org);
  const supervisor = await as(['supervisor'], org);
  const key = `sop${Date.now()}`;
  const cat = await deps.db.insertInto('occurrence_categories').values({ key, name: 'SOP test' }).returning('id').executeTakeFirstOrThrow();
  await insertVersion(deps.db, { categoryId: cat.id, version: 1, steps: [{ text: 'Inform the police', isRequired: true }], by: null, at: new Date() });
  const opened = await operator.client.post('/api/v1/occurrences', { source: 'camera_patrol', categoryId: cat.id, summary: 'Fight outside the Leopard' });
  const noReason = await operator.client.post(`/api/v1/occurrences/${opened.body.id}/close`, { outcome: 'dispersed' });
  expect(noReason.body.code).toBe('occurrences.required_steps_skipped');
  expect(noReason.body.errors[0].path).toBe('skipReason');
  expect((await operator.client.post(`/api/v1/occurrences/${opened.body.id}/close`, { outcome: 'dispersed', skipReason: 'Dispersed before police could be called' })).status).toBe(201);
  const alert = (await supervisor.client.get('/api/v1/supervisor/overview')).body.alerts.find((a: { occurrence: { id: string } | null }) => a.occurrence?.id === opened.body.id);
  expect(alert.message).toContain('Inform the police');
  expect((await operator.client.post(`/api/v1/supervisor/alerts/${alert.id}/acknowledge`)).status).toBe(403);
  expect((await supervisor.client.post(`/api/v1/supervisor/alerts/${alert.id}/acknowledge`)).status).toBe(200);
  expect((await supervisor.client.get('/api/v1/supervisor/overview')).body.alerts.map((a: { id: string }) => a.id)).not.toContain(alert.id);
});

it('refuses a handover or an action naming an occurrence that does not exist, by field, and writes nothing', async () => {
  const org = (await makeOrganisation(deps)).id;
  const operator = await as(['operator'], org);
  const category = await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'welfare').executeTakeFirstOrThrow();
  const real = (await operator.client.post('/api/v1/occurrences', { source: 'public_call', categoryId: category.id, summary: 'Woman asking for help, Market Place' })).body.id;
  const missing = '00000000-0000-4000-8000-00000000a001';
  const due = new Date(Date.now() + 3600_000).toISOString();
  const before = await deps.db.selectFrom('handovers').select(({ fn }) => fn.countAll<string>().as('n')).where('from_user_id', '=', operator.user.id).executeTakeFirstOrThrow();

  const handover = await operator.client.post('/api/v1/handovers', {
    occurrenceIds: [real, missing], notes: 'x',
    actions: [{ text: 'Fine', ownerId: operator.user.id, dueAt: due, occurrenceId: real }, { text: 'Ghost', ownerId: operator.user.id, dueAt: due, occurrenceId: missing }],
  });
  expect(handover.status).toBe(400);
  expect(handover.headers.get('content-type')).toContain('application/problem+json');
  expect(handover.body.code).toBe('validation.failed');
  expect(handover.body.errors.map((e: { path: string }) => e.path)).toEqual(['occurrenceIds', 'actions.1.occurrenceId']);
  expect(handover.body.errors[0].message).toContain(missing);
  const after = await deps.db.selectFrom('handovers').select(({ fn }) => fn.countAll<string>().as('n')).where('from_user_id', '=', operator.user.id).executeTakeFirstOrThrow();
  expect(after.n).toBe(before.n);

  const action = await operator.client.post('/api/v1/actions', { text: 'Ghost', ownerId: operator.user.id, dueAt: due, occurrenceId: missing });
  expect(action.status).toBe(400);
  expect(action.body.errors.map((e: { path: string }) => e.path)).toEqual(['occurrenceId']);
});

it('lists council staff to readers (for action owners and the "Opened by" filter), and nobody to a partner agency', async () => {
  const org = (await makeOrganisation(deps)).id;
  const coordinator = await as(['coordinator'], org);
  const force = (await makeOrganisation(deps, { external: true, kind: 'police' })).id;
  const police = await as(['agency'], force);
  // Someone at the police given a reader's role (a seconded officer, say) still sees no council staff.
  const seconded = await as(['enforcement_officer'], force);
  const staff = await coordinator.client.get('/api/v1/assignees');
  expect(staff.status).toBe(200);
  expect(staff.body.items.map((p: { id: string }) => p.id)).toContain(coordinator.user.id);
  expect(staff.body.items.map((p: { id: string }) => p.id)).not.toContain(police.user.id);
  expect((await police.client.get('/api/v1/assignees')).status).toBe(404);
  const none = await seconded.client.get('/api/v1/assignees');
  expect(none.status).toBe(200);
  expect(none.body.items).toEqual([]);
});
