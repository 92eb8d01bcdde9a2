import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { IncidentsListPage } from './ListPage';
import { DeclareIncidentPage } from './DeclarePage';
import { IncidentPage } from './IncidentPage';

/** The major-incident pages: the list, declaring one, and one incident. */
export function incidentsRoutes<TParent extends AnyRoute>(parent: TParent): AnyRoute[] {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/ooh/incidents',
    component: () => <Gate permission="ooh.use">{() => <IncidentsListPage />}</Gate>,
  });
  const newRoute = createRoute({
    getParentRoute: () => parent,
    path: '/ooh/incidents/new',
    component: () => <Gate permission="ooh.use">{() => <DeclareIncidentPage />}</Gate>,
  });
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/ooh/incidents/$id',
    component: function IncidentRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="ooh.use">{(session) => <IncidentPage id={id} me={session.user.id} key={id} />}</Gate>;
    },
  });
  return [listRoute, newRoute, oneRoute];
}
