import { Link } from '@tanstack/react-router';
import { useTitle } from '../../components/useTitle';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">Go to the home page</Link>
      </p>
    </>
  );
}

export function ForbiddenPage() {
  useTitle('You do not have access');
  return (
    <>
      <h1 className="govuk-heading-l">You do not have access to this page</h1>
      <p className="govuk-body">Your role does not include this part of Vigil. If you need it for your work, ask your Vigil administrator.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">Go to the home page</Link>
      </p>
    </>
  );
}

export function ErrorPage({ error }: { error: unknown }) {
  useTitle('Sorry, there is a problem');
  return (
    <>
      <h1 className="govuk-heading-l">Sorry, there is a problem</h1>
      <p className="govuk-body">{error instanceof Error ? error.message : 'Something went wrong.'}</p>
      <p className="govuk-body">Try again later. If it keeps happening, tell your Vigil administrator.</p>
    </>
  );
}
