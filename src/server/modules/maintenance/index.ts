import type { VigilModule } from '../../platform/modules';
export { FAULT_PHOTO_PATHS } from './faults/faults.routes';
export { raiseFault } from './faults/faults.usecases';
export { findOpenEquipmentFault } from './faults/faults.repository';
import { registerContractsRoutes } from './contracts/contracts.routes';
import { registerPartsRoutes } from './parts/parts.routes';
import { registerLinesRoutes } from './lines/lines.routes';
import { registerInvoicesRoutes } from './invoices/invoices.routes';
import { registerFaultsRoutes } from './faults/faults.routes';
import { seedDemoMaintenance } from './maintenance.demo';
import { slaNoticesJob } from './faults/faults.jobs';
import { registerPerformanceRoutes } from './performance/performance.routes';

/**
 * The maintenance contract: contracts and their dated SLA terms and notes (contracts/), faults on
 * the SLA clocks with the contractor's portal and the warning and breach e-mails (faults/), the
 * monthly performance report (performance/), spare parts (parts/), connectivity lines (lines/),
 * budgets and invoices (invoices/).
 */
export const maintenanceModule: VigilModule = {
  key: 'maintenance',
  routes(api) {
    registerContractsRoutes(api);
    registerPartsRoutes(api);
    registerLinesRoutes(api);
    registerInvoicesRoutes(api);
    registerFaultsRoutes(api);
    registerPerformanceRoutes(api);
  },
  jobs: [slaNoticesJob],
  navigation: [
    { key: 'maintenance', name: 'Maintenance', path: '/maintenance', permission: 'maintenance.read', group: 'work', description: 'Faults on the contract’s SLA clocks, the contractor’s performance, spare parts, connectivity lines, invoices and budget.' },
    { key: 'contractor-faults', name: 'Contract faults', path: '/contractor/faults', permission: 'maintenance.contract_work', group: 'work', description: 'The faults on your organisation’s maintenance contract: attend, diagnose, record parts and fixes.' },
  ],
  seedDemo: seedDemoMaintenance,
};
