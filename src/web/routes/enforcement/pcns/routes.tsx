import type { AnyRoute } from '@tanstack/react-router';

export function pcnRoutes<TParent extends AnyRoute>(_parent: TParent): readonly AnyRoute[] {
  return [];
}
