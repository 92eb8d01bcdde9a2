import type { AnyRoute } from '@tanstack/react-router';

/** The maintenance contract's contractor pages (being built). */
export function contractorRoutes<TParent extends AnyRoute>(_parent: TParent) {
  return [] as const;
}
