import { useEffect, useRef, useState } from 'react';
import { useRouterState } from '@tanstack/react-router';

/**
 * After each in-app navigation, moves focus to the top of the page and reads out the new title, as a
 * full page load would: the next Tab reaches the skip link.
 */
export function RouteAnnouncer() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const first = useRef(true);
  const ref = useRef<HTMLParagraphElement>(null);
  const [text, setText] = useState('');

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Let the page set its title (and any focus of its own, such as an error summary) first.
    const timer = window.setTimeout(() => {
      setText(document.title);
      const active = document.activeElement;
      const pageTookFocus = active && active !== document.body && ref.current && !active.closest('header, .moj-primary-navigation, footer');
      if (!pageTookFocus) ref.current?.focus({ preventScroll: true });
    }, 50);
    return () => window.clearTimeout(timer);
  }, [pathname]);

  return (
    <p ref={ref} tabIndex={-1} className="govuk-visually-hidden vigil-route-focus" aria-live="polite">
      {text}
    </p>
  );
}
