import { Link } from '@tanstack/react-router';

/** The enforcement module's sub-navigation: PCNs here, fixed penalty notices beside them. */
export function EnforcementNav() {
  return (
    <nav className="vigil-subnav" aria-label="Enforcement">
      <ul className="vigil-subnav__list">
        <li className="vigil-subnav__item"><Link className="govuk-link" to={'/enforcement' as never} activeProps={{ 'aria-current': 'page' } as never} activeOptions={{ exact: true }}>Penalty charge notices</Link></li>
        <li className="vigil-subnav__item"><Link className="govuk-link" to={'/enforcement/fpns' as never} activeProps={{ 'aria-current': 'page' } as never}>Fixed penalty notices</Link></li>
      </ul>
    </nav>
  );
}
