// `npm run lint:openapi`: builds the app in process (no database is reached: the pool connects on
// first use), takes the OpenAPI document it serves at /api/openapi.json and lints it with Redocly's
// recommended rules (redocly.yaml) through @redocly/openapi-core, offline. Exits 1 on any error
// that is not listed in .redocly.lint-ignore.yaml (known problems, to be fixed and removed from it);
// `--generate-ignore-file` rewrites that file with every error found now.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblems, getTotals, lintFromString, loadConfig } from '@redocly/openapi-core';
import pino from 'pino';
import { buildApp } from '../src/server/app';
import { loadConfig as loadVigilConfig } from '../src/server/config';
import { connect } from '../src/server/platform/db/db';
import { createObjectStore } from '../src/server/platform/storage';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where problems are said to be: the document as /api/openapi.json serves it (no such file is written). */
const DOCUMENT_REF = path.join(ROOT, 'openapi.json');

/** The OpenAPI document the app serves, built without a database. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const handle = connect({ url: 'postgres://vigil@127.0.0.1:1/unused', max: 1 });
  try {
    const config = loadVigilConfig({ VIGIL_DEMO: 'false', LOG_LEVEL: 'silent' });
    const { app } = buildApp({ deps: { db: handle.db, config, clock: { now: () => new Date() }, log: pino({ level: 'silent' }), storage: createObjectStore({ config }) }, log: pino({ level: 'silent' }), pool: handle.pool });
    const res = await app.request('/api/openapi.json');
    if (res.status !== 200) throw new Error(`/api/openapi.json answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  } finally {
    await handle.close();
  }
}

/** An object whose fields (or extra fields) are not described: `z.record(z.string(), z.unknown())`, `.passthrough()`. */
function isUndescribedObject(schema: Record<string, unknown>): boolean {
  const extra = schema.additionalProperties;
  const openExtra = extra === true || (typeof extra === 'object' && extra !== null && Object.keys(extra).length === 0);
  return openExtra || (schema.type === 'object' && !schema.properties && extra === undefined);
}

type Location = { child(path: (string | number)[]): Location; pointer: string };
interface RuleContext {
  location: Location;
  report(problem: { message: string; location: Location }): void;
  resolve(node: unknown): { node: unknown; location?: Location };
}

/** Walks a response body's schema, nested ones and references included, reporting each undescribed object. */
function reportUndescribed(schema: unknown, location: Location, ctx: RuleContext, seen = new Set<string>()) {
  if (!schema || typeof schema !== 'object' || seen.has(location.pointer)) return;
  seen.add(location.pointer);
  const s = schema as Record<string, any>;
  if (typeof s.$ref === 'string') {
    const resolved = ctx.resolve(s);
    if (resolved.location) reportUndescribed(resolved.node, resolved.location, ctx, seen);
    return;
  }
  if (isUndescribedObject(s)) ctx.report({ message: 'Describe this response body: an object without described fields tells a client nothing.', location });
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) (s[key] as unknown[] | undefined)?.forEach((x, i) => reportUndescribed(x, location.child([key, i]), ctx, seen));
  if (s.items) reportUndescribed(s.items, location.child(['items']), ctx, seen);
  for (const [name, property] of Object.entries(s.properties ?? {})) reportUndescribed(property, location.child(['properties', name]), ctx, seen);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') reportUndescribed(s.additionalProperties, location.child(['additionalProperties']), ctx, seen);
}

/** Rules of our own, beside Redocly's: every response body says what it holds, so a generated client is typed. */
const vigilRules = {
  id: 'vigil',
  rules: {
    oas3: {
      // Passed in directly, a plugin's rule ids are not prefixed with its id for us.
      'vigil/response-body-described': () => ({
        MediaType: {
          enter(media: { schema?: unknown }, ctx: RuleContext & { key: string | number; parentLocations?: unknown }) {
            if (media.schema && ctx.location.pointer.includes('/responses/')) reportUndescribed(media.schema, ctx.location.child(['schema']), ctx);
          },
        },
      }),
    },
  },
};

/** Lints an OpenAPI document with redocly.yaml's rules; problems listed in .redocly.lint-ignore.yaml come back marked `ignored`. */
export async function lintOpenApiDocument(document: object, { ref = DOCUMENT_REF, generateIgnoreFile = false } = {}) {
  const config = await loadConfig({ configPath: path.join(ROOT, 'redocly.yaml'), plugins: [vigilRules as never] });
  const found = await lintFromString({ source: JSON.stringify(document, null, 2), absoluteRef: ref, config });
  // A schema used by several responses is reported once.
  const problems = found.filter((p, i) => found.findIndex((q) => q.ruleId === p.ruleId && q.location[0].pointer === p.location[0].pointer) === i);
  if (generateIgnoreFile) for (const p of problems) if (p.severity === 'error') config.addIgnore(p);
  const marked = problems.map((p) => config.addProblemToIgnore(p));
  if (generateIgnoreFile) config.saveIgnore(); // after marking: saving turns the sets into arrays
  return { problems: marked, totals: getTotals(marked) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const generate = process.argv.includes('--generate-ignore-file');
  const { problems, totals } = await lintOpenApiDocument(await openApiDocument(), { generateIgnoreFile: generate });
  formatProblems(problems, { format: 'stylish', totals, version: 'vigil', maxProblems: 200 });
  const ignored = problems.filter((p) => p.ignored).length;
  process.stdout.write(`\nOpenAPI lint: ${totals.errors} error(s), ${totals.warnings} warning(s); ${ignored} known problem(s) listed in .redocly.lint-ignore.yaml.\n`);
  if (generate) process.stdout.write('Wrote .redocly.lint-ignore.yaml with every error found.\n');
  process.exit(totals.errors > 0 && !generate ? 1 : 0);
}
