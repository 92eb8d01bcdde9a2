import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime, formatUkDay } from '../../../domain/calendar/london';
import { PAUSE_REASONS, STATUSES } from '../../../domain/requests/workflow';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button } from '../../components/fields';
import { NotificationBanner } from '../../components/NotificationBanner';
import { useTitle } from '../../components/useTitle';
import { useWriteForm } from '../../lib/useWriteForm';
import { TextareaField } from '../occurrences/Radios';
import { clearFlash, peekFlash } from '../estate/deployments/flash';
import { useBanner } from '../maintenance/banner';
import { NotLoaded } from '../maintenance/NotLoaded';
import { notePartnerRequest, partnerRequestQuery, withdrawPartnerRequest, type PartnerRequest } from './api';
import { ClockTag } from './ClockTag';

const EVENT_NAMES: Record<string, string> = {
  received: 'Received', 'status-changed': 'Status changed', 'clock-stopped': 'Clock stopped', 'clock-restarted': 'Clock restarted', extended: 'Extended',
  assigned: 'Given to an officer', escalated: 'Escalated', noted: 'Note', corrected: 'Correction', reopened: 'Reopened',
};

/** One of the organisation's requests: status, clock, authority, history; add a note, withdraw it. */
export function PartnerRequestPage({ id }: { id: string }) {
  const q = useQuery(partnerRequestQuery(id));
  const { banner, done } = useBanner(() => peekFlash(id));
  useEffect(() => clearFlash(id), [id]);
  useTitle(q.data ? `Request ${q.data.reference}` : 'Footage request');
  if (q.isPending) return <p className="govuk-body">Loading the request…</p>;
  if (q.isError) return <NotLoaded title="Request not found" what="The request" error={q.error} back="Footage requests" backTo="/partner/requests" />;
  const r = q.data;
  const open = !r.closedAt;
  return (
    <>
      <Link className="govuk-back-link" to={'/partner/requests' as never}>Footage requests</Link>
      {banner && <NotificationBanner key={banner.n} success heading={banner.text} />}
      <span className="govuk-caption-l">Request {r.reference}</span>
      <h1 className="govuk-heading-l">{r.summary}</h1>
      <dl className="govuk-summary-list">
        <Item name="Status">{STATUSES[r.status]}</Item>
        <Item name="Clock"><ClockTag clock={r.clock} />{r.clock.due && <> Due {formatUkDay(r.clock.due)}</>}</Item>
        <Item name="Received">{formatUkDay(r.receivedOn)}</Item>
        <Item name="Where">{r.place || '–'}</Item>
        <Item name="Footage from">{r.timeFrom ? `${formatDateTime(r.timeFrom)} to ${r.timeTo ? formatDateTime(r.timeTo) : '–'}` : '–'}</Item>
        {r.authority && <Item name="Authority">{r.authority.crimeReference}; {r.authority.exemption}; {r.authority.officerRank} {r.authority.officerName} ({r.authority.officerNumber})</Item>}
      </dl>
      {r.pauses.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Clock stops</h2>
          <ul className="govuk-list govuk-list--bullet">{r.pauses.map((p) => <li key={p.id}>{PAUSE_REASONS[p.reason]}: {formatUkDay(p.from)} to {p.to ? formatUkDay(p.to) : 'now (still stopped)'}</li>)}</ul>
        </>
      )}
      <h2 className="govuk-heading-m">Add a note</h2>
      <TextForm r={r} prefix="note" label="Note" hint="The clarification asked for, or something the council should know" button="Add the note" done={() => done('Note added.')} send={notePartnerRequest} />
      {open && (
        <>
          <h2 className="govuk-heading-m">Withdraw the request</h2>
          <TextForm r={r} prefix="withdraw" label="Why it is withdrawn" button="Withdraw the request" warning done={() => done('Request withdrawn.')} send={withdrawPartnerRequest} />
        </>
      )}
      <h2 className="govuk-heading-m">History</h2>
      <ol className="govuk-list vigil-timeline">
        {[...r.events].reverse().map((e) => (
          <li key={e.seq} className="govuk-!-margin-bottom-4">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{EVENT_NAMES[e.kind] ?? e.kind}</h3>
            <p className="govuk-body-s govuk-!-margin-bottom-1">{formatDateTime(e.at)}{e.by ? `, ${e.by.name}` : ''}</p>
            {describe(e.details) && <p className="govuk-body govuk-!-margin-bottom-1">{describe(e.details)}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

function describe(d: PartnerRequest['events'][number]['details']): string {
  const parts: string[] = [];
  if (typeof d.to === 'string' && d.to in STATUSES) parts.push(`Now ${STATUSES[d.to as keyof typeof STATUSES].toLowerCase()}`);
  if (typeof d.reason === 'string' && d.reason in PAUSE_REASONS) parts.push(PAUSE_REASONS[d.reason as keyof typeof PAUSE_REASONS]);
  if (typeof d.note === 'string' && d.note) parts.push(d.note);
  return parts.join(': ');
}

function Item({ name, children }: { name: string; children: React.ReactNode }) {
  return <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">{name}</dt><dd className="govuk-summary-list__value">{children}</dd></div>;
}

function TextForm({ r, prefix, label, hint, button, warning, done, send }: {
  r: PartnerRequest; prefix: string; label: string; hint?: string; button: string; warning?: boolean; done: () => void; send: (id: string, note: string) => Promise<unknown>;
}) {
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `partner-request-${r.id}`, prefix, fields: ['note'], fallbackField: 'note', refresh: [['partner-requests']] });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await form.run(() => send(r.id, note), 'Done')) { done(); setNote(''); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="govuk-!-margin-bottom-6">
      <ErrorSummary errors={form.errors} />
      <TextareaField id={form.id('note')} label={label} hint={hint} value={note} onChange={setNote} error={form.field('note')} rows={3} />
      <Button variant={warning ? 'warning' : 'secondary'} disabled={form.busy}>{button}</Button>
    </form>
  );
}
