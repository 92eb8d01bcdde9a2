import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../../components/Gate';
import { PerformancePage } from './PerformancePage';
import { validatePerformanceSearch, type PerformanceSearch } from './search';

/** A contract's monthly performance report: /maintenance/contracts/$id/performance?month=YYYY-MM. */
export function performanceRoutes<TParent extends AnyRoute>(parent: TParent) {
  const performanceRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/contracts/$id/performance',
    validateSearch: validatePerformanceSearch,
    component: function PerformanceRoute() {
      const { id } = performanceRoute.useParams() as { id: string };
      const { month } = performanceRoute.useSearch() as PerformanceSearch;
      return <Gate permission="maintenance.read">{() => <PerformancePage contractId={id} month={month} />}</Gate>;
    },
  });
  return [performanceRoute] as const;
}
