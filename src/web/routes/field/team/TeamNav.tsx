import { Link, useRouterState } from '@tanstack/react-router';

const PAGES = [
  { path: '/field/team', name: 'Team now' },
  { path: '/field/team/contracts', name: 'Parish contracts' },
  { path: '/field/team/reports', name: 'Inspections, defects and ASB' },
] as const;

/** The team leader's pages, as links under the page heading; the current one is marked for screen readers. */
export function TeamNav() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <nav className="vigil-subnav" aria-label="Team leader">
      <ul className="vigil-subnav__list">
        {PAGES.map((p) => (
          <li key={p.path} className="vigil-subnav__item">
            <Link className="govuk-link" to={p.path as never} aria-current={pathname === p.path ? 'page' : undefined}>{p.name}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
