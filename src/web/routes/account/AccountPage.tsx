import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { signOutEverywhere } from '../../api/auth';
import type { Session } from '../../api/types';
import { Button } from '../../components/fields';
import { NotificationBanner } from '../../components/NotificationBanner';
import { useTitle } from '../../components/useTitle';
import { errorMessage } from '../../lib/errors';
import { roleNames } from '../../lib/roles';
import { useSetSession } from '../../lib/session';
import { MfaSection } from './MfaSection';
import { PasswordAdvice, PasswordForm } from './PasswordForm';

export type AccountDone = 'password' | 'mfa' | 'mfa-off';

const DONE: Record<AccountDone, string> = {
  password: 'Your password has been changed.',
  mfa: 'Two-factor authentication is set up.',
  'mfa-off': 'Two-factor authentication has been turned off.',
};

export function AccountPage({ session, done }: { session: Session; done?: AccountDone }) {
  useTitle('My account');
  const navigate = useNavigate();
  const setSession = useSetSession();
  const [message, setMessage] = useState<string | undefined>(done && DONE[done]);
  const [everywhereError, setEverywhereError] = useState<string>();
  const { user } = session;

  const everywhere = async () => {
    try {
      await signOutEverywhere();
      setSession(null);
      await navigate({ to: '/sign-in', search: { signedOut: 'everywhere' } });
    } catch (err) {
      setEverywhereError(errorMessage(err));
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {message && (
          <NotificationBanner success key={message}>
            <p className="govuk-notification-banner__heading">{message}</p>
          </NotificationBanner>
        )}
        <h1 className="govuk-heading-l">My account</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Name</dt>
            <dd className="govuk-summary-list__value">{user.displayName}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Username</dt>
            <dd className="govuk-summary-list__value">{user.username}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Organisation</dt>
            <dd className="govuk-summary-list__value">{user.organisation.name}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Roles</dt>
            <dd className="govuk-summary-list__value">{roleNames(user.roles)}</dd>
          </div>
        </dl>

        <h2 className="govuk-heading-m">Change your password</h2>
        <PasswordAdvice />
        <PasswordForm username={user.username} onChanged={() => setMessage(DONE.password)} />

        <MfaSection session={session} onDone={setMessage} />

        <h2 className="govuk-heading-m">Sign out everywhere</h2>
        <p className="govuk-body">
          If you think someone else may be signed in as you, or you left Vigil open on a shared computer, sign out of
          every device at once, including this one. Then change your password.
        </p>
        {everywhereError && <p className="govuk-error-message">{everywhereError}</p>}
        <Button type="button" variant="warning" onClick={() => void everywhere()}>Sign out everywhere</Button>
      </div>
    </div>
  );
}
