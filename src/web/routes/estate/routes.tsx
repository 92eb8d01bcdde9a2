import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../components/Gate';
import { RegisterPage } from './RegisterPage';
import { validateEstateSearch, type EstateFilters } from './search';

/** The camera estate's pages, under the signed-in part of the app. */
export function estateRoutes<TParent extends AnyRoute>(parent: TParent) {
  const registerRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate',
    validateSearch: validateEstateSearch,
    component: function RegisterRoute() {
      const search = registerRoute.useSearch() as EstateFilters;
      return <Gate permission="estate.read">{() => <RegisterPage search={search} />}</Gate>;
    },
  });
  return [registerRoute] as const;
}
