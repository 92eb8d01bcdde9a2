import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { DeploymentsPage } from './DeploymentsPage';
import { DeploymentPage } from './DeploymentPage';
import { RequestPage } from './RequestPage';
import { validateDeploymentsSearch, type DeploymentsSearch } from './search';

/** Mobile camera deployments: requests, decisions, deployment, reviews and removal. */
export function deploymentRoutes<TParent extends AnyRoute>(parent: TParent) {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate/deployments',
    validateSearch: validateDeploymentsSearch,
    component: function DeploymentsRoute() {
      const search = listRoute.useSearch() as DeploymentsSearch;
      return <Gate permission="estate.read">{(session) => <DeploymentsPage search={search} session={session} />}</Gate>;
    },
  });
  const newRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate/deployments/new',
    component: () => <Gate permission="estate.manage">{() => <RequestPage />}</Gate>,
  });
  // The reminder e-mail links here.
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate/deployments/$id',
    component: function DeploymentRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="estate.read">{(session) => <DeploymentPage id={id} session={session} key={id} />}</Gate>;
    },
  });
  return [listRoute, newRoute, oneRoute] as const;
}
