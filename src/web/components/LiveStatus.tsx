import { useEffect, useRef, useState } from 'react';
import { useLiveState } from '../lib/live';

/**
 * Says so, on screen and to screen readers (a polite live region, always in the page), while a page
 * that updates itself is not live; and, to screen readers, when it is live again.
 */
export function LiveStatus() {
  const state = useLiveState();
  const [back, setBack] = useState(false);
  const previous = useRef(state);
  useEffect(() => {
    if (previous.current === 'reconnecting' && state === 'live') setBack(true);
    else if (state !== 'live') setBack(false);
    previous.current = state;
  }, [state]);

  return (
    <div className="vigil-live-status" role="status" aria-live="polite">
      {state === 'reconnecting' && (
        <p className="govuk-body-s vigil-live-status__text">
          <strong className="govuk-tag govuk-tag--yellow">Reconnecting…</strong>{' '}
          <span>Live updates have stopped for a moment. What you see may be out of date until they are back.</span>
        </p>
      )}
      {back && <span className="govuk-visually-hidden">Live updates are back. What you see is up to date.</span>}
    </div>
  );
}
