import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../components/Gate';
import { PartnerRequestsPage } from './PartnerRequestsPage';
import { NewPartnerRequestPage } from './NewPartnerRequestPage';
import { PartnerRequestPage } from './PartnerRequestPage';
import { validatePartnerRequestsSearch, type PartnerRequestsSearch } from './search';

/** A partner agency's footage requests: its list, asking for footage, and one request. */
export function partnerRequestRoutes<TParent extends AnyRoute>(parent: TParent) {
  const listRoute = createRoute({
    getParentRoute: () => parent, path: '/partner/requests', validateSearch: validatePartnerRequestsSearch,
    component: function PartnerRequestsRoute() {
      const search = listRoute.useSearch() as PartnerRequestsSearch;
      return <Gate permission="requests.submit">{() => <PartnerRequestsPage search={search} />}</Gate>;
    },
  });
  const newRoute = createRoute({ getParentRoute: () => parent, path: '/partner/requests/new', component: () => <Gate permission="requests.submit">{() => <NewPartnerRequestPage />}</Gate> });
  const oneRoute = createRoute({
    getParentRoute: () => parent, path: '/partner/requests/$id',
    component: function PartnerRequestRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="requests.submit">{() => <PartnerRequestPage id={id} key={id} />}</Gate>;
    },
  });
  return [listRoute, newRoute, oneRoute] as const;
}
