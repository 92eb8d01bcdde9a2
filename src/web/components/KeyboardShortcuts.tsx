import { useEffect, useRef, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { can } from '../api/auth';
import type { Session } from '../api/types';
import { Button } from './fields';

const STORAGE_KEY = 'vigil.shortcuts';

interface Shortcut {
  keys: string[];
  description: string;
  to?: '/' | '/admin/users' | '/audit' | '/account' | '/occurrences' | '/occurrences/new' | '/evidence';
  permission?: string;
}

const SHORTCUTS: Shortcut[] = [
  { keys: ['g', 'h'], description: 'Go to home', to: '/' },
  { keys: ['g', 'u'], description: 'Go to users', to: '/admin/users', permission: 'users.manage' },
  { keys: ['g', 'a'], description: 'Go to audit', to: '/audit', permission: 'audit.read' },
  { keys: ['g', 'm'], description: 'Go to my account', to: '/account' },
  { keys: ['g', 'o'], description: 'Go to occurrences', to: '/occurrences', permission: 'occurrences.read' },
  { keys: ['n'], description: 'Open a new occurrence', to: '/occurrences/new', permission: 'occurrences.write' },
  { keys: ['e'], description: 'Add an entry (on an occurrence)', permission: 'occurrences.write' },
  { keys: ['g', 'e'], description: 'Go to exhibits', to: '/evidence', permission: 'evidence.read' },
  { keys: ['k'], description: 'Play or pause (on an exhibit’s player)', permission: 'evidence.read' },
  { keys: [','], description: 'One frame back (on an exhibit’s player)', permission: 'evidence.read' },
  { keys: ['.'], description: 'One frame forward (on an exhibit’s player)', permission: 'evidence.read' },
  // The daily checks' own keys: the page listens for them first (its N is not "new occurrence").
  { keys: ['p'], description: 'Pass the item (on the daily checks)', permission: 'occurrences.write' },
  { keys: ['f'], description: 'Fail the item, then say what is wrong (on the daily checks)', permission: 'occurrences.write' },
  { keys: ['n'], description: 'Not applicable (on the daily checks)', permission: 'occurrences.write' },
  { keys: ['b'], description: 'Back one step (on the daily checks)', permission: 'occurrences.write' },
  { keys: ['/'], description: 'Search or filter the list on this page' },
  { keys: ['?'], description: 'Show keyboard shortcuts' },
];

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || !!target.closest('input, textarea, select, [contenteditable="true"]');
}

export function readEnabled(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

/**
 * Single-key shortcuts (WCAG 2.1.4 allows them when they can be turned off, as here). They never fire
 * while focus is in a form field or with a modifier key held.
 */
export function useKeyboardShortcuts({ session, open }: { session: Session | null | undefined; open: () => void }) {
  const navigate = useNavigate();
  useEffect(() => {
    let pending: { key: string; at: number } | undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]') || !readEnabled()) return;
      if (event.key === '?') {
        event.preventDefault();
        open();
        return;
      }
      if (session?.stage !== 'active') return;
      if (event.key === '/') {
        const search = document.querySelector<HTMLElement>('[data-search]');
        if (search) {
          event.preventDefault();
          search.focus();
        }
        return;
      }
      // Single keys: one with a page to go to, or one for the control on this page marked data-shortcut
      // with its key: a field takes focus (`e`), a button is pressed (the player's `k`, `,` and `.`).
      const single = !pending || Date.now() - pending.at >= 1500 ? SHORTCUTS.find((s) => s.keys.length === 1 && s.keys[0] === event.key && /^[a-z,.]$/.test(event.key)) : undefined;
      if (single && (!single.permission || can(session, single.permission))) {
        const control = single.to ? null : document.querySelector<HTMLElement>(`[data-shortcut="${CSS.escape(single.keys[0])}"]`);
        if (single.to) {
          event.preventDefault();
          void navigate({ to: single.to });
        } else if (control instanceof HTMLButtonElement) {
          event.preventDefault();
          if (!control.disabled) control.click();
        } else if (control) {
          event.preventDefault();
          control.focus();
        }
        return;
      }
      if (pending && Date.now() - pending.at < 1500) {
        const match = SHORTCUTS.find((s) => s.keys.length === 2 && s.keys[0] === pending!.key && s.keys[1] === event.key);
        pending = undefined;
        if (match?.to && (!match.permission || can(session, match.permission))) {
          event.preventDefault();
          void navigate({ to: match.to });
        }
        return;
      }
      if (event.key === 'g') pending = { key: 'g', at: Date.now() };
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [session, open, navigate]);
}

export function KeyboardShortcutsDialog({ isOpen, onClose, session }: { isOpen: boolean; onClose: () => void; session: Session | null | undefined }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [enabled, setEnabled] = useState(readEnabled);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  const toggle = (on: boolean) => {
    setEnabled(on);
    try {
      localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
  };

  const shown = SHORTCUTS.filter((s) => !s.permission || can(session, s.permission));
  return (
    <dialog ref={ref} className="vigil-dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 className="govuk-heading-m" id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Keyboard shortcuts</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Keys</th>
            <th scope="col" className="govuk-table__header">What they do</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {shown.map((s) => (
            <tr className="govuk-table__row" key={s.description}>
              <td className="govuk-table__cell vigil-nowrap">
                {s.keys.map((k, i) => (
                  <span key={i}>{i > 0 && ' then '}<kbd>{k}</kbd></span>
                ))}
              </td>
              <td className="govuk-table__cell">{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="govuk-body">Shortcuts do nothing while you are typing in a form field.</p>
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id="shortcuts-enabled" type="checkbox" checked={enabled} onChange={(e) => toggle(e.target.checked)} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="shortcuts-enabled">Use single-key shortcuts</label>
          </div>
        </div>
      </div>
      <Button type="button" variant="secondary" onClick={onClose}>Close</Button>
    </dialog>
  );
}
