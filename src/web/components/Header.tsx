import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { metaQuery } from '../api/auth';
import { useSession, useSignOut } from '../lib/session';

/** MOJ header in the council's colour: council name, the signed-in user, My account, Sign out. */
export function Header() {
  const { data: meta } = useQuery(metaQuery);
  const session = useSession();
  const signOut = useSignOut();
  const active = session?.stage === 'active';

  return (
    <header className="moj-header vigil-header">
      <div className="moj-header__container">
        <div className="moj-header__logo">
          <Link to="/" className="moj-header__link moj-header__link--organisation-name" activeOptions={{ exact: true }} activeProps={{}}>
            {meta?.councilName ?? 'Vigil'}
          </Link>
          <span className="vigil-header__service">Vigil</span>
        </div>
        {session && (
          <div className="moj-header__content">
            <nav className="moj-header__navigation" aria-label="Account">
              <ul className="moj-header__navigation-list">
                <li className="moj-header__navigation-item vigil-header__user">
                  <span className="govuk-visually-hidden">Signed in as </span>
                  {session.user.displayName}
                </li>
                {active && (
                  <li className="moj-header__navigation-item">
                    <Link to="/account" className="moj-header__navigation-link" activeProps={{}}>
                      My account
                    </Link>
                  </li>
                )}
                <li className="moj-header__navigation-item">
                  <button type="button" className="vigil-header__button" onClick={() => void signOut()}>
                    Sign out
                  </button>
                </li>
              </ul>
            </nav>
          </div>
        )}
      </div>
    </header>
  );
}
