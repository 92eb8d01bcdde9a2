import type { AnyRoute } from '@tanstack/react-router';

/** The maintenance contract's parts pages (being built). */
export function partsRoutes<TParent extends AnyRoute>(_parent: TParent) {
  return [] as const;
}
