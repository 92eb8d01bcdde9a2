import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { confirmMfa, stageHref, startMfaSetup } from '../../api/auth';
import type { Session } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextField } from '../../components/fields';
import { PasswordField } from '../../components/PasswordField';
import { RecoveryCodes } from '../../components/Secret';
import { useTitle } from '../../components/useTitle';
import { fieldErrors, formErrorsFrom, type FormErrors } from '../../lib/errors';
import { safeNext } from '../../lib/next';
import { useSetSession } from '../../lib/session';

/**
 * /account/mfa: scan the QR code (or type the key), prove it with a code, then keep the recovery codes.
 * When enrolling while signing in, `next` is the page the user first asked for.
 */
export function MfaSetupPage({ session, next }: { session: Session; next?: string }) {
  // Fixed at first render: confirming moves the session on to 'active' while this page is still showing.
  const [enrolling] = useState(session.stage === 'mfa_enrolment');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  const setSession = useSetSession();
  const navigate = useNavigate();
  const setup = useMutation({ mutationFn: startMfaSetup });
  useTitle(recoveryCodes ? 'Save your recovery codes' : 'Set up two-factor authentication', { error: !!errors });

  // A new authenticator needs the password as well as the session: a session left open on a shared
  // screen must not be enough to add the thief's phone.
  const confirmPassword = async (event: React.FormEvent) => {
    event.preventDefault();
    const invalid = fieldErrors([['mfaPassword', !password && 'Enter your password']]);
    setErrors(invalid);
    if (invalid) return;
    try {
      await setup.mutateAsync({ password });
      setPassword('');
    } catch (err) {
      setErrors(formErrorsFrom(err, { fallbackField: 'mfaPassword' }));
    }
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const typed = code.replace(/\s+/g, '');
    const invalid = fieldErrors([
      ['code', !typed ? 'Enter the security code from your authenticator app' : !/^\d{6}$/.test(typed) && 'The security code must be 6 numbers'],
    ]);
    setErrors(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      const result = await confirmMfa({ code: typed });
      setRecoveryCodes(result.recoveryCodes);
      setSession(result.session);
    } catch (err) {
      setErrors(formErrorsFrom(err, { fields: ['code'], fallbackField: 'code' }));
    } finally {
      setBusy(false);
    }
  };

  if (recoveryCodes) {
    const finish = () => {
      if (enrolling) void navigate({ href: stageHref('active', safeNext(next)), replace: true });
      else void navigate({ to: '/account', search: { done: 'mfa' } });
    };
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Two-factor authentication is set up</h1>
          </div>
          <h2 className="govuk-heading-m">Save your recovery codes</h2>
          <p className="govuk-body">
            If you lose your phone, or your authenticator app stops working, you can sign in with one of these codes
            instead of a security code.
          </p>
          <RecoveryCodes codes={recoveryCodes} />
          <Button type="button" onClick={finish}>Continue</Button>
        </div>
      </div>
    );
  }

  if (session.user.mfaEnabled && !enrolling && !setup.data) {
    return (
      <>
        <h1 className="govuk-heading-l">Two-factor authentication is already set up</h1>
        <p className="govuk-body">
          <Link className="govuk-link" to="/account">Go to My account</Link> to get new recovery codes or turn it off.
        </p>
      </>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Set up two-factor authentication</h1>
        {enrolling && (
          <p className="govuk-body">Your role needs two-factor authentication. You need to set it up before you can use Vigil.</p>
        )}
        <h2 className="govuk-heading-m">1. Get an authenticator app</h2>
        <p className="govuk-body">
          Install an authenticator app on your phone if you do not have one already, such as Microsoft Authenticator,
          Google Authenticator or another app that supports time-based codes.
        </p>
        <h2 className="govuk-heading-m">2. Add Vigil to the app</h2>
        {!setup.data && (
          <form onSubmit={confirmPassword} noValidate>
            <PasswordField
              id="mfaPassword"
              label="Your password"
              hint="Confirm it is you before adding an authenticator app."
              value={password}
              onChange={setPassword}
              error={errors?.fields.mfaPassword}
              autoFocus
            />
            <Button disabled={setup.isPending}>{setup.isPending ? 'Getting your set-up code…' : 'Show the set-up code'}</Button>
          </form>
        )}
        {setup.data && (
          <>
            <p className="govuk-body">Scan this QR code with the app.</p>
            <img className="vigil-qr" src={setup.data.qrCodeDataUrl} alt={`QR code for setting up two-factor authentication for ${session.user.username}`} />
            <p className="govuk-body">If you cannot scan the QR code, choose to enter a setup key in the app, and type this key:</p>
            <p className="govuk-body govuk-!-font-size-24">
              <code className="vigil-secret" data-testid="mfa-secret">{setup.data.secret}</code>
            </p>
            <h2 className="govuk-heading-m">3. Enter the code from the app</h2>
            <form onSubmit={submit} noValidate>
              <TextField
                id="code"
                label="Security code"
                hint="The 6-digit code the app shows for Vigil."
                value={code}
                onChange={setCode}
                error={errors?.fields.code}
                autoComplete="one-time-code"
                inputMode="numeric"
                spellCheck={false}
                width="5"
              />
              <Button disabled={busy}>Continue</Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
