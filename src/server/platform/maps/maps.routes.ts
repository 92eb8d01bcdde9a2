import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { z } from '@hono/zod-openapi';
import { Compression } from 'pmtiles';
import { route, type Api } from '../http/route';
import { commonResponses, json } from '../http/openapi';
import { AppError } from '../http/errors';
import { BaseMapStyle } from '../../../domain/platform/contract';
import { CONTENT_ENCODINGS, TILE_CONTENT_TYPES, tilesetAt } from './tileset';
import { BASE_SOURCE, FONTSTACKS, baseMapLayers } from './style';
import { GLYPHS } from './assets';
import type { Config } from '../../config';

// The base map Vigil serves itself (VIGIL_MAP_TILES naming a .pmtiles file): its style, its vector
// tiles read from the file a range at a time, and the glyphs its street names are drawn with.
// Nothing a map needs comes from outside. Signed-in users only: a licensed map (OS data under the
// PSGA) is for the council's own staff and partners.

const tags = ['Maps'];
export const STYLE_PATH = '/api/v1/map/style.json';

const noBaseMap = () => new AppError({ code: 'maps.no_base_map', status: 404, message: 'This site serves no base map of its own (VIGIL_MAP_TILES names no PMTiles file).' });
const outsideGrid = () => new AppError({ code: 'maps.no_such_tile', status: 400, message: 'x and y must each be less than 2 to the power z.' });

/** The credit the map must show: the site's own words, else the file's. */
export async function baseMapAttribution(map: Config['map']): Promise<string> {
  if (map.attribution || !map.pmtiles) return map.attribution;
  return (await tilesetAt(map.pmtiles).metadata()).attribution ?? '';
}

const TileParams = z.object({
  z: z.coerce.number().int().min(0).max(24),
  x: z.coerce.number().int().min(0),
  y: z.coerce.number().int().min(0),
});
const GlyphParams = z.object({
  fontstack: z.string().min(1).max(200).regex(/^[\w ,.()-]+$/, 'font names separated by commas'),
  range: z.string().regex(/^\d{1,5}-\d{1,5}(\.pbf)?$/, 'a range such as 0-255'),
});

export function registerMapRoutes(api: Api) {
  route(api, {
    operationId: 'getBaseMapStyle', method: 'get', path: STYLE_PATH, access: 'authenticated', tags,
    summary: 'The base map\'s MapLibre style: its tiles, glyphs and layers, all on this server',
    responses: { 200: json(BaseMapStyle, 'The style'), ...commonResponses },
  }, async (c) => {
    const { map } = c.get('deps').config;
    if (!map.pmtiles) throw noBaseMap();
    const h = await tilesetAt(map.pmtiles).header();
    c.header('cache-control', 'private, no-cache');
    return c.json({
      version: 8 as const,
      glyphs: '/api/v1/map/glyphs/{fontstack}/{range}',
      sources: {
        [BASE_SOURCE]: {
          type: 'vector' as const, tiles: ['/api/v1/map/tiles/{z}/{x}/{y}'], minzoom: h.minZoom, maxzoom: h.maxZoom,
          bounds: [h.minLon, h.minLat, h.maxLon, h.maxLat], attribution: await baseMapAttribution(map),
        },
      },
      layers: baseMapLayers() as unknown as BaseMapStyle['layers'],
    }, 200);
  });

  route(api, {
    operationId: 'getBaseMapTile', method: 'get', path: '/api/v1/map/tiles/{z}/{x}/{y}', access: 'authenticated', tags,
    summary: 'One tile of the base map, as the PMTiles file holds it',
    description: 'A Mapbox vector tile (or the raster image the file holds), sent compressed as stored with Content-Encoding when the client accepts it. 204 where the file has no tile: the map draws nothing there.',
    request: { params: TileParams },
    responses: {
      200: { content: { 'application/vnd.mapbox-vector-tile': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The tile' },
      204: { description: 'The file has no tile here' },
      ...commonResponses,
    },
  }, async (c) => {
    const { map } = c.get('deps').config;
    if (!map.pmtiles) throw noBaseMap();
    const { z: zoom, x, y } = c.req.valid('param');
    if (x >= 2 ** zoom || y >= 2 ** zoom) throw outsideGrid();
    const tile = await tilesetAt(map.pmtiles).tile(zoom, x, y);
    const headers: Record<string, string> = { 'cache-control': 'private, max-age=3600', vary: 'Accept-Encoding' };
    if (!tile) return c.body(null, 204, headers) as never;
    const encoding = CONTENT_ENCODINGS[tile.compression];
    const accepted = encoding && (c.req.header('accept-encoding') ?? '').split(',').some((e) => e.trim().split(';')[0] === encoding);
    const data = !encoding || accepted ? tile.data
      : tile.compression === Compression.Gzip ? gunzipSync(tile.data) : brotliDecompressSync(tile.data);
    return c.body(data as Uint8Array<ArrayBuffer>, 200, {
      ...headers, 'content-type': TILE_CONTENT_TYPES[tile.type] ?? 'application/octet-stream', ...(accepted ? { 'content-encoding': encoding } : {}),
    }) as never;
  });

  route(api, {
    operationId: 'getBaseMapGlyphs', method: 'get', path: '/api/v1/map/glyphs/{fontstack}/{range}', access: 'authenticated', tags,
    summary: 'Glyphs for the base map\'s labels: 256 characters of a font, as signed distance fields',
    description: 'Noto Sans (SIL Open Font License 1.1) in the ranges a British or Irish place name needs; other ranges answer with no glyphs. A font this server lacks is answered from Noto Sans Regular.',
    request: { params: GlyphParams },
    responses: { 200: { content: { 'application/x-protobuf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The glyphs (none where this server has no font for the range)' }, ...commonResponses },
  }, async (c) => {
    const { fontstack, range } = c.req.valid('param');
    const [start, end] = range.replace(/\.pbf$/, '').split('-').map(Number);
    if (start % 256 !== 0 || end !== start + 255) throw new AppError({ code: 'maps.no_such_range', status: 400, message: 'A range is 256 characters from a multiple of 256, such as 0-255.' });
    const font = fontstack.split(',').map((f) => f.trim()).find((f): f is (typeof FONTSTACKS)[number] => (FONTSTACKS as readonly string[]).includes(f)) ?? FONTSTACKS[0];
    const data = await readFile(path.join(GLYPHS, font, `${start}-${end}.pbf`)).catch(() => new Uint8Array());
    return c.body(new Uint8Array(data), 200, { 'content-type': 'application/x-protobuf', 'cache-control': 'private, max-age=86400' }) as never;
  });
}
