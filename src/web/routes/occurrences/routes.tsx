import { createRoute, type AnyRoute } from '@tanstack/react-router';
import type { OccurrenceFilters } from '../../api/occurrences';
import { Gate } from '../../components/Gate';
import { HandoverDetailPage } from './HandoverDetailPage';
import { HandoverPage } from './HandoverPage';
import { OccurrenceNewPage } from './OccurrenceNewPage';
import { OccurrencePage } from './OccurrencePage';
import { OccurrencesListPage, validateOccurrenceSearch } from './OccurrencesListPage';
import { PersonalDataReviewPage } from './PersonalDataReviewPage';
import { ProceduresPage } from './ProceduresPage';

/** The occurrence log's pages, under the signed-in part of the app. */
export function occurrenceRoutes<TParent extends AnyRoute>(parent: TParent) {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/occurrences',
    validateSearch: validateOccurrenceSearch,
    component: function OccurrencesRoute() {
      const search = listRoute.useSearch() as OccurrenceFilters;
      return <Gate permission="occurrences.read">{(session) => <OccurrencesListPage search={search} session={session} />}</Gate>;
    },
  });
  const newRoute = createRoute({
    getParentRoute: () => parent,
    path: '/occurrences/new',
    component: function OccurrenceNewRoute() {
      return <Gate permission="occurrences.write">{() => <OccurrenceNewPage />}</Gate>;
    },
  });
  const handoverRoute = createRoute({
    getParentRoute: () => parent,
    path: '/occurrences/handover',
    component: function HandoverRoute() {
      return <Gate permission="occurrences.read">{(session) => <HandoverPage session={session} />}</Gate>;
    },
  });
  const handoverDetailRoute = createRoute({
    getParentRoute: () => parent,
    path: '/occurrences/handover/$id',
    component: function HandoverDetailRoute() {
      const { id } = handoverDetailRoute.useParams() as { id: string };
      return <Gate permission="occurrences.read">{(session) => <HandoverDetailPage id={id} session={session} key={id} />}</Gate>;
    },
  });
  const occurrenceRoute = createRoute({
    getParentRoute: () => parent,
    path: '/occurrences/$id',
    validateSearch: (search: Record<string, unknown>): { opened?: boolean } => ({ opened: search.opened === true || search.opened === 'true' ? true : undefined }),
    component: function OccurrenceRoute() {
      const { id } = occurrenceRoute.useParams() as { id: string };
      const { opened } = occurrenceRoute.useSearch() as { opened?: boolean };
      return <Gate permission="occurrences.read">{(session) => <OccurrencePage id={id} session={session} opened={opened} key={id} />}</Gate>;
    },
  });
  // Not under /occurrences: administrators review personal data without reading the log.
  const personalDataReviewRoute = createRoute({
    getParentRoute: () => parent,
    path: '/personal-data-review',
    component: function PersonalDataReviewRoute() {
      return <Gate permission="occurrences.review_personal_data">{(session) => <PersonalDataReviewPage session={session} />}</Gate>;
    },
  });
  // Administrators keep each category's procedure (the steps operators follow).
  const proceduresRoute = createRoute({
    getParentRoute: () => parent,
    path: '/admin/procedures',
    component: function ProceduresRoute() {
      return <Gate permission="settings.manage">{() => <ProceduresPage />}</Gate>;
    },
  });
  return [listRoute, newRoute, handoverRoute, handoverDetailRoute, occurrenceRoute, personalDataReviewRoute, proceduresRoute] as const;
}
