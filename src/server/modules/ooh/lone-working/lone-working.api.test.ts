import { describe, expect, it } from 'vitest';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import { ownInput, sessionInput } from '../../../../../test/support/lone-working-fixtures';

// Lone working through the API (the shared database; no timer is fired here: the ladder's timing
// is lone-working.timers.db.test.ts's): start, check in, duress, end; validation errors keep
// nothing; a worker sees only their own sessions; the officer sees every one.

const deps = testDeps();
const { app } = testApp(deps);
const json = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('lone working through the API', () => {
  it('a worker starts, checks in (the duress word looking normal) and ends their own session; the officer sees it all', async () => {
    const org = (await makeOrganisation(deps)).id;
    const { client: worker } = await signedInAs(deps, app, ['patrol_officer'], org);
    const { client: other } = await signedInAs(deps, app, ['operator'], org);
    const { client: officer } = await signedInAs(deps, app, ['ooh_officer'], org);
    const started = await worker.post('/api/v1/lone-working/sessions', json(ownInput(new Date())));
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'active', reference: expect.stringMatching(/^LW-\d{4}-\d{6}$/) });
    expect(JSON.stringify(started.body)).not.toMatch(/bluebell|duress/i);
    const id = started.body.id;

    expect((await other.post(`/api/v1/lone-working/sessions/${id}/check-ins`, { word: '' })).status).toBe(404);
    expect((await other.get('/api/v1/lone-working/sessions')).body.items).toEqual([]);
    expect((await worker.get('/api/v1/ooh/lone-workers')).status).toBe(403);

    const normal = await worker.post(`/api/v1/lone-working/sessions/${id}/check-ins`, { word: 'daffodil' });
    const duress = await worker.post(`/api/v1/lone-working/sessions/${id}/check-ins`, { word: 'BLUEBELL' });
    expect(duress.status).toBe(normal.status);
    expect(Object.keys(duress.body)).toEqual(Object.keys(normal.body));
    expect(duress.body.session.status).toBe('active');
    expect(duress.body.message).toMatch(/^Check-in recorded\. Your next check-in is due at \d\d:\d\d\.$/);

    const seen = await officer.get(`/api/v1/ooh/lone-workers/${id}`);
    expect(seen.body).toMatchObject({ status: 'escalating', duress: true, hasDuressWord: true, currentStep: { action: 'call_police', duress: true } });
    expect(JSON.stringify(seen.body)).not.toMatch(/bluebell|argon/i);
    const board = await officer.get('/api/v1/ooh/lone-workers');
    expect(board.body.items[0]).toMatchObject({ id, duress: true });

    const ack = await officer.post(`/api/v1/ooh/lone-workers/${id}/steps/${seen.body.currentStep.id}/acknowledgement`, { outcome: 'answered_safe', note: 'Spoke to them: safe' });
    expect(ack.body).toMatchObject({ status: 'active', duress: false });
    expect((await officer.post(`/api/v1/ooh/lone-workers/${id}/steps/${seen.body.currentStep.id}/acknowledgement`, { outcome: 'note' })).status).toBe(409);
    expect((await worker.post(`/api/v1/lone-working/sessions/${id}/end`, {})).body).toMatchObject({ status: 'ended', nextDueAt: null });
    expect((await worker.post(`/api/v1/lone-working/sessions/${id}/check-ins`, {})).status).toBe(409);
    expect((await officer.get('/api/v1/ooh/lone-workers?state=ended')).body.items.some((i: { id: string }) => i.id === id)).toBe(true);
  });

  it('the officer starts a session for a partner organisation\'s worker and checks in on their behalf; bad input keeps nothing', async () => {
    const org = (await makeOrganisation(deps)).id;
    const { client: officer } = await signedInAs(deps, app, ['ooh_officer'], org);
    const before = (await officer.get('/api/v1/ooh/lone-workers')).body.items.length;
    const bad = await officer.post('/api/v1/ooh/lone-workers', json(sessionInput(new Date(), { intervalMinutes: 0, location: '' })));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['intervalMinutes', 'location']);
    const past = await officer.post('/api/v1/ooh/lone-workers', json(sessionInput(new Date(), { expectedEndAt: new Date(Date.now() - 60_000) })));
    expect(past).toMatchObject({ status: 400, body: { errors: [{ path: 'expectedEndAt' }] } });
    expect((await officer.get('/api/v1/ooh/lone-workers')).body.items.length).toBe(before);

    const made = await officer.post('/api/v1/ooh/lone-workers', json(sessionInput(new Date(), { intervalMinutes: 45 })));
    expect(made.body).toMatchObject({ status: 'active', startedVia: 'officer', workerOrganisation: 'Riverside Housing', pendingSteps: [] });
    const checked = await officer.post(`/api/v1/ooh/lone-workers/${made.body.id}/check-ins`, { note: 'Rang in' });
    expect(checked.body.events.map((e: { kind: string }) => e.kind)).toEqual(['started', 'check_in']);
    const ended = await officer.post(`/api/v1/ooh/lone-workers/${made.body.id}/end`, { note: 'Home' });
    expect(ended.body).toMatchObject({ status: 'ended_by_officer', endNote: 'Home' });
  });

  it('saves a new version of the ladder and refuses one whose rungs are out of order', async () => {
    const { client: manager } = await signedInAs(deps, app, ['supervisor']);
    const current = (await manager.get('/api/v1/ooh/lone-working-policy')).body;
    const bad = await manager.request('PUT', '/api/v1/ooh/lone-working-policy', { ...current.policy, steps: [...current.policy.steps].reverse() });
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ path: 'steps.1.offsetSeconds' }] } });
    const saved = await manager.request('PUT', '/api/v1/ooh/lone-working-policy', current.policy);
    expect(saved.body.version).toBeGreaterThan(current.version);
  });
});
