import { Link } from '@tanstack/react-router';
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

/** MOJ primary navigation: home, the user's work, then the administration pages their roles allow. */
export function PrimaryNav() {
  const items = useNavItems();

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
                    activeOptions={{ exact: item.href === '/', includeSearch: false }}
                    activeProps={{}}
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
