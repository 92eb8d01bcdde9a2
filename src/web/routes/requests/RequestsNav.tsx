import { Link, useRouterState } from '@tanstack/react-router';
import { can } from '../../api/auth';
import { useSession } from '../../lib/session';

const PAGES = [
  { path: '/requests', name: 'Dashboard', permission: 'requests.read' },
  { path: '/requests/register', name: 'Register', permission: 'requests.read' },
  { path: '/requests/new', name: 'Record a request', permission: 'requests.manage' },
  { path: '/requests/reports', name: 'Timeliness report', permission: 'requests.read' },
  { path: '/requests/disclosure-log', name: 'FOI disclosure log', permission: 'requests.read' },
  { path: '/requests/viewings', name: 'Viewings', permission: 'requests.viewings' },
] as const;

/** The requests pages, as links under the page heading; the current one is marked for screen readers. */
export function RequestsNav() {
  const session = useSession();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <nav className="vigil-subnav" aria-label="Requests">
      <ul className="vigil-subnav__list">
        {PAGES.filter((p) => can(session, p.permission)).map((p) => (
          <li key={p.path} className="vigil-subnav__item">
            <Link className="govuk-link" to={p.path as never} aria-current={pathname === p.path ? 'page' : undefined}>{p.name}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
