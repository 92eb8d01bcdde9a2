import pg from 'pg';
import { connect } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { SYSTEM_ACTOR } from '../src/server/platform/audit/audit';
import { gridToWgs84 } from '../src/domain/estate/import/coordinates';
import { importRegister } from '../src/server/modules/estate/import/import.usecases';
import { median } from './_support';
import { copyIn } from '../src/server/platform/db/copy';

// The camera register import against PostgreSQL's COPY of the same rows (npm run bench -- estate).
// A generated register of N cameras, written as councils' spreadsheets write them (quoted fields
// with commas, CRLF, float artefacts, a tenth of the rows in OSGB36 eastings and northings), is
// imported by the product (parse, match, history, audit: the whole use case) into a fresh database;
// in the same database the same rows, as the import stores them, are copied with COPY into a
// scratch table of the cameras table's shape (its columns, checks and indexes; no history
// trigger). Each run gets a database of its own; the medians are returned.

const KINDS = ['ptz', 'fixed', 'PTZ', 'Fixed', 'Redeployable', 'ANPR'];
const KIND_CODES: Record<string, string> = { ptz: 'ptz', fixed: 'fixed', PTZ: 'ptz', Fixed: 'fixed', Redeployable: 'mobile', ANPR: 'anpr' };
const STATUSES = ['Operational', 'operational', 'Degraded', 'Faulty', 'Out of service'];
const STATUS_CODES: Record<string, string> = { Operational: 'operational', operational: 'operational', Degraded: 'degraded', Faulty: 'faulty', 'Out of service': 'out_of_service' };
const STREETS = ['High Street', 'Station Street', 'Horninglow Road', 'Lichfield Street', 'Union Street', 'Market Place', 'Wetmore Road', 'Borough Road'];
const WARDS = ['Burton', 'Anglesey', 'Eton Park', 'Horninglow', 'Shobnall', 'Stapenhill'];

const HEADER = 'Camera No,Camera Name,Location,Longitude,Latitude,Easting,Northing,Type,Status,Bearing,FOV,Range (m),Mounting Height,NVR,Channel,Line,Install Date,Owner,Purpose,Ward,Capabilities';
const COPY_COLUMNS = 'reference, name, location_text, longitude, latitude, kind, status, bearing_deg, field_of_view_deg, range_m, mounting_height_m, video_system, channel, connectivity_line, installed_on, owner, purpose, ward, capabilities, change_reason';

const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A register of `n` cameras as a council exports it, and the same rows as COPY takes them (as the import stores them). */
export function generateRegister(n: number): { csv: string; copy: string } {
  const lines = [HEADER];
  const copy: string[] = [];
  for (let i = 0; i < n; i++) {
    const reference = `CAM-${String(i + 1).padStart(5, '0')}`;
    const street = STREETS[i % STREETS.length];
    const name = `${street}, camera ${i + 1}`;
    const location = `Outside ${1 + (i % 120)} ${street}, Burton upon Trent`;
    // 20 m apart on a grid about Burton: no two cameras at one point.
    const easting = 420_000 + (i % 400) * 20; const northing = 318_000 + Math.floor(i / 400) * 20;
    const grid = i % 10 === 0;
    const { longitude, latitude } = gridToWgs84(easting, northing);
    // Spreadsheets' float artefacts on the WGS84 rows: the import rounds them back to 7 places.
    const [lon, lat] = grid ? ['', ''] : [String(longitude + 4 * Number.EPSILON), String(latitude - 8 * Number.EPSILON)];
    const kind = KINDS[i % KINDS.length]; const status = STATUSES[i % STATUSES.length];
    const bearing = (i * 37) % 360; const fov = 40 + (i % 5) * 10; const range = 50 + (i % 8) * 25;
    const installed = `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${2005 + (i % 20)}`;
    const caps = KIND_CODES[kind] === 'ptz' ? 'Pan, tilt, zoom, presets' : '';
    const cells = [reference, name, location, lon, lat, grid ? String(easting) : '', grid ? String(northing) : '', kind, status, String(bearing), String(fov), String(range),
      '6', `NVR-${1 + (i % 12)}`, String(1 + (i % 64)), `BT-${100000 + i}`, installed, 'Council', 'Prevention and detection of crime; public safety', WARDS[i % WARDS.length], caps];
    lines.push(cells.map(q).join(','));
    const iso = installed.split('/').reverse().join('-');
    copy.push([reference, name, location, longitude, latitude, KIND_CODES[kind], STATUS_CODES[status], bearing, fov, range, 6, `NVR-${1 + (i % 12)}`, 1 + (i % 64), `BT-${100000 + i}`,
      iso, 'council', 'Prevention and detection of crime; public safety', WARDS[i % WARDS.length], caps ? '{pan,tilt,zoom,presets}' : '{}', 'imported from register.csv'].map((v) => q(String(v))).join(','));
  }
  return { csv: `${lines.join('\r\n')}\r\n`, copy: `${copy.join('\n')}\n` };
}

/** One run: a fresh database, the import timed, then COPY of the same rows timed, in that database. */
async function oneRun({ adminUrl, name, register, n }: { adminUrl: string; name: string; register: ReturnType<typeof generateRegister>; n: number }) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl); url.pathname = `/${name}`;
  const handle = connect({ url: url.toString(), max: 2 });
  try {
    await migrate({ pool: handle.pool });
    const started = performance.now();
    const result = await importRegister({ db: handle.db, clock: { now: () => new Date() } }, {
      actor: { audit: { ...SYSTEM_ACTOR, userAgent: 'bench' }, userId: null }, input: { csv: register.csv, fileName: 'register.csv', dryRun: false },
    });
    const importMs = performance.now() - started;
    if (result.counts.added !== n) throw new Error(`the import added ${result.counts.added} of ${n} cameras: ${JSON.stringify(result.refused.slice(0, 3))}`);
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query('create table cameras_copy (like cameras including all)');
    const copyStarted = performance.now();
    await copyIn(client, `copy cameras_copy (${COPY_COLUMNS}) from stdin with (format csv)`, register.copy);
    const copyMs = performance.now() - copyStarted;
    const { rows } = await client.query('select count(*)::int as n from cameras_copy');
    if (rows[0].n !== n) throw new Error(`COPY wrote ${rows[0].n} of ${n} rows`);
    await client.end();
    return { importMs, copyMs };
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}

/** The import of an `n`-camera register beside COPY of the same rows: medians of `runs` runs, each in a fresh database. */
export async function measureEstateImport({ url, n = 10_000, runs = 3 }: { url: string; n?: number; runs?: number }) {
  const register = generateRegister(n);
  const imports: number[] = []; const copies: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await oneRun({ adminUrl: url, name: `vigil_estate_import_${process.pid}_${i}`, register, n });
    imports.push(r.importMs); copies.push(r.copyMs);
  }
  return { rows: n, bytes: Buffer.byteLength(register.csv), importMs: median(imports), copyMs: median(copies), runs: { imports, copies } };
}
