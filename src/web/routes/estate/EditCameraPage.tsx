import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CAMERA_CAPABILITIES, CAMERA_FIELD_LABELS, CAMERA_KINDS, CAMERA_OWNERS, CAMERA_STATUSES, cameraQuery, updateCamera, type Camera } from '../../api/estate';
import { isApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, CheckboxesField, SelectField, TextField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { fieldErrors } from '../../lib/errors';
import { useWriteForm } from '../../lib/useWriteForm';
import { draftOf, patchOf, reasonField, type CameraDraft } from './edit';

const HINTS: Partial<Record<keyof CameraDraft, string>> = {
  reference: 'Letters, digits or hyphens, like C31', latitude: 'WGS84, like 52.80271', longitude: 'WGS84, like -1.63342', bearing: 'Degrees clockwise from north, 0 to 359',
  fieldOfView: 'Degrees', range: 'Metres', mountingHeight: 'Metres', installedOn: 'For example, 4/3/2024', connectivityLine: 'The line’s reference, for the maintenance contractor',
};
const options = (values: Record<string, string>) => Object.entries(values).map(([value, label]) => ({ value, label }));
const SERVER_FIELDS = ['reference', 'name', 'location', 'latitude', 'longitude', 'kind', 'status', 'bearing', 'fieldOfView', 'range', 'mountingHeight', 'videoSystem', 'channel',
  'connectivityLine', 'installedOn', 'owner', 'ownerName', 'purpose', 'ward', 'capabilities', 'reason'];

/** Change a camera's register entry (coordinators): every change is kept in its history, with the reason given. */
export function EditCameraPage({ id }: { id: string }) {
  const camera = useQuery(cameraQuery(id));
  if (camera.isPending) return <p className="govuk-body">Loading the camera…</p>;
  if (camera.isError) return <p className="govuk-body">The camera could not be loaded. {camera.error.message}</p>;
  return <EditForm camera={camera.data} key={camera.data.version} />;
}

function EditForm({ camera }: { camera: Camera }) {
  const [draft, setDraft] = useState<CameraDraft>(() => draftOf(camera));
  const form = useWriteForm({ scope: `camera-${camera.id}`, prefix: 'camera', fields: SERVER_FIELDS, fallbackField: 'reason', refresh: [['cameras']] });
  useTitle(`Change camera ${camera.reference}`, { error: !!form.errors });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const set = (key: keyof CameraDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const stale = isApiError(form.lastError) && form.lastError.code === 'estate.stale_version';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const { patch, changed, problems } = patchOf(camera, draft);
    const invalid = problems ? fieldErrors(SERVER_FIELDS.map((f) => [f, problems[f]])) : changed === 0 ? { summary: [{ text: 'Nothing has changed: change at least one field, or cancel' }], fields: {} } : undefined;
    if (!form.check(invalid)) return;
    if (await form.run(() => updateCamera(camera.id, patch), 'Camera changed')) void navigate({ to: '/estate/cameras/$id', params: { id: camera.id } });
  };
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['cameras', 'one', camera.id] });

  const text = (f: keyof CameraDraft & keyof typeof CAMERA_FIELD_LABELS, width: '30' | '20' | '10' | 'full' = '20') => (
    <TextField id={form.id(f)} label={CAMERA_FIELD_LABELS[f]} hint={HINTS[f]} value={draft[f] as string} onChange={set(f)} error={form.field(f)} width={width} spellCheck={false} />
  );
  const choice = (f: 'kind' | 'status' | 'owner', values: Record<string, string>) => (
    <SelectField id={form.id(f)} label={CAMERA_FIELD_LABELS[f]} value={draft[f]} onChange={set(f)} error={form.field(f)} options={options(values)} />
  );
  return (
    <>
      <Link className="govuk-back-link" to="/estate/cameras/$id" params={{ id: camera.id }}>Camera {camera.reference}</Link>
      {stale ? (
        <div className="govuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="govuk-error-summary__title">Someone else changed this camera since you opened it</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">Load their version, then make your change again. What you typed is lost when you load it, so note it first if you need it.</p>
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={reload}>Load the latest version</button>
          </div>
        </div>
      ) : <ErrorSummary errors={form.errors} />}
      <span className="govuk-caption-l">Camera {camera.reference}, version {camera.version}</span>
      <h1 className="govuk-heading-l">Change the camera</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="govuk-heading-m">What and where</h2>
        {text('reference', '10')}{text('name', '30')}{text('location', 'full')}{text('latitude', '10')}{text('longitude', '10')}
        {choice('kind', CAMERA_KINDS)}{choice('status', CAMERA_STATUSES)}
        <h2 className="govuk-heading-m">View</h2>
        {text('bearing', '10')}{text('fieldOfView', '10')}{text('range', '10')}{text('mountingHeight', '10')}
        <CheckboxesField id={form.id('capabilities')} legend="Capabilities" values={draft.capabilities} onChange={(capabilities) => setDraft((d) => ({ ...d, capabilities }))}
          error={form.field('capabilities')} options={options(CAMERA_CAPABILITIES)} />
        <h2 className="govuk-heading-m">System, owner and purpose</h2>
        {text('videoSystem')}{text('channel', '10')}{text('connectivityLine')}{text('installedOn', '10')}
        {choice('owner', CAMERA_OWNERS)}{text('ownerName', '30')}{text('purpose', 'full')}{text('ward')}
        <TextField id={form.id('reason')} {...reasonField(camera, draft)}
          value={draft.reason} onChange={set('reason')} error={form.field('reason')} width="full" />
        <div className="govuk-button-group">
          <Button disabled={form.busy}>Save the change</Button>
          <Link className="govuk-link" to="/estate/cameras/$id" params={{ id: camera.id }}>Cancel</Link>
        </div>
      </form>
    </>
  );
}
