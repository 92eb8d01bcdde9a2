import type { Api } from '../../platform/http/route';
import type { Deps } from '../../platform/deps';
import type { Db } from '../../platform/db/db';
import type { DemoCouncil } from '../../platform/modules';
import type { TimerDefinition } from '../../platform/timers/timers';
import type { JobDefinition } from '../../platform/jobs/jobs';
import type { ShiftSection } from '../../../domain/platform/contract';

/**
 * One part of the out-of-hours service (calls, rota, lone working, absence, buildings, major
 * incidents): the module's index puts them together, so each sub-folder stays on its own.
 */
export interface OohArea {
  key: string;
  routes?(api: Api): void;
  timers?: TimerDefinition[];
  jobs?: JobDefinition[];
  /** Adds its realistic recent history to the demo council (areas run in the index's order). */
  seedDemo?(deps: Deps, council: DemoCouncil): Promise<Record<string, number> | void>;
  /** What the next shift must know about (open calls, workers still out, alarms not reset). */
  shift?(db: Db, now: Date): Promise<ShiftSection[]>;
}
