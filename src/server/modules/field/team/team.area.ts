import type { ModuleArea } from '../../../platform/modules';
import { registerTeamRoutes } from './team.routes';

/** The team leader's view: officers on patrol (last known point), notices issued today, each device's sync backlog, the day's figures. */
export const teamArea: ModuleArea = {
  key: 'team',
  routes(api) {
    registerTeamRoutes(api);
  },
};
