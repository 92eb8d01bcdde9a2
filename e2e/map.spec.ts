import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// A site with its own tile server: VIGIL_MAP_TILES puts its base map under the council's layers,
// with the credit it needs, and the page's security policy lets the map fetch those tiles and
// nothing else. The tile server here is a local one, as a council's would be on its network.

// A 1x1 grey PNG: MapLibre stretches it over the 256-pixel tile.
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGM4AwAAzgDN1GaQsAAAAABJRU5ErkJggg==', 'base64');
const requested: string[] = [];
let tiles: http.Server;
let tilesUrl = '';
beforeAll(async () => {
  tiles = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    // A tile server on another origin answers the map's cross-origin fetches.
    res.writeHead(/^\/os\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '') ? 200 : 404, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end(TILE);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  tilesUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/os/{z}/{x}/{y}.png`;
});
afterAll(() => new Promise<void>((resolve) => tiles.close(() => resolve())));

// Web Mercator tile numbers (the "slippy map" scheme every tile server uses).
const tileX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const tileY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

const env = useProduct({
  users: [{ username: 'dpatel', displayName: 'Dev Patel', roles: ['operator'], password: 'harbour violet engine' }],
  env: () => ({ VIGIL_MAP_TILES: tilesUrl, VIGIL_MAP_ATTRIBUTION: 'Test tiles © Demo Borough Council' }),
});

describe('base map', () => {
  it('draws the configured tiles, with their credit, under the map on the new occurrence form', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    const blocked: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
    await signIn(page, { url: env.product.url, username: 'dpatel', password: 'harbour violet engine' });
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await page.goto(`${env.product.url}/occurrences/new`);
    await page.locator('.vigil-map canvas').waitFor();

    // The tile under the map's centre (Burton upon Trent, where the map opens with no cameras), at
    // whatever zoom the map asked for.
    await expect.poll(() => requested.some((u) => {
      const m = /^\/os\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(u);
      return !!m && m[2] === String(tileX(-1.6334, Number(m[1]))) && m[3] === String(tileY(52.8027, Number(m[1])));
    }), { timeout: 10_000 }).toBe(true);
    await page.locator('.vigil-map').getByText('Test tiles © Demo Borough Council').waitFor();
    await expectAccessible(page, 'new occurrence form with a base map');
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});
