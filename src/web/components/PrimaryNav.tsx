import { Link, useRouterState } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { modulesQuery } from '../api/auth';

export interface NavItem {
  href: string;
  text: string;
}

/** Home, then every page this user may open, work first (the server filters by permission). */
export function useNavItems(): NavItem[] {
  const { data: modules = [] } = useQuery(modulesQuery);
  return [{ href: '/', text: 'Home' }, ...modules.map((m) => ({ href: m.path, text: m.name }))];
}

/** The one item a page belongs to: the longest whose path is the page's or leads to it (/estate/checks, not /estate). */
export function currentNavItem(items: readonly NavItem[], pathname: string): string | undefined {
  const under = (href: string) => pathname === href || (href !== '/' && pathname.startsWith(`${href}/`));
  return items.filter((i) => under(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/** MOJ primary navigation: home, the user's work, then the administration pages their roles allow. */
export function PrimaryNav() {
  const items = useNavItems();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = currentNavItem(items, pathname);

  return (
    <div className="moj-primary-navigation">
      <div className="moj-primary-navigation__container">
        <div className="moj-primary-navigation__nav">
          <nav className="moj-primary-navigation" aria-label="Primary navigation">
            <ul className="moj-primary-navigation__list">
              {items.map((item) => (
                <li className="moj-primary-navigation__item" key={item.href}>
                  <Link
                    className="moj-primary-navigation__link"
                    to={item.href}
                    activeOptions={{ exact: true, includeSearch: false }}
                    activeProps={{}}
                    aria-current={item.href === current ? 'page' : undefined}
                  >
                    {item.text}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}
