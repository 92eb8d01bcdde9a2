import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
export async function seedPatrolsDemo(_deps: Deps, _council: DemoCouncil) { return {}; }
