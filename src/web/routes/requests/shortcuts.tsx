import { useEffect, useRef } from 'react';
import { isTyping, readEnabled } from '../../components/KeyboardShortcuts';

// The requests pages' own single keys. Listened for before the app's shortcuts (so N here is "new
// request" or "add a note", not "new occurrence"), never while typing, with a modifier held or a
// dialog open, and off when the user turned single-key shortcuts off (WCAG 2.1.4).

export interface PageShortcut { key: string; description: string; run: () => void }

export function usePageShortcuts(shortcuts: readonly PageShortcut[]) {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]') || !readEnabled()) return;
      const match = current.current.find((s) => s.key === event.key);
      if (!match) return;
      event.preventDefault();
      match.run();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

/** Moves focus to a form's first field (the heading first scrolled into view), for a shortcut that opens a form. */
export function focusForm(headingId: string) {
  const heading = document.getElementById(headingId);
  const form = heading?.closest('form');
  const field = form?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea');
  heading?.scrollIntoView();
  (field ?? heading)?.focus({ preventScroll: true });
}

/** The page's keys, listed on screen. */
export function ShortcutList({ shortcuts, extra = [] }: { shortcuts: readonly Pick<PageShortcut, 'key' | 'description'>[]; extra?: readonly Pick<PageShortcut, 'key' | 'description'>[] }) {
  const all = [...shortcuts, ...extra];
  if (!all.length || !readEnabled()) return null;
  return (
    <details className="govuk-details govuk-!-margin-top-6">
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Keyboard shortcuts on this page</span></summary>
      <div className="govuk-details__text">
        <ul className="govuk-list">
          {all.map((s) => <li key={s.key}><kbd>{s.key}</kbd> {s.description}</li>)}
        </ul>
        <p className="govuk-body-s">They do nothing while you are typing in a field. Press <kbd>?</kbd> for every shortcut, or to turn single-key shortcuts off.</p>
      </div>
    </details>
  );
}
