import { Link } from '@tanstack/react-router';

/** The enforcement module's sub-navigation: PCNs here, fixed penalty notices beside them. */
export function EnforcementNav() {
  return (
    <nav className="moj-sub-navigation" aria-label="Enforcement">
      <ul className="moj-sub-navigation__list">
        <li className="moj-sub-navigation__item"><Link className="moj-sub-navigation__link" to={'/enforcement' as never} activeProps={{ 'aria-current': 'page' } as never} activeOptions={{ exact: true }}>Penalty charge notices</Link></li>
        <li className="moj-sub-navigation__item"><Link className="moj-sub-navigation__link" to={'/enforcement/fpns' as never} activeProps={{ 'aria-current': 'page' } as never}>Fixed penalty notices</Link></li>
      </ul>
    </nav>
  );
}
