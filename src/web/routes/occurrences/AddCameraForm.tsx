import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { addCameras, cameraPickQuery, type Occurrence, type PickedCamera } from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { fieldErrors } from '../../lib/errors';
import { distanceWords, pickOptions, useDebounced } from './cameraPick';
import { useOccurrenceForm } from './useOccurrenceForm';

/**
 * Another camera that shows the occurrence, added as it moves across the town (it becomes an entry):
 * found in the register by number, name or street, the nearest to the occurrence's point first.
 */
export function AddCameraForm({ occurrence }: { occurrence: Occurrence }) {
  const f = useOccurrenceForm(occurrence.id, 'cameras', ['cameraIds'], 'cameraIds');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<PickedCamera>();
  const { latitude, longitude } = occurrence.location;
  const point = latitude !== null && longitude !== null ? { latitude, longitude } : undefined;
  const skip = occurrence.cameras.map((c) => c.id);
  const found = useQuery(cameraPickQuery({ q: useDebounced(q), point, limit: Math.min(50, 20 + skip.length) }));
  const options = pickOptions(found.data ?? [], { chosen: chosen ? [chosen] : [], skip });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([['cameraIds', !chosen && 'Choose the camera to add']])) || !chosen) return;
    if (await f.run(() => addCameras(occurrence.id, { cameraIds: [chosen.id] }), `${chosen.reference} ${chosen.name} added.`)) setChosen(undefined);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="cameras-title">
      <h2 className="govuk-heading-m" id="cameras-title">Add a camera</h2>
      <ErrorSummary errors={f.errors} />
      <TextField id={f.id('q')} label="Find a camera" type="search" width="20" autoComplete="off" spellCheck={false} value={q} onChange={setQ}
        hint={`Part of its number, name or street${point ? '. The nearest to the occurrence’s point come first' : ''}`} />
      <SelectField id={f.id('cameraIds')} label="Camera" value={chosen?.id ?? ''} onChange={(id) => setChosen(options.find((c) => c.id === id))} error={f.field('cameraIds')}
        options={[
          { value: '', label: found.isPending ? 'Loading cameras…' : options.length ? 'Choose a camera' : q.trim() ? `No camera matches ‘${q.trim()}’` : 'Every camera in service is on this occurrence' },
          ...options.map((c) => ({ value: c.id, label: [`${c.reference} ${c.name}`, distanceWords(c.distanceM)].filter(Boolean).join(', ') })),
        ]} />
      <p className="govuk-visually-hidden" role="status" aria-live="polite">
        {q.trim() && found.isSuccess ? `${options.length} camera${options.length === 1 ? '' : 's'} found for ‘${q.trim()}’${point ? ', nearest first' : ''}` : ''}
      </p>
      {found.isError && <p className="govuk-body">Cameras could not be loaded. {found.error.message}</p>}
      <Button disabled={f.busy} variant="secondary">Add camera</Button>
      <div role="status" aria-live="polite">{f.done && <p className="govuk-body govuk-!-font-weight-bold">{f.done}</p>}</div>
      <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
    </form>
  );
}
