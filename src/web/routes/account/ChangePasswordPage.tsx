import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { stageHref } from '../../api/auth';
import type { Session } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { NotificationBanner } from '../../components/NotificationBanner';
import { useTitle } from '../../components/useTitle';
import type { FormErrors } from '../../lib/errors';
import { safeNext } from '../../lib/next';
import { PasswordAdvice, PasswordForm } from './PasswordForm';

/**
 * /account/password: where a user who must change their password is sent after signing in; `next` is
 * the page they first asked for.
 */
export function ChangePasswordPage({ session, next }: { session: Session; next?: string }) {
  const forced = session.stage === 'password_change';
  const [errors, setErrors] = useState<FormErrors>();
  const navigate = useNavigate();
  useTitle(forced ? 'Create a new password' : 'Change your password', { error: !!errors });

  const onChanged = (changed: Session) => {
    if (forced) void navigate({ href: stageHref(changed.stage, safeNext(next)), replace: true });
    else void navigate({ to: '/account', search: { done: 'password' } });
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {forced && !errors && (
          <NotificationBanner title="Important">
            <p className="govuk-notification-banner__heading">You need to create a new password before you can use Vigil.</p>
          </NotificationBanner>
        )}
        <h1 className="govuk-heading-l">{forced ? 'Create a new password' : 'Change your password'}</h1>
        <PasswordAdvice />
        <PasswordForm username={session.user.username} onChanged={onChanged} oneTimePassword={forced} onErrors={setErrors} showSummary={false} />
      </div>
    </div>
  );
}
