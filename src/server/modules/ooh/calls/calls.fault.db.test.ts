import { expect, it } from 'vitest';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import { aCamera } from '../../maintenance/faults/faults.walk';
import * as uc from './calls.usecases';
import { callInput, categoryId, officerActor } from './calls.walk';

// Issue 13, point 1: a CCTV or bus-lane equipment fault call becomes a maintenance fault, raised by
// maintenance's own use case (source: out of hours), its camera marked faulty, linked from the call;
// a call of another category cannot raise one.

const deps = testDeps();

it('an equipment-fault call raises a maintenance fault on the camera, linked from the call', async () => {
  const org = await makeOrganisation(deps);
  const actor = await officerActor({ deps, councilOrgId: org.id });
  const camera = await aCamera(deps);
  const call = await uc.takeCall(deps, { actor, input: await callInput({ deps }, { categoryId: await categoryId({ deps }, 'equipment_fault'), priorityKey: 'urgent', description: 'Camera on the bus gate shows a black picture' }) });

  await uc.raiseFaultFromCall(deps, { actor, id: call.id, input: { target: 'camera', cameraId: camera.id } });

  const linked = await deps.db.selectFrom('ooh_calls').select(['status', 'fault_id', 'fault_reference']).where('id', '=', call.id).executeTakeFirstOrThrow();
  expect(linked.status).toBe('fault_raised');
  const fault = await deps.db.selectFrom('faults').select(['id', 'reference', 'source', 'camera_id', 'description']).where('id', '=', linked.fault_id!).executeTakeFirstOrThrow();
  expect(fault).toMatchObject({ reference: linked.fault_reference, source: 'ooh', camera_id: camera.id });
  expect(fault.description).toContain(call.reference);
  expect((await deps.db.selectFrom('cameras').select('status').where('id', '=', camera.id).executeTakeFirstOrThrow()).status).toBe('faulty');
  // Once raised, not again.
  await expect(uc.raiseFaultFromCall(deps, { actor, id: call.id, input: { target: 'camera', cameraId: camera.id } })).rejects.toMatchObject({ status: 409 });

  const other = await uc.takeCall(deps, { actor, input: await callInput({ deps }) });
  await expect(uc.raiseFaultFromCall(deps, { actor, id: other.id, input: { target: 'camera', cameraId: camera.id } })).rejects.toMatchObject({ status: 409 });
});
