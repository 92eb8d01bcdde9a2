import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { stageHref, verifyMfa } from '../../api/auth';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { fieldErrors, formErrorsFrom, type FormErrors } from '../../lib/errors';
import { safeNext } from '../../lib/next';
import { useSetSession, useSignOut } from '../../lib/session';

export function SignInMfaPage({ next }: { next?: string }) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [busy, setBusy] = useState(false);
  const setSession = useSetSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  useTitle(useRecovery ? 'Enter a recovery code' : 'Enter your security code', { error: !!errors });

  const field = useRecovery ? 'recoveryCode' : 'code';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const typed = (useRecovery ? recoveryCode : code).replace(/\s+/g, '');
    const invalid = fieldErrors([
      [field, !typed ? (useRecovery ? 'Enter a recovery code' : 'Enter the security code from your authenticator app')
        : !useRecovery && !/^\d{6}$/.test(typed) ? 'The security code must be 6 numbers' : undefined],
    ]);
    setErrors(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      const session = await verifyMfa(useRecovery ? { recoveryCode: typed } : { code: typed });
      setSession(session);
      await navigate({ href: stageHref(session.stage, safeNext(next)), replace: true });
    } catch (err) {
      setErrors(formErrorsFrom(err, { fields: [field], fallbackField: field }));
    } finally {
      setBusy(false);
    }
  };

  const switchMethod = () => {
    setUseRecovery(!useRecovery);
    setErrors(undefined);
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <form onSubmit={submit} noValidate>
          {useRecovery ? (
            <TextField
              id="recoveryCode"
              label="Recovery code"
              isPageHeading
              hint="Enter one of the recovery codes you were given when you set up two-factor authentication. Each code works once."
              value={recoveryCode}
              onChange={setRecoveryCode}
              error={errors?.fields.recoveryCode}
              autoComplete="one-time-code"
              spellCheck={false}
              width="20"
            />
          ) : (
            <>
              <h1 className="govuk-heading-l">Enter your security code</h1>
              <TextField
                id="code"
                label="Security code"
                hint="Open your authenticator app and enter the 6-digit code it shows for Vigil."
                value={code}
                onChange={setCode}
                error={errors?.fields.code}
                autoComplete="one-time-code"
                inputMode="numeric"
                spellCheck={false}
                width="5"
              />
            </>
          )}
          <Button disabled={busy}>Continue</Button>
        </form>
        <p className="govuk-body">
          <button type="button" className="vigil-link-button" onClick={switchMethod}>
            {useRecovery ? 'Use a security code from your app instead' : 'Use a recovery code instead'}
          </button>
        </p>
        <p className="govuk-body">
          <button type="button" className="vigil-link-button" onClick={() => void signOut()}>
            Cancel signing in
          </button>
        </p>
      </div>
    </div>
  );
}
