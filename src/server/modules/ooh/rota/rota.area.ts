import type { OohArea } from '../ooh.area';
import { registerRotaRoutes } from './rota.routes';
import { seedDemoRota } from './rota.demo';

/** The on-call rota: who is on call for each duty, when, at which level. */
export const rotaArea: OohArea = {
  key: 'rota',
  routes: registerRotaRoutes,
  seedDemo: seedDemoRota,
};
