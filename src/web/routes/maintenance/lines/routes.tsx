import type { AnyRoute } from '@tanstack/react-router';

/** The maintenance contract's lines pages (being built). */
export function linesRoutes<TParent extends AnyRoute>(_parent: TParent) {
  return [] as const;
}
