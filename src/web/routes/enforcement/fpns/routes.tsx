import type { AnyRoute } from '@tanstack/react-router';

export function fpnRoutes<TParent extends AnyRoute>(_parent: TParent): readonly AnyRoute[] {
  return [];
}
