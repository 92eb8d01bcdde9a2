import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { can } from '../../../api/auth';
import { PcnsListPage } from './PcnsListPage';
import { PcnPage } from './PcnPage';
import type { PcnFilters } from './api';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The PCN pages: the register at /enforcement, one PCN at /enforcement/pcns/$id. */
export function pcnRoutes<TParent extends AnyRoute>(parent: TParent): readonly AnyRoute[] {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/enforcement',
    validateSearch: (s: Record<string, unknown>): PcnFilters => ({
      status: str(s.status), code: str(s.code), areaId: str(s.areaId), officerId: str(s.officerId), from: str(s.from), to: str(s.to), vrm: str(s.vrm), sort: str(s.sort),
      page: Number(s.page) > 1 ? Math.floor(Number(s.page)) : undefined,
    }),
    component: function PcnsRoute() {
      const search = listRoute.useSearch() as PcnFilters;
      return <Gate permission="enforcement.read">{() => <PcnsListPage search={search} />}</Gate>;
    },
  });
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/enforcement/pcns/$id',
    component: function PcnRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="enforcement.read">{(session) => <PcnPage id={id} key={id} canProcess={can(session, 'enforcement.process')} />}</Gate>;
    },
  });
  return [listRoute, oneRoute] as AnyRoute[];
}
