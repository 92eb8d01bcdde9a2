import { useState } from 'react';
import { addCameras, type Occurrence } from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField } from '../../components/fields';
import { fieldErrors } from '../../lib/errors';
import { useOccurrenceForm } from './useOccurrenceForm';

/** Another camera that shows the occurrence, added as it moves across the town (it becomes an entry). */
export function AddCameraForm({ occurrence, cameras }: { occurrence: Occurrence; cameras: Array<{ id: string; reference: string; name: string }> }) {
  const f = useOccurrenceForm(occurrence.id, 'cameras', ['cameraIds'], 'cameraIds');
  const [cameraId, setCameraId] = useState('');
  const others = cameras.filter((c) => !occurrence.cameras.some((o) => o.id === c.id));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([['cameraIds', !cameraId && 'Choose the camera to add']]))) return;
    const camera = others.find((c) => c.id === cameraId);
    if (await f.run(() => addCameras(occurrence.id, { cameraIds: [cameraId] }), `${camera ? `${camera.reference} ${camera.name}` : 'Camera'} added.`)) setCameraId('');
  };

  // Once the last camera is added there is nothing left to choose, but the confirmation stays (in
  // the same live region, so that it is still announced).
  if (others.length === 0 && !f.done) return null;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="cameras-title">
      <h2 className="govuk-heading-m" id="cameras-title">Add a camera</h2>
      {others.length > 0 ? (
        <>
          <ErrorSummary errors={f.errors} />
          <SelectField id={f.id('cameraIds')} label="Camera" value={cameraId} onChange={setCameraId} error={f.field('cameraIds')}
            options={[{ value: '', label: 'Choose a camera' }, ...others.map((c) => ({ value: c.id, label: `${c.reference} ${c.name}` }))]} />
          <Button disabled={f.busy} variant="secondary">Add camera</Button>
        </>
      ) : <p className="govuk-body">Every camera is on this occurrence.</p>}
      <div role="status" aria-live="polite">{f.done && <p className="govuk-body govuk-!-font-weight-bold">{f.done}</p>}</div>
      <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
    </form>
  );
}
