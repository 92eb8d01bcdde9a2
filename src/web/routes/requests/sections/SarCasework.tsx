import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RequestDetail } from '../../../../domain/requests/contract';
import { formatDateTime, formatUkDay, londonDay, parseUkDate } from '../../../../domain/calendar/london';
import { IDENTITY_METHODS, identityOf, recordIdentity, recordSearch, searchesQuery, stillHref, STILL_MAX_BYTES, type SearchView } from '../../../api/requestsCasework';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { RadiosField, TextareaField } from '../../occurrences/Radios';
import { parseUkDateTime } from '../../occurrences/when';

// A subject access request's casework: the identity check, and the searches for the requester's
// images with their stills, flagged for redaction where others are visible.

type Props = { request: RequestDetail; onChanged: () => void; canManage: boolean };
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function SarCasework({ request, onChanged, canManage }: Props) {
  const identity = identityOf(request.events);
  const waitingForIdentity = request.pauses.some((p) => p.to === null && p.reason === 'identity');
  const searches = useQuery(searchesQuery(request.id));
  return (
    <section aria-labelledby="casework-sar-title">
      <h2 className="govuk-heading-m" id="casework-sar-title">Subject access casework</h2>
      {searches.data?.redactionNeeded && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">Warning</span>Needs redaction before release: a search found the requester in images where other people are visible.</strong>
        </div>
      )}
      <h3 className="govuk-heading-s">Identity</h3>
      {identity
        ? <p className="govuk-body">Verified by {identity.verifiedBy} on {formatUkDay(identity.on)}: {IDENTITY_METHODS[identity.method]}{identity.note ? ` (${identity.note})` : ''}.</p>
        : <p className="govuk-body">The requester’s identity has not been verified yet.</p>}
      {identity && waitingForIdentity && (
        <div className="govuk-inset-text">The clock is still stopped waiting for identity. Next step: restart the clock from the day the proof arrived.</div>
      )}
      {canManage && !request.closedAt && <IdentityForm request={request} onChanged={onChanged} />}

      <h3 className="govuk-heading-s">Searches</h3>
      {searches.isError && <p className="govuk-body">The searches could not be loaded.</p>}
      {searches.data && (searches.data.searches.length === 0 ? <p className="govuk-body">No searches recorded yet.</p> : <SearchTable requestId={request.id} searches={searches.data.searches} />)}
      {canManage && !request.closedAt && <SearchForm request={request} onChanged={onChanged} />}
    </section>
  );
}

function SearchTable({ requestId, searches }: { requestId: string; searches: SearchView[] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">Searches for the requester’s images</caption>
      <thead className="govuk-table__head"><tr className="govuk-table__row">
        {['Where', 'Footage searched', 'Found', 'Others visible', 'Stills', 'Recorded'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
      </tr></thead>
      <tbody className="govuk-table__body">
        {searches.map((s) => (
          <tr className="govuk-table__row" key={s.id}>
            <td className="govuk-table__cell">{s.camera ? `${s.camera.reference} ${s.camera.name}` : ''}{s.notes && <span className="vigil-prewrap">{s.camera ? <br /> : null}{s.notes}</span>}</td>
            <td className="govuk-table__cell">{formatDateTime(s.searchedFrom)} to {formatDateTime(s.searchedTo)}</td>
            <td className="govuk-table__cell">{s.found ? 'Yes' : 'No'}</td>
            <td className="govuk-table__cell">{s.othersVisible ? <strong className="govuk-tag govuk-tag--orange">Yes: redact</strong> : 'No'}</td>
            <td className="govuk-table__cell">
              {s.stills.map((sha, i) => (
                <a key={sha} className="govuk-link" href={stillHref(requestId, s.id, sha)} target="_blank" rel="noreferrer">
                  <img src={stillHref(requestId, s.id, sha)} alt={`Still ${i + 1} of ${s.stills.length}`} width={80} style={{ marginRight: 4 }} />
                </a>
              ))}
            </td>
            <td className="govuk-table__cell">{formatDateTime(s.recordedAt)}{s.recordedBy ? ` by ${s.recordedBy.name}` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function IdentityForm({ request, onChanged }: Omit<Props, 'canManage'>) {
  const [method, setMethod] = useState('');
  const [verifiedBy, setVerifiedBy] = useState('');
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `request-${request.id}`, prefix: 'identity', fields: ['method', 'verifiedBy', 'on', 'note'], fallbackField: 'method', refresh: [['requests']] });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const day = on.trim() ? parseUkDate(on) : londonDay();
    if (!form.check(fieldErrors([['method', !method && 'Choose how the identity was verified'], ['on', !day && 'Enter the day as a date, like 23/11/2026']]))) return;
    if (await form.run(() => recordIdentity(request.id, { method: method as keyof typeof IDENTITY_METHODS, verifiedBy, on: day!, note }), 'Identity recorded')) {
      setNote('');
      onChanged();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="identity-title">
      <h4 className="govuk-heading-s" id="identity-title">Record the identity check</h4>
      <ErrorSummary errors={form.errors} />
      {form.done && <p className="govuk-body" role="status">{form.done}.</p>}
      <RadiosField id={form.id('method')} legend="How was the identity verified?" value={method} onChange={setMethod} error={form.field('method')} options={options(IDENTITY_METHODS)} />
      <TextField id={form.id('verifiedBy')} label="Verified by" value={verifiedBy} onChange={setVerifiedBy} error={form.field('verifiedBy')} width="one-half" />
      <TextField id={form.id('on')} label="Verified on" hint="For example, 23/11/2026. Today when left blank." value={on} onChange={setOn} error={form.field('on')} width="10" />
      <TextareaField id={form.id('note')} label="Note (optional; required for ‘other’)" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      <Button disabled={form.busy}>Record the identity check</Button>
    </form>
  );
}

function SearchForm({ request, onChanged }: Omit<Props, 'canManage'>) {
  const [cameraId, setCameraId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [found, setFound] = useState('');
  const [others, setOthers] = useState('no');
  const [notes, setNotes] = useState('');
  const files = useRef<HTMLInputElement>(null);
  const form = useWriteForm({
    scope: `request-${request.id}`, prefix: 'search', fields: ['cameraId', 'searchedFrom', 'searchedTo', 'found', 'othersVisible', 'notes', 'stills'], fallbackField: 'found',
    refresh: [['requests', 'searches', request.id], ['requests']],
  });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const searchedFrom = parseUkDateTime(from);
    const searchedTo = parseUkDateTime(to);
    const chosen = [...(files.current?.files ?? [])];
    if (!form.check(fieldErrors([
      ['searchedFrom', !searchedFrom && 'Enter the start as a date and time, like 23/11/2026 14:05'],
      ['searchedTo', !searchedTo && 'Enter the end as a date and time, like 23/11/2026 16:00'],
      ['found', !found && 'Say whether the requester was found'],
      ['stills', chosen.some((f) => !/^image\/(jpeg|png)$/.test(f.type) || f.size > STILL_MAX_BYTES) && 'Choose JPEG or PNG images of 10 MB or less'],
    ]))) return;
    const body = { cameraId: cameraId || undefined, searchedFrom: searchedFrom!, searchedTo: searchedTo!, found: found === 'yes', othersVisible: found === 'yes' && others === 'yes', notes };
    if (await form.run(() => recordSearch(request.id, body, chosen), 'Search recorded')) {
      setFrom(''); setTo(''); setFound(''); setOthers('no'); setNotes(''); setCameraId('');
      if (files.current) files.current.value = '';
      onChanged();
    }
  };
  const stillsError = form.field('stills');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="search-title">
      <h4 className="govuk-heading-s" id="search-title">Record a search</h4>
      <ErrorSummary errors={form.errors} />
      {form.done && <p className="govuk-body" role="status">{form.done}.</p>}
      <SelectField id={form.id('cameraId')} label="Camera (optional)" hint="The request’s cameras; for anywhere else, say where in the notes" value={cameraId} onChange={setCameraId} error={form.field('cameraId')}
        options={[{ value: '', label: 'No camera: the place is in the notes' }, ...request.cameras.map((c) => ({ value: c.id, label: `${c.reference} ${c.name}` }))]} />
      <TextField id={form.id('searchedFrom')} label="Footage searched from" hint="For example, 23/11/2026 14:05" value={from} onChange={setFrom} error={form.field('searchedFrom')} width="20" />
      <TextField id={form.id('searchedTo')} label="Footage searched to" value={to} onChange={setTo} error={form.field('searchedTo')} width="20" />
      <RadiosField id={form.id('found')} legend="Was the requester found?" value={found} onChange={setFound} error={form.field('found')} inline options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
      {found === 'yes' && (
        <RadiosField id={form.id('othersVisible')} legend="Are other people visible in the images?" hint="If so, the images need redacting before release" value={others} onChange={setOthers} error={form.field('othersVisible')} inline
          options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
      )}
      <TextareaField id={form.id('notes')} label="Notes" hint="Where was searched if no camera is chosen; what was seen" value={notes} onChange={setNotes} error={form.field('notes')} rows={3} />
      <div className={`govuk-form-group${stillsError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={form.id('stills')}>Stills (optional)</label>
        <div className="govuk-hint" id={`${form.id('stills')}-hint`}>JPEG or PNG, 10 MB at most each; only for a search that found the requester</div>
        {stillsError && <p className="govuk-error-message" id={`${form.id('stills')}-error`}><span className="govuk-visually-hidden">Error:</span> {stillsError}</p>}
        <input className="govuk-file-upload" id={form.id('stills')} type="file" accept="image/jpeg,image/png" multiple ref={files}
          aria-describedby={`${form.id('stills')}-hint${stillsError ? ` ${form.id('stills')}-error` : ''}`} />
      </div>
      <Button disabled={form.busy}>Record the search</Button>
    </form>
  );
}
