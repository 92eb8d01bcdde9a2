import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { ApiClient, testApp } from '../../../../test/support/api';
import { makeSession, makeUser, testDeps } from '../../../../test/support/deps';
import { DEMO_BASE_MAP } from '../../config';

// The base map Vigil serves itself: style, tiles from the PMTiles file, glyphs for street names.

const deps = testDeps({ config: { map: { pmtiles: DEMO_BASE_MAP, attribution: '' } } });
const { app } = testApp(deps);
const HORNINGLOW = '/api/v1/map/tiles/15/16235/10703';

async function signedIn(a = app) {
  const user = await makeUser(deps, { roles: ['operator'] });
  const session = await makeSession(deps, { userId: user.id });
  const c = new ApiClient(a);
  Object.assign(c, session);
  /** The raw answer, bytes and all (the client's own reading is for JSON). */
  const raw = (path: string, headers: Record<string, string> = {}) => a.request(path, { headers: { cookie: session.cookie!, ...headers } });
  return { c, raw };
}

describe('the base map', () => {
  it('is for signed-in users only', async () => {
    for (const path of ['/api/v1/map/style.json', HORNINGLOW, '/api/v1/map/glyphs/Noto%20Sans%20Regular/0-255']) {
      expect((await app.request(path)).status).toBe(401);
    }
  });

  it('has a style whose tiles, glyphs and credit are all this server\'s, and which needs no sprite', async () => {
    const { c } = await signedIn();
    const r = await c.get('/api/v1/map/style.json');
    expect(r.status).toBe(200);
    expect(r.body.glyphs).toBe('/api/v1/map/glyphs/{fontstack}/{range}');
    expect(r.body.sources.base).toMatchObject({ type: 'vector', tiles: ['/api/v1/map/tiles/{z}/{x}/{y}'], minzoom: 12, maxzoom: 16 });
    expect(r.body.sources.base.attribution).toMatch(/Open Government Licence v3\.0/);
    expect(r.body.sprite).toBeUndefined();
    expect(r.text).not.toMatch(/https?:\/\//);
    expect(r.text).not.toContain('icon-image');
    const ids = r.body.layers.map((l: { id: string }) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['earth', 'roads_minor', 'roads_labels_minor', 'vigil_points_labels']));
    // The style's fonts are the ones served (Devanagari, for Hindi names, is answered from Regular).
    const fonts = new Set(JSON.stringify(r.body.layers).match(/Noto Sans [A-Za-z]+/g));
    expect([...fonts].sort()).toEqual(['Noto Sans Devanagari', 'Noto Sans Italic', 'Noto Sans Medium', 'Noto Sans Regular']);
  });

  it('sends a tile as the file stores it, gzipped, to a browser that accepts gzip', async () => {
    const { raw } = await signedIn();
    const r = await raw(HORNINGLOW, { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(r.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const mvt = gunzipSync(Buffer.from(await r.arrayBuffer()));
    const roads = new VectorTile(new Pbf(mvt)).layers.roads;
    const names = Array.from({ length: roads.length }, (_, i) => roads.feature(i).properties.name);
    expect(names).toContain('Horninglow Street');
  });

  it('unzips a tile for a client that does not accept gzip', async () => {
    const { raw } = await signedIn();
    const r = await raw(HORNINGLOW, { 'accept-encoding': 'identity' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(Object.keys(new VectorTile(new Pbf(new Uint8Array(await r.arrayBuffer()))).layers)).toContain('roads');
  });

  it('answers 204 where the file has no tile, and 400 for a tile off the grid', async () => {
    const { raw } = await signedIn();
    expect((await raw('/api/v1/map/tiles/15/16383/10895')).status).toBe(204); // London: not in the demo map
    expect((await raw('/api/v1/map/tiles/18/129880/85624')).status).toBe(204); // past its deepest zoom
    const off = await raw('/api/v1/map/tiles/3/8/1');
    expect(off.status).toBe(400);
    expect((await off.json()).code).toBe('maps.no_such_tile');
    expect((await raw('/api/v1/map/tiles/a/1/1')).status).toBe(400);
  });

  it('serves glyphs for the style\'s fonts, falls back to Noto Sans Regular, and answers no glyphs for other ranges', async () => {
    const { raw } = await signedIn();
    const regular = await raw('/api/v1/map/glyphs/Noto%20Sans%20Regular/0-255');
    expect(regular.status).toBe(200);
    expect(regular.headers.get('content-type')).toBe('application/x-protobuf');
    const bytes = Buffer.from(await regular.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(bytes.includes(Buffer.from('Noto Sans Regular'))).toBe(true);
    // Welsh place names: ŵ and ŷ are in 256-511.
    expect((await (await raw('/api/v1/map/glyphs/Noto%20Sans%20Medium/256-511')).arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    const other = Buffer.from(await (await raw('/api/v1/map/glyphs/Open%20Sans%20Bold,Arial%20Unicode%20MS%20Regular/0-255')).arrayBuffer());
    expect(other.equals(bytes)).toBe(true);
    const cjk = await raw('/api/v1/map/glyphs/Noto%20Sans%20Regular/19968-20223');
    expect([cjk.status, (await cjk.arrayBuffer()).byteLength]).toEqual([200, 0]);
    expect((await raw('/api/v1/map/glyphs/Noto%20Sans%20Regular/1-256')).status).toBe(400);
    expect((await raw('/api/v1/map/glyphs/..%2F..%2Fetc/0-255')).status).toBe(400);
  });

  it('is offered to signed-in users in the site\'s details, with the file\'s credit', async () => {
    const { c } = await signedIn();
    expect((await c.get('/api/v1/meta')).body.map).toEqual({ tiles: null, style: '/api/v1/map/style.json', attribution: expect.stringMatching(/data\.police\.uk/) });
    expect((await new ApiClient(app).get('/api/v1/meta')).body.map).toMatchObject({ tiles: null, style: null });
  });

  it('is not there where the site names no PMTiles file', async () => {
    const plain = testApp(testDeps());
    const { c, raw } = await signedIn(plain.app);
    const r = await c.get('/api/v1/map/style.json');
    expect([r.status, r.body.code]).toEqual([404, 'maps.no_base_map']);
    expect((await raw(HORNINGLOW)).status).toBe(404);
    expect((await c.get('/api/v1/meta')).body.map).toEqual({ tiles: null, style: null, attribution: '' });
  });
});
