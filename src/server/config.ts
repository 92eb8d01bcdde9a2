import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEMO_BASE_MAP } from './platform/maps/assets';

// The one place that reads process.env. Every variable is listed here with its default and a
// description; `npm run docs:config` writes the README's configuration table from this list.

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A number of trusted proxies, or true/false (1/0) as earlier versions took it. */
const trustedProxies = z.string().trim().toLowerCase()
  .refine((v) => /^(true|false|yes|no|[0-9])$/.test(v), 'true, false or the number of proxies (0-9)')
  .transform((v) => (v === 'true' || v === 'yes' ? 1 : v === 'false' || v === 'no' ? 0 : Number(v)));

export const configVariables = {
  PORT: { schema: z.coerce.number().int().min(0).max(65535), default: '8080', description: 'HTTP port the server listens on.' },
  HOST: { schema: z.string().min(1), default: '0.0.0.0', description: 'Address the server binds to (use 127.0.0.1 to accept local connections only).' },
  VIGIL_DATA_DIR: { schema: z.string().min(1), default: './data', description: 'Everything kept on disk: the embedded database (`pg/`), the object store (`objects/`, unless `VIGIL_S3_BUCKET` is set) and uploads in progress (`uploads/`). Kept between runs.' },
  DATABASE_URL: { schema: z.string().url().optional(), default: undefined, description: 'PostgreSQL server to use (`postgres://user:pass@host:5432/vigil`). Unset: an embedded PostgreSQL runs in `VIGIL_DATA_DIR/pg`.' },
  DATABASE_APP_URL: {
    schema: z.string().url().optional(), default: undefined,
    description: "The role the application's queries run as, where the site creates it itself: the same server and database as `DATABASE_URL`, another user (not a superuser, owning nothing). Unset: Vigil creates `vigil_app` with `DATABASE_URL`'s user (which then needs CREATEROLE) and a password derived from that user's. Migrations always run as `DATABASE_URL`'s user, which grants this role what it needs.",
  },
  DATABASE_POOL_SIZE: { schema: z.coerce.number().int().min(2).max(200), default: '10', description: "Database connections each `vigil serve` process keeps. More than a few per CPU core of the database server only adds contention." },
  VIGIL_DB_MEMORY_MB: { schema: z.coerce.number().int().min(16).max(65536).optional(), default: undefined, description: "Memory the embedded PostgreSQL keeps as its cache (`shared_buffers`), in MB. Unset: an eighth of this machine's memory, at least 128 and at most 1024. Not used with `DATABASE_URL`: tune that server as its administrators do." },
  VIGIL_PUBLIC_URL: { schema: z.string().url().optional(), default: undefined, description: 'The address users type, e.g. `https://vigil.example.gov.uk`. Used for links, cookie security (Secure when https) and the CSRF origin check. Default: `http://localhost:PORT`.' },
  VIGIL_DEMO: { schema: bool, default: 'true', description: 'Seed the demo council into an empty database on first start. Set `false` for production and create the first administrator with `vigil user add --admin`.' },
  VIGIL_COUNCIL_NAME: { schema: z.string().min(1).max(120), default: 'Demo Borough Council', description: "The council's name, shown in the header and on documents." },
  VIGIL_COUNCIL_COLOUR: { schema: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #00703c'), default: '#0b3c5d', description: "The council's colour for the header bar (a hex colour; keep contrast with white text at 4.5:1 or more)." },
  VIGIL_MAP_TILES: {
    schema: z.string().refine((v) => isTileTemplate(v) || isPmtilesPath(v), 'the path of a .pmtiles file, or an http(s) tile address on one named host with {z}, {x} and {y} in its path').optional(), default: undefined,
    description: "The base map under the council's own layers. Best: the path of a PMTiles file of vector tiles on this machine, e.g. `/srv/maps/county.pmtiles` (an OpenStreetMap extract in the Protomaps basemap schema, made with `pmtiles extract`): Vigil serves its tiles, street names and fonts itself, with nothing fetched from outside. Or the address of 256-pixel raster tiles, e.g. `https://tiles.example.gov.uk/{z}/{x}/{y}.png` (the site's own tile server, or a licensed service), which browsers then fetch from there. Unset: with `VIGIL_DEMO` the demo's own small map of Burton upon Trent town centre; otherwise a plain background.",
  },
  VIGIL_MAP_ATTRIBUTION: { schema: z.string().max(300), default: '', description: "The credit the base map needs, shown on every map, e.g. `© Crown copyright and database rights 2026 OS AC0000000000`. Unset: a PMTiles file's own attribution (an OpenStreetMap extract's says `© OpenStreetMap`)." },
  SESSION_IDLE_MINUTES: { schema: z.coerce.number().int().min(1).max(24 * 60), default: '30', description: "Sign a user out after this many minutes in which they did nothing themselves (the web app's refetches and live updates do not count)." },
  SESSION_ABSOLUTE_HOURS: {
    schema: z.coerce.number().int().min(1).max(72), default: '13',
    description: 'Sign a user out this many hours after sign-in, active or not: longer than a 12-hour shift and its handover. Before the end the user is warned and may enter their password (and authenticator code) again to start the time again, without losing what is on the screen.',
  },
  SIGN_IN_MAX_FAILURES: { schema: z.coerce.number().int().min(1).max(100), default: '5', description: 'Failed sign-ins for one account within the window that lock it.' },
  SIGN_IN_WINDOW_MINUTES: { schema: z.coerce.number().int().min(1).max(24 * 60), default: '15', description: 'Window for counting failed sign-ins, and how long a lock-out lasts.' },
  SIGN_IN_RATE_PER_MINUTE: { schema: z.coerce.number().int().min(1).max(10000), default: '30', description: 'Sign-in attempts accepted from one IP address per minute; more get 429.' },
  BODY_LIMIT_BYTES: { schema: z.coerce.number().int().min(1024), default: '1048576', description: 'Largest JSON request body accepted (uploads have their own limits).' },
  TRUST_PROXY: {
    schema: trustedProxies, default: 'false',
    description: 'How many reverse proxies you run in front of Vigil (`true` means 1, `false` 0). The client address is then the right-most `X-Forwarded-For` entry that none of them added (the one the outermost proxy saw), never one the client wrote; an entry that is not an IP address is ignored and the connection\'s address used.',
  },
  VIGIL_S3_BUCKET: { schema: z.string().min(3).max(63).optional(), default: undefined, description: 'Keep footage, exhibits and every other stored file in this bucket of an S3-compatible object store instead of `VIGIL_DATA_DIR/objects`. Every server process must then use the same bucket.' },
  VIGIL_S3_ENDPOINT: { schema: z.string().url().optional(), default: undefined, description: "The store's address, for a store other than Amazon S3 (e.g. `https://minio.example.gov.uk:9000`). Unset: Amazon S3 in `VIGIL_S3_REGION`." },
  VIGIL_S3_REGION: { schema: z.string().min(1), default: 'eu-west-2', description: 'The bucket\'s region (London is `eu-west-2`).' },
  VIGIL_S3_ACCESS_KEY_ID: { schema: z.string().min(1).optional(), default: undefined, description: 'Access key for the bucket. Unset: the AWS SDK\'s usual chain (environment, instance role).' },
  VIGIL_S3_SECRET_ACCESS_KEY: { schema: z.string().min(1).optional(), default: undefined, description: 'Secret for `VIGIL_S3_ACCESS_KEY_ID`.' },
  VIGIL_S3_PREFIX: { schema: z.string().max(200).regex(/^([A-Za-z0-9._-]+\/)*$/, 'empty, or folder names each ending in /').default(''), default: '', description: 'A folder inside the bucket for Vigil\'s objects, ending in `/` (e.g. `vigil/`).' },
  VIGIL_S3_FORCE_PATH_STYLE: { schema: bool, default: 'false', description: 'Address the bucket as `endpoint/bucket` rather than `bucket.endpoint` (most self-hosted stores need `true`).' },
  VIGIL_S3_OBJECT_LOCK_DAYS: { schema: z.coerce.number().int().min(0).max(36500), default: '0', description: 'Where the bucket has object lock, keep each new object in compliance mode for this many days, so that nobody can delete or overwrite it before then (not even with the store\'s own credentials). 0: no lock.' },
  FFMPEG_PATH: { schema: z.string().min(1).optional(), default: undefined, description: 'The ffmpeg program to use for working copies, clips and stills. Unset: the one in the `@ffmpeg-installer/ffmpeg` npm package (ffmpeg 4.1, static).' },
  FFPROBE_PATH: { schema: z.string().min(1).optional(), default: undefined, description: 'The ffprobe program that reads what a recording holds. Unset: the one in the `@ffprobe-installer/ffprobe` npm package.' },
  VIGIL_WORKER_IN_PROCESS: { schema: bool, default: 'true', description: '`vigil serve` also runs the background job worker. Set `false` when you run `vigil worker` separately.' },
  VIGIL_SMTP_URL: {
    schema: z.string().url().refine((v) => /^smtps?:\/\/[^/]+/i.test(v), 'an address such as smtp://mail.example.gov.uk:25 (or smtps:// for TLS from the start; user:password@ before the host where the relay asks for them)').optional(), default: undefined,
    description: "The mail relay Vigil sends notifications through (overdue camera reviews), e.g. `smtp://relay.example.gov.uk:25`, `smtp://user:password@relay:587` (STARTTLS when offered) or `smtps://relay:465`. Unset: no mail is sent; each message is written to the log instead, and start-up says so.",
  },
  VIGIL_MAIL_FROM: { schema: z.string().trim().min(3).max(200).regex(/^([^<>]*<)?[^\s<>@]+@[^\s<>@]+>?$/, 'an address such as cctv@example.gov.uk or "CCTV control room <cctv@example.gov.uk>"'), default: 'Vigil <vigil@localhost>', description: 'Who notifications come from: an address, or a name and an address (`CCTV control room <cctv@example.gov.uk>`).' },
  LOG_LEVEL: { schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), default: 'info', description: 'Log level (logs are JSON lines on standard output).' },
} as const;

export { DEMO_BASE_MAP };

/** A file path (not an address) ending in .pmtiles. */
function isPmtilesPath(value: string) {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && /\.pmtiles$/i.test(value);
}

/** http(s), one plain host name (no wildcard or placeholder: it goes into the CSP), {z} {x} {y} in the path. */
function isTileTemplate(template: string) {
  try {
    const u = new URL(template.replace(/[{}]/g, ''));
    return ['http:', 'https:'].includes(u.protocol) && /^[a-z0-9.-]+$/i.test(u.hostname) && !/[{}]/.test(template.split('/').slice(0, 3).join('/'))
      && ['{z}', '{x}', '{y}'].every((p) => template.includes(p));
  } catch {
    return false;
  }
}

type Vars = typeof configVariables;
type Raw = { [K in keyof Vars]: z.output<Vars[K]['schema']> };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** The application role's own address; undefined: `vigil_app`, created by the owner. */
  databaseAppUrl?: string;
  databasePoolSize: number;
  /** shared_buffers of the embedded PostgreSQL, in MB; undefined: sized from the machine's memory. */
  embeddedMemoryMb?: number;
  publicUrl: string;
  demo: boolean;
  council: { name: string; colour: string };
  /**
   * The base map: `pmtiles`, a PMTiles file Vigil serves itself; or `tiles`, a raster tile address
   * browsers fetch; or neither (a plain background).
   */
  map: { tiles?: string; pmtiles?: string; attribution: string };
  session: { idleMinutes: number; absoluteHours: number };
  signIn: { maxFailures: number; windowMinutes: number; ratePerMinute: number };
  bodyLimitBytes: number;
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are believed; 0: none. */
  trustProxy: number;
  workerInProcess: boolean;
  logLevel: string;
  /** Where stored files live: undefined, the file store under dataDir/objects. */
  s3?: { bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string; prefix: string; forcePathStyle: boolean; objectLockDays: number };
  /** ffmpeg and ffprobe; undefined: the npm packages' binaries. */
  video: { ffmpegPath?: string; ffprobePath?: string };
  /** Notifications: undefined smtpUrl, written to the log instead of sent. */
  mail: { smtpUrl?: string; from: string };
  secureCookies: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const raw = {} as Record<string, unknown>;
  const problems: string[] = [];
  for (const [name, v] of Object.entries(configVariables)) {
    const value = env[name] === undefined || env[name] === '' ? v.default : env[name];
    const parsed = (v.schema as z.ZodType).safeParse(value);
    if (parsed.success) raw[name] = parsed.data;
    else problems.push(`${name}=${JSON.stringify(env[name])}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  const r = raw as Raw;
  const mapFile = r.VIGIL_MAP_TILES === undefined ? (r.VIGIL_DEMO ? DEMO_BASE_MAP : undefined)
    : isPmtilesPath(r.VIGIL_MAP_TILES) ? path.resolve(r.VIGIL_MAP_TILES) : undefined;
  if (mapFile && !existsSync(mapFile)) throw new ConfigError(`Invalid configuration:\n  VIGIL_MAP_TILES=${JSON.stringify(env.VIGIL_MAP_TILES)}: there is no file at ${mapFile}`);
  const publicUrl = (r.VIGIL_PUBLIC_URL ?? `http://localhost:${r.PORT}`).replace(/\/$/, '');
  return {
    port: r.PORT,
    host: r.HOST,
    dataDir: path.resolve(r.VIGIL_DATA_DIR),
    databaseUrl: r.DATABASE_URL,
    databaseAppUrl: r.DATABASE_APP_URL,
    databasePoolSize: r.DATABASE_POOL_SIZE,
    embeddedMemoryMb: r.VIGIL_DB_MEMORY_MB,
    publicUrl,
    demo: r.VIGIL_DEMO,
    council: { name: r.VIGIL_COUNCIL_NAME, colour: r.VIGIL_COUNCIL_COLOUR },
    map: { tiles: mapFile ? undefined : r.VIGIL_MAP_TILES, pmtiles: mapFile, attribution: r.VIGIL_MAP_ATTRIBUTION },
    session: { idleMinutes: r.SESSION_IDLE_MINUTES, absoluteHours: r.SESSION_ABSOLUTE_HOURS },
    signIn: { maxFailures: r.SIGN_IN_MAX_FAILURES, windowMinutes: r.SIGN_IN_WINDOW_MINUTES, ratePerMinute: r.SIGN_IN_RATE_PER_MINUTE },
    bodyLimitBytes: r.BODY_LIMIT_BYTES,
    trustProxy: r.TRUST_PROXY,
    workerInProcess: r.VIGIL_WORKER_IN_PROCESS,
    logLevel: r.LOG_LEVEL,
    s3: r.VIGIL_S3_BUCKET === undefined ? undefined : {
      bucket: r.VIGIL_S3_BUCKET, endpoint: r.VIGIL_S3_ENDPOINT, region: r.VIGIL_S3_REGION, accessKeyId: r.VIGIL_S3_ACCESS_KEY_ID,
      secretAccessKey: r.VIGIL_S3_SECRET_ACCESS_KEY, prefix: r.VIGIL_S3_PREFIX, forcePathStyle: r.VIGIL_S3_FORCE_PATH_STYLE, objectLockDays: r.VIGIL_S3_OBJECT_LOCK_DAYS,
    },
    video: { ffmpegPath: r.FFMPEG_PATH, ffprobePath: r.FFPROBE_PATH },
    mail: { smtpUrl: r.VIGIL_SMTP_URL, from: r.VIGIL_MAIL_FROM },
    secureCookies: publicUrl.startsWith('https://'),
    ...overrides,
  };
}

/** For tests and tools that need to know whether the environment names a server. */
export function databaseUrlFromEnv(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.DATABASE_URL || undefined;
}
