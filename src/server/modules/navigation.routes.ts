import { z } from '@hono/zod-openapi';
import { route, type Api } from '../platform/http/route';
import { commonResponses, json } from '../platform/http/openapi';
import { ModuleEntry } from '../../domain/platform/contract';
import { navigationEntries } from './registry';

/** What the signed-in user may open: the registry's navigation entries their permissions show. */
export function registerNavigationRoutes(api: Api) {
  // The registry does not change while the server runs: shape the entries once.
  const entries = navigationEntries().map((e) => ({
    permission: e.permission,
    entry: { key: e.key, name: e.name, path: e.path, description: e.description, group: e.group, coming: e.coming ?? null },
  }));
  route(api, {
    operationId: 'listModules', method: 'get', path: '/api/v1/modules', access: 'authenticated', tags: ['Meta'], summary: 'The modules and pages this user may open',
    responses: { 200: json(z.object({ modules: z.array(ModuleEntry) }), 'Work first, then administration'), ...commonResponses },
  }, (c) => {
    const granted = c.get('session')!.permissions as string[];
    return c.json({ modules: entries.filter((e) => e.permission === 'authenticated' || granted.includes(e.permission)).map((e) => e.entry) }, 200);
  });
}
