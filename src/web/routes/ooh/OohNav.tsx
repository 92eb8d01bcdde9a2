import { Link, useRouterState } from '@tanstack/react-router';
import { can } from '../../api/auth';
import { useSession } from '../../lib/session';

const PAGES = [
  { path: '/ooh', name: 'Overview', permission: 'ooh.use' },
  { path: '/ooh/calls', name: 'Calls', permission: 'ooh.use' },
  { path: '/ooh/rota', name: 'On-call rota', permission: 'ooh.use' },
  { path: '/ooh/lone-workers', name: 'Lone workers', permission: 'ooh.use' },
  { path: '/ooh/absence', name: 'Staff absence', permission: 'ooh.use' },
  { path: '/ooh/alarms', name: 'Alarms', permission: 'ooh.use' },
  { path: '/ooh/buildings', name: 'Buildings', permission: 'ooh.use' },
  { path: '/ooh/incidents', name: 'Major incidents', permission: 'ooh.use' },
] as const;

/** The out-of-hours pages, as links under the page heading; the current one is marked for screen readers. */
export function OohNav() {
  const session = useSession();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <nav className="vigil-subnav" aria-label="Out of hours">
      <ul className="vigil-subnav__list">
        {PAGES.filter((p) => can(session, p.permission)).map((p) => (
          <li key={p.path} className="vigil-subnav__item">
            <Link className="govuk-link" to={p.path as never} aria-current={pathname === p.path || pathname.startsWith(`${p.path}/`) && p.path !== '/ooh' ? 'page' : undefined}>{p.name}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
