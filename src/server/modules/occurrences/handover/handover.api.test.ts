import { expect, it } from 'vitest';
import { ApiClient, testApp } from '../../../../../test/support/api';
import { makeOrganisation, makeSession, makeUser, sealed, testDeps } from '../../../../../test/support/deps';
import { insertVersion } from '../occurrences.repository';

const deps = testDeps({ config: { trustProxy: 1 } });
const { app } = testApp(deps);

async function as(roles: Parameters<typeof makeUser>[1]['roles'], organisationId: string) {
  const user = await makeUser(deps, { roles, organisationId });
  const client = new ApiClient(app, '192.0.2.140');
  Object.assign(client, await makeSession(deps, { userId: user.id }));
  return { user, client };
}

/** People of one new council, signed in, in the order of the roles given. */
async function controlRoom(...roles: Array<'operator' | 'supervisor'>) {
  const org = (await makeOrganisation(deps)).id;
  return Promise.all(roles.map((role) => as([role], org)));
}
const categoryId = async (key: string) => (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;

it('a handover is acknowledged by the incoming operator, stays on the supervisor’s screen until then, and its actions carry over until done', async () => {
  const [outgoing, incoming, supervisor] = await controlRoom('operator', 'operator', 'supervisor');
  const opened = await outgoing.client.post('/api/v1/occurrences', { source: 'public_call', categoryId: await categoryId('welfare'), summary: 'Man sleeping in doorway, Union Street' });

  const draft = await outgoing.client.get('/api/v1/handovers/draft');
  expect(draft.body.occurrences.map((o: { id: string }) => o.id)).toContain(opened.body.id);

  const due = new Date(Date.now() + 2 * 3600_000).toISOString();
  const created = await outgoing.client.post('/api/v1/handovers', {
    to: { kind: 'user', id: incoming.user.id }, occurrenceIds: [opened.body.id], equipmentFaults: 'C07 picture lost since 02:10, fault logged', notes: 'Police aware of the doorway sleeper',
    actions: [{ text: 'Check on the man at 06:00 with the outreach team', ownerId: incoming.user.id, dueAt: due, occurrenceId: opened.body.id }],
  });
  expect(created.status).toBe(201);
  const refused = await outgoing.client.post('/api/v1/handovers', { to: { kind: 'user', id: incoming.user.id }, actions: [{ text: 'x', ownerId: '00000000-0000-4000-8000-000000000000', dueAt: due }] });
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
  expect((await incoming.client.get('/api/v1/handovers/draft')).body.actions.map((a: { id: string }) => a.id)).toContain(action.id);
  const next = await incoming.client.post('/api/v1/handovers', { to: { kind: 'user', id: outgoing.user.id }, notes: 'Next shift' });
  expect((await incoming.client.get(`/api/v1/handovers/${next.body.id}`)).body.carriedOver.map((a: { id: string }) => a.id)).toContain(action.id);
  expect((await incoming.client.post(`/api/v1/actions/${action.id}/done`)).status).toBe(200);
  expect((await incoming.client.get('/api/v1/actions')).body.items.map((a: { id: string }) => a.id)).not.toContain(action.id);
  // The handover still shows what it passed on, now marked done.
  expect((await incoming.client.get(`/api/v1/handovers/${next.body.id}`)).body.carriedOver.find((a: { id: string }) => a.id === action.id).doneAt).not.toBeNull();
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

  const colleague = await as(['operator'], org);
  const handover = await operator.client.post('/api/v1/handovers', {
    to: { kind: 'user', id: colleague.user.id }, occurrenceIds: [real, missing], notes: 'x',
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

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id);

it('a handover addressed to the incoming operator is acknowledged by them only: another operator is refused, even one with the same name', async () => {
  const [outgoing, incoming, namesake, supervisor] = await controlRoom('operator', 'operator', 'operator', 'supervisor');
  await deps.db.updateTable('users').set({ display_name: 'Sam Carter' }).where('id', 'in', [incoming.user.id, namesake.user.id]).execute();

  const sent = await outgoing.client.post('/api/v1/handovers', { to: { kind: 'user', id: incoming.user.id }, notes: 'Quiet night' });
  expect(sent.status).toBe(201);
  expect(sent.body).toMatchObject({ to: { kind: 'user', id: incoming.user.id, name: 'Sam Carter' }, occurrenceCount: 0 });

  // Only the addressee is told it waits for them, and only they are offered to acknowledge it.
  expect(ids((await incoming.client.get('/api/v1/handovers?status=waiting_for_me')).body.items)).toContain(sent.body.id);
  expect(ids((await namesake.client.get('/api/v1/handovers?status=waiting_for_me')).body.items)).not.toContain(sent.body.id);
  expect((await namesake.client.get(`/api/v1/handovers/${sent.body.id}`)).body.canAcknowledge).toBe(false);
  expect((await incoming.client.get(`/api/v1/handovers/${sent.body.id}`)).body).toMatchObject({ canAcknowledge: true, to: { kind: 'user', id: incoming.user.id } });

  for (const other of [namesake, supervisor]) {
    const refused = await other.client.post(`/api/v1/handovers/${sent.body.id}/acknowledge`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'occurrences.handover_not_addressed_to_you', detail: 'This handover is addressed to Sam Carter: only they can acknowledge it.' });
  }
  expect((await incoming.client.post(`/api/v1/handovers/${sent.body.id}/acknowledge`)).status).toBe(200);
  expect(ids((await incoming.client.get('/api/v1/handovers?status=waiting_for_me')).body.items)).not.toContain(sent.body.id);

  // The audit trail has it sent, and acknowledged by the addressee.
  const events = await (await sealed(deps.db)).selectFrom('audit_events').select(['action', 'actor_id']).where('record_id', '=', sent.body.id).orderBy('seq').execute();
  expect(events.map((e) => [e.action, e.actor_id])).toEqual([['handover.sent', outgoing.user.id], ['handover.acknowledged', incoming.user.id]]);
});

it('a handover holds the outgoing operator’s shift only: another operator’s work at the same time is not in it', async () => {
  const [outgoing, other, incoming] = await controlRoom('operator', 'operator', 'operator');
  const asb = await categoryId('asb');
  const mine = (await outgoing.client.post('/api/v1/occurrences', { source: 'camera_patrol', categoryId: asb, summary: 'Youths on the Market Square roof' })).body.id;
  const theirs = (await other.client.post('/api/v1/occurrences', { source: 'camera_patrol', categoryId: asb, summary: 'Car alarm on Bore Street' })).body.id;
  await outgoing.client.post(`/api/v1/occurrences/${mine}/entries`, { body: 'Two of them climbing down' });
  await other.client.post(`/api/v1/occurrences/${mine}/entries`, { body: 'Police on scene' });
  await other.client.post(`/api/v1/occurrences/${theirs}/entries`, { body: 'Owner found' });
  const due = new Date(Date.now() + 3600_000).toISOString();
  const myAction = (await outgoing.client.post('/api/v1/actions', { text: 'Ring the roofer', ownerId: outgoing.user.id, dueAt: due })).body.id;
  const theirAction = (await other.client.post('/api/v1/actions', { text: 'Return the radio', ownerId: other.user.id, dueAt: due })).body.id;

  const draft = (await outgoing.client.get('/api/v1/handovers/draft')).body;
  expect(draft.shiftStart).toBe('signed_in');
  expect(draft.worked).toEqual([expect.objectContaining({ id: mine, opened: true, closed: false, entries: 2 })]); // opened, and one entry of theirs
  expect(draft.occurrences.find((o: { id: string }) => o.id === mine).yours).toBe(true);
  expect(draft.occurrences.find((o: { id: string }) => o.id === theirs).yours).toBe(false);
  expect(ids(draft.actions)).toContain(myAction);
  expect(ids(draft.actions)).not.toContain(theirAction);
  expect(ids(draft.addressees.people)).toEqual(expect.arrayContaining([other.user.id, incoming.user.id]));
  expect(ids(draft.addressees.people)).not.toContain(outgoing.user.id);

  const sent = await outgoing.client.post('/api/v1/handovers', { to: { kind: 'user', id: incoming.user.id }, occurrenceIds: [mine] });
  const handover = (await incoming.client.get(`/api/v1/handovers/${sent.body.id}`)).body;
  expect(ids(handover.worked)).toEqual([mine]);
  expect(handover.worked[0].entries).toBe(2);
  expect(ids(handover.carriedOver)).toEqual([myAction]);
  expect(ids(handover.occurrences)).toEqual([mine]);

  // Nor may a handover go to its writer.
  const self = await outgoing.client.post('/api/v1/handovers', { to: { kind: 'user', id: outgoing.user.id } });
  expect(self.status).toBe(400);
  expect(self.body.errors).toEqual([expect.objectContaining({ path: 'to' })]);
});

it('a handover addressed to a team is acknowledged by any of its members, and by no one else', async () => {
  const [outgoing, member, outsider] = await controlRoom('operator', 'operator', 'operator');
  const team = await deps.db.insertInto('teams').values({ name: `CCTV operators ${outgoing.user.id.slice(0, 8)}` }).returning(['id', 'name']).executeTakeFirstOrThrow();
  await deps.db.updateTable('users').set({ team_id: team.id }).where('id', 'in', [outgoing.user.id, member.user.id]).execute();

  expect(ids((await outgoing.client.get('/api/v1/handovers/draft')).body.addressees.teams)).toContain(team.id);
  const sent = await outgoing.client.post('/api/v1/handovers', { to: { kind: 'team', id: team.id }, notes: 'Over to the team' });
  expect(sent.body.to).toEqual({ kind: 'team', id: team.id, name: team.name });
  expect(ids((await member.client.get('/api/v1/handovers?status=waiting_for_me')).body.items)).toContain(sent.body.id);
  expect(ids((await outgoing.client.get('/api/v1/handovers?status=waiting_for_me')).body.items)).not.toContain(sent.body.id); // its writer, though in the team

  const refused = await outsider.client.post(`/api/v1/handovers/${sent.body.id}/acknowledge`);
  expect(refused.status).toBe(403);
  expect(refused.body.detail).toBe(`This handover is addressed to the ${team.name} team: only its members can acknowledge it.`);
  expect((await outgoing.client.post(`/api/v1/handovers/${sent.body.id}/acknowledge`)).body.code).toBe('occurrences.handover_own');
  expect((await member.client.post(`/api/v1/handovers/${sent.body.id}/acknowledge`)).status).toBe(200);
});
