import type { AnyRoute } from '@tanstack/react-router';

/** The maintenance contract's contracts pages (being built). */
export function contractsRoutes<TParent extends AnyRoute>(_parent: TParent) {
  return [] as const;
}
