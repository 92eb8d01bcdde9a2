import { useCallback, useEffect, useRef, useState } from 'react';
import type { PatrolTrailPayload, SyncKind } from '../../domain/field/sync';
import * as api from './api';
import { uuid } from './crypto';
import { blocks, deviceMeta, noteSession, readSecret, saveBlocks, setUpDevice, topUpBlocks, unlock, wipeDevice, writeSecret, type DeviceMeta } from './device';
import { HandheldContext, type ActivePatrol, type Handheld, type Screen, type SyncState } from './context';
import { ErrorSummary, TextField, type Errors } from './forms';
import { idbStore } from './idbStore';
import type { DeviceStore, QueuedRecord } from './outbox';
import { allocate } from './pcnBlock';
import { trailDue } from './rules';
import { syncOnce } from './sync';
import { HomeScreen, QueueScreen } from './screens/home';
import { PcnScreen } from './screens/pcn';
import { FpnScreen } from './screens/fpn';
import { NoticeScreen } from './screens/notice';
import { NotebookScreen } from './screens/notebook';
import { AsbScreen, CarparkScreen, DefectScreen } from './screens/reports';

interface Unlocked { key: CryptoKey; meta: DeviceMeta }

const screenFromPath = (): Screen => {
  const rest = location.pathname.replace(/^\/handheld\/?/, '').replace(/\/$/, '');
  return (rest || 'home') as Screen;
};
const REFERENCE_MAX_AGE = 60 * 60_000;

export function App() {
  const [state, setState] = useState<{ stage: 'loading' } | { stage: 'sign-in'; username?: string; message?: string } | { stage: 'unlock'; meta: DeviceMeta } | { stage: 'ready'; unlocked: Unlocked }>({ stage: 'loading' });

  useEffect(() => {
    (async () => {
      const meta = await deviceMeta();
      setState(meta ? { stage: 'unlock', meta } : { stage: 'sign-in' });
    })().catch(() => setState({ stage: 'sign-in' }));
  }, []);

  if (state.stage === 'loading') return <main id="main" className="hh-main"><p role="status">Opening…</p></main>;
  if (state.stage === 'sign-in') return <SignIn username={state.username} message={state.message} onDone={(u) => setState({ stage: 'ready', unlocked: u })} />;
  if (state.stage === 'unlock') return <Unlock meta={state.meta} onDone={(u) => setState({ stage: 'ready', unlocked: u })} onSignIn={(message) => setState({ stage: 'sign-in', username: state.meta.username, message })} />;
  return <Ready unlocked={state.unlocked} onSignedOut={() => setState({ stage: 'sign-in' })} onSignInAgain={() => setState({ stage: 'sign-in', username: state.unlocked.meta.username, message: 'Sign in again to sync. What is waiting stays on this device.' })} />;
}

async function cacheReference(key: CryptoKey) {
  const ref = await api.reference();
  await writeSecret(key, 'reference', ref);
  return ref;
}

function SignIn({ username: initial, message, onDone }: { username?: string; message?: string; onDone: (u: Unlocked) => void }) {
  const [username, setUsername] = useState(initial ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needCode, setNeedCode] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => { document.title = 'Sign in – Vigil handheld'; h1.current?.focus(); }, []);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const errs: Errors = {};
    if (!username.trim()) errs.username = 'Enter your username';
    if (!password) errs.password = 'Enter your password';
    if (needCode && !code.trim()) errs.code = 'Enter the code from your authenticator app';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    if (!navigator.onLine) { setErrors({ password: 'You need signal to sign in on this device for the first time' }); return; }
    setBusy(true);
    try {
      let session = await api.getSession();
      if (session && session.user.username === username.trim() && session.stage === 'active') session = await api.reauthenticate(password, needCode ? code.trim() : undefined);
      else if (!needCode) session = await api.signIn(username.trim(), password);
      if (session?.stage === 'mfa') {
        if (!needCode) { setNeedCode(true); setBusy(false); return; }
        session = await api.verifyMfa(code.trim());
      }
      if (!session || session.stage !== 'active') {
        setErrors({ username: 'Finish signing in on the office app first (a new password or two-factor set-up), then come back' });
        return;
      }
      const unlocked = await setUpDevice(session, password);
      await cacheReference(unlocked.key).catch(() => undefined);
      onDone(unlocked);
    } catch (err) {
      if (err instanceof api.OfflineError) setErrors({ password: 'No signal: try again when you have signal' });
      else if (err instanceof api.ApiProblem && err.status === 401) setErrors(needCode ? { code: 'The code is not right' } : { password: 'The username or password is not right' });
      else setErrors({ username: err instanceof Error ? err.message : 'Signing in failed' });
    } finally { setBusy(false); }
  };
  return (
    <main id="main" className="hh-main">
      <h1 ref={h1} tabIndex={-1}>Sign in to the handheld</h1>
      {message && <p className="hh-inset">{message}</p>}
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <TextField path="username" label="Username" value={username} onChange={setUsername} autoComplete="username" autoCapitalize="none" spellCheck={false} error={errors.username} />
        <TextField path="password" label="Password" type="password" value={password} onChange={setPassword} autoComplete="current-password" error={errors.password}
          hint="Your password also protects what is kept on this phone, so you can sign in again without signal." />
        {needCode && <TextField path="code" label="Code from your authenticator app" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={setCode} error={errors.code} />}
        <button className="hh-button" type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}

function Unlock({ meta, onDone, onSignIn }: { meta: DeviceMeta; onDone: (u: Unlocked) => void; onSignIn: (message: string) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => { document.title = 'Unlock – Vigil handheld'; h1.current?.focus(); }, []);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!password) { setError('Enter your password'); return; }
    setBusy(true);
    try {
      const r = await unlock(password);
      if ('error' in r) {
        if (navigator.onLine && r.error !== 'The password is not right') onSignIn(r.error);
        else setError(r.error);
        return;
      }
      onDone(r);
      // With signal, a session that has gone is started again with the same password (so sync can go on).
      if (navigator.onLine) {
        const session = await api.getSession().catch(() => undefined);
        if (session === null) await api.signIn(meta.username, password).then(async (s) => { if (s.stage === 'active') await noteSession(s); }).catch(() => undefined);
        else if (session) await noteSession(session);
      }
    } finally { setBusy(false); }
  };
  return (
    <main id="main" className="hh-main">
      <h1 ref={h1} tabIndex={-1}>Unlock the handheld</h1>
      <p>Signed in as {meta.displayName} ({meta.username}).</p>
      <ErrorSummary errors={error ? { password: error } : {}} />
      <form onSubmit={submit} noValidate>
        <TextField path="password" label="Password" type="password" value={password} onChange={setPassword} autoComplete="current-password" error={error} />
        <button className="hh-button" type="submit" disabled={busy}>{busy ? 'Unlocking…' : 'Unlock'}</button>
      </form>
      <p><button type="button" className="hh-link-button" onClick={() => onSignIn('Sign in as someone else: this phone’s data will be wiped when they do.')}>Not you? Sign in as someone else</button></p>
    </main>
  );
}

function isRefusal(err: unknown) {
  if (err instanceof api.ApiProblem && err.status >= 400 && err.status < 500 && ![401, 403, 408, 429].includes(err.status)) return { message: err.message };
  return undefined;
}

function Ready({ unlocked, onSignedOut, onSignInAgain }: { unlocked: Unlocked; onSignedOut: () => void; onSignInAgain: () => void }) {
  const { key, meta } = unlocked;
  const store = useRef<DeviceStore>(idbStore(key)).current;
  const [records, setRecords] = useState<QueuedRecord[]>([]);
  const [reference, setReference] = useState<api.Reference | null>(null);
  const [patrol, setPatrolState] = useState<ActivePatrol | null>(null);
  const [online, setOnline] = useState(navigator.onLine);
  const [sync, setSync] = useState<SyncState>({ running: false, message: null, needsSignIn: false, lastSyncedAt: null });
  const [screen, setScreen] = useState<Screen>(screenFromPath);
  const running = useRef(false);

  const refresh = useCallback(async () => setRecords(await store.records()), [store]);

  const runSync = useCallback(async () => {
    if (running.current || !navigator.onLine) return;
    running.current = true;
    setSync((s) => ({ ...s, running: true }));
    try {
      const session = await api.getSession();
      if (!session || session.stage !== 'active' || session.user.id !== meta.userId) { setSync((s) => ({ ...s, running: false, needsSignIn: true, message: 'Sign in again to sync. What is waiting stays on this device.' })); return; }
      await noteSession(session);
      const out = await syncOnce(store, {
        putPhoto: (id, bytes, type) => api.putPhoto(meta.id, id, bytes, type),
        sync: (recs, queued) => api.sync(meta.id, recs, queued),
      }, isRefusal);
      await topUpBlocks(meta.id).catch(() => undefined);
      if (!reference || Date.now() - new Date(reference.fetchedAt).getTime() > REFERENCE_MAX_AGE) setReference(await cacheReference(key).catch(() => reference));
      if (out.waiting === 0) await api.reportStatus(meta.id, 0).catch(() => undefined);
      setSync({ running: false, needsSignIn: false, lastSyncedAt: new Date().toISOString(), message: out.rejected ? `${out.rejected} could not be accepted: see what to fix` : null });
    } catch (err) {
      const message = err instanceof api.OfflineError ? 'No answer from the server: it will try again.' : err instanceof Error ? err.message : 'Sync failed: it will try again.';
      setSync((s) => ({ ...s, running: false, message, needsSignIn: err instanceof api.ApiProblem && err.status === 401 }));
    } finally {
      running.current = false;
      await refresh();
    }
  }, [store, meta, key, reference, refresh]);

  useEffect(() => {
    (async () => {
      setReference((await readSecret<api.Reference>(key, 'reference')) ?? null);
      setPatrolState((await readSecret<ActivePatrol | null>(key, 'patrol')) ?? null);
      await refresh();
      void runSync();
    })();
    const up = () => { setOnline(true); void runSync(); };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = setInterval(() => void runSync(), 30_000);
    const pop = () => setScreen(screenFromPath());
    window.addEventListener('popstate', pop);
    return () => { window.removeEventListener('online', up); window.removeEventListener('offline', down); clearInterval(timer); window.removeEventListener('popstate', pop); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = useCallback(async (kind: SyncKind, payload: Record<string, unknown>, photos = []) => {
    const q = await store.add({ id: uuid(), kind, createdAt: new Date().toISOString(), payload }, photos);
    await refresh();
    void runSync();
    return q;
  }, [store, refresh, runSync]);

  const setPatrol = useCallback(async (p: ActivePatrol | null) => { await writeSecret(key, 'patrol', p); setPatrolState(p); }, [key]);

  // The GPS trail while a patrol runs: points kept (sealed) on the device, a record every minute or 20 points.
  useEffect(() => {
    if (!patrol || !('geolocation' in navigator)) return;
    let points: PatrolTrailPayload['points'] = [];
    let stopped = false;
    void readSecret<typeof points>(key, 'trail').then((p) => { if (p && !stopped) points = [...p, ...points]; });
    const flush = async (force = false) => {
      if (!points.length || (!force && !trailDue(points.map((p) => ({ at: String(p.at) })), new Date()))) return;
      const batch = points;
      points = [];
      await save('patrol.trail', { patrolId: patrol.patrolId, points: batch });
      await writeSecret(key, 'trail', points);
    };
    const watch = navigator.geolocation.watchPosition((pos) => {
      points.push({ lat: pos.coords.latitude, lon: pos.coords.longitude, accuracyM: Math.round(pos.coords.accuracy), at: new Date(pos.timestamp) });
      void writeSecret(key, 'trail', points).then(() => flush());
    }, () => undefined, { enableHighAccuracy: true, maximumAge: 10_000 });
    const timer = setInterval(() => void flush(), 15_000);
    return () => { stopped = true; navigator.geolocation.clearWatch(watch); clearInterval(timer); void flush(true); };
  }, [patrol?.patrolId]);

  const ctx: Handheld = {
    meta, reference, records, online, patrol, sync, save, setPatrol,
    async nextPcnNumber() {
      const { number, state } = allocate(await blocks());
      await saveBlocks(state);
      return number;
    },
    syncNow: () => { if (sync.needsSignIn) onSignInAgain(); else void runSync(); },
    go(s) { history.pushState(null, '', s === 'home' ? '/handheld/' : `/handheld/${s}`); setScreen(s); window.scrollTo(0, 0); },
    async signOut() {
      if (navigator.onLine) await api.signOut().catch(() => undefined);
      await wipeDevice();
      api.setCsrfToken(undefined);
      history.replaceState(null, '', '/handheld/');
      onSignedOut();
    },
    signInAgain: onSignInAgain,
  };

  let body;
  if (screen.startsWith('notice/')) body = <NoticeScreen id={screen.slice('notice/'.length)} />;
  else switch (screen) {
    case 'pcn': body = <PcnScreen />; break;
    case 'fpn': body = <FpnScreen />; break;
    case 'notebook': body = <NotebookScreen />; break;
    case 'defect': body = <DefectScreen />; break;
    case 'asb': body = <AsbScreen />; break;
    case 'carpark': body = <CarparkScreen />; break;
    case 'queue': body = <QueueScreen />; break;
    default: body = <HomeScreen />;
  }
  return <HandheldContext.Provider value={ctx}>{body}</HandheldContext.Provider>;
}
