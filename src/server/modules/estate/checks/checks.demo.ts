import type { CheckItem, CheckKind, EquipmentKind } from '../../../../domain/estate/checks';
import type { Deps } from '../../../platform/deps';
import { previousShift, shiftAt, type ShiftSlot } from './checks.models';
import * as repo from './checks.repository';
import { openCurrentRound, recordResult, type Actor } from './checks.usecases';

// A month of daily checks for the demo council: two shifts a day, both kinds, mostly passes, a few
// failures that raised faults (the older ones repaired since, the recent ones still open, their
// cameras faulty), and the current shift's cameras round part done. The cameras are read from the
// register as it stands when the demo is seeded.

export const DEMO_EQUIPMENT: { reference: string; name: string; kind: EquipmentKind; location: string }[] = [
  { reference: 'REC-1', name: 'Recorder 1 (town centre cameras)', kind: 'recorder', location: 'Equipment room, rack A' },
  { reference: 'REC-2', name: 'Recorder 2 (outer cameras and mobiles)', kind: 'recorder', location: 'Equipment room, rack A' },
  { reference: 'MON-1', name: 'Operator monitor, desk 1', kind: 'monitor', location: 'Control room, desk 1' },
  { reference: 'MON-2', name: 'Operator monitor, desk 2', kind: 'monitor', location: 'Control room, desk 2' },
  { reference: 'WALL-1', name: 'Video wall (3 × 3)', kind: 'video_wall', location: 'Control room' },
  { reference: 'RAD-1', name: 'Shopwatch radio base station', kind: 'radio', location: 'Control room, desk 1' },
  { reference: 'RAD-2', name: 'Pubwatch radio base station', kind: 'radio', location: 'Control room, desk 2' },
  { reference: 'AW-1', name: 'Airwave handset (police link)', kind: 'airwave_handset', location: 'Control room, desk 1' },
];

/** The failures: which shift (counted back from the current one), what, and for how many shifts it lasted (open if not repaired). */
interface DemoFailure { shiftsAgo: number; kind: CheckKind; pick: number | string; item: CheckItem; note?: string; clockOffsetSeconds?: number; lastsShifts?: number }
const FAILURES: DemoFailure[] = [
  { shiftsAgo: 52, kind: 'cameras', pick: 3, item: 'focus', note: 'Picture blurred: condensation inside the housing', lastsShifts: 4 },
  { shiftsAgo: 40, kind: 'cameras', pick: 11, item: 'picture', note: 'No picture: video loss on the recorder input', lastsShifts: 3 },
  { shiftsAgo: 30, kind: 'cameras', pick: 8, item: 'ptz', note: 'Will not pan left past the bus station', lastsShifts: 6 },
  { shiftsAgo: 18, kind: 'equipment', pick: 'RAD-2', item: 'battery', note: 'Battery lasts under an hour', lastsShifts: 2 },
  { shiftsAgo: 16, kind: 'equipment', pick: 'REC-2', item: 'clock', clockOffsetSeconds: 23, lastsShifts: 1 },
  { shiftsAgo: 6, kind: 'cameras', pick: 17, item: 'recording', note: 'Recording gaps: the last four hours are missing' },
  { shiftsAgo: 3, kind: 'cameras', pick: 24, item: 'picture', note: 'Picture rolling and breaking up' },
  { shiftsAgo: 1, kind: 'equipment', pick: 'MON-2', item: 'picture', note: 'Flickering, worse when warm' },
];
const MIN = 60_000;

export async function seedDemoChecks(deps: Deps, { operators, supervisor, days = 30 }: {
  operators: { id: string; username: string }[]; supervisor: { id: string; username: string }; days?: number;
}) {
  const now = deps.clock.now();
  for (const e of DEMO_EQUIPMENT) await repo.insertEquipment(deps.db, { ...e, by: null, at: now });
  const settings = await repo.readCheckSettings(deps.db);
  const slots: ShiftSlot[] = [shiftAt({ at: now, settings })];
  while (slots.length < days * 2) slots.unshift(previousShift({ slot: slots[0], settings }));
  const actorOf = (u: { id: string; username: string }): Actor => ({ userId: u.id, audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: 'demo seed' } });
  const at = (t: Date) => ({ ...deps, clock: { now: () => t } });
  const faultOf = new Map<DemoFailure, string>();
  let results = 0;

  for (const [i, slot] of slots.entries()) {
    const shiftsAgo = slots.length - 1 - i;
    const operator = operators[i % operators.length];
    const openAt = new Date(Math.min(now.getTime(), slot.startsAt.getTime() + 10 * MIN));
    // Repairs (the maintenance issue's work, stood in for here) land before the shift's check.
    for (const f of FAILURES) {
      const fault = faultOf.get(f);
      if (fault && f.lastsShifts && shiftsAgo === f.shiftsAgo - f.lastsShifts) {
        await repo.closeFaultRepaired(deps.db, { faultId: fault, by: supervisor.id, at: new Date(slot.startsAt.getTime() + 5 * MIN) });
      }
    }
    for (const kind of ['cameras', 'equipment'] as const) {
      const round = await openCurrentRound(at(openAt), { actor: actorOf(operator), kind });
      const failing = FAILURES.filter((f) => f.kind === kind && shiftsAgo <= f.shiftsAgo && (!f.lastsShifts || shiftsAgo > f.shiftsAgo - f.lastsShifts)).flatMap((f) => {
        const target = typeof f.pick === 'number' ? round.targets[f.pick % Math.max(round.targets.length, 1)] : round.targets.find((t) => t.reference === f.pick);
        if (!target) return [];
        const item = target.items.includes(f.item) ? f.item : target.items[0];
        return [{ f, target, item }];
      });
      const isCurrent = shiftsAgo === 0;
      const from = new Date(openAt.getTime() + MIN);
      const stepSeconds = 15;
      // The current round part done (as far as the time since the shift began allows); one old night's left short.
      const share = isCurrent ? 0.4 : kind === 'cameras' && shiftsAgo === 25 ? 0.7 : 1;
      const bound = isCurrent ? Math.max(0, Math.floor((now.getTime() - from.getTime()) / (stepSeconds * 1000))) : round.total;
      const limit = Math.min(Math.floor(round.total * share), bound);
      await repo.insertPasses(deps.db, { roundId: round.id, by: operator.id, from, stepSeconds, limit, exclude: failing.map((x) => `${x.target.id}:${x.item}`) });
      results += limit;
      if (isCurrent) continue; // what still fails is yet to be checked this shift
      for (const { f, target, item } of failing) {
        const r = await recordResult(at(new Date(slot.startsAt.getTime() + 40 * MIN)), {
          actor: actorOf(operator), roundId: round.id,
          input: { targetId: target.id, item, outcome: 'fail', note: f.note ?? undefined, clockOffsetSeconds: item === 'clock' ? f.clockOffsetSeconds : undefined },
        });
        if (r.fault) faultOf.set(f, r.fault.id);
        results++;
      }
    }
  }
  return { checkRounds: slots.length * 2, checkResults: results, faults: faultOf.size, equipment: DEMO_EQUIPMENT.length };
}
