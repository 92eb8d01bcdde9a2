import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { PartsPage } from './PartsPage';
import { PartPage } from './PartPage';
import { validatePartsSearch, type PartsSearch } from './search';

/** The maintenance contract's spare parts: the stock list across stores, and one part with its ledger. */
export function partsRoutes<TParent extends AnyRoute>(parent: TParent) {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/parts',
    validateSearch: validatePartsSearch,
    component: function PartsRoute() {
      const search = listRoute.useSearch() as PartsSearch;
      return <Gate permission="maintenance.read">{(session) => <PartsPage search={search} session={session} />}</Gate>;
    },
  });
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/parts/$id',
    component: function PartRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="maintenance.read">{(session) => <PartPage id={id} session={session} key={id} />}</Gate>;
    },
  });
  return [listRoute, oneRoute] as const;
}
