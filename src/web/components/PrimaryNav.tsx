import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can, modulesQuery } from '../api/auth';
import type { Session } from '../api/types';

export interface NavItem {
  href: string;
  text: string;
}

export function useNavItems(session: Session): NavItem[] {
  const { data: modules = [] } = useQuery(modulesQuery);
  return [
    { href: '/', text: 'Home' },
    ...modules.map((m) => ({ href: m.path, text: m.name })),
    ...(can(session, 'occurrences.review_personal_data') ? [{ href: '/personal-data-review', text: 'Personal data review' }] : []),
    ...(can(session, 'users.manage') ? [{ href: '/admin/users', text: 'Users' }] : []),
    ...(can(session, 'audit.read') ? [{ href: '/audit', text: 'Audit' }] : []),
  ];
}

/** MOJ primary navigation: home, the user's modules, then Personal data review, Users and Audit by permission. */
export function PrimaryNav({ session }: { session: Session }) {
  const items = useNavItems(session);

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
