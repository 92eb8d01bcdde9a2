import type { AnyRoute } from '@tanstack/react-router';

export function teamRoutes<TParent extends AnyRoute>(_parent: TParent): readonly AnyRoute[] {
  return [];
}
