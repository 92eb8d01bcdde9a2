import type { ModuleArea } from '../../../platform/modules';

/** The team leader's view: officers on patrol (last known point), notices issued today, each device's sync backlog, the day's figures. */
export const teamArea: ModuleArea = {
  key: 'team',
};
