import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { reauthenticate, sessionQuery, signOut } from '../api/auth';
import type { Session } from '../api/types';
import { lastActivity, onActivity } from '../lib/activity';
import { errorMessage, formErrorsFrom } from '../lib/errors';
import { useSetSession, useSignOut } from '../lib/session';
import { planSignOut } from '../lib/timeout';
import { formatTime } from '../../domain/calendar/london';
import { TimeoutDialog, type Reauthentication } from './TimeoutDialog';

const MAX_TIMEOUT = 2_000_000_000;

/**
 * Warns before the server signs an idle user out, and lets them stay signed in (WCAG 2.2.1); warns
 * before the sign-in's fixed end too, and lets them enter their password (and code) again to start it
 * again, in the dialog, so that nothing on the page is lost. When the time runs out, signs out and
 * says so on the sign-in page.
 */
export function SessionTimeout({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const signOutNow = useSignOut();
  const [now, setNow] = useState(Date.now);
  const [activity, setActivity] = useState(lastActivity);
  const [dismissedAt, setDismissedAt] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const ending = useRef(false);
  const staying = useRef(false);

  const plan = planSignOut({ lastActivity: activity, idleTimeoutMinutes: session.idleTimeoutMinutes, expiresAt: session.expiresAt });
  const dismissed = plan.kind === 'absolute' && dismissedAt === plan.at;
  const expired = now >= plan.at;
  const warning = !expired && now >= plan.warnAt && !dismissed;

  useEffect(() => onActivity(() => setActivity(lastActivity())), []);

  // Wake at the warning, every second while it shows, and at the end. `now` may be old (activity moves
  // the plan without a tick), so the wait is measured from the real time.
  useEffect(() => {
    if (expired) return;
    const current = Date.now();
    const wait = current < plan.warnAt ? plan.warnAt - current
      : dismissed ? plan.at - current
      : warning ? Math.min(1000, plan.at - current)
      : 0;
    const timer = window.setTimeout(() => {
      setActivity(lastActivity());
      setNow(Date.now());
    }, Math.min(Math.max(wait, 0), MAX_TIMEOUT));
    return () => window.clearTimeout(timer);
  }, [now, expired, warning, dismissed, plan.at, plan.warnAt]);

  const endedByServer = useCallback(async () => {
    const { pathname, search, hash } = window.location;
    setSession(null);
    await navigate({ to: '/sign-in', search: { next: `${pathname}${search}${hash}`, signedOut: 'expired' } });
  }, [setSession, navigate]);

  useEffect(() => {
    if (!expired || ending.current) return;
    // Another tab may have made a request since this one last looked.
    if (lastActivity() > activity) {
      setActivity(lastActivity());
      return;
    }
    ending.current = true;
    void signOut().catch(() => undefined).then(endedByServer);
  }, [expired, activity, endedByServer]);

  const stay = async () => {
    if (staying.current) return;
    staying.current = true;
    setBusy(true);
    setError(undefined);
    try {
      // Any request counts as activity (the API client notes it), which moves the plan on and closes the warning.
      const fresh = await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
      if (!fresh) await endedByServer();
      else setNow(Date.now());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      staying.current = false;
      setBusy(false);
    }
  };

  const reauthentication: Reauthentication = {
    mfa: session.user.mfaEnabled,
    submit: async ({ password, code }) => {
      try {
        // The same session, with a later end: the plan moves on and the warning closes.
        setSession(await reauthenticate({ password, code }));
        return undefined;
      } catch (err) {
        return formErrorsFrom(err, { fields: ['password', 'code'], fallbackField: 'form' }).fields;
      }
    },
  };

  const close = () => {
    if (plan.kind === 'idle') void stay();
    else setDismissedAt(plan.at);
  };

  return (
    <>
      {/* Closed to finish off some work: the way back to the password stays in sight until the end. */}
      {dismissed && !expired && (
        <aside className="vigil-session-reminder" aria-label="Your sign-in is ending">
          <p className="govuk-body-s govuk-!-margin-bottom-2">Your sign-in ends at {formatTime(plan.at)}.</p>
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" onClick={() => setDismissedAt(undefined)}>
            Enter your password to carry on
          </button>
        </aside>
      )}
      <TimeoutDialog
      open={warning}
      kind={plan.kind}
      at={plan.at}
      remaining={plan.at - now}
      busy={busy}
      error={error}
      onStay={() => void stay()}
      onSignOut={() => void signOutNow()}
      onClose={close}
      reauthentication={reauthentication}
      />
    </>
  );
}
