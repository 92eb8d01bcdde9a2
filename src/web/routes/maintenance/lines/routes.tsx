import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { LinesPage } from './LinesPage';
import { LinePage } from './LinePage';
import { validateLinesSearch, type LinesSearch } from './search';

/** The maintenance contract's connectivity lines: the list, and one line with its cameras and faults. */
export function linesRoutes<TParent extends AnyRoute>(parent: TParent) {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/lines',
    validateSearch: validateLinesSearch,
    component: function LinesRoute() {
      const search = listRoute.useSearch() as LinesSearch;
      return <Gate permission="maintenance.read">{(session) => <LinesPage search={search} session={session} />}</Gate>;
    },
  });
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/lines/$id',
    component: function LineRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="maintenance.read">{(session) => <LinePage id={id} session={session} key={id} />}</Gate>;
    },
  });
  return [listRoute, oneRoute] as const;
}
