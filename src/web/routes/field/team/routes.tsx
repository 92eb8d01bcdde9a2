import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { TeamPage } from './TeamPage';
import { ContractsPage } from './ContractsPage';
import { ReportsPage } from './ReportsPage';

/** The team leader's pages (field.lead): /field/team (the team now), /field/team/contracts (parish contracts and billing), /field/team/reports (inspections, defects, ASB). */
export function teamRoutes<TParent extends AnyRoute>(parent: TParent): readonly AnyRoute[] {
  const teamRoute = createRoute({ getParentRoute: () => parent, path: '/field/team', component: () => <Gate permission="field.lead">{() => <TeamPage />}</Gate> });
  const contractsRoute = createRoute({ getParentRoute: () => parent, path: '/field/team/contracts', component: () => <Gate permission="field.lead">{() => <ContractsPage />}</Gate> });
  const reportsRoute = createRoute({ getParentRoute: () => parent, path: '/field/team/reports', component: () => <Gate permission="field.lead">{() => <ReportsPage />}</Gate> });
  return [teamRoute, contractsRoute, reportsRoute] as AnyRoute[];
}
