import type { AnyRoute } from '@tanstack/react-router';
import { officerRoutes } from './officer/routes';
import { teamRoutes } from './team/routes';

/** The field module's pages in the office app: the officer's own (officer/), the team leader's (team/). The handheld app is its own (src/web/handheld). */
export function fieldRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [...officerRoutes(parent), ...teamRoutes(parent)] as const;
}
