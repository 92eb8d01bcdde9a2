import { useState } from 'react';
import type { RequestDetail } from '../../../../domain/requests/contract';
import { formatDateTime } from '../../../../domain/calendar/london';
import { bookViewing } from '../../../api/requestsDisclosure';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, TextField } from '../../../components/fields';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { TextareaField } from '../../occurrences/Radios';
import { parseUkDateTime } from '../../occurrences/when';

/**
 * A date and time to come, typed the UK way ("23/11/2026 14:05") as ISO; undefined when it is not
 * one. The date is needed: a bare "14:05" means the most recent 14:05, which has passed.
 */
export function futureDateTime(text: string): string | undefined {
  const iso = parseUkDateTime(text);
  return iso && /\d\s*\/\s*\d/.test(text) ? iso : undefined;
}

/** Booking a viewing of the footage for this request (requests.viewings). */
export function BookViewingForm({ request, onChanged }: { request: RequestDetail; onChanged: () => void }) {
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [room, setRoom] = useState('Control room');
  const [viewerName, setViewerName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [authority, setAuthority] = useState('');
  const f = useWriteForm({
    scope: `request-${request.id}`, prefix: 'viewing-book', fields: ['startsAt', 'endsAt', 'room', 'viewerName', 'viewerOrganisation', 'viewerAuthority'], fallbackField: 'startsAt',
    refresh: [['requests'], ['viewings']],
  });
  const [booked, setBooked] = useState<string>();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const startsAt = futureDateTime(start);
    const endsAt = futureDateTime(end);
    if (!f.check(fieldErrors([
      ['startsAt', !startsAt && 'Enter when the viewing starts as a date and time, like 23/11/2026 14:05'],
      ['endsAt', !endsAt ? 'Enter when the viewing ends as a date and time, like 23/11/2026 15:00' : startsAt && endsAt <= startsAt && 'The viewing must end after it starts'],
      ['room', room.trim().length < 2 && 'Enter the room (at least 2 characters)'],
      ['viewerName', viewerName.trim().length < 2 && 'Enter the viewer’s name'],
    ]))) return;
    let when = '';
    if (await f.run(async () => {
      const v = await bookViewing(request.id, { startsAt: startsAt!, endsAt: endsAt!, room, viewerName, viewerOrganisation: organisation, viewerAuthority: authority });
      when = `${v.room}, ${formatDateTime(v.startsAt)}`;
    }, 'Booked')) {
      setBooked(`Viewing booked: ${when}`);
      setStart(''); setEnd(''); setViewerName(''); setOrganisation(''); setAuthority('');
      onChanged();
    } else setBooked(undefined);
  };
  return (
    <section aria-labelledby="viewing-book-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="govuk-heading-m" id="viewing-book-title">Book a viewing</h2>
        <ErrorSummary errors={f.errors} />
        {booked && f.done && <p className="govuk-body" role="status">{booked}.</p>}
        <TextField id={f.id('startsAt')} label="Starts" hint="For example, 23/11/2026 14:05" value={start} onChange={setStart} error={f.field('startsAt')} width="20" autoComplete="off" spellCheck={false} />
        <TextField id={f.id('endsAt')} label="Ends" hint="For example, 23/11/2026 15:00" value={end} onChange={setEnd} error={f.field('endsAt')} width="20" autoComplete="off" spellCheck={false} />
        <TextField id={f.id('room')} label="Room" value={room} onChange={setRoom} error={f.field('room')} width="20" />
        <TextField id={f.id('viewerName')} label="Viewer’s name" value={viewerName} onChange={setViewerName} error={f.field('viewerName')} width="one-half" autoComplete="off" />
        <TextField id={f.id('viewerOrganisation')} label="Viewer’s organisation (optional)" value={organisation} onChange={setOrganisation} error={f.field('viewerOrganisation')} width="one-half" />
        <TextareaField id={f.id('viewerAuthority')} label="Viewer’s authority (optional)" hint="For example, the officer’s warrant number or the solicitor’s instruction" value={authority} onChange={setAuthority} error={f.field('viewerAuthority')} rows={2} />
        <Button variant="secondary" disabled={f.busy}>Book the viewing</Button>
      </form>
    </section>
  );
}
