import { Link } from '@tanstack/react-router';

/** A record's page when the record could not be loaded: its title, why, and the way back to its list. */
export function NotLoaded({ title, what, error, back, backTo }: { title: string; what: string; error: Error; back: string; backTo: string }) {
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{what} could not be loaded. {error.message}</p>
      <p className="govuk-body"><Link className="govuk-link" to={backTo as never}>{back}</Link></p>
    </>
  );
}
