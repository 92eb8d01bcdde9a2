import type { ModuleArea } from '../../platform/modules';

/**
 * One part of the out-of-hours service (calls, rota, lone working, absence, buildings, major
 * incidents): the module's index puts them together, so each sub-folder stays on its own.
 */
export type OohArea = ModuleArea;
