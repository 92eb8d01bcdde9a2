import type { ModuleArea } from '../../../platform/modules';
import { registerReportsRoutes } from './reports.routes';
import { seedReportsHistory } from './reports.demo';

export { REPORT_HANDLERS, type ReportSyncHandler } from './reports.handlers';

/** Car-park machine inspections (raising maintenance faults), defects on council land passed to the owning team, ASB reports passed to a team or opened as an occurrence. */
export const reportsArea: ModuleArea = {
  key: 'reports',
  routes(api) {
    registerReportsRoutes(api);
  },
  seedDemo: seedReportsHistory,
};
