import type { AnyRoute } from '@tanstack/react-router';

/** The out-of-hours calls pages. */
export function callsRoutes<TParent extends AnyRoute>(parent: TParent): AnyRoute[] {
  void parent;
  return [];
}
