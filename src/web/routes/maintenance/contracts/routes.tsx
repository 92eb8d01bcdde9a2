import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { performanceRoutes } from './performance/routes';
import { Gate } from '../../../components/Gate';
import { CONTRACT_NOTE_KINDS } from '../../../api/maintenanceContracts';
import { isCodeOf } from '../../../../domain/labels';
import { ContractsPage } from './ContractsPage';
import { ContractPage, type ContractSearch } from './ContractPage';

/** The maintenance contract's contracts pages: the list (and setting one up), and one contract. */
export function contractsRoutes<TParent extends AnyRoute>(parent: TParent) {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/contracts',
    component: () => <Gate permission="maintenance.read">{(session) => <ContractsPage session={session} />}</Gate>,
  });
  const oneRoute = createRoute({
    getParentRoute: () => parent,
    path: '/maintenance/contracts/$id',
    validateSearch: (s: Record<string, unknown>): ContractSearch => ({
      noteKind: typeof s.noteKind === 'string' && isCodeOf(CONTRACT_NOTE_KINDS, s.noteKind) ? s.noteKind : undefined,
      noteMonth: typeof s.noteMonth === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s.noteMonth) ? s.noteMonth : undefined,
    }),
    component: function ContractRoute() {
      const { id } = oneRoute.useParams() as { id: string };
      const search = oneRoute.useSearch() as ContractSearch;
      return <Gate permission="maintenance.read">{(session) => <ContractPage id={id} session={session} search={search} key={id} />}</Gate>;
    },
  });
  return [listRoute, oneRoute, ...performanceRoutes(parent)] as const;
}
