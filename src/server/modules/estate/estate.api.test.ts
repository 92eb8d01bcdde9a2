import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { testApp, signedInAs } from '../../../../test/support/api';
import { testDeps } from '../../../../test/support/deps';
import { CameraFeatureCollection, CameraMap } from '../../../domain/estate/contract';
import { cameraInput } from './estate.walk';

// The register's routes as the web app meets them: field-by-field validation, the refused stale
// update, exports of the filtered register, and the map's data with its ETag.

const deps = testDeps({ config: { trustProxy: 1 } });
const { app } = testApp(deps);

describe('keeping the register over HTTP', () => {
  it('registers, re-points with the version read, and refuses the stale version with 409 and a message', async () => {
    const { client } = await signedInAs(deps, app, ['coordinator']);
    const created = await client.post('/api/v1/cameras', { ...cameraInput(), reference: ` c${randomUUID().slice(0, 8)} ` });
    expect(created.status, created.text).toBe(201);
    expect(created.body.reference).toMatch(/^C[0-9A-F]{8}$/);
    const id = created.body.id;
    const first = await client.patch(`/api/v1/cameras/${id}`, { version: 1, bearing: 200, reason: 'Re-pointed at the taxi rank' });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ version: 2, bearing: 200, changeReason: 'Re-pointed at the taxi rank' });
    const stale = await client.patch(`/api/v1/cameras/${id}`, { version: 1, status: 'faulty' });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body).toMatchObject({ code: 'estate.stale_version', currentVersion: 2 });
    expect(stale.body.detail).toMatch(/Reload it/);
    const versions = await client.get(`/api/v1/cameras/${id}/versions`);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('says what to fix, field by field', async () => {
    const { client } = await signedInAs(deps, app, ['coordinator']);
    const r = await client.post('/api/v1/cameras', { ...cameraInput('C 31!'), bearing: 360, fieldOfView: 0, latitude: 40, purpose: '', installedOn: '2026-02-30', capabilities: ['zoom', 'zoom'] });
    expect(r.status).toBe(400);
    const paths = (r.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['bearing', 'capabilities.1', 'fieldOfView', 'installedOn', 'latitude', 'purpose', 'reference']);
    const noVersion = await client.patch(`/api/v1/cameras/${randomUUID()}`, { bearing: 10 });
    expect(noVersion.status).toBe(400);
    const nothing = await client.patch(`/api/v1/cameras/${randomUUID()}`, { version: 1, reason: 'nothing' });
    expect(nothing.status).toBe(400);
    const pick = await client.get('/api/v1/cameras/pick?lat=52.8');
    expect(pick.status).toBe(400);
  });
});

describe('exports and the map', () => {
  it('exports the filtered register as CSV and GeoJSON', async () => {
    const { client } = await signedInAs(deps, app, ['operator']);
    const { client: manager } = await signedInAs(deps, app, ['coordinator']);
    const ward = `Ward ${randomUUID().slice(0, 8)}`;
    for (const name of ['Market Place', 'Union Street']) expect((await manager.post('/api/v1/cameras', { ...cameraInput(), name, ward })).status).toBe(201);
    const csv = await client.get(`/api/v1/cameras.csv?ward=${encodeURIComponent(ward)}&sort=name_desc`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = parse(csv.text) as string[][];
    expect(rows.slice(1).map((r) => [r[1], r[4]])).toEqual([['Union Street', '-1.6405'], ['Market Place', '-1.6405']]);
    const geo = await client.get(`/api/v1/cameras.geojson?ward=${encodeURIComponent(ward)}`);
    expect(geo.headers.get('content-type')).toContain('application/geo+json');
    const fc = CameraFeatureCollection.parse(JSON.parse(geo.text));
    expect(fc.features.map((f) => f.geometry.coordinates)).toEqual([[-1.6405, 52.8045], [-1.6405, 52.8045]]);
  });

  it('gives the map every camera in a few fields, 304 while nothing changed, and a new ETag after a change', async () => {
    const { client } = await signedInAs(deps, app, ['operator']);
    const { client: manager } = await signedInAs(deps, app, ['coordinator']);
    const cam = (await manager.post('/api/v1/cameras', cameraInput())).body;
    const first = await client.get('/api/v1/cameras/map');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    const data = CameraMap.parse(first.body);
    expect(data.items.find((c) => c.id === cam.id)).toEqual({
      id: cam.id, reference: cam.reference, name: cam.name, lat: 52.8045, lon: -1.6405, kind: 'ptz', status: 'operational', bearing: 120, fov: 60, range: 80, owner: 'council', ward: null,
    });
    // Other tests may change the register meanwhile: then the answer is 200 with a new ETag, never a stale 304.
    let again = await client.request('GET', '/api/v1/cameras/map', undefined, { 'if-none-match': etag });
    for (let i = 0; i < 3 && again.status === 200; i++) again = await client.request('GET', '/api/v1/cameras/map', undefined, { 'if-none-match': again.headers.get('etag')! });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    await manager.patch(`/api/v1/cameras/${cam.id}`, { version: 1, status: 'faulty' });
    const changed = await client.request('GET', '/api/v1/cameras/map', undefined, { 'if-none-match': again.headers.get('etag')! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(again.headers.get('etag'));
    expect(CameraMap.parse(changed.body).items.find((c) => c.id === cam.id)?.status).toBe('faulty');
  });
});
