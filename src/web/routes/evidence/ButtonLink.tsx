import { Link } from '@tanstack/react-router';

type To = '/evidence/upload' | '/evidence/packages' | '/evidence/packages/new' | '/evidence/verify' | '/evidence';

/** A link to another page drawn as a GOV.UK button (Space presses it, as a button's would). */
export function ButtonLink({ to, search, secondary, children }: { to: To; search?: Record<string, unknown>; secondary?: boolean; children: React.ReactNode }) {
  return (
    <Link to={to} search={search as never} role="button" draggable={false}
      className={`govuk-button${secondary ? ' govuk-button--secondary' : ''} govuk-!-margin-bottom-0`}
      onKeyDown={(e) => { if (e.key === ' ') { e.preventDefault(); e.currentTarget.click(); } }}>
      {children}
    </Link>
  );
}
