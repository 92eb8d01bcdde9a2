import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RequestDetail } from '../../../../domain/requests/contract';
import { formatDateTime } from '../../../../domain/calendar/london';
import { can } from '../../../api/auth';
import { disclosureQuery, exhibitIdsFor, isDisclosable, linkExhibits, placeHolds, type CandidateRecording, type Disclosure } from '../../../api/requestsDisclosure';
import { splitReferences } from '../../../api/evidenceSearch';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, CheckboxesField, TextField } from '../../../components/fields';
import { fieldErrors } from '../../../lib/errors';
import { useSession } from '../../../lib/session';
import { useWriteForm } from '../../../lib/useWriteForm';
import { BookViewingForm } from './BookViewingForm';
import { DecisionPanel } from './DecisionPanel';

// The disclosure part of a request's page: for a footage request or a SAR, the recordings it may
// concern and their holds, the exhibits linked, the decision, and the package and its release; for
// any open request, booking a viewing. Controls show only to those who may use them.

type Props = { request: RequestDetail; onChanged: () => void };

export function DisclosureSections({ request, onChanged }: Props) {
  const session = useSession();
  const manage = can(session, 'requests.manage');
  const book = can(session, 'requests.viewings') && !request.closedAt;
  return (
    <>
      {isDisclosable(request.type) && <Footage request={request} onChanged={onChanged} manage={manage && !request.closedAt} canSearchExhibits={can(session, 'evidence.read')} />}
      {book && <BookViewingForm request={request} onChanged={onChanged} />}
    </>
  );
}

function Footage({ request, onChanged, manage, canSearchExhibits }: Props & { manage: boolean; canSearchExhibits: boolean }) {
  const footage = useQuery(disclosureQuery(request.id));
  return (
    <section aria-labelledby="footage-title">
      <h2 className="govuk-heading-m" id="footage-title">Footage and disclosure</h2>
      {footage.isPending && <p className="govuk-body">Loading the footage…</p>}
      {footage.isError && <p className="govuk-body">The footage could not be loaded. {footage.error.message}</p>}
      {footage.data && (
        <>
          <Recordings request={request} data={footage.data} manage={manage} onChanged={onChanged} />
          <Exhibits request={request} data={footage.data} manage={manage} onChanged={onChanged} canSearch={canSearchExhibits} />
          <DecisionPanel request={request} data={footage.data} manage={manage} onChanged={onChanged} />
        </>
      )}
    </section>
  );
}

const recorded = (c: CandidateRecording) => (c.startTime
  ? `${formatDateTime(c.startTime)}${c.durationS ? ` for ${Math.max(1, Math.round(c.durationS / 60))} min` : ''}`
  : `Untimed: came in ${formatDateTime(c.ingestedAt)}`);

function Recordings({ request, data, manage, onChanged }: { request: RequestDetail; data: Disclosure; manage: boolean; onChanged: () => void }) {
  const [include, setInclude] = useState<string[]>([]);
  const [done, setDone] = useState<string>();
  const f = useWriteForm({ scope: `request-${request.id}`, prefix: 'footage-hold', fields: ['recordingIds'], fallbackField: 'recordingIds', refresh: [['requests']] });
  const untimed = data.candidates.filter((c) => c.match === 'untimed' && !c.heldByRequest);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    // Naming the untimed ones means naming every candidate to hold: the overlapping ones not yet held too.
    const body = include.length
      ? { recordingIds: [...data.candidates.filter((c) => c.match === 'overlaps' && !c.heldByRequest).map((c) => c.id), ...include] }
      : {};
    let message = '';
    if (await f.run(async () => {
      const r = await placeHolds(request.id, body);
      message = r.held.length ? `Held ${r.held.length} recording${r.held.length === 1 ? '' : 's'}` : 'Everything was already held for this request';
    }, 'Held')) {
      setInclude([]);
      onChanged();
    }
    setDone(message || undefined);
  };
  return (
    <>
      <h3 className="govuk-heading-s">Recordings it may concern</h3>
      {!data.timeFrom && <div className="govuk-inset-text">No time is recorded for this request yet: record the time asked about before footage can be found and held.</div>}
      {data.timeFrom && (
        <p className="govuk-body">The time asked about: {formatDateTime(data.timeFrom)} to {formatDateTime(data.timeTo)}. Untimed recordings have no start time from the recorder and came in during that time or within {data.untimedWindowDays} days after it: look at them before including them.</p>
      )}
      {data.candidates.length === 0 ? <p className="govuk-body">No recordings found for its cameras and time.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Recordings the request may concern</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Recording', 'Camera', 'Recorded', 'Held', 'Exhibit'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {data.candidates.map((c) => (
              <tr className="govuk-table__row" key={c.id}>
                <td className="govuk-table__cell">{c.name}</td>
                <td className="govuk-table__cell">{c.camera ? `${c.camera.reference} ${c.camera.name}` : ''}</td>
                <td className="govuk-table__cell">{c.match === 'untimed' ? <><strong className="govuk-tag govuk-tag--yellow">Untimed</strong> {recorded(c)}</> : recorded(c)}</td>
                <td className="govuk-table__cell">{c.heldByRequest ? <strong className="govuk-tag govuk-tag--green">Held for this request</strong> : c.held ? 'Held (another hold)' : <strong className="govuk-tag govuk-tag--grey">Not held</strong>}</td>
                <td className="govuk-table__cell">{c.exhibit?.reference ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manage && data.timeFrom && data.candidates.length > 0 && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="footage-hold-title">
          <h4 className="govuk-heading-s" id="footage-hold-title">Hold the footage</h4>
          <ErrorSummary errors={f.errors} />
          {done && !f.errors && <p className="govuk-body" role="status">{done}.</p>}
          {untimed.length > 0 && (
            <CheckboxesField id={f.id('recordingIds')} legend="Untimed recordings to include (optional)" hint="Every recording whose time overlaps is held; tick an untimed one only once you have looked at it"
              values={include} onChange={setInclude} error={f.field('recordingIds')}
              options={untimed.map((c) => ({ value: c.id, label: `Include ${c.name}`, hint: recorded(c) }))} />
          )}
          <Button variant="secondary" disabled={f.busy}>Hold the footage</Button>
        </form>
      )}
    </>
  );
}

function Exhibits({ request, data, manage, onChanged, canSearch }: { request: RequestDetail; data: Disclosure; manage: boolean; onChanged: () => void; canSearch: boolean }) {
  const linked = new Set(data.exhibits.map((x) => x.id));
  const made = [...new Map(data.candidates.flatMap((c) => (c.exhibit && !linked.has(c.exhibit.id) ? [[c.exhibit.id, c.exhibit] as const] : []))).values()];
  const [chosen, setChosen] = useState<string[]>([]);
  const [references, setReferences] = useState('');
  const f = useWriteForm({ scope: `request-${request.id}`, prefix: 'exhibit-link', fields: ['exhibitIds', 'references'], fallbackField: 'exhibitIds', refresh: [['requests']] });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const typed = splitReferences(references);
    if (!f.check(fieldErrors([['exhibitIds', !typed.length && !chosen.length && 'Choose an exhibit or enter its reference']]))) return;
    let unknown: string[] = [];
    let ids = chosen;
    if (typed.length) {
      try {
        const found = await exhibitIdsFor(typed, made, canSearch);
        unknown = found.unknown;
        ids = [...new Set([...chosen, ...found.ids])];
      } catch {
        unknown = typed;
      }
    }
    if (!f.check(fieldErrors([[made.length > 0 ? 'references' : 'exhibitIds', unknown.length > 0 && `No exhibit found with the reference ${unknown.join(', ')}: check the reference`]]))) return;
    if (await f.run(() => linkExhibits(request.id, { exhibitIds: ids }), 'Linked')) {
      setChosen([]); setReferences('');
      onChanged();
    }
  };
  return (
    <>
      <h3 className="govuk-heading-s">Exhibits linked</h3>
      {data.exhibits.length === 0 ? <p className="govuk-body">No exhibits linked yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Exhibits linked to the request</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Exhibit', 'Description', 'State', 'Linked'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {data.exhibits.map((x) => (
              <tr className="govuk-table__row" key={x.id}>
                <td className="govuk-table__cell">{x.reference}</td>
                <td className="govuk-table__cell">{x.description}</td>
                <td className="govuk-table__cell">{x.state}</td>
                <td className="govuk-table__cell">{formatDateTime(x.linkedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manage && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="exhibit-link-title">
          <h4 className="govuk-heading-s" id="exhibit-link-title">Link an exhibit</h4>
          <ErrorSummary errors={f.errors} />
          {f.done && <p className="govuk-body" role="status">{f.done}.</p>}
          {made.length > 0 && (
            <CheckboxesField id={f.id('exhibitIds')} legend="Exhibits made of this footage" values={chosen} onChange={setChosen} error={f.field('exhibitIds')}
              options={made.map((x) => ({ value: x.id, label: x.reference }))} />
          )}
          <TextField id={made.length > 0 ? f.id('references') : f.id('exhibitIds')} label={made.length > 0 ? 'Other exhibits (optional)' : 'Exhibit references'}
            hint={canSearch ? 'Their references, separated by commas, for example AB/1, CD/2' : 'References of exhibits made of this request’s footage, for example AB/1'}
            value={references} onChange={setReferences} error={f.field(made.length > 0 ? 'references' : 'exhibitIds')} width="20" autoComplete="off" spellCheck={false} />
          <Button variant="secondary" disabled={f.busy}>Link</Button>
        </form>
      )}
    </>
  );
}
