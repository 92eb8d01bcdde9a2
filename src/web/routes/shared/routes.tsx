import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { can } from '../../api/auth';
import { useSession } from '../../lib/session';
import { ForbiddenPage } from '../errors/NotFound';
import { SharedListPage, validateSharedSearch } from './SharedListPage';
import { SharedOccurrencePage } from './SharedOccurrencePage';

function PartnerGate({ children }: { children: React.ReactNode }) {
  const session = useSession();
  if (!session) return null;
  return can(session, 'shared.read') ? <>{children}</> : <ForbiddenPage />;
}

/** Partner agencies' pages: what the council shared with their organisation. */
export function sharedRoutes<TParent extends AnyRoute>(parent: TParent) {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/shared',
    validateSearch: validateSharedSearch,
    component: function SharedListRoute() {
      return <PartnerGate><SharedListPage search={listRoute.useSearch() as ReturnType<typeof validateSharedSearch>} /></PartnerGate>;
    },
  });
  const occurrenceRoute = createRoute({
    getParentRoute: () => parent,
    path: '/shared/$id',
    component: function SharedOccurrenceRoute() {
      const { id } = occurrenceRoute.useParams() as { id: string };
      return <PartnerGate><SharedOccurrencePage id={id} key={id} /></PartnerGate>;
    },
  });
  return [listRoute, occurrenceRoute] as const;
}
