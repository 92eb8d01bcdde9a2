import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { useTitle } from '../../../components/useTitle';
import { EstateNav } from '../EstateNav';

function ChecksPage() {
  useTitle('Daily checks');
  return (<><h1 className="govuk-heading-l">Daily checks</h1><EstateNav /></>);
}

/** The daily equipment checks: the operator's keyboard checklist and the faults it raised. */
export function checkRoutes<TParent extends AnyRoute>(parent: TParent) {
  const checksRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate/checks',
    component: () => <Gate permission="occurrences.write">{() => <ChecksPage />}</Gate>,
  });
  return [checksRoute] as const;
}
