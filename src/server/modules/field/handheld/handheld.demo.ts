import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { actorOf } from './handheld.fixtures';
import { allocateBlock, registerDevice } from './handheld.usecases';

// The demo's handhelds: one each for the two community protection officers and their team leader,
// each with its PCN number block (Tom's with a second one: he issues most).

export const DEMO_DEVICES = [
  { username: 'patrol', id: '5b0e6c1e-7f3a-4c2e-9d1a-000000000001', name: 'Tom’s handheld (Samsung XCover)' },
  { username: 'patrol2', id: '5b0e6c1e-7f3a-4c2e-9d1a-000000000002', name: 'Aisha’s handheld (Samsung XCover)' },
  { username: 'teamleader', id: '5b0e6c1e-7f3a-4c2e-9d1a-000000000003', name: 'Gareth’s phone' },
] as const;

export async function seedHandheldDemo(deps: Deps, council: DemoCouncil) {
  let devices = 0;
  for (const d of DEMO_DEVICES) {
    const u = council.users[d.username];
    if (!u) continue;
    await registerDevice(deps, { actor: actorOf(u), input: { id: d.id, name: d.name } });
    if (d.username === 'patrol') await allocateBlock(deps, { actor: actorOf(u), id: d.id });
    devices++;
  }
  return { fieldDevices: devices };
}
