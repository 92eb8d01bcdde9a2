import type { AnyRoute } from '@tanstack/react-router';

/** The out-of-hours incidents pages. */
export function incidentsRoutes<TParent extends AnyRoute>(parent: TParent): AnyRoute[] {
  void parent;
  return [];
}
