import { useState } from 'react';
import { CLIP_MODES, requestDerivative, type ExhibitDetail, type RequestDerivative } from '../../api/evidence';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { fieldErrors } from '../../lib/errors';
import { useWriteForm } from '../../lib/useWriteForm';
import { RadiosField, submitOnCtrlEnter, TextareaField } from '../occurrences/Radios';
import { formatPlayerTime, parsePlayerTime, parsePlayerTimes } from './frames';
import type { PlayerTime } from './Player';

const KINDS = [
  { value: 'working_copy', label: 'Working copy of the whole recording (H.264 MP4, plays anywhere)' },
  { value: 'clip', label: 'Clip (from a start to an end)' },
  { value: 'still', label: 'Stills (PNG images at chosen times)' },
];
const badTime = 'Enter a time like 1:02.480 or 62.48 (seconds into the recording)';

/**
 * Asking for a working copy, a clip or stills of a master, made in the background by ffmpeg. A
 * clip's start and end, and a still's time, can be taken from the player ("Set start here").
 */
export function DerivativeForm({ exhibit, player }: { exhibit: ExhibitDetail; player: PlayerTime | undefined }) {
  const f = useWriteForm({
    scope: `exhibit:${exhibit.id}`, prefix: 'copy', fallbackField: 'purpose', refresh: [['exhibit', exhibit.id]],
    fields: ['kind', 'recordingId', 'mode', 'startS', 'endS', 'atS', 'caption', 'purpose'],
  });
  const masters = exhibit.recordings.filter((r) => r.format === 'video');
  const [kind, setKind] = useState('working_copy');
  const [recordingId, setRecordingId] = useState(masters[0]?.id ?? '');
  const [mode, setMode] = useState<'copy' | 'reencode'>('reencode');
  const [v, setV] = useState({ start: '', end: '', at: '', purpose: '' });
  const [caption, setCaption] = useState(true);
  const set = (key: keyof typeof v) => (value: string) => setV((d) => ({ ...d, [key]: value }));
  if (!masters.length) return <p className="govuk-body">No master of this exhibit can be read as video here, so no copy can be made: use the manufacturer’s player.</p>;

  /** The player's place, in the master it is playing (which becomes the recording the copy is made from). */
  const here = (apply: (time: string) => void) => {
    if (!player) return;
    setRecordingId(player.recordingId);
    apply(formatPlayerTime(player.masterS));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const [startS, endS, atS] = [parsePlayerTime(v.start), parsePlayerTime(v.end), parsePlayerTimes(v.at)];
    if (!f.check(fieldErrors([
      ['recordingId', !recordingId && 'Choose the recording to copy'],
      ['startS', kind === 'clip' && startS === undefined && (v.start.trim() ? badTime : 'Enter where the clip starts')],
      ['endS', kind === 'clip' && (endS === undefined ? (v.end.trim() ? badTime : 'Enter where the clip ends') : startS !== undefined && endS <= startS && 'The clip must end after it starts')],
      ['atS', kind === 'still' && (!atS ? badTime : !atS.length && 'Choose a time for the still')],
      ['purpose', v.purpose.trim().length < 3 && 'Enter what it is for (at least 3 characters)'],
    ]))) return;
    const purpose = v.purpose.trim();
    const body: RequestDerivative = kind === 'clip' ? { kind: 'clip', recordingId, mode, caption, startS: startS!, endS: endS!, purpose }
      : kind === 'still' ? { kind: 'still', recordingId, caption, atS: atS!, purpose }
      : { kind: 'working_copy', recordingId, caption, purpose };
    const what = kind === 'clip' ? 'Clip' : kind === 'still' ? (atS!.length > 1 ? 'Stills' : 'Still') : 'Working copy';
    if (await f.run(() => requestDerivative(exhibit.id, body), `${what} asked for. It shows below as it is made.`)) setV({ start: '', end: '', at: '', purpose: '' });
  };

  const hereButton = (label: string, apply: (time: string) => void) => (
    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 vigil-inline-button" onClick={() => here(apply)} disabled={!player}>{label}</button>
  );
  return (
    <form onSubmit={submit} noValidate aria-labelledby="copy-title">
      <h2 className="govuk-heading-m" id="copy-title">Make a working copy, clip or stills</h2>
      <ErrorSummary errors={f.errors} />
      <RadiosField id={f.id('kind')} legend="What to make" value={kind} onChange={setKind} options={KINDS} error={f.field('kind')} />
      {masters.length > 1 && (
        <SelectField id={f.id('recordingId')} label="From the master" value={recordingId} onChange={setRecordingId} error={f.field('recordingId')}
          options={masters.map((r) => ({ value: r.id, label: r.originalName }))} />
      )}
      {kind === 'clip' && (
        <>
          <div className="vigil-field-with-button">
            <TextField id={f.id('startS')} label="Start" hint="Time into the recording, for example 1:02.480" value={v.start} onChange={set('start')} error={f.field('startS')} width="10" spellCheck={false} autoComplete="off" />
            {hereButton('Set start here', set('start'))}
          </div>
          <div className="vigil-field-with-button">
            <TextField id={f.id('endS')} label="End" value={v.end} onChange={set('end')} error={f.field('endS')} width="10" spellCheck={false} autoComplete="off" />
            {hereButton('Set end here', set('end'))}
          </div>
          <RadiosField id={f.id('mode')} legend="How to cut" value={mode} onChange={(m) => setMode(m as 'copy' | 'reencode')} error={f.field('mode')}
            options={Object.entries(CLIP_MODES).map(([value, label]) => ({ value, label }))} />
        </>
      )}
      {kind === 'still' && (
        <div className="vigil-field-with-button">
          <TextField id={f.id('atS')} label="Times" hint="One or more times into the recording, separated by commas, for example 12.5, 1:02.480" value={v.at} onChange={set('at')} error={f.field('atS')} width="20" spellCheck={false} autoComplete="off" />
          {hereButton('Add the current time', (t) => set('at')(v.at.trim() ? `${v.at.trim()}, ${t}` : t))}
        </div>
      )}
      {!player && kind !== 'working_copy' && <p className="govuk-hint">Play the footage above to take times from the player.</p>}
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id={f.id('caption')} type="checkbox" checked={caption} onChange={(e) => setCaption(e.target.checked)} aria-describedby={`${f.id('caption')}-hint`} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={f.id('caption')}>Burn in a caption</label>
            <div className="govuk-hint govuk-checkboxes__hint" id={`${f.id('caption')}-hint`}>The exhibit reference, camera, and the recorded date and time running with the footage, corrected by the recorder’s clock offset</div>
          </div>
        </div>
      </div>
      <TextareaField id={f.id('purpose')} label="What it is for" hint="For example: for the police, to show the assault at 23:41" value={v.purpose} onChange={set('purpose')} rows={2} error={f.field('purpose')} onKeyDown={submitOnCtrlEnter} />
      <Button disabled={f.busy}>Make copy</Button>
      <div role="status" aria-live="polite">{f.done && <p className="govuk-body govuk-!-font-weight-bold">{f.done}</p>}</div>
    </form>
  );
}
