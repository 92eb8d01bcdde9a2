import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../components/Gate';
import { DashboardPage } from './DashboardPage';
import { RegisterPage } from './RegisterPage';
import { NewRequestPage } from './NewRequestPage';
import { RequestPage } from './RequestPage';
import { validateRequestsSearch, type RequestsSearch } from './search';
import { ReportsPage, reportsSearch, type ReportsSearch } from './ReportsPage';
import { DisclosureLogPage } from './DisclosureLogPage';
import { ViewingsPage } from './ViewingsPage';

/** The council's requests: the dashboard, the register, recording a request, the timeliness report, and one request. */
export function requestRoutes<TParent extends AnyRoute>(parent: TParent) {
  const dashboardRoute = createRoute({
    getParentRoute: () => parent,
    path: '/requests',
    component: () => <Gate permission="requests.read">{(session) => <DashboardPage session={session} />}</Gate>,
  });
  const registerRoute = createRoute({
    getParentRoute: () => parent,
    path: '/requests/register',
    validateSearch: validateRequestsSearch,
    component: function RegisterRoute() {
      const search = registerRoute.useSearch() as RequestsSearch;
      return <Gate permission="requests.read">{(session) => <RegisterPage search={search} session={session} />}</Gate>;
    },
  });
  const newRoute = createRoute({
    getParentRoute: () => parent,
    path: '/requests/new',
    component: () => <Gate permission="requests.manage">{() => <NewRequestPage />}</Gate>,
  });
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/requests/$id',
    component: function RequestRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="requests.read">{(session) => <RequestPage id={id} session={session} key={id} />}</Gate>;
    },
  });
  const reportsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/requests/reports',
    validateSearch: reportsSearch,
    component: function RequestsReportsRoute() {
      const search = reportsRoute.useSearch() as ReportsSearch;
      return <Gate permission="requests.read">{() => <ReportsPage search={search} />}</Gate>;
    },
  });
  const disclosureLogRoute = createRoute({
    getParentRoute: () => parent,
    path: '/requests/disclosure-log',
    component: () => <Gate permission="requests.read">{() => <DisclosureLogPage />}</Gate>,
  });
  // The viewing diary takes requests.viewings only: the control room keeps it without reading requests.
  const viewingsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/requests/viewings',
    component: () => <Gate permission="requests.viewings">{(session) => <ViewingsPage session={session} />}</Gate>,
  });
  return [dashboardRoute, registerRoute, newRoute, reportsRoute, disclosureLogRoute, viewingsRoute, oneRoute] as const;
}
