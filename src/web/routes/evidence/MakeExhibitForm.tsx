import { useEffect, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { createExhibit, findOccurrencesByReference, recordingsQuery, type Recording } from '../../api/evidence';
import { matchReferences, splitReferences } from '../../api/evidenceSearch';
import type { Camera } from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, CheckboxesField, TextField } from '../../components/fields';
import { fieldErrors } from '../../lib/errors';
import { useWriteForm } from '../../lib/useWriteForm';
import { formatDateTime } from '../../../domain/calendar/london';
import { TextareaField } from '../occurrences/Radios';
import { parseUkDateTime, understoodAs } from '../occurrences/when';
import { describeProbe, formatBytes, shortHash } from './words';

const TIME_HINT = 'The true UK time (not the recorder’s, if its clock was wrong), with seconds if you know them, for example 23/11/2026 14:05:09';
const badTime = 'Enter a date and time like 23/11/2026 14:05:09';
const hint = (lead: string, typed: string) => [lead, understoodAs(typed)].filter(Boolean).join('. ');

/**
 * "Recent footage not yet an exhibit", and making an exhibit of what is ticked: a description, the
 * cameras, the recorded times with the recorder's clock if checked, the occurrences it belongs to.
 */
export function MakeExhibitForm({ uploadedHere, cameras }: { uploadedHere: string[]; cameras: Camera[] }) {
  const recordings = useQuery(recordingsQuery({ unassigned: true }));
  const navigate = useNavigate();
  const f = useWriteForm({
    scope: 'make-exhibit', prefix: 'exhibit', fallbackField: 'description', refresh: [['recordings'], ['exhibits']],
    fields: ['description', 'recordingIds', 'cameraIds', 'recordedFrom', 'recordedTo', 'clock', 'occurrenceIds', 'location'],
  });
  const [ticked, setTicked] = useState<string[]>([]);
  const [v, setV] = useState({ description: '', cameras: '', recordedFrom: '', recordedTo: '', recorderShowed: '', trueTime: '', occurrences: '', location: 'CCTV control room' });
  const set = (key: keyof typeof v) => (value: string) => setV((d) => ({ ...d, [key]: value }));
  const items = recordings.data?.items ?? [];

  // What was just uploaded here is ticked, and its camera filled in, ready to be made an exhibit.
  const uploaded = uploadedHere.join();
  useEffect(() => {
    if (uploaded) setTicked((t) => [...new Set([...t, ...uploaded.split(',')])]);
  }, [uploaded]);
  const camerasOfTicked = [...new Set(items.filter((r) => ticked.includes(r.id) && r.camera).map((r) => r.camera!.reference))].join(', ');
  const [camerasTouched, setCamerasTouched] = useState(false);
  const cameraText = camerasTouched ? v.cameras : camerasOfTicked;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const [from, to, showed, truth] = [v.recordedFrom, v.recordedTo, v.recorderShowed, v.trueTime].map((t) => parseUkDateTime(t));
    const cams = matchReferences(splitReferences(cameraText), cameras);
    if (!f.check(fieldErrors([
      ['recordingIds', !ticked.length && 'Choose the recording(s) this exhibit is'],
      ['description', v.description.trim().length < 3 && 'Describe the exhibit (at least 3 characters)'],
      ['cameraIds', !!cams.unknown.length && `No camera has the reference ${cams.unknown.join(', ')}`],
      ['recordedFrom', from === undefined && badTime],
      ['recordedTo', to === undefined ? badTime : !!from && !!to && to < from && 'The footage must end after it starts'],
      ['clock', showed === undefined ? badTime : !showed && !!truth && 'Enter the time the recorder showed'],
      ['clockTrue', truth === undefined ? badTime : !truth && !!showed && 'Enter the true time at that moment'],
      ['location', v.location.trim().length < 2 && 'Enter where the exhibit was produced (for example: CCTV control room)'],
    ]))) return;
    let created: { id: string; reference: string } | undefined;
    const ok = await f.run(async () => {
      const occurrences = await findOccurrencesByReference(splitReferences(v.occurrences));
      if (occurrences.unknown.length) throw occurrenceProblem(occurrences.unknown);
      created = await createExhibit({
        description: v.description.trim(), recordingIds: ticked, cameraIds: cams.ids, recordedFrom: from || null, recordedTo: to || null,
        clock: showed && truth ? { recorderShowed: showed, trueTime: truth } : null, occurrenceIds: occurrences.ids, location: v.location.trim(),
      });
    }, 'Exhibit made.');
    if (ok && created) void navigate({ to: '/evidence/exhibits/$id', params: { id: created.id }, search: { made: true } });
  };

  return (
    <section aria-labelledby="unassigned-title">
      <h2 className="govuk-heading-m" id="unassigned-title">Recent footage not yet an exhibit</h2>
      {recordings.isPending && <p className="govuk-body">Loading footage…</p>}
      {recordings.isError && <p className="govuk-body">The footage could not be loaded. {recordings.error.message}</p>}
      {recordings.data && !items.length && <p className="govuk-body">All footage that came in is already an exhibit. Upload footage above to make a new one.</p>}
      {!!items.length && (
        <form onSubmit={submit} noValidate aria-labelledby="make-exhibit-title">
          <h3 className="govuk-heading-s" id="make-exhibit-title">Make an exhibit</h3>
          <ErrorSummary errors={f.errors} />
          <CheckboxesField id={f.id('recordingIds')} legend="Recordings" hint="Tick the file or files that make up one exhibit. Footage not made an exhibit is deleted when its retention period ends."
            values={ticked} onChange={setTicked} error={f.field('recordingIds')} options={items.map((r) => ({ value: r.id, label: r.originalName, hint: recordingHint(r) }))} />
          <TextareaField id={f.id('description')} label="Description" hint="What the footage shows, as it would read in a statement" value={v.description} onChange={set('description')} rows={3} error={f.field('description')} />
          <TextField id={f.id('cameraIds')} label="Cameras" hint="Camera references, separated by commas, for example C012, C014" value={cameraText}
            onChange={(value) => { setCamerasTouched(true); set('cameras')(value); }} error={f.field('cameraIds')} width="20" spellCheck={false} autoComplete="off" />
          <TextField id={f.id('recordedFrom')} label="Recorded from (optional)" hint={hint(TIME_HINT, v.recordedFrom)} value={v.recordedFrom} onChange={set('recordedFrom')} error={f.field('recordedFrom')} width="20" spellCheck={false} autoComplete="off" />
          <TextField id={f.id('recordedTo')} label="Recorded to (optional)" hint={hint('', v.recordedTo)} value={v.recordedTo} onChange={set('recordedTo')} error={f.field('recordedTo')} width="20" spellCheck={false} autoComplete="off" />
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" aria-describedby="exhibit-clock-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Recorder’s clock (optional)</legend>
            <div className="govuk-hint" id="exhibit-clock-hint">If you compared the recorder’s clock with the true time: the recorder showed one time when the true time was another.</div>
            <TextField id={f.id('clock')} label="The recorder showed" hint={hint('For example, 23/11/2026 14:03:10', v.recorderShowed)} value={v.recorderShowed} onChange={set('recorderShowed')} error={f.field('clock')} width="20" spellCheck={false} autoComplete="off" />
            <TextField id={f.id('clockTrue')} label="when the true time was" hint={hint('For example, 23/11/2026 14:05:00', v.trueTime)} value={v.trueTime} onChange={set('trueTime')} error={f.field('clockTrue')} width="20" spellCheck={false} autoComplete="off" />
          </fieldset>
          <TextField id={f.id('occurrenceIds')} label="Occurrences (optional)" hint="References of the occurrences this footage is about, separated by commas, for example OCC-2026-000123" value={v.occurrences} onChange={set('occurrences')} error={f.field('occurrenceIds')} width="30" spellCheck={false} autoComplete="off" />
          <TextField id={f.id('location')} label="Where it was produced" value={v.location} onChange={set('location')} error={f.field('location')} width="30" />
          <Button disabled={f.busy}>Make exhibit</Button>
          <div role="status" aria-live="polite">{f.done && <p className="govuk-body govuk-!-font-weight-bold">{f.done}</p>}</div>
        </form>
      )}
    </section>
  );
}

function recordingHint(r: Recording): string {
  return [
    r.camera ? `${r.camera.reference} ${r.camera.name}` : '', `${formatBytes(r.sizeBytes)}, came in ${formatDateTime(r.ingestedAt)} from ${r.ingestedBy.name}`,
    describeProbe(r.probe), `SHA-256 ${shortHash(r.sha256)}`, r.deleteAfter ? `deleted after ${formatDateTime(r.deleteAfter)} unless made an exhibit` : '',
  ].filter(Boolean).join(' · ');
}

/** An occurrence reference that matched none, as the server would say it, so that it shows beside its field. */
function occurrenceProblem(unknown: string[]) {
  return new ApiError({ status: 400, errors: [{ path: 'occurrenceIds', message: `No occurrence has the reference ${unknown.join(', ')}` }] });
}
