import type { ModuleArea } from '../../../platform/modules';

/** Car-park machine inspections (raising maintenance faults), defects on council land passed to the owning team, ASB reports passed to a team or opened as an occurrence. */
export const reportsArea: ModuleArea = {
  key: 'reports',
};
