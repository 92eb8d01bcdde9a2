import { useEffect, useRef, useState } from 'react';
import { announcedDuration, formatDuration } from '../lib/timeout';
import { formatTime } from '../../domain/calendar/london';
import { Button, TextField } from './fields';
import { PasswordField } from './PasswordField';

/** Re-authentication before the fixed end: what the user typed, and what the server said of it. */
export interface Reauthentication {
  /** Whether to ask for the authenticator code too. */
  mfa: boolean;
  /** Resolves with the errors to show by field ('password', 'code'), or nothing when it worked. */
  submit: (values: { password: string; code?: string }) => Promise<Record<string, string> | undefined>;
}

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * GOV.UK-style timeout warning: a modal alert dialog that takes focus, keeps it while open and gives it
 * back when closed. The countdown on screen changes every second; the copy screen readers hear (a live
 * region) only every 30 seconds, or 15 in the last minute.
 */
export function TimeoutDialog({ open, kind, at, remaining, busy, error, onStay, onSignOut, onClose, reauthentication }: {
  open: boolean;
  /** 'idle': the user can stay signed in; 'absolute': the sign-in ends at `at` unless they prove again who they are. */
  kind: 'idle' | 'absolute';
  reauthentication: Reauthentication;
  at: number;
  remaining: number;
  busy: boolean;
  error?: string;
  onStay: () => void;
  onSignOut: () => void;
  /** Escape or Close: stays signed in ('idle') or closes the warning ('absolute'). */
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  // Whether this component has shown the dialog (the browser may also close it by itself).
  const shown = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !shown.current) {
      shown.current = true;
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (!dialog.open) dialog.showModal();
      dialog.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    }
    if (!open && shown.current) {
      shown.current = false;
      if (dialog.open) dialog.close();
      if (returnTo.current?.isConnected) returnTo.current.focus({ preventScroll: true });
      returnTo.current = null;
    }
  }, [open]);

  // A warning that turns into the other kind loses the button that had focus: keep focus inside.
  useEffect(() => {
    const dialog = ref.current;
    if (dialog?.open && !dialog.contains(document.activeElement)) dialog.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, [kind]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !event.currentTarget.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !event.currentTarget.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  // The browser may close a modal dialog on Escape by itself: treat that as Escape. Chromium sends the
  // close event with a later frame, so one can arrive after the dialog was closed here, or reopened: ignore those.
  const onNativeClose = () => {
    const dialog = ref.current;
    if (!dialog || !shown.current || dialog.open) return;
    dialog.showModal();
    onClose();
  };

  const idle = kind === 'idle';
  const time = formatTime(at);
  return (
    <dialog
      ref={ref}
      className="vigil-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="timeout-title"
      aria-describedby={open ? 'timeout-status' : undefined}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={onNativeClose}
    >
      <h2 className="govuk-heading-m" id="timeout-title">{idle ? 'You are about to be signed out' : 'Your sign-in is about to end'}</h2>
      {open && (
        <>
          <p className="govuk-body" aria-hidden="true">
            {idle ? 'For your security, Vigil will sign you out in ' : `For your security, every sign-in ends after a fixed time. Vigil will sign you out at ${time}, in `}
            <strong className="vigil-nowrap">{formatDuration(remaining)}</strong>
            {idle ? ' if you do nothing.' : '.'}
          </p>
          <p className="govuk-visually-hidden" id="timeout-status" aria-live="polite">
            {idle ? `Vigil will sign you out in ${announcedDuration(remaining)} if you do nothing.`
              : `Vigil will sign you out at ${time}, in ${announcedDuration(remaining)}.`}
          </p>
          {idle ? (
            <>
              <p className="govuk-body">Anything you have not saved will be lost.</p>
              {error && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {error}</p>}
              <div className="govuk-button-group">
                <Button type="button" onClick={onStay} aria-disabled={busy}>Stay signed in</Button>
                <Button type="button" variant="secondary" onClick={onSignOut}>Sign out</Button>
              </div>
            </>
          ) : (
            <ReauthenticateForm reauthentication={reauthentication} onSignOut={onSignOut} onClose={onClose} />
          )}
        </>
      )}
    </dialog>
  );
}

/** Password (and code) again, in the dialog: the page behind it, and all typed there, stays as it is. */
function ReauthenticateForm({ reauthentication, onSignOut, onClose }: { reauthentication: Reauthentication; onSignOut: () => void; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const { mfa } = reauthentication;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing: Record<string, string> = {};
    if (!password) missing.password = 'Enter your password';
    if (mfa && !code.trim()) missing.code = 'Enter the 6-digit code from your authenticator app';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      const failed = await reauthentication.submit({ password, code: mfa ? code.trim() : undefined });
      if (failed) setErrors(failed);
      else setPassword('');
    } finally {
      setBusy(false);
      setCode('');
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p className="govuk-body">
        To stay signed in, enter your password{mfa ? ' and the code from your authenticator app' : ''}. Anything you have typed stays where it is.
      </p>
      {errors.form && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {errors.form}</p>}
      <PasswordField id="reauth-password" label="Password" value={password} onChange={setPassword} error={errors.password} />
      {mfa && (
        <TextField id="reauth-code" label="Code from your authenticator app" value={code} onChange={setCode} error={errors.code}
          width="5" inputMode="numeric" autoComplete="one-time-code" spellCheck={false} />
      )}
      <div className="govuk-button-group">
        <Button type="submit" aria-disabled={busy}>Stay signed in</Button>
        <Button type="button" variant="secondary" onClick={onSignOut}>Sign out</Button>
        <Button type="button" variant="secondary" onClick={onClose}>Close</Button>
      </div>
    </form>
  );
}
