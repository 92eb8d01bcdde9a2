import { useEffect, useState } from 'react';
import { PcnIssuePayload, type FieldPoint } from '../../../domain/field/sync';
import { uuid } from '../crypto';
import { useHandheld } from '../context';
import { check, ErrorSummary, PhotoField, PointField, Radios, SelectField, TextArea, TextField, type Errors } from '../forms';
import { Page } from '../layout';
import type { NewPhoto } from '../outbox';
import { formatRemaining, observation, pounds } from '../rules';

const LABELS: Record<string, string> = {
  enforcementAreaId: 'Enforcement area', contraventionCode: 'Contravention', observation: 'Observation', 'vehicle.vrm': 'Registration',
  street: 'Street', point: 'Where', served: 'How it was served', number: 'PCN number',
};

export function PcnScreen() {
  const { reference, save, go, patrol, nextPcnNumber } = useHandheld();
  const [f, setF] = useState({ enforcementAreaId: '', contraventionCode: '', vrm: '', make: '', model: '', colour: '', permitSeen: '', street: '', locationDetail: '', served: '', notes: '' });
  const [point, setPoint] = useState<FieldPoint | null>(null);
  const [photos, setPhotos] = useState<NewPhoto[]>([]);
  const [observedFrom, setObservedFrom] = useState<Date | null>(null);
  const [now, setNow] = useState(new Date());
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => { const t = setInterval(() => setNow(new Date()), 1000); return () => clearInterval(t); }, []);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });

  if (!reference) return <Page title="Penalty charge notice"><p>The contravention codes are not on this phone yet: sync with signal first.</p></Page>;
  const code = reference.pcn.codes.find((c) => c.code === f.contraventionCode);
  const obs = code && observedFrom ? observation(code, observedFrom, now) : undefined;
  const needsObservation = !!code && code.observationMinutes + (code.graceApplies ? 1 : 0) > 0;
  const charge = code && reference.pcn.charges.find((c) => c.areaId === f.enforcementAreaId && c.level === code.level);

  const issue = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const issuedAt = new Date();
    const extra: Errors = {};
    if (code && needsObservation && !observedFrom) extra.observation = 'Start the observation before you issue';
    else if (code && observedFrom && !observation(code, observedFrom, issuedAt).done) extra.observation = `The observation period has not ended: ${formatRemaining(observation(code, observedFrom, issuedAt).remainingMs)} left`;
    const pcnId = uuid();
    const draft = {
      pcnId, patrolId: patrol?.patrolId ?? null, number: 'AA000000000', enforcementAreaId: f.enforcementAreaId, contraventionCode: f.contraventionCode,
      observedFrom: (observedFrom ?? issuedAt).toISOString(), observedTo: issuedAt.toISOString(), issuedAt: issuedAt.toISOString(),
      vehicle: { vrm: f.vrm, make: f.make, model: f.model, colour: f.colour, permitSeen: f.permitSeen },
      point, street: f.street, locationDetail: f.locationDetail, served: f.served || undefined, notes: f.notes, photoIds: photos.map((p) => p.id),
    };
    const r = check(PcnIssuePayload, draft);
    const errs = { ...(r.ok ? {} : r.errors), ...extra };
    if (!f.enforcementAreaId) errs.enforcementAreaId = 'Choose the enforcement area';
    if (!f.contraventionCode) errs.contraventionCode = 'Choose the contravention';
    if (!f.served) errs.served = 'Choose how the PCN was served';
    delete errs.number;
    setErrors(errs);
    if (Object.keys(errs).length || !r.ok) return;
    setBusy(true);
    try {
      const number = await nextPcnNumber();
      const q = await save('pcn.issue', { ...r.data, number }, photos);
      go(`notice/${q.record.id}`);
    } catch (err) {
      setErrors({ number: err instanceof Error ? err.message : 'The PCN could not be saved' });
      setBusy(false);
    }
  };

  return (
    <Page title="Penalty charge notice">
      <ErrorSummary errors={errors} labels={LABELS} />
      <form onSubmit={issue} noValidate>
        <SelectField path="enforcementAreaId" label="Enforcement area" value={f.enforcementAreaId} onChange={set('enforcementAreaId')} error={errors.enforcementAreaId}
          options={reference.pcn.areas.map((a) => ({ value: a.id, label: a.name }))} />
        <SelectField path="contraventionCode" label="Contravention" value={f.contraventionCode} error={errors.contraventionCode}
          onChange={(v) => { set('contraventionCode')(v); setObservedFrom(null); }}
          options={reference.pcn.codes.map((c) => ({ value: c.code, label: `${c.code} ${c.description} (${c.level})` }))} />
        {charge && <p className="hh-inset">Penalty {pounds(charge.amountPence)}, or {pounds(charge.discountPence)} if paid within 14 days.</p>}
        {code && (
          <div className={`hh-field${errors.observation ? ' hh-field--error' : ''}`}>
            <h2 className="hh-label" id="observation-title">Observation</h2>
            <p className="hh-hint">{code.observationMinutes} minutes' observation{code.graceApplies ? ', then the 10-minute grace period' : ''}.</p>
            {errors.observation && <p className="hh-error" id="f-observation-error"><span className="hh-visually-hidden">Error:</span> {errors.observation}</p>}
            {needsObservation && (observedFrom ? (
              <p role="timer" aria-live="off" aria-labelledby="observation-title" className="hh-timer" id="f-observation" tabIndex={-1}>
                {obs!.done ? 'Observation complete: you may issue' : `${formatRemaining(obs!.remainingMs)} left${obs!.graceMinutes ? ' (including the grace period)' : ''}`}
              </p>
            ) : <button type="button" id="f-observation" className="hh-button hh-button--secondary" onClick={() => setObservedFrom(new Date())}>Start observing</button>)}
            {!needsObservation && <p>No observation period for this code.</p>}
          </div>
        )}
        <h2>Vehicle</h2>
        <TextField path="vehicle.vrm" label="Registration" autoCapitalize="characters" spellCheck={false} value={f.vrm} onChange={set('vrm')} error={errors['vehicle.vrm']} />
        <TextField path="vehicle.make" label="Make (optional)" value={f.make} onChange={set('make')} error={errors['vehicle.make']} />
        <TextField path="vehicle.model" label="Model (optional)" value={f.model} onChange={set('model')} error={errors['vehicle.model']} />
        <TextField path="vehicle.colour" label="Colour (optional)" value={f.colour} onChange={set('colour')} error={errors['vehicle.colour']} />
        <TextField path="vehicle.permitSeen" label="Permit, ticket or badge seen (optional)" value={f.permitSeen} onChange={set('permitSeen')} error={errors['vehicle.permitSeen']} />
        <h2>Place</h2>
        <TextField path="street" label="Street" value={f.street} onChange={set('street')} error={errors.street} />
        <TextField path="locationDetail" label="Exact place (optional)" hint="Outside no. 12, bay 4" value={f.locationDetail} onChange={set('locationDetail')} error={errors.locationDetail} />
        <PointField point={point} onChange={setPoint} error={errors.point} />
        <PhotoField photos={photos} onChange={setPhotos} error={errors.photoIds} />
        <Radios path="served" legend="How it was served" value={f.served} onChange={set('served')} error={errors.served} options={[
          { value: 'affixed', label: 'Fixed to the vehicle' }, { value: 'handed', label: 'Handed to the driver' },
          { value: 'drive_away', label: 'Drove away before it could be served', hint: '(a notice goes by post)' }]} />
        <TextArea path="notes" label="Notes (optional)" value={f.notes} onChange={set('notes')} error={errors.notes} />
        {errors.number && <p className="hh-error" id="f-number">{errors.number}</p>}
        <button className="hh-button" type="submit" disabled={busy}>Issue the PCN</button>
      </form>
    </Page>
  );
}
