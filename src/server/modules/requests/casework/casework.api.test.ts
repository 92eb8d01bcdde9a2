import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps, uniq } from '../../../../../test/support/deps';
import { TINY_PNG } from '../../estate/deployments/deployments.walk';
import { DISCLOSURE_LOG_CSV_HEADER } from '../../../../domain/requests/casework';
import { requestInput } from '../register/register.walk';

// Casework through the API: a SAR's identity and searches with stills, an FOI's exemptions and
// its answer in the public disclosure log; each refused on the other kind of request.

const now = new Date('2026-03-20T12:00:00Z');
const deps = testDeps({ clock: { now: () => now } });
const { app } = testApp(deps);
type Client = { cookie?: string; csrf?: string };
async function upload(client: Client, bytes: Uint8Array) {
  const res = await app.request('/api/v1/request-stills', {
    method: 'POST', body: bytes as unknown as BodyInit, headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf!, 'content-type': 'image/png', 'x-forwarded-for': '10.1.2.3' },
  });
  return { status: res.status, body: await res.json() };
}
async function download(client: Client, path: string) {
  const res = await app.request(path, { headers: { cookie: client.cookie!, 'x-forwarded-for': '10.1.2.3' } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}
const officer = async () => (await signedInAs(deps, app, ['enforcement_officer'], (await makeOrganisation(deps)).id)).client;

describe('a subject access request', () => {
  it('records identity (SAR only, not on a day to come) and the next step when the clock waits for it', async () => {
    const o = await officer();
    const sar = (await o.post('/api/v1/requests', requestInput({ type: 'sar', receivedOn: '2026-03-10' }))).body;
    await o.post(`/api/v1/requests/${sar.id}/clock-stops`, { reason: 'identity', on: '2026-03-11', note: 'Asked for photo ID' });
    const future = await o.post(`/api/v1/requests/${sar.id}/identity`, { method: 'passport', verifiedBy: 'J Smith', on: '2026-03-21' });
    expect(future).toMatchObject({ status: 400, body: { errors: [{ path: 'on' }] } });
    const done = await o.post(`/api/v1/requests/${sar.id}/identity`, { method: 'utility_bill_and_photo', verifiedBy: 'J Smith', on: '2026-03-19', note: 'Council tax bill and photo' });
    expect(done.status).toBe(200);
    expect(done.body.events.at(-1)).toMatchObject({ kind: 'identity-verified', details: { method: 'utility_bill_and_photo', verifiedBy: 'J Smith', on: '2026-03-19' } });
    // Recording identity does not restart the clock: that is its own step.
    expect(done.body.clock.state).toBe('paused');

    const foi = (await o.post('/api/v1/requests', requestInput({ type: 'foi', receivedOn: '2026-03-10', summary: 'Camera costs' }))).body;
    expect(await o.post(`/api/v1/requests/${foi.id}/identity`, { method: 'passport', verifiedBy: 'J Smith', on: '2026-03-19' })).toMatchObject({ status: 409, body: { code: 'requests.sar_only' } });
    expect(await o.post(`/api/v1/requests/${foi.id}/searches`, { searchedFrom: '2026-03-01T20:00:00Z', searchedTo: '2026-03-01T21:00:00Z', found: false, notes: 'Station Road' }))
      .toMatchObject({ status: 409, body: { code: 'requests.sar_only' } });
  });

  it('records searches with stills stored by SHA-256, served back checked, and flags redaction when others are visible', async () => {
    const o = await officer();
    const sar = (await o.post('/api/v1/requests', requestInput({ type: 'sar', receivedOn: '2026-03-10' }))).body;
    const notImage = await o.request('POST', '/api/v1/request-stills', 'GIF89a not really', { 'content-type': 'image/png' });
    expect(notImage).toMatchObject({ status: 415, body: { code: 'requests.not_an_image' } });
    const png = Buffer.concat([TINY_PNG, Buffer.from(uniq('x'))]); // a PNG with trailing bytes: its own hash
    const stored = await upload(o, png);
    expect(stored).toMatchObject({ status: 201, body: { sha256: createHash('sha256').update(png).digest('hex'), contentType: 'image/png', size: png.length } });
    const sha256 = stored.body.sha256 as string;

    const missing = await o.post(`/api/v1/requests/${sar.id}/searches`, { searchedFrom: '2026-03-01T20:00:00Z', searchedTo: '2026-03-01T21:00:00Z', found: true, notes: 'Station Road', stills: ['0'.repeat(64)] });
    expect(missing).toMatchObject({ status: 400, body: { errors: [{ path: 'stills.0' }] } });
    const first = await o.post(`/api/v1/requests/${sar.id}/searches`, { searchedFrom: '2026-03-01T20:00:00Z', searchedTo: '2026-03-01T21:00:00Z', found: true, othersVisible: false, notes: 'Station Road, bus stop camera' });
    expect(first).toMatchObject({ status: 201, body: { redactionNeeded: false, searches: [{ found: true, othersVisible: false, camera: null }] } });
    const second = await o.post(`/api/v1/requests/${sar.id}/searches`, { searchedFrom: '2026-03-01T21:00:00Z', searchedTo: '2026-03-01T22:00:00Z', found: true, othersVisible: true, notes: 'Market Place', stills: [sha256] });
    expect(second.body.redactionNeeded).toBe(true);
    const listed = await o.get(`/api/v1/requests/${sar.id}/searches`);
    expect(listed.body).toMatchObject({ redactionNeeded: true, searches: [{ stills: [] }, { stills: [sha256], othersVisible: true }] });
    expect((await o.get(`/api/v1/requests/${sar.id}`)).body.events.map((e: { kind: string }) => e.kind)).toEqual(['received', 'search-recorded', 'search-recorded']);

    const searchId = listed.body.searches[1].id as string;
    const still = await download(o, `/api/v1/requests/${sar.id}/searches/${searchId}/stills/${sha256}`);
    expect(still.status).toBe(200);
    expect(still.type).toBe('image/png');
    expect(createHash('sha256').update(still.bytes).digest('hex')).toBe(sha256);
    // A still another search did not record is not served through this one.
    expect((await o.get(`/api/v1/requests/${sar.id}/searches/${listed.body.searches[0].id}/stills/${sha256}`)).status).toBe(404);
  });
});

describe('an FOI request', () => {
  it('records exemptions (qualified ones with the public-interest test; corrections replace), logs its answer once responded, and publishes it', async () => {
    const o = await officer();
    const title = uniq('Cameras in the town centre');
    const foi = (await o.post('/api/v1/requests', requestInput({ type: 'foi', receivedOn: '2026-03-02', summary: 'Where are the cameras?' }))).body;
    const noTest = await o.post(`/api/v1/requests/${foi.id}/exemptions`, { sections: ['s.31(1)(a)'] });
    expect(noTest).toMatchObject({ status: 400, body: { errors: [{ path: 'publicInterest' }] } });
    const applied = await o.post(`/api/v1/requests/${foi.id}/exemptions`, { sections: ['s.31(1)(a)', 's.40(2)'], publicInterest: 'Exact positions would help offenders avoid the cameras' });
    expect(applied.body.events.at(-1)).toMatchObject({ kind: 'exemption-applied', details: { sections: 's.31(1)(a), s.40(2)', publicInterestTest: true } });
    const seq = applied.body.events.at(-1).seq as number;
    expect((await o.post(`/api/v1/requests/${foi.id}/exemptions`, { sections: ['s.38'], publicInterest: 'Risk to staff outweighs it', correctsSeq: 1 })).status).toBe(400);
    const corrected = await o.post(`/api/v1/requests/${foi.id}/exemptions`, { sections: ['s.31(1)(a)'], publicInterest: 'Exact positions would help offenders avoid the cameras', correctsSeq: seq });
    expect(corrected.body.events.at(-1)).toMatchObject({ kind: 'exemption-applied', correctsSeq: seq });

    const early = await o.post(`/api/v1/requests/${foi.id}/disclosure-log`, { title, answer: 'Partly withheld', publish: true });
    expect(early).toMatchObject({ status: 409, body: { code: 'requests.not_responded' } });
    await o.post(`/api/v1/requests/${foi.id}/status`, { status: 'responded', note: '' });
    await o.post(`/api/v1/requests/${foi.id}/disclosure-log`, { title, answer: 'Draft', publish: false });
    expect((await o.get('/api/v1/foi/disclosure-log')).body.entries.map((e: { title: string }) => e.title)).not.toContain(title);
    expect((await o.post(`/api/v1/requests/${foi.id}/disclosure-log`, { title, answer: 'The council runs 212 cameras; their positions are withheld.', publish: true })).status).toBe(200);

    const log = (await o.get('/api/v1/foi/disclosure-log')).body.entries.filter((e: { title: string }) => e.title === title);
    expect(log).toEqual([{ reference: foi.reference, receivedOn: '2026-03-02', respondedOn: '2026-03-20', title, exemptions: ['s.31(1)(a)'], answer: 'The council runs 212 cameras; their positions are withheld.' }]);
    const rows = parse((await o.get('/api/v1/foi/disclosure-log.csv')).text) as string[][];
    expect(rows[0]).toEqual(DISCLOSURE_LOG_CSV_HEADER);
    expect(rows.filter((r) => r[3] === title)).toEqual([[foi.reference, '2026-03-02', '2026-03-20', title, 's.31(1)(a)', 'The council runs 212 cameras; their positions are withheld.']]);

    const sar = (await o.post('/api/v1/requests', requestInput({ type: 'sar', receivedOn: '2026-03-10' }))).body;
    expect(await o.post(`/api/v1/requests/${sar.id}/exemptions`, { sections: ['s.40(2)'] })).toMatchObject({ status: 409, body: { code: 'requests.foi_only' } });
    expect(await o.post(`/api/v1/requests/${sar.id}/disclosure-log`, { title, answer: 'x y z', publish: true })).toMatchObject({ status: 409, body: { code: 'requests.foi_only' } });
  });
});
