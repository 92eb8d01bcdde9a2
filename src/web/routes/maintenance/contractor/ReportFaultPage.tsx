import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { FAULT_TARGETS, PRIORITIES, faultTargetsQuery, raiseContractorFault, type FaultTargetList } from '../../../api/contractorFaults';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { RadiosField, TextareaField } from '../../occurrences/Radios';
import { setFlash } from '../../estate/deployments/flash';

type Target = keyof typeof FAULT_TARGETS;
type Item = FaultTargetList['cameras'][number];

/** The items matching what was typed (reference, name or where), the chosen one kept in view. */
export function matchingTargets(items: readonly Item[], typed: string, chosen: string, max = 50): Item[] {
  const words = typed.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const hits = items.filter((i) => i.id === chosen || words.every((w) => `${i.reference} ${i.name} ${i.location}`.toLowerCase().includes(w)));
  return hits.slice(0, max);
}

/** A contractor reports a fault on a camera or a piece of control-room equipment, on their own contract. */
export function ReportFaultPage() {
  const navigate = useNavigate();
  const targets = useQuery(faultTargetsQuery);
  const [target, setTarget] = useState<Target | ''>('');
  const [find, setFind] = useState('');
  const [itemId, setItemId] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState('');
  const form = useWriteForm({
    scope: 'contractor-report', prefix: 'fault', fields: ['target', 'cameraId', 'equipmentId', 'description', 'priority'], fallbackField: 'description',
    refresh: [['contractor-faults']],
  });
  useTitle('Report a fault', { error: !!form.errors });
  const items = target === 'camera' ? targets.data?.cameras ?? [] : target === 'equipment' ? targets.data?.equipment ?? [] : [];
  const itemField = target === 'equipment' ? 'equipmentId' : 'cameraId';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(fieldErrors([
      ['target', !target && 'Choose camera or control-room equipment'],
      [itemField, !!target && !itemId && (target === 'camera' ? 'Choose the camera' : 'Choose the equipment')],
    ])) || !target) return;
    let made: { id: string; reference: string } | undefined;
    const ok = await form.run(async () => {
      made = await raiseContractorFault({
        target, cameraId: target === 'camera' ? itemId : undefined, equipmentId: target === 'equipment' ? itemId : undefined,
        description, priority: (priority || undefined) as keyof typeof PRIORITIES | undefined,
      });
    }, 'Reported');
    if (ok && made) {
      setFlash(made.id, `Fault ${made.reference} reported.`);
      void navigate({ to: '/contractor/faults/$id', params: { id: made.id } });
    }
  };
  const shown = matchingTargets(items, find, itemId);

  return (
    <>
      <Link className="govuk-back-link" to="/contractor/faults">Contract faults</Link>
      <ErrorSummary errors={form.errors} />
      <h1 className="govuk-heading-l">Report a fault</h1>
      <p className="govuk-body">A fault you find on a camera or control-room equipment, on your contract. The council sets its priority if you do not.</p>
      {targets.isError && <p className="govuk-body">The cameras and equipment could not be loaded. {targets.error.message}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <RadiosField id={form.id('target')} legend="What is faulty?" value={target} error={form.field('target')}
          onChange={(v) => { setTarget(v as Target); setItemId(''); }} options={Object.entries(FAULT_TARGETS).map(([value, label]) => ({ value, label }))} />
        {target && (
          <>
            <TextField id="fault-find" label={target === 'camera' ? 'Find the camera' : 'Find the equipment'} hint="Type part of its reference, name or where it is"
              type="search" value={find} onChange={setFind} width="20" autoComplete="off" />
            <SelectField id={form.id(itemField)} label={target === 'camera' ? 'Camera' : 'Equipment'} value={itemId} onChange={setItemId} error={form.field(itemField)}
              options={[{ value: '', label: shown.length ? `Choose from ${shown.length === 1 ? '1 match' : `${shown.length} matches`}` : 'Nothing matches' },
                ...shown.map((i) => ({ value: i.id, label: `${i.reference} ${i.name}, ${i.location} (${i.status})` }))]} />
          </>
        )}
        <TextareaField id={form.id('description')} label="What is wrong" value={description} onChange={setDescription} error={form.field('description')} rows={4} />
        <SelectField id={form.id('priority')} label="Priority (optional)" value={priority} onChange={setPriority} error={form.field('priority')}
          options={[{ value: '', label: 'Leave to the council' }, ...Object.entries(PRIORITIES).map(([value, label]) => ({ value, label }))]} />
        <Button disabled={form.busy}>Report the fault</Button>
      </form>
    </>
  );
}
