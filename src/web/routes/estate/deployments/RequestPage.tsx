import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { countIncidents, requestDeployment, type IncidentCounts } from '../../../api/deployments';
import { cameraMapQuery } from '../../../api/estate';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, TextField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors, formErrorsFrom } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { formatUkDay, londonDay } from '../../../../domain/calendar/london';
import { TextareaField } from '../../occurrences/Radios';
import { EstateNav } from '../EstateNav';
import { emptyRequest, evidenceQueryOf, REQUEST_FIELD_NAMES, renameFields, requestBodyOf, type Problems, type RequestDraft } from './forms';
import { setFlash } from './flash';

// MapLibre's picker is loaded only when the form is (as the occurrence form does).
const MapPointPicker = lazy(() => import('../../../components/MapPointPicker').then((m) => ({ default: m.MapPointPicker })));

const FIELDS = ['locationText', 'latitude', 'longitude', 'problem', 'radiusM', 'evidenceFrom', 'evidenceTo', 'proposedDays', 'alternatives', 'dpiaReference'];
const EVIDENCE_FIELDS = new Set<keyof RequestDraft>(['latitude', 'longitude', 'radiusM', 'evidenceFrom', 'evidenceTo']);
const problemsOf = (p: Problems) => fieldErrors(FIELDS.map((f) => [f, p[f]]));
const yearBefore = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4, 8)}${day.slice(5) === '02-29' ? '28' : day.slice(8)}`;

/** Ask for a mobile camera: where, the problem, the evidence from the occurrence log, the duration, alternatives and the DPIA. */
export function RequestPage() {
  const today = londonDay();
  const [draft, setDraft] = useState<RequestDraft>(() => emptyRequest(formatUkDay(today), formatUkDay(yearBefore(today))));
  const form = useWriteForm({ scope: 'deployment-request', prefix: 'request', fields: FIELDS, fallbackField: 'locationText', refresh: [['deployments']] });
  useTitle('Request a mobile camera', { error: !!form.errors });
  const navigate = useNavigate();
  const cameras = useQuery(cameraMapQuery());
  const [counts, setCounts] = useState<IncidentCounts>();
  const [counting, setCounting] = useState(false);
  const set = (key: keyof RequestDraft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // A count is for the point, distance and period it was made with: shown no longer once they change.
    if (EVIDENCE_FIELDS.has(key)) setCounts(undefined);
  };

  const count = async () => {
    const { query, problems } = evidenceQueryOf(draft);
    if (!form.check(problemsOf(problems)) || !query) return;
    setCounting(true);
    try {
      setCounts(await countIncidents(query));
    } catch (err) {
      setCounts(undefined);
      form.check(formErrorsFrom(renameFields(err, { from: 'evidenceFrom', to: 'evidenceTo' }), { fields: FIELDS, fallbackField: 'evidenceFrom' }));
    } finally {
      setCounting(false);
    }
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const { body, problems } = requestBodyOf(draft);
    if (!form.check(problemsOf(problems)) || !body) return;
    let step: Awaited<ReturnType<typeof requestDeployment>> | undefined;
    const ok = await form.run(async () => {
      try { step = await requestDeployment(body); } catch (err) { throw renameFields(err, REQUEST_FIELD_NAMES); }
    }, 'Requested');
    if (ok && step) {
      setFlash(step.id, `Deployment ${step.reference} requested: a coordinator will decide it.`);
      void navigate({ to: '/estate/deployments/$id', params: { id: step.id } });
    }
  };

  const point = draft.latitude.trim() && draft.longitude.trim() && Number.isFinite(Number(draft.latitude)) && Number.isFinite(Number(draft.longitude))
    ? { latitude: Number(draft.latitude), longitude: Number(draft.longitude) } : null;
  const text = (f: keyof RequestDraft, label: string, hint?: string, width: '30' | '20' | '10' | '5' | 'full' = 'full') => (
    <TextField id={form.id(f)} label={label} hint={hint} value={draft[f]} onChange={set(f)} error={form.field(f)} width={width} autoComplete="off" spellCheck={width === 'full'} />
  );
  const area = (f: keyof RequestDraft, label: string, hint?: string) => (
    <TextareaField id={form.id(f)} label={label} hint={hint} value={draft[f]} onChange={set(f)} error={form.field(f)} rows={4} />
  );

  return (
    <>
      <Link className="govuk-back-link" to="/estate/deployments">Mobile cameras</Link>
      <ErrorSummary errors={form.errors} />
      <h1 className="govuk-heading-l">Request a mobile camera</h1>
      <EstateNav />
      <p className="govuk-body">A coordinator decides the request. Say why a camera is needed here, what it would achieve, and what else was tried or considered.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="govuk-heading-m">Where</h2>
        {text('locationText', 'Where the camera would go', 'A street and a landmark, like ‘Station Street by the taxi rank’')}
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" aria-describedby="request-point-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Point on the map</legend>
          <div id="request-point-hint" className="govuk-hint">Click the map, pan to the place and use the centre of the map, or type the coordinates.</div>
          {!cameras.isPending && (
            <Suspense fallback={<p className="govuk-body">Loading the map…</p>}>
              <MapPointPicker point={point} cameras={(cameras.data ?? []).map((c) => ({ id: c.id, reference: c.reference, latitude: c.lat, longitude: c.lon, status: c.status }))}
                onPick={(p) => { setDraft((d) => ({ ...d, latitude: String(p.latitude), longitude: String(p.longitude) })); setCounts(undefined); }} />
            </Suspense>
          )}
          {text('latitude', 'Latitude', 'For example, 52.8027', '10')}
          {text('longitude', 'Longitude', 'For example, -1.6334', '10')}
        </fieldset>

        <h2 className="govuk-heading-m">Why</h2>
        {area('problem', 'The problem the camera would address', 'What happens here, when, and what the camera would achieve')}
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" aria-describedby="request-evidence-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Evidence from the occurrence log</legend>
          <div id="request-evidence-hint" className="govuk-hint">Incidents logged within a distance of the point over a period. The counts for this period are recorded with the request when you send it.</div>
          {text('radiusM', 'Distance from the point, in metres', 'Between 25 and 2000', '5')}
          {text('evidenceFrom', 'First day of the period', 'For example, 1/12/2025', '10')}
          {text('evidenceTo', 'Last day of the period', 'For example, 30/11/2026', '10')}
          <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={counting} onClick={() => void count()}>
            Count the incidents
          </button>
          <div role="status">{counts && <CountsResult counts={counts} />}</div>
        </fieldset>
        {text('proposedDays', 'Proposed duration, in days', 'How long the camera would stay, 1 to 730 days; reviews while it is up decide whether it stays', '5')}
        {area('alternatives', 'Alternatives considered', 'Other ways of dealing with the problem (patrols, lighting, a fixed camera) and why they are not enough')}
        {text('dpiaReference', 'DPIA reference', 'The data protection impact assessment that covers this deployment', '20')}
        <Button disabled={form.busy}>Send the request</Button>
      </form>
    </>
  );
}

function CountsResult({ counts }: { counts: IncidentCounts }) {
  const head = `${counts.total === 1 ? '1 incident' : `${counts.total} incidents`} logged within ${counts.radiusM} metres from ${formatUkDay(counts.from)} to ${formatUkDay(counts.to)}`;
  return (
    <div className="govuk-inset-text govuk-!-margin-top-0">
      <p className="govuk-body">{head}.</p>
      {counts.byCategory.length > 0 && (
        <ul className="govuk-list govuk-list--bullet">
          {counts.byCategory.map((c) => <li key={c.category}>{c.name}: {c.count}</li>)}
        </ul>
      )}
    </div>
  );
}
