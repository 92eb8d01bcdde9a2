import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { resetPassword, userAction, type UserAction } from '../../api/users';
import type { User } from '../../api/types';
import { Confirm } from '../../components/Confirm';
import { Button } from '../../components/fields';
import { NotificationBanner } from '../../components/NotificationBanner';
import { OneTimePassword } from '../../components/Secret';
import { errorMessage } from '../../lib/errors';
import { isLocked } from './UserStatus';

type Pending = UserAction | 'reset-password';

const CONFIRM: Partial<Record<Pending, { heading: (u: User) => string; body: string; label: string }>> = {
  deactivate: {
    heading: (u) => `Deactivate ${u.displayName}?`,
    body: 'They will be signed out at once and will not be able to sign in. Their records and audit history are kept. You can reactivate them later.',
    label: 'Yes, deactivate this user',
  },
  'reset-password': {
    heading: (u) => `Reset the password for ${u.displayName}?`,
    body: 'Their current password will stop working and they will be signed out. You will be shown a one-time password to give them.',
    label: 'Yes, set a one-time password',
  },
  'reset-mfa': {
    heading: (u) => `Reset two-factor authentication for ${u.displayName}?`,
    body: 'Their authenticator app and recovery codes will stop working. If their role needs two-factor authentication they will set it up again at their next sign-in.',
    label: 'Yes, reset two-factor authentication',
  },
};

const DONE: Record<Pending, string> = {
  deactivate: 'User deactivated.',
  reactivate: 'User reactivated.',
  unlock: 'Account unlocked.',
  'reset-mfa': 'Two-factor authentication reset.',
  'reset-password': 'Password reset.',
};

/** Deactivate / reactivate, reset password, reset MFA, unlock — destructive ones ask first. */
export function UserActions({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const [oneTimePassword, setOneTimePassword] = useState<string>();

  const run = async (action: Pending) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    setOneTimePassword(undefined);
    try {
      if (action === 'reset-password') {
        setOneTimePassword((await resetPassword(user.id)).oneTimePassword);
        await queryClient.invalidateQueries({ queryKey: ['user', user.id] });
      } else {
        queryClient.setQueryData(['user', user.id], await userAction(user.id, action));
      }
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      setDone(DONE[action]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      setConfirming(undefined);
    }
  };

  const ask = (action: Pending) => (CONFIRM[action] ? setConfirming(action) : void run(action));
  const confirm = confirming && CONFIRM[confirming];

  return (
    <section aria-labelledby="actions-heading">
      <h2 className="govuk-heading-m" id="actions-heading">Account actions</h2>
      {done && (
        <NotificationBanner success key={done}>
          <p className="govuk-notification-banner__heading">{done}</p>
        </NotificationBanner>
      )}
      {oneTimePassword && (
        <>
          <OneTimePassword username={user.username} password={oneTimePassword} />
          <p className="govuk-body">Give it to {user.displayName} in person or by phone. It is shown only once; they must change it when they sign in.</p>
        </>
      )}
      {error && (
        <div className="govuk-error-summary" role="alert" tabIndex={-1} ref={(el) => el?.focus()}>
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body"><p className="govuk-body govuk-!-margin-bottom-0">{error}</p></div>
        </div>
      )}
      {confirming && confirm ? (
        <Confirm heading={confirm.heading(user)} confirmLabel={confirm.label} busy={busy} onConfirm={() => void run(confirming)} onCancel={() => setConfirming(undefined)}>
          <p className="govuk-body">{confirm.body}</p>
        </Confirm>
      ) : (
        <div className="govuk-button-group">
          {user.isActive ? (
            <Button type="button" variant="warning" disabled={busy} onClick={() => ask('deactivate')}>Deactivate</Button>
          ) : (
            <Button type="button" disabled={busy} onClick={() => ask('reactivate')}>Reactivate</Button>
          )}
          <Button type="button" variant="secondary" disabled={busy} onClick={() => ask('reset-password')}>Reset password</Button>
          {user.mfaEnabled && (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => ask('reset-mfa')}>Reset MFA</Button>
          )}
          {isLocked(user) && (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => ask('unlock')}>Unlock</Button>
          )}
        </div>
      )}
    </section>
  );
}
