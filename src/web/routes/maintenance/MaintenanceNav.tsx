import { Link, useRouterState } from '@tanstack/react-router';
import { can } from '../../api/auth';
import { useSession } from '../../lib/session';

type MaintenancePath = '/maintenance' | '/maintenance/contracts' | '/maintenance/parts' | '/maintenance/lines' | '/maintenance/invoices' | '/maintenance/budget';
const PAGES: readonly { path: MaintenancePath; name: string; permission: string }[] = [
  { path: '/maintenance', name: 'Faults', permission: 'maintenance.read' },
  { path: '/maintenance/contracts', name: 'Contracts and performance', permission: 'maintenance.read' },
  { path: '/maintenance/parts', name: 'Spare parts', permission: 'maintenance.read' },
  { path: '/maintenance/lines', name: 'Connectivity lines', permission: 'maintenance.read' },
  { path: '/maintenance/invoices', name: 'Invoices', permission: 'maintenance.invoices' },
  { path: '/maintenance/budget', name: 'Budget and spend', permission: 'maintenance.read' },
];

/** The maintenance contract's own pages, as links under the page heading; the current one is marked for screen readers. */
export function MaintenanceNav() {
  const session = useSession();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = PAGES.filter((p) => pathname === p.path || pathname.startsWith(`${p.path}/`)).at(-1)?.path;
  return (
    <nav className="vigil-subnav" aria-label="Maintenance contract">
      <ul className="vigil-subnav__list">
        {PAGES.filter((p) => can(session, p.permission)).map((p) => (
          <li key={p.path} className="vigil-subnav__item">
            {/* The links are typed by the router's route tree; pages land one sub-area at a time. */}
            <Link className="govuk-link" to={p.path as never} activeOptions={{ exact: true, includeSearch: false }} aria-current={p.path === current ? 'page' : undefined}>{p.name}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
