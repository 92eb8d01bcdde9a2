import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { PRIORITIES, raiseFault, type StepRecorded } from '../../../api/maintenanceFaults';
import { contractsQuery } from '../../../api/maintenanceContracts';
import { cameraMapQuery } from '../../../api/estate';
import { equipmentQuery } from '../../../api/checks';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { RadiosField, TextareaField } from '../../occurrences/Radios';
import { setFlash } from '../../estate/deployments/flash';
import { MaintenanceNav } from '../MaintenanceNav';

const FIELDS = ['target', 'cameraId', 'equipmentId', 'description', 'priority', 'contractId'];

/** Raise a fault on a camera from the register or on control-room equipment; it goes on the contract in force unless one is chosen. */
export function RaiseFaultPage({ cameraId: preset }: { cameraId?: string }) {
  const [target, setTarget] = useState(preset ? 'camera' : '');
  const [cameraId, setCameraId] = useState(preset ?? '');
  const [equipmentId, setEquipmentId] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState('');
  const [contractId, setContractId] = useState('');
  const form = useWriteForm({ scope: 'fault-raise', prefix: 'fault', fields: FIELDS, fallbackField: 'description', refresh: [['maintenance-faults'], ['cameras'], ['equipment']] });
  useTitle('Raise a fault', { error: !!form.errors });
  const navigate = useNavigate();
  const cameras = useQuery(cameraMapQuery());
  const equipment = useQuery(equipmentQuery);
  const contracts = useQuery(contractsQuery);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(fieldErrors([
      ['target', !target && 'Choose whether the fault is on a camera or on control-room equipment'],
      ['cameraId', target === 'camera' && !cameraId && 'Choose the camera from the register'],
      ['equipmentId', target === 'equipment' && !equipmentId && 'Choose the equipment from the list'],
      ['description', description.trim().length < 3 && 'Enter what is wrong (at least 3 characters)'],
    ]))) return;
    let made: StepRecorded | undefined;
    const ok = await form.run(async () => {
      made = await raiseFault({
        target: target as 'camera' | 'equipment',
        cameraId: target === 'camera' ? cameraId : undefined, equipmentId: target === 'equipment' ? equipmentId : undefined,
        description, priority: (priority || undefined) as keyof typeof PRIORITIES | undefined, contractId: contractId || undefined,
      });
    }, 'Raised');
    if (ok && made) {
      setFlash(made.id, `Fault ${made.reference} raised.`);
      void navigate({ to: '/maintenance/faults/$id', params: { id: made.id } });
    }
  };

  return (
    <>
      <Link className="govuk-back-link" to="/maintenance">Faults</Link>
      <ErrorSummary errors={form.errors} />
      <h1 className="govuk-heading-l">Raise a fault</h1>
      <MaintenanceNav />
      <p className="govuk-body">The camera or equipment is marked faulty until the contractor’s fix is accepted.</p>
      {cameras.isError && <p className="govuk-body">The camera register could not be loaded. {cameras.error.message}</p>}
      {equipment.isError && <p className="govuk-body">The equipment could not be loaded. {equipment.error.message}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <RadiosField id={form.id('target')} legend="What is faulty?" value={target} onChange={setTarget} error={form.field('target')} inline
          options={[{ value: 'camera', label: 'A camera' }, { value: 'equipment', label: 'Control-room equipment' }]} />
        {target === 'camera' && (
          <SelectField id={form.id('cameraId')} label="Camera" hint="Cameras in the register, by reference" value={cameraId} onChange={setCameraId} error={form.field('cameraId')}
            options={[{ value: '', label: 'Choose a camera' }, ...(cameras.data ?? []).map((c) => ({ value: c.id, label: `${c.reference} ${c.name}` }))]} />
        )}
        {target === 'equipment' && (
          <SelectField id={form.id('equipmentId')} label="Equipment" value={equipmentId} onChange={setEquipmentId} error={form.field('equipmentId')}
            options={[{ value: '', label: 'Choose the equipment' }, ...(equipment.data ?? []).map((q) => ({ value: q.id, label: `${q.reference} ${q.name} (${q.location})` }))]} />
        )}
        <TextareaField id={form.id('description')} label="What is wrong" hint="What the operator sees, and since when" value={description} onChange={setDescription} error={form.field('description')} rows={4} />
        <SelectField id={form.id('priority')} label="Priority (optional)" hint="Set now, or when the fault is triaged" value={priority} onChange={setPriority} error={form.field('priority')}
          options={[{ value: '', label: 'Not yet' }, ...Object.entries(PRIORITIES).map(([value, label]) => ({ value, label }))]} />
        <SelectField id={form.id('contractId')} label="Contract (optional)" hint="The contract in force today unless you choose another" value={contractId} onChange={setContractId} error={form.field('contractId')}
          options={[{ value: '', label: 'The contract in force today' }, ...(contracts.data ?? []).map((c) => ({ value: c.id, label: `${c.reference} ${c.name}` }))]} />
        <Button disabled={form.busy}>Raise the fault</Button>
      </form>
    </>
  );
}
