import type { AnyRoute } from '@tanstack/react-router';

export function officerRoutes<TParent extends AnyRoute>(_parent: TParent): readonly AnyRoute[] {
  return [];
}
