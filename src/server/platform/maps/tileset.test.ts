import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { PMTiles, TileType, Compression } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { DEMO_BASE_MAP } from '../../config';
import { FileRangeSource, decompress, openTileset } from './tileset';

// The demo's base map, as scripts/build-demo-basemap.ts writes it, read back by the pmtiles
// package's own reader (so the writer keeps to the format) and by the server's range reader.

/** Horninglow Street, Burton upon Trent (the demo's camera C01), at zoom 15. */
const HORNINGLOW = { z: 15, x: 16235, y: 10703 };
const tileset = openTileset(DEMO_BASE_MAP);
afterAll(() => tileset.close());

const features = (mvt: Uint8Array, layer: string) => {
  const l = new VectorTile(new Pbf(mvt)).layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
};

describe('the demo base map file', () => {
  it('is a PMTiles v3 archive of gzipped vector tiles over Burton upon Trent, zooms 12 to 16', async () => {
    const h = await tileset.header();
    expect(h).toMatchObject({ specVersion: 3, tileType: TileType.Mvt, tileCompression: Compression.Gzip, minZoom: 12, maxZoom: 16, clustered: true });
    expect(h.minLon).toBeLessThan(-1.6334); expect(h.maxLon).toBeGreaterThan(-1.6334);
    expect(h.minLat).toBeLessThan(52.8027); expect(h.maxLat).toBeGreaterThan(52.8027);
    const meta = await tileset.metadata();
    expect(meta.attribution).toMatch(/Open Government Licence v3\.0.*data\.police\.uk/);
    expect(meta.vector_layers?.map((l) => l.id).sort()).toEqual(['earth', 'places', 'roads', 'vigil_points']);
  });

  it('holds named streets where the demo cameras are, readable by the pmtiles package itself', async () => {
    const reference = await new PMTiles(new FileRangeSource(DEMO_BASE_MAP), undefined, decompress).getZxy(HORNINGLOW.z, HORNINGLOW.x, HORNINGLOW.y);
    const ours = await tileset.tile(HORNINGLOW.z, HORNINGLOW.x, HORNINGLOW.y);
    expect(ours?.compression).toBe(Compression.Gzip);
    const mvt = gunzipSync(ours!.data);
    expect(Buffer.from(new Uint8Array(reference!.data)).equals(mvt)).toBe(true);
    const roads = features(mvt, 'roads');
    expect(roads.length).toBeGreaterThan(0);
    expect(roads.every((f) => f.type === 2 && f.properties.kind && f.properties.name)).toBe(true);
    const names = features(mvt, 'vigil_points').map((f) => f.properties.name);
    expect(names).toContain('Horninglow Street');
    expect(roads.map((f) => f.properties.name)).toContain('Horninglow Street');
  });

  it('has no tile outside its area or zooms', async () => {
    expect(await tileset.tile(15, 16383, 10895)).toBeUndefined(); // London
    expect(await tileset.tile(11, 1014, 668)).toBeUndefined();
    expect(await tileset.tile(17, HORNINGLOW.x * 4, HORNINGLOW.y * 4)).toBeUndefined();
  });
});
