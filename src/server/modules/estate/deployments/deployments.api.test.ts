import { expect, it } from 'vitest';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, sealed, testDeps, uniq } from '../../../../../test/support/deps';
import { londonDay } from '../../../../domain/calendar/london';
import { TINY_PNG } from './deployments.walk';

// A mobile deployment through the API, by role: requested by an enforcement officer, decided by a
// coordinator only, deployed with a signage photo only once approved, reviewed, and read by the
// control room; partners see nothing of it.

const deps = testDeps();
const { app } = testApp(deps);

const request = {
  locationText: 'Guild Street, Burton upon Trent', latitude: 52.8021, longitude: -1.6352, problem: 'Thefts from parked cars in the evening.',
  evidencePeriod: { radiusM: 200, from: '2026-01-01', to: '2026-03-31' }, proposedDays: 90, alternatives: 'Warning signs and patrols.', dpiaReference: 'DPIA-GUILD-1',
};

async function upload(client: { cookie?: string; csrf?: string }, bytes: Uint8Array, type: string, on = app) {
  const res = await on.request('/api/v1/mobile-deployments/signage-photos', {
    method: 'POST', body: bytes as unknown as BodyInit, headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf!, 'content-type': type, 'x-forwarded-for': '10.1.2.3' },
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

it('takes a request through decision, deployment with its signage photo, and review, each by the roles allowed', async () => {
  const org = (await makeOrganisation(deps)).id;
  const { client: officer } = await signedInAs(deps, app, ['enforcement_officer'], org);
  const { client: coordinator } = await signedInAs(deps, app, ['coordinator'], org);
  const { client: operator } = await signedInAs(deps, app, ['operator'], org);
  const { client: police } = await signedInAs(deps, app, ['agency']);

  const bad = await officer.post('/api/v1/mobile-deployments', { ...request, dpiaReference: '', evidencePeriod: { from: '2026-03-31', to: '2026-01-01' } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['dpiaReference', 'evidencePeriod.to']);

  const made = await officer.post('/api/v1/mobile-deployments', request);
  expect(made.status).toBe(201);
  const { id, reference } = made.body;
  expect(reference).toMatch(/^MD-\d{4}-\d{4,}$/);

  const cameraId = (await deps.db.insertInto('cameras').values({ reference: uniq('M').toUpperCase().slice(0, 16), name: 'Redeployable', location_text: 'Depot', latitude: 52.8, longitude: -1.62, kind: 'mobile' })
    .returning('id').executeTakeFirstOrThrow()).id;
  const gif = await upload(officer, Buffer.from('GIF89a....'), 'image/png');
  expect(gif).toMatchObject({ status: 415, type: expect.stringContaining('application/problem+json'), body: { code: 'estate.signage_photo_type' } });
  const photo = await upload(officer, TINY_PNG, 'image/png');
  expect(photo).toMatchObject({ status: 201, body: { contentType: 'image/png', size: TINY_PNG.length } });
  const deploy = { cameraId, deployedOn: londonDay(), signagePhotoSha256: photo.body.sha256 };

  const early = await officer.post(`/api/v1/mobile-deployments/${id}/deployment`, deploy);
  expect(early.status).toBe(409);
  expect(early.headers.get('content-type')).toContain('application/problem+json');
  expect(early.body).toMatchObject({ code: 'estate.deployment_not_approved', detail: expect.stringMatching(/only on an approved request.*awaiting decision/) });

  expect((await officer.post(`/api/v1/mobile-deployments/${id}/decision`, { decision: 'approve', reasons: 'Good evidence.' })).status).toBe(403);
  expect((await police.post(`/api/v1/mobile-deployments/${id}/decision`, { decision: 'approve', reasons: 'Good evidence.' })).status).toBe(404);
  const noReason = await coordinator.post(`/api/v1/mobile-deployments/${id}/decision`, { decision: 'approve', reasons: '' });
  expect(noReason.body.errors).toEqual([{ path: 'reasons', message: expect.stringMatching(/reasons/) }]);
  expect((await coordinator.post(`/api/v1/mobile-deployments/${id}/decision`, { decision: 'approve', reasons: 'Evidence and DPIA in order.' })).body).toMatchObject({ state: 'approved' });

  const deployed = await officer.post(`/api/v1/mobile-deployments/${id}/deployment`, deploy);
  expect(deployed.status).toBe(200);
  expect(deployed.body.reviewDueOn).toBe(new Date(Date.parse(`${londonDay()}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10));

  const seen = await operator.get(`/api/v1/mobile-deployments/${id}`);
  expect(seen.body).toMatchObject({ state: 'deployed', camera: { id: cameraId }, reviewStatus: 'not_due', evidence: { radiusM: 200, from: '2026-01-01', to: '2026-03-31' } });
  expect(seen.body.events.map((e: { kind: string }) => e.kind)).toEqual(['requested', 'approved', 'deployed']);
  const image = await app.request(`/api/v1/mobile-deployments/${id}/signage-photo`, { headers: { cookie: operator.cookie!, 'x-forwarded-for': '10.1.2.4' } });
  expect(image.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await image.arrayBuffer()).equals(TINY_PNG)).toBe(true);
  expect((await police.get(`/api/v1/mobile-deployments/${id}`)).status).toBe(404);
  expect((await operator.post(`/api/v1/mobile-deployments/${id}/reviews`, { reviewedOn: londonDay(), isNecessary: true, isProportionate: true })).status).toBe(403);

  const reviewed = await coordinator.post(`/api/v1/mobile-deployments/${id}/reviews`, { reviewedOn: londonDay(), isNecessary: false, isProportionate: true, notes: '' });
  expect(reviewed.body.errors).toEqual([{ path: 'notes', message: expect.stringMatching(/no longer necessary/) }]);
  const soon = new Date(Date.parse(`${londonDay()}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
  expect((await coordinator.post(`/api/v1/mobile-deployments/${id}/reviews`, { reviewedOn: londonDay(), isNecessary: true, isProportionate: true, nextReviewOn: soon })).status).toBe(201);
  const due = await coordinator.get('/api/v1/mobile-deployments/reviews-due');
  expect(due.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ reviewDueOn: soon, reviewStatus: 'due_soon' });
  expect(due.body.dueSoon).toBeGreaterThanOrEqual(1);

  const history = await operator.get('/api/v1/mobile-cameras/history');
  expect(history.body.items.find((c: { camera: { id: string } }) => c.camera.id === cameraId)).toMatchObject({ current: { deploymentId: id, reference }, deployments: [{ from: londonDay(), to: null }] });

  const audit = await (await sealed(deps.db)).selectFrom('audit_events').select('action').where('record_id', '=', id).orderBy('seq').execute();
  expect(audit.map((a) => a.action)).toEqual(['deployment.requested', 'deployment.approved', 'deployment.deployed', 'deployment.reviewed']);
});

it('refuses a signage photo over 5 MB, and takes one of 4 MB though the site keeps request bodies to 1 MB', async () => {
  const roomy = testApp(testDeps({ config: { bodyLimitBytes: 1024 * 1024 } })).app;
  const { client } = await signedInAs(deps, roomy, ['enforcement_officer']);
  const big = Buffer.alloc(6 * 1024 * 1024);
  TINY_PNG.copy(big);
  expect(await upload(client, big, 'image/png', roomy)).toMatchObject({ status: 413, body: { code: 'estate.signage_photo_too_large' } });
  expect(await upload(client, big.subarray(0, 4 * 1024 * 1024), 'image/png', roomy)).toMatchObject({ status: 201, body: { size: 4 * 1024 * 1024 } });
});
