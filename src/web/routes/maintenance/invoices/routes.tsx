import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { BudgetPage } from './BudgetPage';
import { InvoicePage } from './InvoicePage';
import { InvoicesPage } from './InvoicesPage';
import { RecordInvoicePage } from './RecordInvoicePage';
import { validateBudgetSearch, validateInvoicesSearch, type BudgetSearch, type InvoicesSearch } from './search';

/**
 * The maintenance contract's invoices (recorded, approved by a coordinator who did not record them,
 * paid or disputed) and its budget and spend per cost heading and month.
 */
export function invoicesRoutes<TParent extends AnyRoute>(parent: TParent) {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/invoices',
    validateSearch: validateInvoicesSearch,
    component: function InvoicesRoute() {
      const search = listRoute.useSearch() as InvoicesSearch;
      return <Gate permission="maintenance.invoices">{(session) => <InvoicesPage search={search} session={session} />}</Gate>;
    },
  });
  const newRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/invoices/new',
    component: () => <Gate permission="maintenance.invoices">{() => <RecordInvoicePage />}</Gate>,
  });
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/invoices/$id',
    component: function InvoiceRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      return <Gate permission="maintenance.invoices">{(session) => <InvoicePage id={id} session={session} key={id} />}</Gate>;
    },
  });
  const budgetRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/budget',
    validateSearch: validateBudgetSearch,
    component: function BudgetRoute() {
      const search = budgetRoute.useSearch() as BudgetSearch;
      return <Gate permission="maintenance.read">{(session) => <BudgetPage search={search} session={session} />}</Gate>;
    },
  });
  return [listRoute, newRoute, oneRoute, budgetRoute] as const;
}
