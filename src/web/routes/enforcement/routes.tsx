import type { AnyRoute } from '@tanstack/react-router';
import { pcnRoutes } from './pcns/routes';
import { fpnRoutes } from './fpns/routes';

/** The enforcement module's pages: PCNs after issue (pcns/), FPNs, the notebook and prosecutions (fpns/). */
export function enforcementRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [...pcnRoutes(parent), ...fpnRoutes(parent)] as const;
}
