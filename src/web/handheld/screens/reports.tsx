import { useState } from 'react';
import { AsbReportPayload, CarparkInspectionPayload, DefectReportPayload, type FieldPoint } from '../../../domain/field/sync';
import { uuid } from '../crypto';
import { useHandheld } from '../context';
import { Checkbox, check, ErrorSummary, Panel, PhotoField, PointField, Radios, SelectField, TextArea, TextField, type Errors } from '../forms';
import { Page } from '../layout';
import type { NewPhoto } from '../outbox';

// The error summary names each field by the label on screen.
const LABELS: Record<string, string> = { point: 'Where', description: 'Description', passTo: 'Pass to', machineId: 'Machine' };

function useReport() {
  const [point, setPoint] = useState<FieldPoint | null>(null);
  const [photos, setPhotos] = useState<NewPhoto[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<string | null>(null);
  return { point, setPoint, photos, setPhotos, errors, setErrors, saved, setSaved };
}

export function DefectScreen() {
  const { reference, save, patrol } = useHandheld();
  const s = useReport();
  const [f, setF] = useState({ category: '', place: '', description: '' });
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const cats = reference?.reports.defectCategories ?? [];
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = check(DefectReportPayload, { defectId: uuid(), patrolId: patrol?.patrolId ?? null, at: new Date().toISOString(), ...f, point: s.point, photoIds: s.photos.map((p) => p.id) });
    if (!r.ok) { s.setErrors(r.errors); return; }
    s.setErrors({});
    await save('defect.report', r.data, s.photos);
    const team = cats.find((c) => c.code === f.category)?.team;
    setF({ category: '', place: '', description: '' }); s.setPhotos([]);
    s.setSaved(team ? `It goes to ${team} once synced.` : 'It goes to the owning team once synced.');
  };
  return (
    <Page title="Defect on council land">
      {s.saved && <Panel title="Defect saved"><p>{s.saved}</p></Panel>}
      <ErrorSummary errors={s.errors} labels={{ ...LABELS, category: 'Kind of defect' }} />
      <form onSubmit={submit} noValidate>
        <SelectField path="category" label="Kind of defect" value={f.category} onChange={set('category')} error={s.errors.category}
          options={cats.map((c) => ({ value: c.code, label: `${c.label} (${c.team})` }))} />
        <PointField point={s.point} onChange={s.setPoint} error={s.errors.point} />
        <TextField path="place" label="Place (optional)" hint="Street, park or building" value={f.place} onChange={set('place')} error={s.errors.place} />
        <TextArea path="description" label="Description" value={f.description} onChange={set('description')} error={s.errors.description} />
        <PhotoField photos={s.photos} onChange={s.setPhotos} error={s.errors.photoIds} />
        <button className="hh-button" type="submit">Report the defect</button>
      </form>
    </Page>
  );
}

export function AsbScreen() {
  const { reference, save, patrol } = useHandheld();
  const s = useReport();
  const [f, setF] = useState({ category: '', place: '', description: '', passTo: '' });
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = check(AsbReportPayload, { reportId: uuid(), patrolId: patrol?.patrolId ?? null, at: new Date().toISOString(), ...f, passTo: f.passTo || undefined, point: s.point, photoIds: s.photos.map((p) => p.id) });
    if (!r.ok) { s.setErrors(f.passTo ? r.errors : { ...r.errors, passTo: 'Choose who to pass the report to' }); return; }
    s.setErrors({});
    await save('asb.report', r.data, s.photos);
    setF({ category: '', place: '', description: '', passTo: '' }); s.setPhotos([]);
    s.setSaved(r.data.passTo === 'control_room' ? 'It opens an occurrence for the control room once synced.' : 'It goes to the team once synced.');
  };
  return (
    <Page title="Anti-social behaviour">
      {s.saved && <Panel title="Report saved"><p>{s.saved}</p></Panel>}
      <ErrorSummary errors={s.errors} labels={{ ...LABELS, category: 'Kind of behaviour', description: 'What is happening' }} />
      <form onSubmit={submit} noValidate>
        <SelectField path="category" label="Kind of behaviour" value={f.category} onChange={set('category')} error={s.errors.category}
          options={(reference?.reports.asbCategories ?? []).map((c) => ({ value: c.code, label: c.label }))} />
        <PointField point={s.point} onChange={s.setPoint} error={s.errors.point} />
        <TextField path="place" label="Place (optional)" value={f.place} onChange={set('place')} error={s.errors.place} />
        <TextArea path="description" label="What is happening" value={f.description} onChange={set('description')} error={s.errors.description} />
        <Radios path="passTo" legend="Pass to" value={f.passTo} onChange={set('passTo')} error={s.errors.passTo} options={[
          { value: 'team', label: 'The community safety team' }, { value: 'control_room', label: 'The control room now', hint: '(opens an occurrence)' }]} />
        <PhotoField photos={s.photos} onChange={s.setPhotos} error={s.errors.photoIds} />
        <button className="hh-button" type="submit">Send the report</button>
      </form>
    </Page>
  );
}

const CHECKS = [['working', 'Working'], ['cash', 'Takes cash'], ['card', 'Takes cards'], ['paper', 'Has ticket paper'], ['display', 'Display readable']] as const;

export function CarparkScreen() {
  const { reference, save, patrol } = useHandheld();
  const s = useReport();
  const [machineId, setMachineId] = useState('');
  const [note, setNote] = useState('');
  const [checks, setChecks] = useState({ working: true, cash: true, card: true, paper: true, display: true });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = check(CarparkInspectionPayload, { inspectionId: uuid(), patrolId: patrol?.patrolId ?? null, machineId, at: new Date().toISOString(), checks, note, photoIds: s.photos.map((p) => p.id) });
    if (!r.ok) { s.setErrors(machineId ? r.errors : { ...r.errors, machineId: 'Choose the machine' }); return; }
    s.setErrors({});
    await save('carpark.inspection', r.data, s.photos);
    const faults = CHECKS.filter(([k]) => !checks[k]).length;
    setMachineId(''); setNote(''); s.setPhotos([]); setChecks({ working: true, cash: true, card: true, paper: true, display: true });
    s.setSaved(faults ? `${faults === 1 ? 'A fault' : `${faults} faults`} will be raised for maintenance once synced.` : 'Nothing wrong: recorded.');
  };
  return (
    <Page title="Car-park machine inspection">
      {s.saved && <Panel title="Inspection saved"><p>{s.saved}</p></Panel>}
      <ErrorSummary errors={s.errors} labels={LABELS} />
      <form onSubmit={submit} noValidate>
        <SelectField path="machineId" label="Machine" value={machineId} onChange={setMachineId} error={s.errors.machineId}
          options={(reference?.reports.machines ?? []).map((m) => ({ value: m.id, label: `${m.reference} ${m.name}, ${m.carPark}` }))} />
        <fieldset className="hh-fieldset">
          <legend className="hh-legend">What works</legend>
          {CHECKS.map(([k, label]) => <Checkbox key={k} path={`checks.${k}`} label={label} checked={checks[k]} onChange={(v) => setChecks({ ...checks, [k]: v })} />)}
        </fieldset>
        <TextArea path="note" label="Note (optional)" value={note} onChange={setNote} error={s.errors.note} />
        <PhotoField photos={s.photos} onChange={s.setPhotos} error={s.errors.photoIds} />
        <button className="hh-button" type="submit">Save the inspection</button>
      </form>
    </Page>
  );
}
