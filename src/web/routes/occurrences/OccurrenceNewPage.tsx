import { lazy, Suspense, useState } from 'react';
import { isCodeOf } from '../../../domain/labels';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PRIORITIES, SOURCES, cameraMapPointsQuery, cameraPickQuery, categoriesQuery, openOccurrence, type PickedCamera } from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, CheckboxesField, SelectField, TextField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { fieldErrors, formErrorsFrom, type FormErrors } from '../../lib/errors';
import { RadiosField } from './Radios';
import { parseUkDateTime } from './when';
import { pickHint, pickOptions, useDebounced } from './cameraPick';
import type { Point } from '../../components/MapPointPicker';

// MapLibre is most of a megabyte: loaded only when this form is.
const MapPointPicker = lazy(() => import('../../components/MapPointPicker').then((m) => ({ default: m.MapPointPicker })));

/** Both coordinates or neither, each a number in range. */
function parsePoint(latitude: string, longitude: string): { value?: Point; problems: Array<[string, string | false]> } {
  const [lat, lng] = [latitude.trim(), longitude.trim()];
  if (!lat && !lng) return { problems: [] };
  const la = Number(lat);
  const lo = Number(lng);
  const problems: Array<[string, string | false]> = [
    ['latitude', (!lat || !Number.isFinite(la) || la < -90 || la > 90) && 'Enter the latitude as a number between -90 and 90, like 52.8027'],
    ['longitude', (!lng || !Number.isFinite(lo) || lo < -180 || lo > 180) && 'Enter the longitude as a number between -180 and 180, like -1.6334'],
  ];
  return problems.some(([, p]) => p) ? { problems } : { value: { latitude: la, longitude: lo }, problems: [] };
}

const FIELDS = ['source', 'categoryId', 'priority', 'summary', 'locationText', 'latitude', 'longitude', 'cameraIds', 'observedAt'];
const entries = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

export function OccurrenceNewPage() {
  const [errors, setErrors] = useState<FormErrors>();
  useTitle('New occurrence', { error: !!errors });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useQuery(categoriesQuery);
  const cameras = useQuery(cameraMapPointsQuery);
  const [source, setSource] = useState('camera_patrol');
  const [categoryId, setCategoryId] = useState('');
  const [priority, setPriority] = useState('normal');
  const [summary, setSummary] = useState('');
  const [locationText, setLocationText] = useState('');
  const [latitude, setLatitude] = useState('');
  const [longitude, setLongitude] = useState('');
  const [chosenCameras, setChosenCameras] = useState<PickedCamera[]>([]);
  const cameraIds = chosenCameras.map((c) => c.id);
  const [cameraFilter, setCameraFilter] = useState('');
  const [observedAt, setObservedAt] = useState('');
  const [busy, setBusy] = useState(false);

  // The register's cameras by number, name or street, nearest to the point typed or picked first.
  const pickPoint = parsePoint(useDebounced(latitude), useDebounced(longitude)).value;
  const found = useQuery(cameraPickQuery({ q: useDebounced(cameraFilter), point: pickPoint }));
  const shownCameras = pickOptions(found.data ?? [], { chosen: chosenCameras });
  const setCameraIds = (ids: string[]) => setChosenCameras(ids.flatMap((id) => shownCameras.find((c) => c.id === id) ?? []));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const observed = parseUkDateTime(observedAt);
    const point = parsePoint(latitude, longitude);
    const invalid = fieldErrors([
      ...point.problems,
      ['summary', !summary.trim() && 'Enter a short description'],
      ['categoryId', !categoryId && 'Choose a category'],
      ['source', !isCodeOf(SOURCES, source) && 'Choose where this came from'],
      ['observedAt', observed === undefined && 'Enter the time seen like 14:05, or a date and time like 23/11/2026 14:05'],
    ]);
    setErrors(invalid);
    if (invalid || !isCodeOf(SOURCES, source)) return;
    setBusy(true);
    try {
      const created = await openOccurrence({
        source, categoryId, priority: isCodeOf(PRIORITIES, priority) ? priority : undefined, summary: summary.trim(), locationText: locationText.trim() || undefined, cameraIds, observedAt: observed || undefined,
        latitude: point.value?.latitude, longitude: point.value?.longitude,
      });
      await queryClient.invalidateQueries({ queryKey: ['occurrences'] });
      await navigate({ to: '/occurrences/$id', params: { id: created.id }, search: { opened: true } });
    } catch (err) {
      setErrors(formErrorsFrom(err, { fields: FIELDS, fallbackField: 'summary' }));
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to="/occurrences">Back to occurrences</Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">New occurrence</h1>
        <form onSubmit={submit} noValidate>
          <TextField id="summary" label="What is happening" hint="A short description, for example: Two males fighting outside the Red Lion" value={summary} onChange={setSummary}
            error={errors?.fields.summary} autoFocus autoComplete="off" maxLength={200} />
          <SelectField id="categoryId" label="Category" value={categoryId} onChange={setCategoryId} error={errors?.fields.categoryId}
            options={[{ value: '', label: 'Choose a category' }, ...(categories.data ?? []).filter((c) => c.isActive).map((c) => ({ value: c.id, label: c.name }))]} />
          <RadiosField id="source" legend="Source" hint="Where it came from" value={source} onChange={setSource} options={entries(SOURCES)} error={errors?.fields.source} />
          <RadiosField id="priority" legend="Priority" value={priority} onChange={setPriority} options={entries(PRIORITIES)} inline error={errors?.fields.priority} />
          <TextField id="locationText" label="Location" hint="Optional. A street, building or landmark" value={locationText} onChange={setLocationText} error={errors?.fields.locationText} autoComplete="off" />
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" aria-describedby="point-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Point on the map</legend>
            <div id="point-hint" className="govuk-hint">Optional. Click the map, or type the coordinates. Without one, the first camera chosen gives the point.</div>
            {!cameras.isPending && ( // the map opens centred on the cameras, so it waits for them
              <Suspense fallback={<p className="govuk-body">Loading the map…</p>}>
                <MapPointPicker point={parsePoint(latitude, longitude).value ?? null} cameras={cameras.data ?? []}
                  onPick={(p) => { setLatitude(String(p.latitude)); setLongitude(String(p.longitude)); }} />
              </Suspense>
            )}
            <TextField id="latitude" label="Latitude" hint="For example, 52.8027" value={latitude} onChange={setLatitude} error={errors?.fields.latitude} width="10" inputMode="text" autoComplete="off" spellCheck={false} />
            <TextField id="longitude" label="Longitude" hint="For example, -1.6334" value={longitude} onChange={setLongitude} error={errors?.fields.longitude} width="10" inputMode="text" autoComplete="off" spellCheck={false} />
          </fieldset>
          {found.isPending && <p className="govuk-body">Loading cameras…</p>}
          {found.isError && <p className="govuk-body">Cameras could not be loaded. {found.error.message}</p>}
          {(shownCameras.length > 0 || cameraFilter.trim() !== '') && (
            <>
              <TextField id="cameraFilter" label="Find a camera" type="search" value={cameraFilter} onChange={setCameraFilter} width="20" autoComplete="off" spellCheck={false}
                hint={`Part of a camera’s number, name or street${pickPoint ? '. The nearest to the point come first' : ''}`} />
              <CheckboxesField id="cameraIds" legend="Cameras involved" hint="Optional. Select all that apply." values={cameraIds} onChange={setCameraIds}
                options={shownCameras.map((c) => ({ value: c.id, label: `${c.reference} ${c.name}`, hint: pickHint(c) }))} error={errors?.fields.cameraIds} />
              {shownCameras.length === 0 && <p className="govuk-body">No cameras match ‘{cameraFilter}’.</p>}
            </>
          )}
          <TextField id="observedAt" label="Time seen" hint="Optional, if earlier than now. For example, 14:05 or 23/11/2026 14:05" value={observedAt} onChange={setObservedAt}
            error={errors?.fields.observedAt} width="10" autoComplete="off" spellCheck={false} />
          <Button disabled={busy}>Open occurrence</Button>
        </form>
      </div>
    </div>
  );
}
