import type { AnyRoute } from '@tanstack/react-router';

/** The out-of-hours lone-working pages. */
export function loneWorkingRoutes<TParent extends AnyRoute>(parent: TParent): AnyRoute[] {
  void parent;
  return [];
}
