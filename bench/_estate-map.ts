import { performance } from 'node:perf_hooks';
import pg from 'pg';

// For bench/estate.ts: a generated register of N cameras (written in one INSERT, each with its first
// version by the register's trigger, as a real register would have), and the estate map's data
// timed through the API.

/** The demo town's box: generated cameras stand where the demo's map is. */
const BOX = { south: 52.7905, west: -1.652, north: 52.8135, east: -1.615 };
const KINDS = ['fixed', 'ptz', 'ptz', 'ptz', 'fixed', 'mobile', 'anpr'] as const;
const STATUSES = ['operational', 'operational', 'operational', 'operational', 'operational', 'operational', 'degraded', 'faulty', 'out_of_service'] as const;
const OWNERS = ['council', 'council', 'council', 'partner', 'private'] as const;
const WARDS = ['Burton', 'Anglesey', 'Eton Park', 'Horninglow', 'Shobnall', 'Stapenhill', 'Winshill', 'Brizlincote'];

export interface GeneratedCamera {
  reference: string; name: string; location: string; latitude: number; longitude: number; kind: string; status: string;
  bearing: number; fieldOfView: number; range: number; owner: string; ward: string; purpose: string;
}

/** N cameras, the same N every run (a small linear congruential generator, seeded). */
export function generateCameras(count: number, { prefix = 'G', seed = 10 }: { prefix?: string; seed?: number } = {}): GeneratedCamera[] {
  let s = seed >>> 0;
  const rnd = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => {
    const reference = `${prefix}${String(i + 1).padStart(width, '0')}`;
    const kind = pick(KINDS);
    return {
      reference, name: `Generated camera ${reference}`, location: `Street ${(i % 400) + 1}, Burton upon Trent`,
      latitude: Math.round((BOX.south + rnd() * (BOX.north - BOX.south)) * 1e6) / 1e6,
      longitude: Math.round((BOX.west + rnd() * (BOX.east - BOX.west)) * 1e6) / 1e6,
      kind, status: pick(STATUSES), bearing: Math.floor(rnd() * 360), fieldOfView: kind === 'ptz' ? 90 : 60, range: 40 + Math.floor(rnd() * 120),
      owner: pick(OWNERS), ward: pick(WARDS), purpose: 'Public safety and crime prevention',
    };
  });
}

/**
 * Inserts the cameras in one statement (arrays unnested), skipping numbers already registered.
 * Returns how many were added and how long it took.
 */
export async function insertGeneratedCameras({ databaseUrl, cameras }: { databaseUrl: string; cameras: GeneratedCamera[] }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const col = <K extends keyof GeneratedCamera>(k: K) => cameras.map((c) => c[k]);
    const started = performance.now();
    const r = await client.query(`
      insert into cameras (reference, name, location_text, latitude, longitude, kind, status, bearing_deg, field_of_view_deg, range_m, owner, ward, purpose, changed_at, change_reason)
      select *, now(), 'generated' from unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::float8[], $11::text[], $12::text[], $13::text[])
      on conflict (reference) do nothing`,
    [col('reference'), col('name'), col('location'), col('latitude'), col('longitude'), col('kind'), col('status'), col('bearing'), col('fieldOfView'), col('range'), col('owner'), col('ward'), col('purpose')]);
    return { added: r.rowCount ?? 0, ms: performance.now() - started };
  } finally {
    await client.end();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)];

/**
 * Times `requests` GETs of the estate map's data, one after another (after three to warm up), as the
 * signed-in user whose cookie is given. With `revalidate`, each sends the ETag it was given back
 * (the browser's case once it has the data: 304 while nothing changed). `beforeEach` runs untimed
 * before each request (a change to the register, so that the server must build the data afresh).
 */
export async function measureMapData({ baseUrl, cookie, requests, revalidate = false, beforeEach }: {
  baseUrl: string; cookie: string; requests: number; revalidate?: boolean; beforeEach?: (i: number) => Promise<void>;
}) {
  const url = `${baseUrl}/api/v1/cameras/map`;
  let etag: string | undefined;
  let cameras = 0;
  let bytes = 0;
  const get = async () => {
    const headers: Record<string, string> = { cookie, 'accept-encoding': 'identity' };
    if (revalidate && etag) headers['if-none-match'] = etag;
    const res = await fetch(url, { headers });
    const body = await res.text();
    if (res.status !== 200 && res.status !== 304) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 200)}`);
    etag = res.headers.get('etag') ?? etag;
    if (res.status === 200 && !cameras) { bytes = body.length; cameras = (JSON.parse(body) as { items: unknown[] }).items.length; }
    return res.status;
  };
  for (let i = 0; i < 3; i++) await get();
  const samples: number[] = [];
  const statuses: Record<number, number> = {};
  for (let i = 0; i < requests; i++) {
    await beforeEach?.(i);
    const t = performance.now();
    const status = await get();
    samples.push(performance.now() - t);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), cameras, bytes, statuses };
}
