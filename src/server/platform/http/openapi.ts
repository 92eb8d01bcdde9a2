import { z } from '@hono/zod-openapi';

// Small helpers for declaring OpenAPI request bodies and responses.

export const Problem = z.object({
  type: z.string(), title: z.string(), status: z.number(), detail: z.string(), code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
}).openapi('Problem');

export const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
export const problemResponse = (description: string) => ({ content: { 'application/problem+json': { schema: Problem } }, description });
export const body = <T extends z.ZodTypeAny>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
export const page = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const commonResponses = { 400: problemResponse('Invalid input'), 401: problemResponse('Not signed in'), 403: problemResponse('Not allowed'), 404: problemResponse('Not found') };
