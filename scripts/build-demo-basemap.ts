/**
 * Builds the demo's own base map, and the label glyphs every base map uses, into
 * src/server/platform/maps/assets/. Rerunnable: `npx tsx scripts/build-demo-basemap.ts`.
 *
 * Nothing here is fetched: the street data is data.police.uk's August 2021 street-level crime file
 * for Staffordshire (shared/data/police, Open Government Licence v3.0), the font is Noto Sans from
 * the npm package @fontsource/noto-sans (SIL Open Font License 1.1).
 *
 * What the demo map is, honestly: data.police.uk places each crime at an anonymous map point "on or
 * near" a named street. Those points are where streets really are and what they are really called,
 * but they are not street geometry. Where a street has two or more points close together, the map
 * draws straight lines between them (so the line follows the street only roughly); where it has one,
 * a labelled dot. Points named for a kind of place ("Parking Area", "Supermarket") are labelled dots
 * too. A site's real base map (OS Open Zoomstack, an OpenStreetMap extract) replaces all of it.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { zxyToTileId } from 'pmtiles';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'src/server/platform/maps/assets');
const CRIMES = process.env.POLICE_CSV ?? path.resolve(ROOT, '../shared/data/police/2021-08-staffordshire-street.csv');

// Burton upon Trent town centre and round about (the demo council's cameras are all inside).
const BOX = { west: -1.665, south: 52.784, east: -1.600, north: 52.821 };
const CENTRE = { lon: -1.6334, lat: 52.8027 };
const MIN_ZOOM = 12;
const MAX_ZOOM = 16;
/** Points of one street further apart than this are not joined: they may be two streets of one name. */
const MAX_GAP_M = 600;

// ---------------------------------------------------------------------------------------------
// The street data

type Lonlat = [number, number];
const PLACE_KINDS = new Set(['Hospital', 'Nightclub', 'Parking Area', 'Petrol Station', 'Police Station', 'Shopping Area', 'Supermarket', 'Theatre', 'Train Station', 'Bus Station', 'Pedestrian Subway']);

/** "On or near St Peter'S Street" as data.police.uk writes it, as a street sign would. */
function streetName(location: string) {
  return location.replace(/^On or near /, '').replace(/'S\b/g, "'s").trim();
}

function metres(a: Lonlat, b: Lonlat) {
  const k = Math.cos((a[1] * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * 111_320;
}

/** The points in order along their main direction (the first principal axis). */
function alongStreet(points: Lonlat[]): Lonlat[] {
  const k = Math.cos((points[0][1] * Math.PI) / 180);
  const mx = points.reduce((s, p) => s + p[0] * k, 0) / points.length;
  const my = points.reduce((s, p) => s + p[1], 0) / points.length;
  let sxx = 0, syy = 0, sxy = 0;
  for (const p of points) { const dx = p[0] * k - mx, dy = p[1] - my; sxx += dx * dx; syy += dy * dy; sxy += dx * dy; }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const along = (p: Lonlat) => (p[0] * k - mx) * Math.cos(angle) + (p[1] - my) * Math.sin(angle);
  return [...points].sort((a, b) => along(a) - along(b));
}

function demoFeatures() {
  const rows: Record<string, string>[] = parse(readFileSync(CRIMES), { columns: true, skip_empty_lines: true });
  const byName = new Map<string, Map<string, Lonlat>>();
  for (const r of rows) {
    if (!r.Longitude || !r.Latitude) continue;
    const p: Lonlat = [Number(r.Longitude), Number(r.Latitude)];
    if (p[0] < BOX.west || p[0] > BOX.east || p[1] < BOX.south || p[1] > BOX.north) continue;
    const name = streetName(r.Location);
    if (!byName.has(name)) byName.set(name, new Map());
    byName.get(name)!.set(p.join(','), p);
  }
  const roads: GeoJSON.Feature[] = [];
  const points: GeoJSON.Feature[] = [];
  for (const [name, set] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const pts = [...set.values()];
    if (name.includes('/') || PLACE_KINDS.has(name)) {
      for (const p of pts) points.push({ type: 'Feature', properties: { kind: 'place', name }, geometry: { type: 'Point', coordinates: p } });
      continue;
    }
    const isNumbered = /^[AB]\d+$/.test(name);
    const chains: Lonlat[][] = [];
    for (const p of alongStreet(pts)) {
      const last = chains.at(-1);
      if (last && metres(last.at(-1)!, p) <= MAX_GAP_M) last.push(p);
      else chains.push([p]);
    }
    for (const chain of chains) {
      if (chain.length > 1) {
        roads.push({
          type: 'Feature',
          properties: { kind: isNumbered ? 'major_road' : 'minor_road', kind_detail: isNumbered ? 'primary' : 'residential', name, ...(isNumbered ? { ref: name } : {}), min_zoom: MIN_ZOOM, approximate: true },
          geometry: { type: 'LineString', coordinates: chain },
        });
      }
      for (const p of chain) points.push({ type: 'Feature', properties: { kind: 'street', name, ...(chain.length > 1 ? { on_line: true } : {}) }, geometry: { type: 'Point', coordinates: p } });
    }
  }
  const pad = 0.02;
  const earth: GeoJSON.Feature = {
    type: 'Feature', properties: { kind: 'earth' },
    geometry: { type: 'Polygon', coordinates: [[[BOX.west - pad, BOX.south - pad], [BOX.east + pad, BOX.south - pad], [BOX.east + pad, BOX.north + pad], [BOX.west - pad, BOX.north + pad], [BOX.west - pad, BOX.south - pad]]] },
  };
  const town: GeoJSON.Feature = { type: 'Feature', properties: { kind: 'locality', name: 'Burton upon Trent', min_zoom: 8, population_rank: 9 }, geometry: { type: 'Point', coordinates: [CENTRE.lon, CENTRE.lat] } };
  return { earth: [earth], roads, places: [town], vigil_points: points };
}

// ---------------------------------------------------------------------------------------------
// Protocol buffers and varints, the little these formats need

class Writer {
  private chunks: number[] = [];
  varint(n: number) {
    let v = n;
    while (v >= 0x80) { this.chunks.push((v % 0x80) | 0x80); v = Math.floor(v / 0x80); }
    this.chunks.push(v);
    return this;
  }
  key(field: number, wire: number) { return this.varint(field * 8 + wire); }
  uint(field: number, n: number) { return this.key(field, 0).varint(n); }
  sint(field: number, n: number) { return this.key(field, 0).varint(n >= 0 ? n * 2 : -n * 2 - 1); }
  bytes(field: number, b: Uint8Array) { this.key(field, 2).varint(b.length); for (const x of b) this.chunks.push(x); return this; }
  string(field: number, s: string) { return this.bytes(field, new TextEncoder().encode(s)); }
  finish() { return Uint8Array.from(this.chunks); }
}

// ---------------------------------------------------------------------------------------------
// PMTiles v3 (github.com/protomaps/PMTiles spec/v3): header, one root directory, JSON metadata, tiles

function directory(entries: { tileId: number; offset: number; length: number; runLength: number }[]) {
  const w = new Writer().varint(entries.length);
  let last = 0;
  for (const e of entries) { w.varint(e.tileId - last); last = e.tileId; }
  for (const e of entries) w.varint(e.runLength);
  for (const e of entries) w.varint(e.length);
  entries.forEach((e, i) => w.varint(i > 0 && e.offset === entries[i - 1].offset + entries[i - 1].length ? 0 : e.offset + 1));
  return gzipSync(w.finish(), { level: 9 });
}

function pmtiles(tiles: Map<number, Uint8Array>, metadata: object) {
  const ids = [...tiles.keys()].sort((a, b) => a - b);
  const entries: { tileId: number; offset: number; length: number; runLength: number }[] = [];
  const contents: Buffer[] = [];
  const seen = new Map<string, { offset: number; length: number }>();
  let offset = 0;
  for (const id of ids) {
    const data = Buffer.from(tiles.get(id)!);
    const hash = data.toString('base64');
    const prev = entries.at(-1);
    const known = seen.get(hash);
    if (prev && known && prev.offset === known.offset && prev.tileId + prev.runLength === id) { prev.runLength++; continue; }
    if (known) { entries.push({ tileId: id, ...known, runLength: 1 }); continue; }
    seen.set(hash, { offset, length: data.length });
    entries.push({ tileId: id, offset, length: data.length, runLength: 1 });
    contents.push(data);
    offset += data.length;
  }
  const root = directory(entries);
  const meta = gzipSync(Buffer.from(JSON.stringify(metadata)), { level: 9 });
  const data = Buffer.concat(contents);
  const h = Buffer.alloc(127);
  h.write('PMTiles', 0, 'ascii');
  h.writeUInt8(3, 7);
  const u64 = (at: number, v: number) => h.writeBigUInt64LE(BigInt(v), at);
  u64(8, 127); u64(16, root.length);
  u64(24, 127 + root.length); u64(32, meta.length);
  u64(40, 127 + root.length + meta.length); u64(48, 0);
  u64(56, 127 + root.length + meta.length); u64(64, data.length);
  u64(72, ids.length); u64(80, entries.length); u64(88, contents.length);
  h.writeUInt8(1, 96); // clustered: tile data in tile-id order
  h.writeUInt8(2, 97); // directories and metadata: gzip
  h.writeUInt8(2, 98); // tiles: gzip
  h.writeUInt8(1, 99); // MVT
  h.writeUInt8(MIN_ZOOM, 100); h.writeUInt8(MAX_ZOOM, 101);
  const e7 = (at: number, v: number) => h.writeInt32LE(Math.round(v * 1e7), at);
  e7(102, BOX.west); e7(106, BOX.south); e7(110, BOX.east); e7(114, BOX.north);
  h.writeUInt8(15, 118); e7(119, CENTRE.lon); e7(123, CENTRE.lat);
  if (127 + root.length > 16_384) throw new Error('The root directory must fit the first 16 KiB: split it into leaves');
  return Buffer.concat([h, root, meta, data]);
}

const lon2x = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const lat2y = (lat: number, z: number) => { const r = (lat * Math.PI) / 180; return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z); };

function buildTiles(layers: Record<string, GeoJSON.Feature[]>) {
  const indexes = Object.fromEntries(Object.entries(layers).map(([name, features]) => [
    name, new GeoJSONVT({ type: 'FeatureCollection', features }, { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM, indexMaxPoints: 0, tolerance: 1, extent: 4096, buffer: 64 }),
  ]));
  const tiles = new Map<number, Uint8Array>();
  for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
    for (let x = lon2x(BOX.west, z); x <= lon2x(BOX.east, z); x++) {
      for (let y = lat2y(BOX.north, z); y <= lat2y(BOX.south, z); y++) {
        const parts: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
        for (const [name, index] of Object.entries(indexes)) { const t = index.getTile(z, x, y); if (t && t.features.length) parts[name] = t; }
        if (Object.keys(parts).length) tiles.set(zxyToTileId(z, x, y), gzipSync(fromGeojsonVt(parts, { version: 2, extent: 4096 }), { level: 9 }));
      }
    }
  }
  return tiles;
}

// ---------------------------------------------------------------------------------------------
// Glyphs: signed distance fields of Noto Sans, in the protobuf ranges MapLibre asks for
// (24 px, 3 px buffer, radius 8, cutoff 0.25: what MapLibre's own glyph tools use)

const require = createRequire(import.meta.url);
interface PathCommand { command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath'; args: number[] }
interface FontkitGlyph { advanceWidth: number; bbox: { minX: number; minY: number; maxX: number; maxY: number }; path: { commands: PathCommand[] } }
interface FontkitFont { unitsPerEm: number; hasGlyphForCodePoint(cp: number): boolean; glyphForCodePoint(cp: number): FontkitGlyph }
const fontkit = require('fontkit') as { openSync(p: string): FontkitFont };

const SIZE = 24, BUFFER = 3, RADIUS = 8, CUTOFF = 0.25;
const FONT_DIR = path.dirname(require.resolve('@fontsource/noto-sans/package.json'));
const FONTSTACKS: Record<string, string> = { 'Noto Sans Regular': '400-normal', 'Noto Sans Medium': '500-normal', 'Noto Sans Italic': '400-italic' };
const RANGES = [0, 256, 8192];

const INF = 1e20;
/** Felzenszwalb and Huttenlocher's squared Euclidean distance transform, one line of the grid. */
function edt1d(f: Float64Array, d: Float64Array, n: number) {
  const v = new Int32Array(n), z = new Float64Array(n + 1);
  let k = 0; v[0] = 0; z[0] = -INF; z[1] = INF;
  for (let q = 1; q < n; q++) {
    let s = (f[q] + q * q - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
    while (s <= z[k]) { k--; s = (f[q] + q * q - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]); }
    k++; v[k] = q; z[k] = s; z[k + 1] = INF;
  }
  k = 0;
  for (let q = 0; q < n; q++) { while (z[k + 1] < q) k++; d[q] = (q - v[k]) * (q - v[k]) + f[v[k]]; }
}
function edt(grid: Float64Array, w: number, h: number) {
  const f = new Float64Array(Math.max(w, h)), d = new Float64Array(Math.max(w, h));
  for (let x = 0; x < w; x++) { for (let y = 0; y < h; y++) f[y] = grid[y * w + x]; edt1d(f, d, h); for (let y = 0; y < h; y++) grid[y * w + x] = d[y]; }
  for (let y = 0; y < h; y++) { for (let x = 0; x < w; x++) f[x] = grid[y * w + x]; edt1d(f, d, w); for (let x = 0; x < w; x++) grid[y * w + x] = d[x]; }
}

/** The outline as closed polygons of pixel coordinates (curves cut into 8 straight pieces). */
function polygons(commands: PathCommand[], toPx: (x: number, y: number) => [number, number]) {
  const rings: [number, number][][] = [];
  let ring: [number, number][] = [];
  let at: [number, number] = [0, 0];
  for (const { command, args } of commands) {
    if (command === 'moveTo') { if (ring.length) rings.push(ring); ring = [toPx(args[0], args[1])]; at = [args[0], args[1]]; }
    else if (command === 'lineTo') { ring.push(toPx(args[0], args[1])); at = [args[0], args[1]]; }
    else if (command === 'quadraticCurveTo' || command === 'bezierCurveTo') {
      const [x0, y0] = at;
      for (let i = 1; i <= 8; i++) {
        const t = i / 8, u = 1 - t;
        const [x, y] = command === 'quadraticCurveTo'
          ? [u * u * x0 + 2 * u * t * args[0] + t * t * args[2], u * u * y0 + 2 * u * t * args[1] + t * t * args[3]]
          : [u ** 3 * x0 + 3 * u * u * t * args[0] + 3 * u * t * t * args[2] + t ** 3 * args[4], u ** 3 * y0 + 3 * u * u * t * args[1] + 3 * u * t * t * args[3] + t ** 3 * args[5]];
        ring.push(toPx(x, y));
      }
      at = command === 'quadraticCurveTo' ? [args[2], args[3]] : [args[4], args[5]];
    } else if (command === 'closePath') { if (ring.length) rings.push(ring); ring = []; }
  }
  if (ring.length) rings.push(ring);
  return rings;
}

/** How much of each pixel the glyph covers (0..1): 4x4 samples a pixel, non-zero winding as TrueType fills. */
function coverage(commands: PathCommand[], { W, H, toPx }: { W: number; H: number; toPx: (x: number, y: number) => [number, number] }) {
  const rings = polygons(commands, toPx);
  const out = new Float64Array(W * H);
  const N = 4;
  for (let py = 0; py < H; py++) {
    for (let sy = 0; sy < N; sy++) {
      const y = py + (sy + 0.5) / N;
      const crossings: { x: number; dir: number }[] = [];
      for (const r of rings) {
        for (let i = 0; i < r.length; i++) {
          const [x1, y1] = r[i], [x2, y2] = r[(i + 1) % r.length];
          if ((y1 <= y) !== (y2 <= y)) crossings.push({ x: x1 + ((y - y1) / (y2 - y1)) * (x2 - x1), dir: y2 > y1 ? 1 : -1 });
        }
      }
      crossings.sort((a, b) => a.x - b.x);
      for (let px = 0; px < W; px++) {
        for (let sx = 0; sx < N; sx++) {
          const x = px + (sx + 0.5) / N;
          let winding = 0;
          for (const c of crossings) { if (c.x > x) break; winding += c.dir; }
          if (winding !== 0) out[py * W + px] += 1 / (N * N);
        }
      }
    }
  }
  return out;
}

async function sdfGlyph(font: FontkitFont, cp: number) {
  const g = font.glyphForCodePoint(cp);
  const s = SIZE / font.unitsPerEm;
  const advance = Math.round(g.advanceWidth * s);
  const { minX, minY, maxX, maxY } = g.bbox;
  if (!(maxX > minX && maxY > minY)) return { id: cp, width: 0, height: 0, left: 0, top: -26, advance, bitmap: undefined };
  const left = Math.floor(minX * s), top = Math.ceil(maxY * s);
  const width = Math.ceil(maxX * s) - left, height = top - Math.floor(minY * s);
  const W = width + 2 * BUFFER, H = height + 2 * BUFFER;
  const alpha = coverage(g.path.commands, { W, H, toPx: (x, y) => [BUFFER - left + x * s, BUFFER + top - y * s] });
  const outer = new Float64Array(W * H), inner = new Float64Array(W * H);
  for (let i = 0; i < W * H; i++) {
    const a = alpha[i];
    outer[i] = a === 1 ? 0 : a === 0 ? INF : Math.max(0, 0.5 - a) ** 2;
    inner[i] = a === 1 ? INF : a === 0 ? 0 : Math.max(0, a - 0.5) ** 2;
  }
  edt(outer, W, H); edt(inner, W, H);
  const bitmap = new Uint8Array(W * H);
  for (let i = 0; i < W * H; i++) {
    const dist = Math.sqrt(outer[i]) - Math.sqrt(inner[i]);
    bitmap[i] = Math.max(0, Math.min(255, Math.round(255 - 255 * (dist / RADIUS + CUTOFF))));
  }
  // MapLibre places a glyph's top from an origin above the em box (its local glyphs use ascent - 27.5).
  return { id: cp, width, height, left, top: top - 27, advance, bitmap };
}

async function buildGlyphs(dir: string) {
  for (const [stack, file] of Object.entries(FONTSTACKS)) {
    const fonts = ['latin', 'latin-ext'].map((subset) => fontkit.openSync(path.join(FONT_DIR, 'files', `noto-sans-${subset}-${file}.woff2`)));
    mkdirSync(path.join(dir, stack), { recursive: true });
    for (const start of RANGES) {
      const range = `${start}-${start + 255}`;
      const stackMsg = new Writer().string(1, stack).string(2, range);
      for (let cp = start; cp <= start + 255; cp++) {
        const font = fonts.find((f) => f.hasGlyphForCodePoint(cp));
        if (!font) continue;
        const g = await sdfGlyph(font, cp);
        const gw = new Writer().uint(1, g.id);
        if (g.bitmap) gw.bytes(2, g.bitmap);
        gw.uint(3, g.width).uint(4, g.height).sint(5, g.left).sint(6, g.top).uint(7, g.advance);
        stackMsg.bytes(3, gw.finish());
      }
      writeFileSync(path.join(dir, stack, `${range}.pbf`), new Writer().bytes(1, stackMsg.finish()).finish());
    }
  }
  copyFileSync(path.join(FONT_DIR, 'LICENSE'), path.join(dir, 'OFL.txt'));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(CRIMES)) throw new Error(`No street data at ${CRIMES} (set POLICE_CSV to data.police.uk's 2021-08 Staffordshire street file)`);
  const layers = demoFeatures();
  const tiles = buildTiles(layers);
  const fields = (fs: GeoJSON.Feature[]) => Object.fromEntries([...new Set(fs.flatMap((f) => Object.keys(f.properties ?? {})))].map((k) => [k, 'String']));
  const metadata = {
    name: 'Vigil demo base map: Burton upon Trent',
    description: 'Street names at the anonymous map points data.police.uk places crimes at (August 2021, Staffordshire Police); streets with more than one point drawn as straight lines between them, so only roughly their shape. Not a survey: a site uses its own base map.',
    attribution: 'Contains public sector information licensed under the Open Government Licence v3.0 (data.police.uk)',
    vector_layers: Object.entries(layers).map(([id, fs]) => ({ id, fields: fields(fs), minzoom: MIN_ZOOM, maxzoom: MAX_ZOOM })),
  };
  mkdirSync(OUT, { recursive: true });
  const file = pmtiles(tiles, metadata);
  writeFileSync(path.join(OUT, 'demo-basemap.pmtiles'), file);
  rmSync(path.join(OUT, 'glyphs'), { recursive: true, force: true });
  await buildGlyphs(path.join(OUT, 'glyphs'));
  process.stdout.write(`demo-basemap.pmtiles: ${tiles.size} tiles, ${layers.roads.length} street lines, ${layers.vigil_points.length} points, ${file.length} bytes\n`);
}

await main();
