import { useState } from 'react';
import { FpnIssuePayload, NotebookEntryPayload, type FieldPoint } from '../../../domain/field/sync';
import { uuid } from '../crypto';
import { useHandheld } from '../context';
import { check, ErrorSummary, PhotoField, PointField, SelectField, TextArea, TextField, type Errors } from '../forms';
import { Page } from '../layout';
import type { NewPhoto } from '../outbox';
import { ageOn, londonDate, pounds } from '../rules';

const LABELS: Record<string, string> = {
  offenceCode: 'Offence', 'offender.name': 'Name', 'offender.address': 'Address', 'offender.dateOfBirth': 'Date of birth', 'offender.guardian': 'Parent or guardian',
  place: 'Place', point: 'Where', circumstances: 'What happened', notebook: 'Notebook entry',
};

export function FpnScreen() {
  const { reference, save, go, patrol } = useHandheld();
  const [f, setF] = useState({ offenceCode: '', name: '', address: '', postcode: '', dateOfBirth: '', description: '', identification: '', guardian: '', place: '', circumstances: '', bodyWornVideoRef: '', notebook: '' });
  const [point, setPoint] = useState<FieldPoint | null>(null);
  const [photos, setPhotos] = useState<NewPhoto[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  if (!reference) return <Page title="Fixed penalty notice"><p>The offences are not on this phone yet: sync with signal first.</p></Page>;
  const offence = reference.fpn.offences.find((o) => o.code === f.offenceCode);
  const age = f.dateOfBirth ? ageOn(f.dateOfBirth, londonDate(new Date())) : undefined;
  const needsGuardian = age !== undefined && age < reference.fpn.guardianUnder;

  const issue = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const issuedAt = new Date().toISOString();
    const fpnId = uuid();
    const r = check(FpnIssuePayload, {
      fpnId, patrolId: patrol?.patrolId ?? null, offenceCode: f.offenceCode, issuedAt,
      offender: { name: f.name, address: f.address, postcode: f.postcode, dateOfBirth: f.dateOfBirth || null, description: f.description, identification: f.identification, guardian: needsGuardian ? f.guardian : '' },
      point, place: f.place, circumstances: f.circumstances, bodyWornVideoRef: f.bodyWornVideoRef, photoIds: photos.map((p) => p.id),
    });
    const errs: Errors = r.ok ? {} : { ...r.errors };
    if (age !== undefined && age < reference.fpn.youngestAge) errs['offender.dateOfBirth'] = `A fixed penalty notice cannot be given to anyone under ${reference.fpn.youngestAge}`;
    if (age !== undefined && age < 0) errs['offender.dateOfBirth'] = 'The date of birth must be in the past';
    if (needsGuardian && !f.guardian.trim()) errs['offender.guardian'] = `Enter the parent or guardian present: the offender is under ${reference.fpn.guardianUnder}`;
    const note = f.notebook.trim() ? check(NotebookEntryPayload, { entryId: uuid(), at: issuedAt, text: f.notebook, fpnId }) : undefined;
    if (note && !note.ok) errs.notebook = Object.values(note.errors)[0];
    setErrors(errs);
    if (Object.keys(errs).length || !r.ok) return;
    setBusy(true);
    try {
      const q = await save('fpn.issue', r.data, photos);
      if (note?.ok) await save('notebook.entry', note.data);
      go(`notice/${q.record.id}`);
    } finally { setBusy(false); }
  };

  return (
    <Page title="Fixed penalty notice">
      <ErrorSummary errors={errors} labels={LABELS} />
      <form onSubmit={issue} noValidate>
        <SelectField path="offenceCode" label="Offence" value={f.offenceCode} onChange={set('offenceCode')} error={errors.offenceCode}
          options={reference.fpn.offences.map((o) => ({ value: o.code, label: o.name }))} />
        {offence && <p className="hh-inset">{offence.legislation}. {pounds(offence.amountPence)}{offence.earlyAmountPence != null && offence.earlyDays ? `, or ${pounds(offence.earlyAmountPence)} if paid within ${offence.earlyDays} days` : ''}.</p>}
        <h2>Offender</h2>
        <TextField path="offender.name" label="Name" autoComplete="off" value={f.name} onChange={set('name')} error={errors['offender.name']} />
        <TextArea path="offender.address" label="Address" rows={3} value={f.address} onChange={set('address')} error={errors['offender.address']} />
        <TextField path="offender.postcode" label="Postcode (optional)" autoCapitalize="characters" value={f.postcode} onChange={set('postcode')} error={errors['offender.postcode']} />
        <TextField path="offender.dateOfBirth" label="Date of birth" type="date" value={f.dateOfBirth} onChange={set('dateOfBirth')} error={errors['offender.dateOfBirth']}
          hint={age !== undefined && age >= 0 ? `Age ${age}` : undefined} />
        {needsGuardian && <TextField path="offender.guardian" label="Parent or guardian present" hint={`The offender is under ${reference.fpn.guardianUnder}: name the parent or guardian`} value={f.guardian} onChange={set('guardian')} error={errors['offender.guardian']} />}
        <TextArea path="offender.description" label="Description (optional)" hint="Height, build, clothing" rows={2} value={f.description} onChange={set('description')} error={errors['offender.description']} />
        <TextField path="offender.identification" label="How the name and address were confirmed (optional)" value={f.identification} onChange={set('identification')} error={errors['offender.identification']} />
        <h2>What happened</h2>
        <TextField path="place" label="Place" value={f.place} onChange={set('place')} error={errors.place} />
        <PointField point={point} onChange={setPoint} error={errors.point} />
        <TextArea path="circumstances" label="What happened" value={f.circumstances} onChange={set('circumstances')} error={errors.circumstances} />
        <TextField path="bodyWornVideoRef" label="Body-worn video reference (optional)" value={f.bodyWornVideoRef} onChange={set('bodyWornVideoRef')} error={errors.bodyWornVideoRef} />
        <PhotoField photos={photos} onChange={setPhotos} error={errors.photoIds} />
        <TextArea path="notebook" label="Notebook entry (optional)" hint="What you saw, heard and did, in order. It cannot be changed once saved: a correction is a new entry." rows={5} value={f.notebook} onChange={set('notebook')} error={errors.notebook} />
        <button className="hh-button" type="submit" disabled={busy}>Issue the fixed penalty notice</button>
      </form>
    </Page>
  );
}
