import { z } from '@hono/zod-openapi';
import { createApi, route } from './route';
import { json } from './openapi';
import type { ExtraFields } from './exact';

// Type tests, checked by `npm run typecheck` (never run): a reply with a field its response schema
// lacks must not compile. Each @ts-expect-error fails the typecheck if the error ever goes away.

const api = createApi();
const Camera = z.object({ id: z.string(), location: z.object({ text: z.string() }).nullable(), tags: z.array(z.object({ name: z.string() })) });
const responses = { 200: json(Camera, 'A camera') };

// Exactly the schema's fields: compiles.
route(api, { method: 'get', path: '/exact/ok', access: 'public', responses }, async (c) => c.json({ id: 'C01', location: null, tags: [{ name: 'ptz' }] }, 200));

// @ts-expect-error a field at the top the schema lacks
route(api, { method: 'get', path: '/exact/top', access: 'public', responses }, async (c) => c.json({ id: 'C01', location: null, tags: [], secret: 'x' }, 200));

// @ts-expect-error a field in a nullable nested object
route(api, { method: 'get', path: '/exact/nested', access: 'public', responses }, async (c) => c.json({ id: 'C01', location: { text: 'High St', ownerPhone: '0' }, tags: [] }, 200));

const withAuthor = { id: 'C01', location: null, tags: [{ name: 'ptz', addedBy: 'Dave Hollins' }] };
// @ts-expect-error a field inside an array's items, from a value built elsewhere (no excess-property check helps here)
route(api, { method: 'get', path: '/exact/array', access: 'public', responses }, async (c) => c.json(withAuthor, 200));

// The paths it names.
type Named = ExtraFields<{ a: { b: number; c: string }[]; d: 1 }, { a: { b: number }[] }>;
export const named: Named[] = ['a[].c', 'd'];
// @ts-expect-error 'a[].b' is in the schema
export const notNamed: Named = 'a[].b';
