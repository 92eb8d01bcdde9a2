import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTitle } from '../../../components/useTitle';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, TextField } from '../../../components/fields';
import { useWriteForm } from '../../../lib/useWriteForm';
import { fieldErrors } from '../../../lib/errors';
import { formatDateTime, formatTime } from '../../../../domain/calendar/london';
import { formatCountdown, secondsLeft } from '../../../../domain/ooh/loneWorking';
import type { OohOwnLoneWorking } from '../../../../domain/ooh/contract';
import { endOwn, ownCheckIn, ownQuery, startOwn } from './api';
import { useServerNow } from './clock';
import { SessionFields, emptySession, flatPaths, sessionBody, sessionProblems, type SessionValues } from './fields';

/**
 * A lone worker's own page (phone width first): start a session, then check in (with an optional
 * word: the duress word goes there, and the page looks and behaves the same whatever is typed),
 * the countdown to the next check-in, and "End session — I am safe".
 */
export function OwnPage() {
  useTitle('Lone working');
  const q = useQuery(ownQuery);
  const now = useServerNow(q.data?.at, q.dataUpdatedAt);
  const active = q.data?.items.find((s) => s.status === 'active');
  const past = (q.data?.items ?? []).filter((s) => s.status === 'ended').slice(0, 5);
  return (
    <>
      <h1 className="govuk-heading-l">Lone working</h1>
      {q.isPending && <p className="govuk-body">Loading…</p>}
      {q.isError && <p className="govuk-body">Your sessions could not be loaded. {q.error.message} If you are going out alone, call the out-of-hours officer.</p>}
      {q.data && (active ? <Active session={active} now={now} /> : <StartOwn />)}
      {past.length > 0 && (
        <>
          <h2 className="govuk-heading-m govuk-!-margin-top-8">Your recent sessions</h2>
          <ul className="govuk-list">{past.map((s) => <li key={s.id}>{s.reference}: {s.task} at {s.location}, {formatDateTime(s.startedAt)} to {s.endedAt ? formatTime(s.endedAt) : ''}</li>)}</ul>
        </>
      )}
    </>
  );
}

function Active({ session: s, now }: { session: OohOwnLoneWorking; now: number }) {
  const check = useWriteForm({ scope: 'own-lone', prefix: 'own-checkin', fields: ['word'], fallbackField: 'word', refresh: [['lone-working', 'own']] });
  const end = useWriteForm({ scope: 'own-lone', prefix: 'own-end', fields: ['note'], fallbackField: 'note', refresh: [['lone-working', 'own']] });
  const [word, setWord] = useState('');
  const [message, setMessage] = useState('');
  const left = s.nextDueAt ? secondsLeft(s.nextDueAt, now) : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let reply = '';
    const ok = await check.run(async () => { reply = (await ownCheckIn(s.id, word)).message; }, 'Check-in recorded');
    setWord('');
    if (ok) setMessage(reply);
  };
  return (
    <>
      <p className="govuk-body">{s.reference}: {s.task} at {s.location}. Expected end {formatDateTime(s.expectedEndAt)}.</p>
      <div className="govuk-panel govuk-panel--confirmation" style={{ padding: '20px' }}>
        <h2 className="govuk-panel__title" style={{ fontSize: '2rem' }}>Next check-in</h2>
        <div className="govuk-panel__body">
          {left === null ? 'None awaited' : left >= 0 ? <>{formatCountdown(left)}<br /><span style={{ fontSize: '1.2rem' }}>due {formatTime(s.nextDueAt!)}</span></> : <>Due now: check in<br /><span style={{ fontSize: '1.2rem' }}>was due {formatTime(s.nextDueAt!)}</span></>}
        </div>
      </div>
      <form onSubmit={submit} noValidate aria-labelledby="own-checkin-heading">
        <h2 className="govuk-heading-m" id="own-checkin-heading">Check in</h2>
        <ErrorSummary errors={check.errors} />
        <p className="govuk-body" role="status">{message}</p>
        <TextField id={check.id('word')} label="Check-in word (optional)" hint="Leave blank for an ordinary check-in" type="password" autoComplete="off" value={word} onChange={setWord} error={check.field('word')} width="20" />
        <Button type="submit" className="govuk-!-width-full govuk-!-font-size-36" disabled={check.busy}>Check in</Button>
      </form>
      <form onSubmit={(e) => { e.preventDefault(); void end.run(() => endOwn(s.id), 'Session ended. Thank you: you are recorded as safe.'); }} noValidate className="govuk-!-margin-top-6">
        <ErrorSummary errors={end.errors} />
        <Button type="submit" variant="secondary" className="govuk-!-width-full" disabled={end.busy}>End session — I am safe</Button>
      </form>
    </>
  );
}

function StartOwn() {
  const form = useWriteForm({ scope: 'own-lone', prefix: 'own', fields: ['phone', 'location', 'task', 'expectedEndAt', 'intervalMinutes', 'vehicle', 'importantInfo', 'managerName', 'managerPhone', 'duressWord'], fallbackField: 'location', refresh: [['lone-working', 'own']] });
  const [phone, setPhone] = useState('');
  const [v, setV] = useState<SessionValues>(emptySession);
  const set = (k: keyof SessionValues) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const now = new Date();
    if (!form.check(fieldErrors([
      ['phone', phone.trim() === '' && 'Enter the phone number the officer can reach you on'],
      ...sessionProblems(v, now),
      ['duressWord', v.duressWord.trim().length < 3 && 'Enter a duress word of at least 3 characters'],
    ]))) return;
    void form.run(() => flatPaths(() => startOwn({ ...sessionBody(v, now), phone, duressWord: v.duressWord })), 'Session started');
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="own-start-heading">
      <h2 className="govuk-heading-m" id="own-start-heading">Start a session</h2>
      <p className="govuk-body">Before you go out alone. The out-of-hours officer sees your session; if you miss a check-in they call you, then your manager, then the police.</p>
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('phone')} label="Your phone number" hint="The one you have with you" value={phone} onChange={setPhone} error={form.field('phone')} width="20" autoComplete="tel" />
      <SessionFields form={form} v={v} set={set} who="you" duressRequired />
      <Button type="submit" className="govuk-!-width-full" disabled={form.busy}>Start the session</Button>
    </form>
  );
}
