import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { can } from '../../../api/auth';
import { Gate } from '../../../components/Gate';
import { HoldsPage } from './HoldsPage';
import { ReviewsDuePage } from './ReviewsDuePage';

const page = (v: unknown) => (Number.isInteger(Number(v)) && Number(v) > 1 ? Number(v) : undefined);

/** Retention's pages: exhibits due for review, and the legal holds in force. */
export function evidenceRetentionRoutes<TParent extends AnyRoute>(parent: TParent) {
  const reviewsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/evidence/reviews',
    validateSearch: (search: Record<string, unknown>): { page?: number } => ({ page: page(search.page) }),
    component: function ReviewsRoute() {
      const { page: p } = reviewsRoute.useSearch() as { page?: number };
      return <Gate permission="evidence.manage">{() => <ReviewsDuePage page={p} />}</Gate>;
    },
  });
  const holdsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/evidence/holds',
    component: function HoldsRoute() {
      return <Gate permission="evidence.read">{(session) => <HoldsPage canManage={can(session, 'evidence.manage')} />}</Gate>;
    },
  });
  return [reviewsRoute, holdsRoute] as const;
}
