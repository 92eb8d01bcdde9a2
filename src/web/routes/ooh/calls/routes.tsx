import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { CallsListPage } from './CallsListPage';
import { NewCallPage } from './NewCallPage';
import { CallPage } from './CallPage';
import { RotaPage } from './RotaPage';
import { CallSettingsPage } from './CallSettingsPage';
import type { CallFilters } from './api';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The out-of-hours calls pages: the log, taking a call, one call, the categories' set-up, and the rota. */
export function callsRoutes<TParent extends AnyRoute>(parent: TParent): AnyRoute[] {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/ooh/calls',
    validateSearch: (s: Record<string, unknown>): CallFilters => ({
      status: str(s.status), categoryId: str(s.categoryId), priorityKey: str(s.priorityKey), from: str(s.from), to: str(s.to), q: str(s.q), sort: str(s.sort),
      page: Number(s.page) > 1 ? Math.floor(Number(s.page)) : undefined,
    }),
    component: function CallsRoute() {
      const search = listRoute.useSearch() as CallFilters;
      return <Gate permission="ooh.use">{() => <CallsListPage search={search} />}</Gate>;
    },
  });
  const newRoute = createRoute({ getParentRoute: () => parent, path: '/ooh/calls/new', component: () => <Gate permission="ooh.use">{() => <NewCallPage />}</Gate> });
  const settingsRoute = createRoute({ getParentRoute: () => parent, path: '/ooh/calls/settings', component: () => <Gate permission="ooh.manage">{() => <CallSettingsPage />}</Gate> });
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/ooh/calls/$id',
    component: function CallRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="ooh.use">{() => <CallPage id={id} key={id} />}</Gate>;
    },
  });
  const rotaRoute = createRoute({ getParentRoute: () => parent, path: '/ooh/rota', component: () => <Gate permission="ooh.use">{() => <RotaPage />}</Gate> });
  return [listRoute, newRoute, settingsRoute, oneRoute, rotaRoute] as AnyRoute[];
}
