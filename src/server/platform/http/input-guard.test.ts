import { describe, expect, it } from 'vitest';
import { z } from '@hono/zod-openapi';
import { createApi, route } from './route';
import { body, json } from './openapi';
import { toProblem, problemResponse } from './problem';
import { unsafeTextIn } from './input-guard';

// A route whose schema forgets: plain z.string() everywhere. route() mounts the guard, so unsafe text
// still never reaches the handler.
function forgetfulApp() {
  const api = createApi();
  const seen: unknown[] = [];
  route(api, {
    operationId: 'addThing', method: 'post', path: '/api/v1/things/{id}', access: 'public',
    request: {
      params: z.object({ id: z.string() }),
      query: z.object({ q: z.string().optional() }),
      ...body(z.object({ note: z.string().optional(), tags: z.array(z.string()).optional(), extra: z.record(z.string(), z.unknown()).optional() })),
    },
    responses: { 200: json(z.object({ ok: z.boolean() }), 'ok') },
  }, async (c) => { seen.push(c.req.valid('json')); return c.json({ ok: true }, 200); });
  api.onError((err, c) => problemResponse(c, toProblem(err).problem));
  const send = (path: string, json: unknown, contentType = 'application/json') =>
    api.request(path, { method: 'POST', headers: { 'content-type': contentType }, body: typeof json === 'string' ? json : JSON.stringify(json) });
  return { send, seen };
}

describe('refuseUnsafeInput, mounted on every route by route()', () => {
  it('refuses a NUL in a JSON body with 400 problem+json naming the field, and the handler never runs', async () => {
    const { send, seen } = forgetfulApp();
    const res = await send('/api/v1/things/a', { note: 'fine', tags: ['ok', 'bad\u0000tag'] });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 400, code: 'validation.failed', errors: [{ path: 'tags.1', message: 'Remove the control character (U+0000) from this text' }] });
    expect(seen).toEqual([]);
  });

  it('refuses a lone surrogate sent as a JSON escape', async () => {
    const { send } = forgetfulApp();
    const res = await send('/api/v1/things/a', '{"note":"half \\ud83d of a pair"}');
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([{ path: 'note', message: 'Remove the broken character (U+D83D, half of a character pair) from this text' }]);
  });

  it('names a query parameter and a path parameter', async () => {
    const { send } = forgetfulApp();
    const res = await send('/api/v1/things/x%00y?q=a%07b', { note: 'fine' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([
      { path: 'id', message: 'Remove the control character (U+0000) from this text' },
      { path: 'q', message: 'Remove the control character (U+0007) from this text' },
    ]);
  });

  it('refuses a control character in a field name of a free-form object', async () => {
    const { send } = forgetfulApp();
    const res = await send('/api/v1/things/a', { extra: { 'k\u0001': 1 } });
    expect((await res.json()).errors).toEqual([{ path: 'extra', message: 'Remove the control character (U+0001) from a field name' }]);
  });

  it('lets through tab, newline, carriage return and any well-formed Unicode', async () => {
    const { send, seen } = forgetfulApp();
    const res = await send('/api/v1/things/a?q=%F0%9F%9A%93', { note: 'line one\r\n\tline two 🚓' });
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ note: 'line one\r\n\tline two 🚓' }]);
  });

  it('leaves a body that is not JSON to the validator (400, not 500)', async () => {
    const { send } = forgetfulApp();
    const res = await send('/api/v1/things/a', '{"note": ');
    expect(res.status).toBe(400);
  });
});

describe('unsafeTextIn', () => {
  it('walks a body nested far deeper than the call stack allows', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const [error] = unsafeTextIn(deep);
    expect(error.message).toMatch(/U\+0000/);
    expect(error.path.split('.')).toHaveLength(200_000);
  });

  it('reports at most 20 fields, in document order', () => {
    const errors = unsafeTextIn({ items: Array.from({ length: 1000 }, (_, i) => `x${i}\u0000`) });
    expect(errors).toHaveLength(20);
    expect(errors[0].path).toBe('items.0');
    expect(errors[19].path).toBe('items.19');
  });

  it('names the whole body when it is a bare string', () => {
    expect(unsafeTextIn('\u0000')).toEqual([{ path: '(body)', message: 'Remove the control character (U+0000) from this text' }]);
  });
});
