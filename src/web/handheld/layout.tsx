import { useEffect, useRef, type ReactNode } from 'react';
import { useHandheld, type Screen } from './context';
import { pendingCount } from './outbox';

/**
 * A screen: the header with the sync state, a way back, and its h1 (focused when it opens). The back
 * link sits before <main>, as GOV.UK places it, so that main content starts with the screen's name.
 */
export function Page({ title, children, back = true }: { title: string; children: ReactNode; back?: boolean }) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => { document.title = `${title} – Vigil handheld`; h1.current?.focus(); }, [title]);
  const { go } = useHandheld();
  return (
    <>
      <Header />
      {back && <div className="hh-backbar"><a className="hh-back" href="/handheld/" onClick={(e) => { e.preventDefault(); go('home'); }}>Back to home</a></div>}
      <main id="main" className="hh-main">
        <h1 ref={h1} tabIndex={-1}>{title}</h1>
        {children}
      </main>
    </>
  );
}

export function Header() {
  const { records, online, sync, go, meta } = useHandheld();
  const n = pendingCount(records);
  return (
    <header className="hh-header">
      <a className="hh-skip" href="#main">Skip to main content</a>
      <div className="hh-header__row">
        <span className="hh-header__title">Vigil handheld</span>
        <span className="hh-header__who">{meta.displayName}</span>
      </div>
      <div className="hh-header__row">
        <span className={`hh-tag ${online ? 'hh-tag--green' : 'hh-tag--grey'}`}>{online ? 'Signal' : 'No signal'}</span>
        <a className="hh-header__queue" href="/handheld/queue" onClick={(e) => { e.preventDefault(); go('queue'); }}>
          {n === 0 ? 'All synced' : `${n} waiting to sync`}{sync.running ? ' (syncing…)' : ''}
        </a>
      </div>
    </header>
  );
}

export function NavLink({ to, children }: { to: Screen; children: ReactNode }) {
  const { go } = useHandheld();
  return <a className="hh-tile" href={`/handheld/${to}`} onClick={(e) => { e.preventDefault(); go(to); }}>{children}</a>;
}
