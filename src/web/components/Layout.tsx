import { useCallback, useState } from 'react';
import { Outlet } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { metaQuery } from '../api/auth';
import { useSession } from '../lib/session';
import { Footer } from './Footer';
import { HandoverBanner } from './HandoverBanner';
import { IntegrityBanner } from './IntegrityBanner';
import { Header } from './Header';
import { KeyboardShortcutsDialog, useKeyboardShortcuts } from './KeyboardShortcuts';
import { LiveStatus } from './LiveStatus';
import { PrimaryNav } from './PrimaryNav';
import { RouteAnnouncer } from './RouteAnnouncer';
import { SessionTimeout } from './SessionTimeout';

function skipToMain(event: React.MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main-content');
  if (!main) return;
  event.preventDefault();
  main.setAttribute('tabindex', '-1');
  main.focus();
  main.addEventListener('blur', () => main.removeAttribute('tabindex'), { once: true });
}

export function Layout() {
  const session = useSession();
  const { data: meta } = useQuery(metaQuery);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const openShortcuts = useCallback(() => setShortcutsOpen(true), []);
  useKeyboardShortcuts({ session, open: openShortcuts });

  return (
    <>
      <RouteAnnouncer />
      <a href="#main-content" className="govuk-skip-link" onClick={skipToMain}>Skip to main content</a>
      <Header />
      {session?.stage === 'active' && <PrimaryNav />}
      <div className="govuk-width-container">
        {meta?.demo && (
          <div className="govuk-phase-banner">
            <p className="govuk-phase-banner__content">
              <strong className="govuk-tag govuk-phase-banner__content__tag">Demo</strong>
              <span className="govuk-phase-banner__text">This is a demonstration system. Its people and records are made up.</span>
            </p>
          </div>
        )}
        <LiveStatus />
        <main className="govuk-main-wrapper" id="main-content">
          {session && <HandoverBanner session={session} />}
          {session && <IntegrityBanner session={session} />}
          <Outlet />
        </main>
      </div>
      <Footer onShowShortcuts={openShortcuts} />
      <KeyboardShortcutsDialog isOpen={shortcutsOpen} onClose={() => setShortcutsOpen(false)} session={session} />
      {session && <SessionTimeout session={session} />}
    </>
  );
}
