import type { AnyRoute } from '@tanstack/react-router';

/** The out-of-hours buildings pages. */
export function buildingsRoutes<TParent extends AnyRoute>(parent: TParent): AnyRoute[] {
  void parent;
  return [];
}
