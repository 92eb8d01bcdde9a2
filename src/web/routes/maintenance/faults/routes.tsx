import type { AnyRoute } from '@tanstack/react-router';

/** The maintenance contract's faults pages (being built). */
export function faultsRoutes<TParent extends AnyRoute>(_parent: TParent) {
  return [] as const;
}
