import type { AnyRoute } from '@tanstack/react-router';
import { faultsRoutes } from './faults/routes';
import { contractsRoutes } from './contracts/routes';
import { partsRoutes } from './parts/routes';
import { linesRoutes } from './lines/routes';
import { invoicesRoutes } from './invoices/routes';
import { contractorRoutes } from './contractor/routes';

/**
 * The maintenance contract's pages, under the signed-in part of the app: the council's (faults,
 * contracts and performance, spare parts, connectivity lines, invoices and budget, under
 * /maintenance) and the contractor's portal (under /contractor). Each sub-area keeps its own.
 */
export function maintenanceRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [
    ...faultsRoutes(parent), ...contractsRoutes(parent), ...partsRoutes(parent), ...linesRoutes(parent), ...invoicesRoutes(parent), ...contractorRoutes(parent),
  ] as const;
}
