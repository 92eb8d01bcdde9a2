import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { signIn, stageHref } from '../../api/auth';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextField } from '../../components/fields';
import { NotificationBanner } from '../../components/NotificationBanner';
import { PasswordField } from '../../components/PasswordField';
import { useTitle } from '../../components/useTitle';
import { fieldErrors, formErrorsFrom, type FormErrors } from '../../lib/errors';
import { useSetSession } from '../../lib/session';
import { safeNext } from '../../lib/next';

export interface SignInSearch {
  next?: string;
  signedOut?: 'self' | 'expired' | 'everywhere';
}

const SIGNED_OUT: Record<NonNullable<SignInSearch['signedOut']>, string> = {
  self: 'You have signed out.',
  expired: 'You have been signed out. Sign in again to carry on.',
  everywhere: 'You have been signed out on every device.',
};

export function SignInPage({ search }: { search: SignInSearch }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [busy, setBusy] = useState(false);
  const setSession = useSetSession();
  const navigate = useNavigate();
  useTitle('Sign in', { error: !!errors });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const invalid = fieldErrors([
      ['username', !username.trim() && 'Enter your username'],
      ['password', !password && 'Enter your password'],
    ]);
    setErrors(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      const session = await signIn({ username: username.trim(), password });
      setSession(session);
      await navigate({ href: stageHref(session.stage, safeNext(search.next)), replace: true });
    } catch (err) {
      setErrors(formErrorsFrom(err, { fields: ['username', 'password'], fallbackField: 'username' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {!errors && search.signedOut && (
          <NotificationBanner title="Signed out">
            <p className="govuk-notification-banner__heading">{SIGNED_OUT[search.signedOut]}</p>
          </NotificationBanner>
        )}
        <h1 className="govuk-heading-l">Sign in</h1>
        <form onSubmit={submit} noValidate>
          <TextField
            id="username"
            label="Username"
            value={username}
            onChange={setUsername}
            error={errors?.fields.username}
            autoComplete="username"
            spellCheck={false}
            width="20"
          />
          <PasswordField id="password" label="Password" value={password} onChange={setPassword} error={errors?.fields.password} />
          <Button disabled={busy}>Sign in</Button>
        </form>
        <p className="govuk-body">If you have forgotten your password or are locked out, ask your Vigil administrator.</p>
      </div>
    </div>
  );
}
