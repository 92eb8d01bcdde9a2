import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { formatDate, formatTime, londonDay, londonDayAfter, londonDayStart } from '../../../domain/calendar/london';
import { can } from '../../api/auth';
import type { Session } from '../../api/types';
import { splitReferences } from '../../api/evidenceSearch';
import { exhibitIdsFor, recordViewing, VIEWING_OUTCOMES, viewingsQuery, type Viewing } from '../../api/requestsDisclosure';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { fieldErrors } from '../../lib/errors';
import { useWriteForm } from '../../lib/useWriteForm';
import { RadiosField, TextareaField } from '../occurrences/Radios';
import { RequestsNav } from './RequestsNav';

// The viewing diary: today and the next 14 days, by day, London times; each booked viewing recorded
// here. It takes only requests.viewings (the control room has no requests.read): it reads the diary alone.

const DAYS = 14;

/** The diary's window: from the start of today in London to the end of the 14th day after it. */
export function diaryWindow(now = new Date()): { from: string; to: string } {
  const today = londonDay(now);
  let day = today;
  for (let i = 0; i < DAYS; i++) day = londonDay(londonDayAfter(day)!);
  return { from: londonDayStart(today)!.toISOString(), to: londonDayAfter(day)!.toISOString() };
}

const outcome = (state: Viewing['state']) => (state === 'booked' ? 'Booked' : VIEWING_OUTCOMES[state]);

export function ViewingsPage({ session }: { session: Session }) {
  useTitle('Viewings');
  const [range] = useState(diaryWindow);
  const diary = useQuery(viewingsQuery(range.from, range.to));
  const days = new Map<string, Viewing[]>();
  for (const v of diary.data?.items ?? []) {
    const day = londonDay(new Date(v.startsAt));
    days.set(day, [...(days.get(day) ?? []), v]);
  }
  return (
    <>
      <h1 className="govuk-heading-l">Viewings</h1>
      <RequestsNav />
      <p className="govuk-body">Viewings of footage booked from today for the next {DAYS} days, by day. Times are UK time.</p>
      {diary.isPending && <p className="govuk-body">Loading the diary…</p>}
      {diary.isError && <p className="govuk-body">The diary could not be loaded. {diary.error.message}</p>}
      {diary.data && days.size === 0 && <p className="govuk-body">No viewings booked in the next {DAYS} days.</p>}
      {[...days].map(([day, viewings]) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 className="govuk-heading-m" id={`day-${day}`}>{formatDate(londonDayStart(day))}</h2>
          <ul className="govuk-list">
            {viewings.map((v) => <ViewingItem key={v.id} viewing={v} session={session} />)}
          </ul>
        </section>
      ))}
    </>
  );
}

function ViewingItem({ viewing: v, session }: { viewing: Viewing; session: Session }) {
  const reference = can(session, 'requests.read')
    ? <Link className="govuk-link" to="/requests/$id" params={{ id: v.request.id }}>{v.request.reference}</Link>
    : v.request.reference;
  return (
    <li className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={`viewing-${v.id}`}>
        {formatTime(v.startsAt)} to {formatTime(v.endsAt)}, {v.room}
      </h3>
      <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-2">
        <Row label="Request">{reference}</Row>
        <Row label="Viewer">{v.viewerName}{v.viewerOrganisation ? `, ${v.viewerOrganisation}` : ''}</Row>
        {v.viewerAuthority && <Row label="Authority">{v.viewerAuthority}</Row>}
        <Row label="State">{outcome(v.state)}{v.recordedBy ? ` (recorded by ${v.recordedBy.name})` : ''}</Row>
        {v.viewed && <Row label="Viewed">{v.viewed}</Row>}
        {v.copied && <Row label="Copied">{v.copied}</Row>}
        {v.exhibit && <Row label="Exhibit">{v.exhibit.reference}</Row>}
      </dl>
      {v.state === 'booked' && <RecordForm viewing={v} canSearch={can(session, 'evidence.read')} />}
    </li>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value vigil-prewrap">{children}</dd>
    </div>
  );
}

function RecordForm({ viewing: v, canSearch }: { viewing: Viewing; canSearch: boolean }) {
  const [state, setState] = useState('');
  const [viewed, setViewed] = useState('');
  const [copied, setCopied] = useState('');
  const [exhibit, setExhibit] = useState('');
  const f = useWriteForm({ scope: 'viewings', prefix: `record-${v.id}`, fields: ['state', 'viewed', 'copied', 'exhibitId'], fallbackField: 'state', refresh: [['viewings']] });
  const took = state === 'viewed';
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([
      ['state', !state && 'Choose viewed, cancelled or did not attend'],
      ['viewed', took && viewed.trim().length < 3 && 'Enter what was viewed (at least 3 characters)'],
    ]))) return;
    let exhibitId: string | undefined;
    const typed = took ? splitReferences(exhibit) : [];
    if (typed.length) {
      const found = await exhibitIdsFor(typed.slice(0, 1), [], canSearch).catch(() => ({ ids: [] as string[], unknown: typed }));
      if (!f.check(fieldErrors([['exhibitId', (found.unknown.length > 0 || typed.length > 1) && (typed.length > 1 ? 'Enter one exhibit reference' : `No exhibit found with the reference ${typed[0]}: check the reference`)]]))) return;
      exhibitId = found.ids[0];
    }
    await f.run(() => recordViewing(v.id, took ? { state: 'viewed', viewed, copied, exhibitId } : { state: state as 'cancelled' | 'no_show' }), 'Recorded');
  };
  return (
    <details className="govuk-details" open={!!f.errors}>
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Record how the viewing at {formatTime(v.startsAt)} went</span></summary>
      <div className="govuk-details__text">
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Record the viewing at ${formatTime(v.startsAt)} in ${v.room}`}>
          <ErrorSummary errors={f.errors} />
          <RadiosField id={f.id('state')} legend="How did it go?" value={state} onChange={setState} error={f.field('state')} inline
            options={Object.entries(VIEWING_OUTCOMES).map(([value, label]) => ({ value, label }))} />
          {took && (
            <>
              <TextareaField id={f.id('viewed')} label="What was viewed" value={viewed} onChange={setViewed} error={f.field('viewed')} rows={2} />
              <TextareaField id={f.id('copied')} label="What was copied (optional)" value={copied} onChange={setCopied} error={f.field('copied')} rows={2} />
              {canSearch && <TextField id={f.id('exhibitId')} label="Exhibit viewed (optional)" hint="Its reference, for example AB/1" value={exhibit} onChange={setExhibit} error={f.field('exhibitId')} width="10" autoComplete="off" spellCheck={false} />}
            </>
          )}
          <Button variant="secondary" disabled={f.busy}>Record</Button>
        </form>
      </div>
    </details>
  );
}
