import { describe, expect, it } from 'vitest';
import { lintOpenApiDocument } from '../scripts/lint-openapi';

// The OpenAPI lint's own rule: a response body whose fields are not described fails the lint.

const documentWith = (schema: object) => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1', license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' } },
  servers: [{ url: '/' }],
  tags: [{ name: 'Things', description: 'Things.' }],
  paths: {
    '/things': {
      get: {
        operationId: 'listThings', summary: 'Things', tags: ['Things'],
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema } } },
          400: { description: 'Bad', content: { 'application/problem+json': { schema: { type: 'object', properties: { title: { type: 'string' } } } } } },
        },
      },
    },
  },
});

const errors = async (schema: object) => (await lintOpenApiDocument(documentWith(schema), { ref: '/nowhere/test.json' })).problems
  .filter((p) => p.ruleId === 'vigil/response-body-described' && p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0].pointer}`);

describe('vigil/response-body-described', () => {
  it('fails a free-form body, such as z.record(z.string(), z.unknown()), and one nested in a list or a union', async () => {
    expect(await errors({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} })).toEqual([
      'vigil/response-body-described #/paths/~1things/get/responses/200/content/application~1json/schema',
    ]);
    expect(await errors({ type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } }, required: ['items'] })).toEqual([
      'vigil/response-body-described #/paths/~1things/get/responses/200/content/application~1json/schema/properties/items/items',
    ]);
    expect(await errors({ anyOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: {} }] })).toEqual([
      'vigil/response-body-described #/paths/~1things/get/responses/200/content/application~1json/schema/anyOf/1',
    ]);
  });

  it('passes a body whose every object says what it holds', async () => {
    expect(await errors({ type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } } } })).toEqual([]);
    expect(await errors({ type: 'object', additionalProperties: { type: 'integer' } })).toEqual([]);
  });
});
