import type { Db } from '../platform/db/db';
import type { ShiftSection } from '../../domain/platform/contract';

/**
 * What every module hands over at the end of a shift beside the occurrence log, in registry order
 * (the out-of-hours service's open calls, lone workers out, alarms not reset, an open major
 * incident). The registry is imported when first asked for, since the module that writes the
 * handover is itself in it.
 */
export async function shiftSections(db: Db, now: Date): Promise<ShiftSection[]> {
  const { MODULES } = await import('./registry');
  return (await Promise.all(MODULES.map((m) => m.shift?.(db, now) ?? Promise.resolve([])))).flat();
}
