import type { VigilModule } from '../../platform/modules';
import { registerContractsRoutes } from './contracts/contracts.routes';
import { registerPartsRoutes } from './parts/parts.routes';
import { registerLinesRoutes } from './lines/lines.routes';
import { registerInvoicesRoutes } from './invoices/invoices.routes';
import { registerPerformanceRoutes } from './performance/performance.routes';

/**
 * The maintenance contract (issue 11, being built): contracts and their SLA terms, spare parts,
 * connectivity lines, budgets and invoices; faults on SLA clocks, the contractor's portal and
 * performance follow. Its pages are still to come: the navigation keeps its "coming soon" entry
 * (registry.ts PLANNED) until they land.
 */
export const maintenanceModule: VigilModule = {
  key: 'maintenance',
  routes(api) {
    registerContractsRoutes(api);
    registerPartsRoutes(api);
    registerLinesRoutes(api);
    registerInvoicesRoutes(api);
    registerPerformanceRoutes(api);
  },
};
