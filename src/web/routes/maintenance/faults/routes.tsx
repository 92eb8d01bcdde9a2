import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { FaultsPage } from './FaultsPage';
import { FaultPage } from './FaultPage';
import { RaiseFaultPage } from './RaiseFaultPage';
import { validateFaultsSearch, validateRaiseSearch, type FaultsSearch } from './search';

/** The maintenance contract's faults: the council's list (the maintenance home page), raising one, and one fault. */
export function faultsRoutes<TParent extends AnyRoute>(parent: TParent) {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance',
    validateSearch: validateFaultsSearch,
    component: function FaultsRoute() {
      const search = listRoute.useSearch() as FaultsSearch;
      return <Gate permission="maintenance.read">{(session) => <FaultsPage search={search} session={session} />}</Gate>;
    },
  });
  const newRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/faults/new',
    validateSearch: validateRaiseSearch,
    component: function RaiseFaultRoute() {
      const { cameraId } = newRoute.useSearch() as { cameraId?: string };
      return <Gate permission="maintenance.faults">{() => <RaiseFaultPage cameraId={cameraId} />}</Gate>;
    },
  });
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/faults/$id',
    component: function FaultRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="maintenance.read">{(session) => <FaultPage id={id} session={session} key={id} />}</Gate>;
    },
  });
  return [listRoute, newRoute, oneRoute] as const;
}
