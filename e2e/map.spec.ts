import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_BASE_MAP } from '../src/server/config';
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

// Vigil's own base map: VIGIL_MAP_TILES names a PMTiles file (here the demo's, of Burton upon Trent)
// and Vigil serves its tiles, style and fonts. The browser may reach nothing but Vigil itself, and
// the map still draws streets and writes their names.

const own = useProduct({
  users: [{ username: 'rkhan', displayName: 'Rosa Khan', roles: ['operator'], password: 'lantern orchard maple' }],
  env: () => ({ VIGIL_MAP_TILES: DEMO_BASE_MAP }),
});

/**
 * What the map's canvas shows: near-white pixels (the light style's streets at this zoom, and the
 * halo round each name), and pixels of writing (the labels' greys); over the plain grey background
 * neither. The map's controls are masked out. (Drawn here, about 4,000 and 3,000.)
 */
async function drawn(page: Page) {
  const png = await page.locator('.vigil-map canvas').screenshot({ mask: [page.locator('.vigil-map .maplibregl-ctrl')], maskColor: '#ff00ff' });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width; canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    let street = 0, writing = 0, background = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      if (r === 255 && g === 0 && b === 255) continue;
      if (Math.abs(r - 204) < 4 && Math.abs(g - 204) < 4 && Math.abs(b - 204) < 4) background++;
      else if (r >= 245 && g >= 245 && b >= 245) street++;
      else if (0.2126 * r + 0.7152 * g + 0.0722 * b < 170) writing++;
    }
    return { street, writing, background: background / (d.length / 4) };
  }, png.toString('base64'));
}

describe('Vigil\'s own base map', () => {
  it('draws streets and their names with the network closed beyond Vigil', async (ctx) => {
    if (!own.browser) return ctx.skip();
    const page = await newPage(own.browser);
    const origin = new URL(own.product.url).origin;
    const outside: string[] = [];
    await page.context().route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === origin) return route.continue();
      outside.push(url.href);
      return route.abort('internetdisconnected');
    });
    const fetched = { tiles: 0, glyphs: 0 };
    page.on('response', (r) => {
      if (r.status() !== 200) return;
      if (r.url().includes('/api/v1/map/tiles/')) fetched.tiles++;
      if (r.url().includes('/api/v1/map/glyphs/')) fetched.glyphs++;
    });
    await signIn(page, { url: own.product.url, username: 'rkhan', password: 'lantern orchard maple' });
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await page.goto(`${own.product.url}/occurrences/new`);
    await page.locator('.vigil-map canvas').waitFor();
    await page.locator('.vigil-map').getByText(/Open Government Licence v3\.0/).waitFor();

    await expect.poll(async () => {
      const d = await drawn(page);
      return d.street > 1500 && d.writing > 300 ? 'streets and names' : JSON.stringify(d);
    }, { timeout: 20_000, interval: 500 }).toBe('streets and names');
    await page.locator('.vigil-map canvas').screenshot({ path: process.env.VIGIL_E2E_SHOTS ? `${process.env.VIGIL_E2E_SHOTS}/own-base-map.png` : undefined });
    expect(fetched.tiles).toBeGreaterThan(0);
    expect(fetched.glyphs).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    await expectAccessible(page, 'new occurrence form over Vigil\'s own base map');

    // The same page with the base map's tiles refused: nothing of the kind is drawn, so what was
    // counted above was the base map.
    const bare = await newPage(own.browser);
    await bare.context().route('**/api/v1/map/tiles/**', (route) => route.abort());
    const refused = new Promise((resolve) => bare.on('requestfailed', (r) => { if (r.url().includes('/api/v1/map/tiles/')) resolve(r.url()); }));
    await signIn(bare, { url: own.product.url, username: 'rkhan', password: 'lantern orchard maple' });
    await bare.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await bare.goto(`${own.product.url}/occurrences/new`);
    await bare.locator('.vigil-map canvas').waitFor();
    await refused;
    await expect.poll(async () => (await drawn(bare)).background, { timeout: 20_000, interval: 500 }).toBeGreaterThan(0.9);
    const without = await drawn(bare);
    expect(without.street).toBeLessThan(100);
    expect(without.writing).toBeLessThan(100);
    await page.context().close();
    await bare.context().close();
  });
});
