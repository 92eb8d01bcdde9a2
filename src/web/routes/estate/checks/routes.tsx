import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { ChecksPage } from './ChecksPage';
import { FaultsPage } from './FaultsPage';
import { CheckSettingsPage } from './CheckSettingsPage';
import { validateChecksSearch, validateFaultsSearch, type ChecksSearch, type FaultsSearch } from './search';

/** The daily equipment checks: the operator's keyboard checklist and the faults it raised. */
export function checkRoutes<TParent extends AnyRoute>(parent: TParent) {
  const checksRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate/checks',
    validateSearch: validateChecksSearch,
    component: function ChecksRoute() {
      const { kind } = checksRoute.useSearch() as ChecksSearch;
      return <Gate permission="occurrences.write">{() => <ChecksPage kind={kind ?? 'cameras'} key={kind ?? 'cameras'} />}</Gate>;
    },
  });
  const faultsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate/checks/faults',
    validateSearch: validateFaultsSearch,
    component: function FaultsRoute() {
      const search = faultsRoute.useSearch() as FaultsSearch;
      return <Gate permission="estate.read">{() => <FaultsPage search={search} />}</Gate>;
    },
  });
  const settingsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate/checks/settings',
    component: () => <Gate permission="settings.manage">{() => <CheckSettingsPage />}</Gate>,
  });
  return [checksRoute, faultsRoute, settingsRoute] as const;
}
