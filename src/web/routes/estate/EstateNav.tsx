import { Link, useRouterState } from '@tanstack/react-router';
import { can } from '../../api/auth';
import { useSession } from '../../lib/session';

type EstatePath = '/estate' | '/estate/deployments' | '/estate/checks' | '/estate/import';
const PAGES: readonly { path: EstatePath; name: string; permission: string }[] = [
  { path: '/estate', name: 'Register', permission: 'estate.read' },
  { path: '/estate/deployments', name: 'Mobile cameras', permission: 'estate.read' },
  { path: '/estate/checks', name: 'Daily checks', permission: 'occurrences.write' },
  { path: '/estate/import', name: 'Import a register', permission: 'estate.manage' },
];

/** The estate's own pages, as links under the page heading; the current one is marked for screen readers. */
export function EstateNav() {
  const session = useSession();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = PAGES.filter((p) => pathname === p.path || pathname.startsWith(`${p.path}/`)).at(-1)?.path;
  return (
    <nav className="vigil-subnav" aria-label="Camera estate">
      <ul className="vigil-subnav__list">
        {PAGES.filter((p) => can(session, p.permission)).map((p) => (
          <li key={p.path} className="vigil-subnav__item">
            <Link className="govuk-link" to={p.path} activeOptions={{ exact: true, includeSearch: false }} aria-current={p.path === current ? 'page' : undefined}>{p.name}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
