import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { ContractorFaultsPage } from './ContractorFaultsPage';
import { ContractorFaultPage } from './ContractorFaultPage';
import { ReportFaultPage } from './ReportFaultPage';
import { validateContractorFaultsSearch, type ContractorFaultsSearch } from './search';

/** The contractor's portal: their contract's faults, reporting one, and one fault with the steps they record. */
export function contractorRoutes<TParent extends AnyRoute>(parent: TParent) {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/contractor/faults',
    validateSearch: validateContractorFaultsSearch,
    component: function ContractorFaultsRoute() {
      const search = listRoute.useSearch() as ContractorFaultsSearch;
      return <Gate permission="maintenance.contract_work">{() => <ContractorFaultsPage search={search} />}</Gate>;
    },
  });
  const newRoute = createRoute({
    getParentRoute: () => parent,
    path: '/contractor/faults/new',
    component: () => <Gate permission="maintenance.contract_work">{() => <ReportFaultPage />}</Gate>,
  });
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/contractor/faults/$id',
    component: function ContractorFaultRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="maintenance.contract_work">{() => <ContractorFaultPage id={id} key={id} />}</Gate>;
    },
  });
  return [listRoute, newRoute, oneRoute] as const;
}
