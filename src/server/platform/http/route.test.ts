import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { json } from './openapi';
import { createApi, route } from './route';

// Every operation is named, so that a client generated from /api/openapi.json has a method per route.

const responses = { 200: json(z.object({ ok: z.boolean() }), 'OK') };
const handler = (c: any) => c.json({ ok: true }, 200);

describe('route()', () => {
  it('needs an operationId: a route without one does not compile', () => {
    const api = createApi();
    // @ts-expect-error operationId is required
    expect(() => route(api, { method: 'get', path: '/api/v1/things', access: 'authenticated', responses }, handler)).toThrow(/camelCase operationId/);
  });

  it('refuses an operationId that is not camelCase', () => {
    const api = createApi();
    expect(() => route(api, { operationId: 'list-things', method: 'get', path: '/api/v1/things', access: 'authenticated', responses }, handler)).toThrow(/camelCase/);
  });

  it('refuses an operationId already used in the API, so start-up fails', () => {
    const api = createApi();
    route(api, { operationId: 'listThings', method: 'get', path: '/api/v1/things', access: 'authenticated', responses }, handler);
    expect(() => route(api, { operationId: 'listThings', method: 'get', path: '/api/v1/other-things', access: 'authenticated', responses }, handler))
      .toThrow(/operationId listThings is already used/);
    // Another app (another test) may use the name again.
    expect(() => route(createApi(), { operationId: 'listThings', method: 'get', path: '/api/v1/things', access: 'authenticated', responses }, handler)).not.toThrow();
  });

  it('puts the operationId in the OpenAPI document', () => {
    const api = createApi();
    route(api, { operationId: 'listThings', method: 'get', path: '/api/v1/things', access: 'authenticated', responses }, handler);
    const doc = api.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    expect(doc.paths?.['/api/v1/things']?.get?.operationId).toBe('listThings');
  });

  it('documents the refusals given before the handler runs: 400 when it validates, 401 unless public, 403 for a permission, a stage or CSRF, and a write\'s Idempotency-Key', () => {
    const api = createApi();
    route(api, { operationId: 'getThing', method: 'get', path: '/api/v1/thing', access: 'public', responses }, handler);
    route(api, { operationId: 'listThings', method: 'get', path: '/api/v1/things', access: 'users.manage', request: { query: z.object({ q: z.string() }) }, responses }, handler);
    route(api, { operationId: 'signOutThing', method: 'post', path: '/api/v1/things', access: 'authenticated', stages: ['active', 'mfa', 'mfa_enrolment', 'password_change'], responses }, handler);
    const doc = api.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const statuses = (p: string, m: 'get' | 'post') => Object.keys(doc.paths?.[p]?.[m]?.responses ?? {}).sort();
    expect(statuses('/api/v1/thing', 'get')).toEqual(['200']);
    expect(statuses('/api/v1/things', 'get')).toEqual(['200', '400', '401', '403']);
    // A signed-in write also takes an Idempotency-Key, whose refusals are 409 (still running) and 422 (another request).
    expect(statuses('/api/v1/things', 'post')).toEqual(['200', '401', '403', '409', '422']);
    expect(doc.paths?.['/api/v1/things']?.post?.parameters).toEqual([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false })]);
    expect(doc.paths?.['/api/v1/things']?.get?.parameters?.some((p) => 'name' in p && p.name === 'Idempotency-Key')).toBeFalsy();
  });
});
