import type { AnyRoute } from '@tanstack/react-router';

/** The maintenance contract's invoices pages (being built). */
export function invoicesRoutes<TParent extends AnyRoute>(_parent: TParent) {
  return [] as const;
}
