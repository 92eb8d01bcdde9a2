import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { disableMfa, regenerateRecoveryCodes, sessionQuery } from '../../api/auth';
import type { Session } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button } from '../../components/fields';
import { PasswordField } from '../../components/PasswordField';
import { RecoveryCodes } from '../../components/Secret';
import { fieldErrors, formErrorsFrom, type FormErrors } from '../../lib/errors';

type Step = 'idle' | 'disable' | 'codes';

/** Two-factor authentication on My account: set up, turn off, or get new recovery codes. */
export function MfaSection({ session, onDone }: { session: Session; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('idle');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<string[]>();
  const { mfaEnabled, mfaRequired } = session.user;

  const begin = (next: Step) => {
    setStep(next);
    setPassword('');
    setErrors(undefined);
    setCodes(undefined);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const invalid = fieldErrors([['mfaPassword', !password && 'Enter your password']]);
    setErrors(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      if (step === 'disable') {
        await disableMfa({ password });
        await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
        begin('idle');
        onDone('Two-factor authentication has been turned off.');
      } else {
        const result = await regenerateRecoveryCodes({ password });
        setCodes(result.recoveryCodes);
        setStep('idle');
        setPassword('');
      }
    } catch (err) {
      setErrors(formErrorsFrom(err, { fallbackField: 'mfaPassword' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="mfa-heading">
      <h2 className="govuk-heading-m" id="mfa-heading">Two-factor authentication</h2>
      {!mfaEnabled && (
        <>
          <p className="govuk-body">
            Two-factor authentication is <strong>off</strong>. With it on, signing in needs a code from an
            authenticator app on your phone as well as your password.
          </p>
          <Link to="/account/mfa" role="button" draggable={false} className="govuk-button govuk-button--secondary"
            onKeyDown={(e) => { if (e.key === ' ') { e.preventDefault(); e.currentTarget.click(); } }}>
            Set up two-factor authentication
          </Link>
        </>
      )}
      {mfaEnabled && (
        <>
          <p className="govuk-body">
            Two-factor authentication is <strong>on</strong>.
            {mfaRequired && ' Your role requires it, so it cannot be turned off.'}
          </p>
          {codes && (
            <>
              <h3 className="govuk-heading-s">Your new recovery codes</h3>
              <p className="govuk-body">Your old recovery codes no longer work.</p>
              <RecoveryCodes codes={codes} />
            </>
          )}
          {step === 'idle' && (
            <div className="govuk-button-group">
              <Button type="button" variant="secondary" onClick={() => begin('codes')}>Get new recovery codes</Button>
              {!mfaRequired && (
                <Button type="button" variant="warning" onClick={() => begin('disable')}>Turn off two-factor authentication</Button>
              )}
            </div>
          )}
          {step !== 'idle' && (
            <div className="vigil-confirm">
              <ErrorSummary errors={errors} />
              <form onSubmit={submit} noValidate>
                <h3 className="govuk-heading-s">
                  {step === 'disable' ? 'Confirm turning off two-factor authentication' : 'Confirm getting new recovery codes'}
                </h3>
                <PasswordField
                  id="mfaPassword"
                  label="Your password"
                  hint={step === 'codes' ? 'Your old recovery codes will stop working.' : undefined}
                  value={password}
                  onChange={setPassword}
                  error={errors?.fields.mfaPassword}
                  autoFocus
                />
                <div className="govuk-button-group">
                  <Button variant={step === 'disable' ? 'warning' : undefined} disabled={busy}>
                    {step === 'disable' ? 'Turn it off' : 'Get new codes'}
                  </Button>
                  <Button type="button" variant="secondary" onClick={() => begin('idle')}>Cancel</Button>
                </div>
              </form>
            </div>
          )}
        </>
      )}
    </section>
  );
}
