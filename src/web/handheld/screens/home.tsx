import { useState } from 'react';
import { PatrolEndPayload, PatrolNotePayload, PatrolStartPayload, SYNC_KIND_LABELS, type FieldPoint } from '../../../domain/field/sync';
import { uuid } from '../crypto';
import { useHandheld } from '../context';
import { check, ErrorSummary, Panel, PhotoField, SelectField, TextArea, TextField, type Errors } from '../forms';
import { NavLink, Page } from '../layout';
import type { NewPhoto, QueuedRecord } from '../outbox';
import { formatLondon } from '../rules';

const herePoint = () => new Promise<FieldPoint | null>((resolve) => {
  if (!('geolocation' in navigator)) return resolve(null);
  navigator.geolocation.getCurrentPosition((p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy) }), () => resolve(null), { timeout: 10_000, maximumAge: 60_000 });
});

/** "HH:MM" today (or tomorrow, if already past) as an instant. */
function timeToday(hhmm: string): string | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const d = new Date();
  d.setHours(Number(m[1]), Number(m[2]), 0, 0);
  if (d.getTime() < Date.now()) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

export function HomeScreen() {
  const { patrol, meta, signOut, records } = useHandheld();
  const [confirmOut, setConfirmOut] = useState(false);
  const waiting = records.filter((r) => r.status === 'pending').length;
  return (
    <Page title="Home" back={false}>
      {patrol ? <PatrolRunning /> : <StartPatrol />}
      <h2>Record</h2>
      <ul className="hh-tiles">
        <li><NavLink to="pcn">Penalty charge notice (parking)</NavLink></li>
        <li><NavLink to="fpn">Fixed penalty notice</NavLink></li>
        <li><NavLink to="notebook">Notebook</NavLink></li>
        <li><NavLink to="defect">Defect on council land</NavLink></li>
        <li><NavLink to="asb">Anti-social behaviour</NavLink></li>
        <li><NavLink to="carpark">Car-park machine inspection</NavLink></li>
        <li><NavLink to="queue">Waiting to sync and sent</NavLink></li>
      </ul>
      <h2>This phone</h2>
      <p>Signed in as {meta.displayName}. Device: {meta.name}.</p>
      {!confirmOut ? (
        <button type="button" className="hh-button hh-button--secondary" onClick={() => setConfirmOut(true)}>Sign out</button>
      ) : (
        <div className="hh-warning" role="alert">
          <p><strong>Signing out wipes everything on this phone{waiting ? `, including ${waiting} not yet synced` : ''}.</strong></p>
          <button type="button" className="hh-button hh-button--warning" onClick={() => void signOut()}>Sign out and wipe this phone</button>
          <button type="button" className="hh-button hh-button--secondary" onClick={() => setConfirmOut(false)}>Cancel</button>
        </div>
      )}
    </Page>
  );
}

function StartPatrol() {
  const { reference, save, setPatrol } = useHandheld();
  const [f, setF] = useState({ beat: '', task: '', parishContractId: '', expectedEnd: '', checkInMinutes: '30' });
  const [errors, setErrors] = useState<Errors>({});
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const start = async (e: React.FormEvent) => {
    e.preventDefault();
    const expectedEndAt = timeToday(f.expectedEnd);
    const payload = { patrolId: uuid(), beat: f.beat, task: f.task, parishContractId: f.parishContractId || null, startedAt: new Date().toISOString(), expectedEndAt: expectedEndAt ?? '', checkInMinutes: Number(f.checkInMinutes) || 0 };
    const r = check(PatrolStartPayload, payload);
    if (!r.ok) { setErrors({ ...r.errors, ...(expectedEndAt ? {} : { expectedEndAt: 'Enter the expected end as a time, such as 17:30' }) }); return; }
    setErrors({});
    await save('patrol.start', r.data);
    await setPatrol({ patrolId: payload.patrolId, beat: r.data.beat, task: r.data.task, parishContractId: payload.parishContractId, startedAt: payload.startedAt, expectedEndAt: expectedEndAt!, checkInMinutes: payload.checkInMinutes, lastCheckInAt: null });
  };
  return (
    <section aria-labelledby="patrol-title">
      <h2 id="patrol-title">Start a patrol</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={start} noValidate>
        <TextField path="beat" label="Beat" value={f.beat} onChange={set('beat')} error={errors.beat} />
        <TextField path="task" label="Task" value={f.task} onChange={set('task')} error={errors.task} />
        <SelectField path="parishContractId" label="Parish or town council contract (optional)" value={f.parishContractId} onChange={set('parishContractId')} placeholder="Not contracted work"
          options={(reference?.reports.parishContracts ?? []).map((c) => ({ value: c.id, label: c.name }))} error={errors.parishContractId} />
        <TextField path="expectedEndAt" label="Expected end" hint="A time, such as 17:30" inputMode="numeric" value={f.expectedEnd} onChange={set('expectedEnd')} error={errors.expectedEndAt} />
        <TextField path="checkInMinutes" label="Check in every (minutes)" inputMode="numeric" value={f.checkInMinutes} onChange={set('checkInMinutes')} error={errors.checkInMinutes} />
        <button className="hh-button" type="submit">Start the patrol</button>
      </form>
    </section>
  );
}

function PatrolRunning() {
  const { patrol, save, setPatrol } = useHandheld();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<NewPhoto[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<string | null>(null);
  const [endNote, setEndNote] = useState('');
  if (!patrol) return null;
  const nextDue = new Date(new Date(patrol.lastCheckInAt ?? patrol.startedAt).getTime() + patrol.checkInMinutes * 60_000).toISOString();
  const checkIn = async () => {
    const at = new Date().toISOString();
    await save('patrol.check_in', { patrolId: patrol.patrolId, at, point: await herePoint() });
    await setPatrol({ ...patrol, lastCheckInAt: at });
    setDone('Checked in');
  };
  const addNote = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = check(PatrolNotePayload, { patrolId: patrol.patrolId, at: new Date().toISOString(), text: note, point: await herePoint(), photoIds: photos.map((p) => p.id) });
    if (!r.ok) { setErrors(r.errors); return; }
    setErrors({});
    await save('patrol.note', r.data, photos);
    setNote(''); setPhotos([]); setDone('Note saved');
  };
  const end = async () => {
    const r = check(PatrolEndPayload, { patrolId: patrol.patrolId, at: new Date().toISOString(), note: endNote });
    if (!r.ok) { setErrors(r.errors); return; }
    await save('patrol.end', r.data);
    await setPatrol(null);
  };
  return (
    <section aria-labelledby="patrol-title">
      <h2 id="patrol-title">On patrol: {patrol.beat}</h2>
      {done && <Panel title={done}><p>Saved on this phone.</p></Panel>}
      <dl className="hh-summary">
        <div><dt>Task</dt><dd>{patrol.task}</dd></div>
        <div><dt>Started</dt><dd>{formatLondon(patrol.startedAt)}</dd></div>
        <div><dt>Expected end</dt><dd>{formatLondon(patrol.expectedEndAt)}</dd></div>
        <div><dt>Next check-in due</dt><dd>{formatLondon(nextDue)}</dd></div>
      </dl>
      <button type="button" className="hh-button" onClick={() => void checkIn()}>Check in</button>
      <h3>Patrol note</h3>
      <ErrorSummary errors={errors} />
      <form onSubmit={addNote} noValidate>
        <TextArea path="text" label="Note" value={note} onChange={setNote} error={errors.text} />
        <PhotoField photos={photos} onChange={setPhotos} error={errors.photoIds} />
        <button className="hh-button hh-button--secondary" type="submit">Save the note</button>
      </form>
      <h3>End the patrol</h3>
      <TextArea path="endNote" label="Closing note (optional)" rows={2} value={endNote} onChange={setEndNote} error={errors.note} />
      <button type="button" className="hh-button hh-button--warning" onClick={() => void end()}>End the patrol</button>
    </section>
  );
}

const describe = (q: QueuedRecord) => {
  const p = q.record.payload as Record<string, unknown>;
  const what = SYNC_KIND_LABELS[q.record.kind];
  const detail = typeof p.number === 'string' ? p.number : (p.vehicle as { vrm?: string } | undefined)?.vrm ?? (p.offender as { name?: string } | undefined)?.name ?? (typeof p.place === 'string' && p.place) ?? '';
  return detail ? `${what}: ${detail}` : what;
};

export function QueueScreen() {
  const { records, sync, syncNow, online, go } = useHandheld();
  const waiting = records.filter((r) => r.status === 'pending');
  const rejected = records.filter((r) => r.status === 'rejected');
  const sent = records.filter((r) => r.status === 'accepted').reverse().slice(0, 50);
  return (
    <Page title="Sync">
      <p className="hh-lede" role="status">{waiting.length === 0 ? 'Nothing waiting to sync.' : `${waiting.length} waiting to sync`}</p>
      {sync.message && <p className="hh-inset">{sync.message}</p>}
      {sync.lastSyncedAt && <p>Last synced {formatLondon(sync.lastSyncedAt)}.</p>}
      <button type="button" className="hh-button" onClick={syncNow} disabled={sync.running || !online}>{sync.running ? 'Syncing…' : sync.needsSignIn ? 'Sign in to sync' : 'Sync now'}</button>
      {!online && <p className="hh-hint">No signal: it will sync when there is.</p>}
      <h2>Waiting</h2>
      {waiting.length ? <ul className="hh-list">{waiting.map((q) => <li key={q.record.id}>{describe(q)} <span className="hh-hint">saved {formatLondon(q.record.createdAt)}</span></li>)}</ul> : <p>None.</p>}
      {rejected.length > 0 && (<>
        <h2>Not accepted</h2>
        <ul className="hh-list">{rejected.map((q) => (
          <li key={q.record.id} className="hh-rejected">{describe(q)}
            <ul>{q.problems.map((p, i) => <li key={i}>{p.path ? `${p.path}: ` : ''}{p.message}</li>)}</ul>
          </li>))}</ul>
      </>)}
      <h2>Sent</h2>
      {sent.length ? <ul className="hh-list">{sent.map((q) => (
        <li key={q.record.id}>{describe(q)}{q.reference && q.reference !== (q.record.payload as { number?: string }).number ? ` (${q.reference})` : ''}
          {(q.record.kind === 'pcn.issue' || q.record.kind === 'fpn.issue') && <> – <a href={`/handheld/notice/${q.record.id}`} onClick={(e) => { e.preventDefault(); go(`notice/${q.record.id}`); }}>show the notice<span className="hh-visually-hidden"> {describe(q)}</span></a></>}
        </li>))}</ul> : <p>None yet.</p>}
    </Page>
  );
}
