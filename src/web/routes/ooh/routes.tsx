import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../components/Gate';
import { OohDashboardPage } from './DashboardPage';
import { OohSettingsPage } from './SettingsPage';
import { callsRoutes } from './calls/routes';
import { loneWorkingRoutes } from './lone-working/routes';
import { buildingsRoutes } from './buildings/routes';
import { incidentsRoutes } from './incidents/routes';

/** The out-of-hours service's pages: the overview, then each area's own (calls and rota, lone working, absence and buildings, major incidents). */
export function oohRoutes<TParent extends AnyRoute>(parent: TParent) {
  const dashboardRoute = createRoute({
    getParentRoute: () => parent,
    path: '/ooh',
    component: () => <Gate permission="ooh.use">{() => <OohDashboardPage />}</Gate>,
  });
  const settingsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/admin/ooh',
    component: () => <Gate permission="ooh.manage">{() => <OohSettingsPage />}</Gate>,
  });
  return [dashboardRoute, settingsRoute, ...callsRoutes(parent), ...loneWorkingRoutes(parent), ...buildingsRoutes(parent), ...incidentsRoutes(parent)] as const;
}
