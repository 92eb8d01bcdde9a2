import { formatDateTime, formatUkDay } from '../../../domain/calendar/london';
import { PAUSE_REASONS, STATUSES, type RequestDetail } from '../../../domain/requests/contract';

type Event = RequestDetail['events'][number];

const KINDS: Record<string, string> = {
  received: 'Received', 'status-changed': 'Status changed', 'clock-stopped': 'Clock stopped', 'clock-restarted': 'Clock restarted',
  extended: 'Time extended', assigned: 'Owner given', escalated: 'Escalated', noted: 'Note', corrected: 'Correction', reopened: 'Reopened',
};
const status = (v: unknown) => (typeof v === 'string' ? (STATUSES as Record<string, string>)[v] ?? v : '');
const day = (v: unknown) => (typeof v === 'string' ? formatUkDay(v) : '');
const reason = (v: unknown) => (typeof v === 'string' ? (PAUSE_REASONS as Record<string, string>)[v] ?? v : '');

/** What a step recorded, in words (the note on a line of its own). */
export function eventWords(e: Pick<Event, 'kind' | 'details'>): string {
  const d = e.details;
  switch (e.kind) {
    case 'received': return `Received on ${day(d.receivedOn)}.`;
    case 'status-changed': return `${status(d.from)} to ${status(d.to)}.`;
    case 'clock-stopped': return `${reason(d.reason)}, from ${day(d.on)}.`;
    case 'clock-restarted': return `What was awaited arrived on ${day(d.on)}; the clock had stopped on ${day(d.from)}.`;
    case 'extended': return `The requester was told on ${day(d.notifiedOn)}.`;
    case 'assigned': return d.from ? `From ${String(d.from)} to ${String(d.to)}.` : `To ${String(d.to)}.`;
    case 'escalated': return `To ${String(d.stageName ?? `stage ${String(d.stage)}`)}, asked for on ${day(d.on)}.`;
    case 'reopened': return `It was ${status(d.was).toLowerCase()}.`;
    default: return '';
  }
}
/** The words the person wrote with the step: its note, or the reason for an extension or a reopening. */
const noteOf = (e: Event): string | undefined => {
  const text = e.kind === 'extended' || e.kind === 'reopened' ? e.details.reason : e.details.note;
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
};

/** The request's history, oldest first; a correction says which entry it corrects, and a corrected entry which entry corrects it. */
export function RequestHistory({ events }: { events: readonly Event[] }) {
  if (!events.length) return <p className="govuk-body">Nothing has been recorded yet.</p>;
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const correctedBy = new Map<number, number[]>();
  for (const e of sorted) if (e.correctsSeq) correctedBy.set(e.correctsSeq, [...(correctedBy.get(e.correctsSeq) ?? []), e.seq]);
  return (
    <ol className="govuk-list" aria-label="The request’s history, oldest first">
      {sorted.map((e) => (
        <li key={e.seq} id={`event-${e.seq}`} className="govuk-!-margin-bottom-4" style={{ borderLeft: '4px solid #b1b4b6', paddingLeft: '0.75rem' }}>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{e.seq}. {KINDS[e.kind] ?? e.kind.replace(/-/g, ' ')}</h3>
          <p className="govuk-body-s govuk-!-margin-bottom-1">{formatDateTime(e.at)}{e.by ? ` by ${e.by.name}` : ''}</p>
          {e.correctsSeq && <p className="govuk-body-s govuk-!-margin-bottom-1">Corrects <a className="govuk-link" href={`#event-${e.correctsSeq}`}>entry {e.correctsSeq}</a></p>}
          {eventWords(e) && <p className="govuk-body-s govuk-!-margin-bottom-1">{eventWords(e)}</p>}
          {noteOf(e) && <p className="govuk-body-s govuk-!-margin-bottom-1 vigil-prewrap">{noteOf(e)}</p>}
          {correctedBy.get(e.seq) && (
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              <strong className="govuk-tag govuk-tag--grey">Corrected</strong> by {correctedBy.get(e.seq)!.map((s, i) => <span key={s}>{i > 0 && ', '}<a className="govuk-link" href={`#event-${s}`}>entry {s}</a></span>)}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
