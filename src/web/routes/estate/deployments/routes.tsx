import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { useTitle } from '../../../components/useTitle';
import { EstateNav } from '../EstateNav';

function DeploymentsPage() {
  useTitle('Mobile cameras');
  return (<><h1 className="govuk-heading-l">Mobile cameras</h1><EstateNav /></>);
}

/** Mobile camera deployments: requests, decisions, deployment, reviews and removal. */
export function deploymentRoutes<TParent extends AnyRoute>(parent: TParent) {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate/deployments',
    component: () => <Gate permission="estate.read">{() => <DeploymentsPage />}</Gate>,
  });
  return [listRoute] as const;
}
