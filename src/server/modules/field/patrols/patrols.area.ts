import type { ModuleArea } from '../../../platform/modules';

/** Patrols: beat, task, parish contract, GPS trail, notes and photos; each a lone-working session of the out-of-hours module. */
export const patrolsArea: ModuleArea = {
  key: 'patrols',
};
