import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import type { WalkCtx } from '../../../../../test/support/walk';
import { anExhibit } from '../../evidence/evidence.walk';
import { aRequest } from '../register/register.walk';
import { aCamera, aDecidedRequest, anAgencyRequest, aTimedRecording } from './disclosure.walk';

// Footage requests through to disclosure, through the API: holds placed once, decisions as new
// entries, a refusal closing the request, release to the agency closing it as disclosed.

const deps = testDeps();
const { app } = testApp(deps);

async function setting() {
  const council = await makeOrganisation(deps);
  const { client, user } = await signedInAs(deps, app, ['enforcement_officer'], council.id);
  const ctx: WalkCtx = { deps, councilOrgId: council.id, user: { ...user, password: '', organisationId: council.id }, bag: {} };
  return { client, ctx };
}

describe('holding a request’s footage', () => {
  it('holds the recordings whose time overlaps, once, and an untimed one only when named', async () => {
    const { client, ctx } = await setting();
    const r = await anAgencyRequest(ctx);
    const overlapping = ctx.bag.recordingId!;
    const cameraId = (await deps.db.selectFrom('request_cameras').select('camera_id').where('request_id', '=', r.id).executeTakeFirstOrThrow()).camera_id;
    const before = await aTimedRecording(ctx, { cameraId, startTime: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    const untimed = await aTimedRecording(ctx, { cameraId, startTime: null });
    await aTimedRecording(ctx, { cameraId: await aCamera(ctx), startTime: new Date(Date.now() - 86_400_000 + 60_000).toISOString() }); // another camera

    const footage = await client.get(`/api/v1/requests/${r.id}/footage`);
    expect(footage.status).toBe(200);
    const byId = Object.fromEntries(footage.body.candidates.map((c: { id: string; match: string }) => [c.id, c.match]));
    expect(byId).toEqual({ [overlapping]: 'overlaps', [untimed]: 'untimed' });
    expect(byId[before]).toBeUndefined();

    const first = await client.post(`/api/v1/requests/${r.id}/holds`, {});
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ held: [{ recordingId: overlapping }], alreadyHeld: 0 });
    const again = await client.post(`/api/v1/requests/${r.id}/holds`, {});
    expect(again.body).toEqual({ held: [], alreadyHeld: 1 });
    const hold = await deps.db.selectFrom('evidence_holds').select('reason').where('recording_id', '=', overlapping).execute();
    expect(hold).toHaveLength(1);
    expect(hold[0]!.reason).toBe(`Request ${r.reference}: Assault outside the Red Lion`);

    expect((await client.post(`/api/v1/requests/${r.id}/holds`, { recordingIds: [before] })).status).toBe(400);
    expect((await client.post(`/api/v1/requests/${r.id}/holds`, { recordingIds: [untimed] })).body.held).toHaveLength(1);
    const after = await client.get(`/api/v1/requests/${r.id}/footage`);
    expect(after.body.candidates.every((c: { heldByRequest: boolean }) => c.heldByRequest)).toBe(true);
    expect(await deps.db.selectFrom('request_holds').select('hold_id').where('request_id', '=', r.id).execute()).toHaveLength(2);
  });

  it('refuses to look for footage without the time asked about', async () => {
    const { client, ctx } = await setting();
    const r = await aRequest(ctx, { type: 'third_party_footage', cameraIds: [await aCamera(ctx)] });
    expect((await client.post(`/api/v1/requests/${r.id}/holds`, {})).status).toBe(409);
  });
});

describe('the decision', () => {
  it('is a new entry each time, pointing at the one before; a refusal needs reasons and closes the request', async () => {
    const { client, ctx } = await setting();
    const r = await anAgencyRequest(ctx);
    const first = await client.post(`/api/v1/requests/${r.id}/decision`, { decision: 'disclose_full', lawfulBasis: 'dpa_sch2_crime' });
    expect(first.status).toBe(200);
    expect(first.body.decision).toMatchObject({ decision: 'disclose_full', lawfulBasis: 'dpa_sch2_crime', correctsSeq: null });
    expect((await client.post(`/api/v1/requests/${r.id}/decision`, { decision: 'refuse' })).status).toBe(400);
    expect((await client.post(`/api/v1/requests/${r.id}/decision`, { decision: 'disclose_part' , lawfulBasis: 'dpa_sch2_crime' })).status).toBe(400);
    const refused = await client.post(`/api/v1/requests/${r.id}/decision`, { decision: 'refuse', reasons: 'Footage shows only bystanders; disclosure is not necessary' });
    expect(refused.body.decisions).toHaveLength(2);
    expect(refused.body.decision).toMatchObject({ decision: 'refuse', correctsSeq: first.body.decision.seq });
    const request = await client.get(`/api/v1/requests/${r.id}`);
    expect(request.body).toMatchObject({ status: 'refused' });
    expect((await client.post(`/api/v1/requests/${r.id}/decision`, { decision: 'disclose_full', lawfulBasis: 'consent' })).status).toBe(409);
  });

  it('is made only on footage requests and SARs', async () => {
    const { client, ctx } = await setting();
    const r = await aRequest(ctx, { type: 'foi', summary: 'How many cameras are there?' });
    expect((await client.post(`/api/v1/requests/${r.id}/decision`, { decision: 'refuse', reasons: 'Not held' })).status).toBe(409);
  });
});

describe('disclosure', () => {
  it('packages the linked exhibits for the agency, releases them with the authority and closes the request as disclosed', async () => {
    const { client, ctx } = await setting();
    const noDecision = await anAgencyRequest(ctx);
    expect((await client.post(`/api/v1/requests/${noDecision.id}/package`, {})).status).toBe(409);

    const r = await aDecidedRequest(ctx);
    expect((await client.post(`/api/v1/requests/${r.id}/release`, {})).status).toBe(409);
    const asked = await client.post(`/api/v1/requests/${r.id}/package`, {});
    expect(asked.status).toBe(202);
    expect(asked.body.packages).toMatchObject([{ state: 'queued', released: false }]);
    expect((await client.post(`/api/v1/requests/${r.id}/package`, {})).status).toBe(409);
    expect((await client.post(`/api/v1/requests/${r.id}/release`, {})).status).toBe(409);
    await deps.db.updateTable('evidence_packages').set({ state: 'done', sha256: randomBytes(32).toString('hex'), size_bytes: 22, completed_at: new Date() }).where('id', '=', asked.body.packages[0].id).execute();

    const released = await client.post(`/api/v1/requests/${r.id}/release`, { note: 'To the officer in the case' });
    expect(released.status).toBe(200);
    expect(released.body.packages[0].released).toBe(true);
    const release = await deps.db.selectFrom('evidence_releases').selectAll().where('package_id', '=', asked.body.packages[0].id).executeTakeFirstOrThrow();
    expect(release).toMatchObject({ organisation_id: r.organisation?.id ?? release.organisation_id, lawful_basis: 'dpa_sch2_crime', crime_reference: 'CR/0451/26', requesting_officer: 'Constable PC Sam Jones (4471)' });
    expect((await client.get(`/api/v1/requests/${r.id}`)).body).toMatchObject({ status: 'disclosed' });
  });

  it('links exhibits only by adding: linking one again changes nothing', async () => {
    const { client, ctx } = await setting();
    const r = await anAgencyRequest(ctx);
    const exhibitId = await anExhibit(ctx);
    expect((await client.post(`/api/v1/requests/${r.id}/exhibits`, { exhibitIds: [exhibitId] })).body.exhibits).toHaveLength(1);
    expect((await client.post(`/api/v1/requests/${r.id}/exhibits`, { exhibitIds: [exhibitId] })).body.exhibits).toHaveLength(1);
  });
});
