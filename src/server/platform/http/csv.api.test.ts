import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { parse } from 'csv-parse/sync';
import { ApiClient, testApp } from '../../../../test/support/api';
import { makeSession, makeUser, silentLog, testDeps } from '../../../../test/support/deps';
import { csvDownload } from './csv';
import { problemResponse, toProblem } from './problem';
import type { AppEnv } from './route';

// A CSV export that fails must look failed: before the first row, a problem+json error instead of a
// 200 holding only the header; part-way, a download the client sees break (the connection is cut
// before the chunked body's end), never a shorter file that looks complete.

async function* batches(plan: ('rows' | 'fail')[], cleanedUp: { value: boolean }) {
  try {
    for (const [i, step] of plan.entries()) {
      if (step === 'fail') throw new Error('canceling statement due to statement timeout');
      yield [{ n: i * 2 }, { n: i * 2 + 1 }];
    }
  } finally {
    cleanedUp.value = true;
  }
}

const plans: Record<string, ('rows' | 'fail')[]> = { ok: ['rows', 'rows'], 'fails-first': ['fail'], 'fails-later': ['rows', 'fail'], endless: Array(10_000).fill('rows') };
const cleanedUp: Record<string, { value: boolean }> = {};
const errors: unknown[] = [];

const app = new Hono<AppEnv>();
app.use('*', async (c, next) => { c.set('log', Object.assign(silentLog.child({}), { error: (o: unknown) => { errors.push(o); } }) as never); await next(); });
app.onError((err, c) => problemResponse(c, toProblem(err).problem));
app.get('/:plan', async (c) => {
  const plan = c.req.param('plan');
  cleanedUp[plan] = { value: false };
  return csvDownload(c, { filename: 'export.csv', header: ['n', 'note'], batches: batches(plans[plan], cleanedUp[plan]), toRow: (r) => [r.n, '=cmd'] });
});

let server: ServerType;
let base: string;
beforeAll(async () => {
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('csvDownload, over a real socket', () => {
  it('streams the header and every batch, neutralised, not to be cached', async () => {
    const res = await fetch(`${base}/ok`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="export.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe("n,note\r\n0,'=cmd\r\n1,'=cmd\r\n2,'=cmd\r\n3,'=cmd\r\n");
    expect(cleanedUp.ok.value).toBe(true);
  });

  it('answers problem+json 500 when the query fails before the first row, not a 200 with a header', async () => {
    const res = await fetch(`${base}/fails-first`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 500, code: 'http.internal' });
  });

  it('breaks the download when the query fails part-way, and logs why', async () => {
    errors.length = 0;
    const res = await fetch(`${base}/fails-later`);
    expect(res.status).toBe(200); // the headers had gone; what is left is to make the body fail
    await expect(res.text()).rejects.toThrow(/terminated/);
    expect(errors).toEqual([expect.objectContaining({ filename: 'export.csv', err: expect.objectContaining({ message: expect.stringMatching(/statement timeout/) }) })]);
  });

  it('stops reading the query when the client goes away', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/endless`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await expect.poll(() => cleanedUp.endless.value, { timeout: 5000 }).toBe(true);
  });
});

describe('the export routes, when their query fails', () => {
  // The database refuses each export's select (batched with LIMIT), as a statement timeout would.
  const failing = (table: string): KyselyPlugin => ({
    transformQuery: ({ node }: { node: RootOperationNode }) => {
      if (node.kind === 'SelectQueryNode' && node.limit && JSON.stringify(node.from).includes(`"${table}"`)) throw new Error(`no ${table} today`);
      return node;
    },
    transformResult: async ({ result }) => result,
  });

  it.each([
    ['/api/v1/audit/events.csv', 'audit_events'],
    ['/api/v1/occurrences.csv', 'occurrences'],
  ])('GET %s answers problem+json, not a 200 CSV', async (path, table) => {
    const deps = testDeps();
    const broken = { ...deps, db: deps.db.withPlugin(failing(table)) };
    const { app: vigil } = testApp(broken);
    const user = await makeUser(deps, { roles: ['auditor', 'supervisor'] });
    const client = new ApiClient(vigil, '192.0.2.140');
    Object.assign(client, await makeSession(deps, { userId: user.id }));
    const r = await client.get(path);
    expect(r.status).toBe(500);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ code: 'http.internal' });
  });

  it('the same routes still export when nothing fails', async () => {
    const deps = testDeps();
    const user = await makeUser(deps, { roles: ['auditor'] });
    const client = new ApiClient(testApp(deps).app, '192.0.2.141');
    Object.assign(client, await makeSession(deps, { userId: user.id }));
    const r = await client.get('/api/v1/audit/events.csv?action=audit.exported');
    expect(r.status).toBe(200);
    expect(parse(r.text)[0]).toEqual(['seq', 'at', 'actor', 'action', 'record_type', 'record_id', 'outcome', 'ip', 'user_agent', 'details', 'hash']);
  });
});
