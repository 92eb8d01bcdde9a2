import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTitle } from '../../../components/useTitle';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Confirm } from '../../../components/Confirm';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useWriteForm } from '../../../lib/useWriteForm';
import { useSession } from '../../../lib/session';
import { can } from '../../../api/auth';
import { fieldErrors } from '../../../lib/errors';
import { formatDateTime, formatTime, londonDayAfter, londonDayStart, parseUkDate } from '../../../../domain/calendar/london';
import { LONE_WORKING_STATUSES, type OohLoneWorkerSummary } from '../../../../domain/ooh/contract';
import { focusForm, usePageShortcuts } from '../../requests/shortcuts';
import { OohNav } from '../OohNav';
import { boardQuery, endedCsvHref, endedQuery, officerCheckIn, startSession } from './api';
import { countdownLabel, newlyOverdue, useServerNow } from './clock';
import { SessionFields, emptySession, flatPaths, sessionBody, sessionProblems, type SessionValues } from './fields';

/**
 * The out-of-hours officer's lone-worker board: every session out with its countdown (from the
 * server's time, ticking each second, the list fetched every 5 s), the overdue and escalating ones
 * first and loud, a newly overdue one announced; a check-in on the worker's behalf; a form to start
 * a session for a caller; the ended sessions below. Keys: s, j, k, c, Enter.
 */
export function BoardPage() {
  useTitle('Lone workers');
  const session = useSession();
  const board = useQuery(boardQuery);
  const now = useServerNow(board.data?.at, board.dataUpdatedAt);
  const items = useMemo(() => board.data?.items ?? [], [board.data]);
  const [selected, setSelected] = useState(0);
  const [confirming, setConfirming] = useState<OohLoneWorkerSummary>();
  const announcement = useAnnouncement(items);
  const checkIn = useWriteForm({ scope: 'ooh-lone-board', prefix: 'checkin', fields: ['note'], fallbackField: 'note', refresh: [['ooh', 'lone-workers']] });

  const select = (i: number) => {
    if (!items.length) return;
    const next = Math.max(0, Math.min(items.length - 1, i));
    setSelected(next);
    document.getElementById(`lw-open-${items[next]!.id}`)?.focus();
  };
  const shortcuts = [
    { key: 's', description: 'Start a session for someone', run: () => focusForm('start-heading') },
    { key: 'j', description: 'Select the next session', run: () => select(selected + 1) },
    { key: 'k', description: 'Select the previous session', run: () => select(selected - 1) },
    { key: 'c', description: 'Check in the selected session on the worker’s behalf (asks first)', run: () => items[selected] && setConfirming(items[selected]) },
  ];
  usePageShortcuts(shortcuts);
  const confirm = async () => {
    const s = confirming!;
    if (await checkIn.run(() => officerCheckIn(s.id, 'Checked in by the officer from the board after a call'), `Check-in recorded for ${s.workerName}`)) setConfirming(undefined);
  };

  return (
    <>
      <h1 className="govuk-heading-l">Lone workers</h1>
      <OohNav />
      <div aria-live="assertive" aria-atomic="true">{announcement && <p className="govuk-body govuk-!-font-weight-bold">{announcement}</p>}</div>
      {can(session, 'ooh.manage') && <p className="govuk-body"><Link className="govuk-link" to={'/ooh/lone-workers/settings' as never}>Set the escalation ladder</Link></p>}
      <p className="govuk-body-s" id="lw-keys">
        Keys: <kbd>s</kbd> start a session, <kbd>j</kbd>/<kbd>k</kbd> next and previous session, <kbd>c</kbd> check in the selected one, <kbd>Enter</kbd> open it.
      </p>
      {board.isError && <p className="govuk-body">The board could not be loaded. {board.error.message}</p>}
      {checkIn.done && <p className="govuk-body" role="status">{checkIn.done}</p>}
      {confirming && (
        <Confirm heading={`Record a check-in for ${confirming.workerName}?`} confirmLabel="Record the check-in" busy={checkIn.busy}
          onConfirm={() => void confirm()} onCancel={() => { setConfirming(undefined); select(selected); }}>
          <ErrorSummary errors={checkIn.errors} />
          <p className="govuk-body">Only after you have spoken to them and they are safe. Their next check-in will be due {confirming.intervalMinutes} minutes from now.</p>
        </Confirm>
      )}
      {board.data && (
        items.length === 0 ? <p className="govuk-body">Nobody is lone working now.</p> : (
          <table className="govuk-table" aria-describedby="lw-keys">
            <caption className="govuk-table__caption govuk-table__caption--m">{items.length} out now{items.some((i) => i.overdue) ? `, ${items.filter((i) => i.overdue).length} overdue` : ''}</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              {['Session', 'Worker', 'Where and what', 'Status', 'Next check-in', ''].map((h, i) => <th key={i} scope="col" className="govuk-table__header">{h || <span className="govuk-visually-hidden">Actions</span>}</th>)}
            </tr></thead>
            <tbody className="govuk-table__body">
              {items.map((s, i) => (
                <tr className="govuk-table__row" key={s.id} aria-current={i === selected ? 'true' : undefined} style={rowStyle(s.overdue, i === selected)}>
                  <td className="govuk-table__cell">
                    <Link id={`lw-open-${s.id}`} className="govuk-link" to={'/ooh/lone-workers/$id' as never} params={{ id: s.id } as never} onFocus={() => setSelected(i)}>{s.reference}</Link>
                    {i === selected && <span className="govuk-visually-hidden"> (selected)</span>}
                  </td>
                  <td className="govuk-table__cell">{s.workerName}{s.workerOrganisation && <>, {s.workerOrganisation}</>}<br /><span className="govuk-body-s">{s.workerPhone}</span></td>
                  <td className="govuk-table__cell">{s.location}<br /><span className="govuk-body-s">{s.task}</span></td>
                  <td className="govuk-table__cell"><StatusCell s={s} /></td>
                  <td className="govuk-table__cell">
                    <strong>{countdownLabel(s.deadlineAt, now)}</strong>
                    {s.nextDueAt && <><br /><span className="govuk-body-s">due {formatTime(s.nextDueAt)}</span></>}
                  </td>
                  <td className="govuk-table__cell">
                    <Button type="button" variant="secondary" className="govuk-!-margin-bottom-0" onClick={() => { setSelected(i); setConfirming(s); }}>
                      Check in<span className="govuk-visually-hidden"> {s.workerName} on their behalf</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
      <StartForm />
      <EndedSessions />
    </>
  );
}

/** Overdue rows tinted red with a red edge; the selected row outlined (GOV.UK red and focus colours). */
const rowStyle = (overdue: boolean, selected: boolean): React.CSSProperties => ({
  ...(overdue ? { background: '#f6d7d2', boxShadow: 'inset 6px 0 0 #d4351c' } : {}),
  ...(selected ? { outline: '3px solid #1d70b8', outlineOffset: '-3px' } : {}),
});

function StatusCell({ s }: { s: OohLoneWorkerSummary }) {
  if (s.duress) return <><strong className="govuk-tag govuk-tag--red">DURESS</strong><br /><strong>Now: {s.currentStep?.label ?? 'Call the police'}</strong></>;
  if (s.status === 'escalating') return <><strong className="govuk-tag govuk-tag--red">Missed check-in</strong><br /><strong>Now: {s.currentStep?.label}</strong>{s.currentStep?.acknowledgement && <span className="govuk-body-s"> ({s.currentStep.acknowledgement.outcome === 'no_answer' ? 'no answer' : 'noted'})</span>}</>;
  if (s.overdue) return <strong className="govuk-tag govuk-tag--red">Overdue</strong>;
  return <strong className="govuk-tag govuk-tag--green">{LONE_WORKING_STATUSES[s.status]}</strong>;
}

/** The sentence to announce when a session newly becomes overdue (not on the board's first load). */
function useAnnouncement(items: readonly OohLoneWorkerSummary[]) {
  const seen = useRef<Set<string> | undefined>(undefined);
  const [text, setText] = useState('');
  useEffect(() => {
    const fresh = newlyOverdue(seen.current, items);
    seen.current = new Set(items.filter((i) => i.overdue).map((i) => i.id));
    if (!fresh.length) return;
    setText(fresh.map((id) => {
      const s = items.find((i) => i.id === id)!;
      return `${s.duress ? 'DURESS: ' : ''}${s.workerName} (${s.reference}) has missed a check-in. Now: ${s.currentStep?.label ?? 'call the worker'}.`;
    }).join(' '));
  }, [items]);
  return text;
}

const WORKER_FIELDS = ['worker-name', 'worker-organisation', 'worker-phone'] as const;

function StartForm() {
  const form = useWriteForm({ scope: 'ooh-lone-board', prefix: 'start', fields: [...WORKER_FIELDS, 'worker-email', 'location', 'task', 'expectedEndAt', 'intervalMinutes', 'vehicle', 'importantInfo', 'managerName', 'managerPhone', 'duressWord'], fallbackField: 'location', refresh: [['ooh', 'lone-workers']] });
  const [w, setW] = useState({ name: '', organisation: '', phone: '' });
  const [v, setV] = useState<SessionValues>(emptySession);
  const set = (k: keyof SessionValues) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const setWorker = (k: keyof typeof w) => (x: string) => setW((o) => ({ ...o, [k]: x }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const now = new Date();
    if (!form.check(fieldErrors([
      ['worker-name', w.name.trim() === '' && 'Enter the worker’s name'],
      ['worker-phone', w.phone.trim() === '' && 'Enter the worker’s phone number'],
      ...sessionProblems(v, now),
    ]))) return;
    const ok = await form.run(() => flatPaths(() => startSession({ ...sessionBody(v, now), worker: { ...w, email: null }, duressWord: v.duressWord.trim() || null })), `Session started for ${w.name}`);
    if (ok) { setV(emptySession()); setW({ name: '', organisation: '', phone: '' }); }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="start-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="start-heading">Start a session for someone</h2>
      <p className="govuk-body">After a phone call from a worker (council staff or a partner organisation’s) who is going out alone.</p>
      <ErrorSummary errors={form.errors} />
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <TextField id={form.id('worker-name')} label="Worker’s name" value={w.name} onChange={setWorker('name')} error={form.field('worker-name')} autoComplete="off" />
      <TextField id={form.id('worker-organisation')} label="Organisation (optional)" hint="Blank for council staff" value={w.organisation} onChange={setWorker('organisation')} error={form.field('worker-organisation')} autoComplete="off" />
      <TextField id={form.id('worker-phone')} label="Worker’s phone" value={w.phone} onChange={setWorker('phone')} error={form.field('worker-phone')} width="20" autoComplete="off" />
      <SessionFields form={form} v={v} set={set} who="they" duressRequired={false} />
      <Button type="submit" disabled={form.busy}>Start the session</Button>
    </form>
  );
}

const SORTS = { started_desc: 'Newest first', started_asc: 'Oldest first', worker: 'Worker' } as const;

function EndedSessions() {
  const [f, setF] = useState({ q: '', from: '', to: '', sort: 'started_desc' });
  const [applied, setApplied] = useState<{ q?: string; from?: string; to?: string }>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const list = useQuery(endedQuery(applied));
  const set = (k: keyof typeof f) => (x: string) => setF((o) => ({ ...o, [k]: x }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = f.from.trim() ? parseUkDate(f.from) : '';
    const to = f.to.trim() ? parseUkDate(f.to) : '';
    const bad: Record<string, string> = {};
    if (from === undefined) bad.from = 'Enter the date like 1/12/2026';
    if (to === undefined) bad.to = 'Enter the date like 31/12/2026';
    setErrors(bad);
    if (Object.keys(bad).length) return;
    setApplied({ q: f.q.trim() || undefined, from: from ? londonDayStart(from)?.toISOString() : undefined, to: to ? londonDayAfter(to)?.toISOString() : undefined });
  };
  const items = [...(list.data?.items ?? [])].sort((a, b) =>
    f.sort === 'worker' ? a.workerName.localeCompare(b.workerName) : f.sort === 'started_asc' ? a.startedAt.localeCompare(b.startedAt) : b.startedAt.localeCompare(a.startedAt));
  return (
    <section aria-labelledby="ended-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="ended-heading">Ended sessions</h2>
      <form onSubmit={submit} noValidate className="vigil-filters">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter"><TextField id="ended-from" label="Started from" hint="Like 1/12/2026" value={f.from} onChange={set('from')} error={errors.from} /></div>
          <div className="govuk-grid-column-one-quarter"><TextField id="ended-to" label="Started to" hint="Like 31/12/2026" value={f.to} onChange={set('to')} error={errors.to} /></div>
          <div className="govuk-grid-column-one-quarter"><TextField id="ended-q" label="Worker" hint="Name, organisation, place or reference" type="search" value={f.q} onChange={set('q')} /></div>
          <div className="govuk-grid-column-one-quarter"><SelectField id="ended-sort" label="Sort by" value={f.sort} onChange={set('sort')} options={Object.entries(SORTS).map(([value, label]) => ({ value, label }))} /></div>
        </div>
        <div className="govuk-button-group">
          <Button type="submit" variant="secondary">Show ended sessions</Button>
          <a className="govuk-link" href={endedCsvHref(applied)} download>Download these sessions (CSV)</a>
        </div>
      </form>
      {list.isError && <p className="govuk-body">The ended sessions could not be loaded. {list.error.message}</p>}
      {list.data && (items.length === 0 ? <p className="govuk-body">No ended sessions match.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Ended sessions</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Session', 'Worker', 'Where and what', 'Started', 'Ended', 'How'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {items.map((s) => (
              <tr className="govuk-table__row" key={s.id}>
                <td className="govuk-table__cell"><Link className="govuk-link" to={'/ooh/lone-workers/$id' as never} params={{ id: s.id } as never}>{s.reference}</Link></td>
                <td className="govuk-table__cell">{s.workerName}{s.workerOrganisation && `, ${s.workerOrganisation}`}</td>
                <td className="govuk-table__cell">{s.location}; {s.task}</td>
                <td className="govuk-table__cell">{formatDateTime(s.startedAt)}</td>
                <td className="govuk-table__cell">{s.endedAt ? formatDateTime(s.endedAt) : ''}</td>
                <td className="govuk-table__cell">{LONE_WORKING_STATUSES[s.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
