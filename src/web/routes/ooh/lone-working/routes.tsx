import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { BoardPage } from './BoardPage';
import { SessionPage } from './SessionPage';
import { PolicyPage } from './PolicyPage';
import { OwnPage } from './OwnPage';

/** The lone-working pages: the officer's board, one session, the ladder's set-up, and the worker's own page. */
export function loneWorkingRoutes<TParent extends AnyRoute>(parent: TParent): AnyRoute[] {
  const boardRoute = createRoute({ getParentRoute: () => parent, path: '/ooh/lone-workers', component: () => <Gate permission="ooh.use">{() => <BoardPage />}</Gate> });
  const settingsRoute = createRoute({ getParentRoute: () => parent, path: '/ooh/lone-workers/settings', component: () => <Gate permission="ooh.manage">{() => <PolicyPage />}</Gate> });
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/ooh/lone-workers/$id',
    component: function LoneWorkerRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="ooh.use">{() => <SessionPage id={id} key={id} />}</Gate>;
    },
  });
  const ownRoute = createRoute({ getParentRoute: () => parent, path: '/lone-working', component: () => <Gate permission="lone_working.self">{() => <OwnPage />}</Gate> });
  return [boardRoute, settingsRoute, oneRoute, ownRoute] as AnyRoute[];
}
