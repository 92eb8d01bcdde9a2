import { useState } from 'react';
import { changePassword } from '../../api/auth';
import type { Session } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button } from '../../components/fields';
import { PasswordField } from '../../components/PasswordField';
import { fieldErrors, formErrorsFrom, type FormErrors } from '../../lib/errors';
import { useSetSession } from '../../lib/session';

export function PasswordAdvice() {
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">Your new password must be at least 12 characters long.</p>
      <p className="govuk-body govuk-!-margin-bottom-0">
        A good way to make a strong password you can remember is to put three random words together, such as
        “kettle garden violin”. You can use spaces, and you do not need numbers or symbols. Do not use a password
        you use anywhere else, or one that contains your username.
      </p>
    </div>
  );
}

/** Change password; tells the caller the new session so it can move on to the next stage. */
export function PasswordForm({ username, onChanged, oneTimePassword = false, onErrors, showSummary = true }: {
  /** For password managers, which pair the new password with an account. */
  username: string;
  onChanged: (session: Session) => void;
  /** The current password is the one-time password an administrator gave. */
  oneTimePassword?: boolean;
  onErrors?: (errors: FormErrors | undefined) => void;
  /** False when the page shows the summary itself, above its heading. */
  showSummary?: boolean;
}) {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [errors, setErrorsState] = useState<FormErrors>();
  const [busy, setBusy] = useState(false);
  const setSession = useSetSession();
  const setErrors = (e: FormErrors | undefined) => {
    setErrorsState(e);
    onErrors?.(e);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const invalid = fieldErrors([
      ['currentPassword', !currentPassword && (oneTimePassword ? 'Enter the one-time password you were given' : 'Enter your current password')],
      ['newPassword', !newPassword ? 'Enter a new password' : newPassword.length < 12 && 'Your new password must be at least 12 characters long'],
    ]);
    setErrors(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      const session = await changePassword({ currentPassword, newPassword });
      setSession(session);
      setCurrentPassword('');
      setNewPassword('');
      onChanged(session);
    } catch (err) {
      setErrors(formErrorsFrom(err, { fields: ['currentPassword', 'newPassword'], fallbackField: 'currentPassword' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {showSummary && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate>
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <PasswordField
          id="currentPassword"
          label="Current password"
          hint={oneTimePassword ? 'The one-time password your administrator gave you.' : undefined}
          value={currentPassword}
          onChange={setCurrentPassword}
          error={errors?.fields.currentPassword}
        />
        <PasswordField
          id="newPassword"
          label="New password"
          hint="At least 12 characters. Three random words work well."
          value={newPassword}
          onChange={setNewPassword}
          error={errors?.fields.newPassword}
          autoComplete="new-password"
        />
        <Button disabled={busy}>Change password</Button>
      </form>
    </>
  );
}
