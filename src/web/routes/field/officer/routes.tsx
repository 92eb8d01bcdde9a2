import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { can } from '../../../api/auth';
import { FieldPage } from './FieldPage';
import { PatrolPage } from './PatrolPage';

/** The officer's field pages: /field (devices, patrols) and /field/patrols/$id (the trail, notes, notices). */
export function officerRoutes<TParent extends AnyRoute>(parent: TParent): readonly AnyRoute[] {
  const fieldRoute = createRoute({ getParentRoute: () => parent, path: '/field', component: () => <Gate permission="field.use">{(session) => <FieldPage canLead={can(session, 'field.lead')} />}</Gate> });
  const patrolRoute = createRoute({
    getParentRoute: () => parent,
    path: '/field/patrols/$id',
    component: function PatrolRoute() {
      const { id } = patrolRoute.useParams() as { id: string };
      return <Gate permission="field.use">{() => <PatrolPage id={id} key={id} />}</Gate>;
    },
  });
  return [fieldRoute, patrolRoute] as AnyRoute[];
}
