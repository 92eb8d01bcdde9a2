import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { FpnsListPage } from './FpnsListPage';
import { FpnPage } from './FpnPage';
import { NotebookPage } from './NotebookPage';
import type { FpnFilters } from './api';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** Fixed penalty notices after issue, one notice with its payment, withdrawal and prosecution forms, and the notebook. */
export function fpnRoutes<TParent extends AnyRoute>(parent: TParent): readonly AnyRoute[] {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/enforcement/fpns',
    validateSearch: (s: Record<string, unknown>): FpnFilters => ({
      status: str(s.status), offence: str(s.offence), officer: str(s.officer), from: str(s.from), to: str(s.to), q: str(s.q), sort: str(s.sort),
      page: Number(s.page) > 1 ? Math.floor(Number(s.page)) : undefined,
    }),
    component: function FpnsRoute() {
      const search = listRoute.useSearch() as FpnFilters;
      return <Gate permission="enforcement.read">{() => <FpnsListPage search={search} />}</Gate>;
    },
  });
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/enforcement/fpns/$id',
    component: function FpnRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="enforcement.read">{() => <FpnPage id={id} key={id} />}</Gate>;
    },
  });
  const notebookRoute = createRoute({
    getParentRoute: () => parent,
    path: '/enforcement/notebook',
    validateSearch: (s: Record<string, unknown>): { officer?: string; page?: number } => ({ officer: str(s.officer), page: Number(s.page) > 1 ? Math.floor(Number(s.page)) : undefined }),
    component: function NotebookRoute() {
      const { officer, page } = notebookRoute.useSearch() as { officer?: string; page?: number };
      return <Gate permission="enforcement.read">{() => <NotebookPage officer={officer} page={page} />}</Gate>;
    },
  });
  return [listRoute, oneRoute, notebookRoute] as AnyRoute[];
}
