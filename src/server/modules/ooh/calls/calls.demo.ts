import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { londonDay, londonWallClock } from '../../../../domain/calendar/london';
import { addDays } from '../../../../domain/calendar/days';
import * as categories from './categories.repository';
import type { StoredPriority } from './categories.usecases';
import { referUp } from './calls.referral';
import * as uc from './calls.usecases';

// A month of out-of-hours calls: five to ten a night between 17:00 and 08:00, every category and
// every outcome, a few re-referred up the rota for want of an acknowledgement, and two still open
// tonight. Each goes through the officer's own use cases with the clock set to its time.

const CALLS: Record<string, { desc: string; caller: string }[]> = {
  social_care: [{ desc: 'Carer has not arrived; elderly man alone and confused', caller: 'Neighbour' }, { desc: 'Young person refusing to go home, says unsafe there', caller: 'Police control room' }],
  housing_repair: [{ desc: 'Front door forced, will not lock', caller: 'Tenant' }, { desc: 'Stairlift stuck half-way, user upstairs', caller: 'Daughter of tenant' }, { desc: 'No heating or hot water, baby in the house', caller: 'Tenant' }],
  stray_dog: [{ desc: 'Loose dog on the bypass verge', caller: 'Motorist' }, { desc: 'Dog found, tied to the park gates', caller: 'Dog walker' }],
  dangerous_structure: [{ desc: 'Chimney stack leaning after the wind', caller: 'Resident' }, { desc: 'Garden wall collapsed onto the pavement', caller: 'Passer-by' }],
  highways: [{ desc: 'Tree down across the road', caller: 'Police control room' }, { desc: 'Deep pothole, two cars damaged', caller: 'Motorist' }, { desc: 'Traffic lights out at the junction', caller: 'Taxi driver' }],
  equipment_fault: [{ desc: 'Bus-lane camera post hit by a van, leaning', caller: 'Bus driver' }, { desc: 'CCTV camera on the square showing no picture', caller: 'Control-room operator' }],
  building_alarm: [{ desc: 'Intruder alarm sounding at the depot', caller: 'Alarm receiving centre' }, { desc: 'Fire alarm at the library, no smoke seen', caller: 'Alarm receiving centre' }],
  noise: [{ desc: 'Loud party music since 22:00', caller: 'Resident' }, { desc: 'Burglar alarm ringing at a house for two hours', caller: 'Resident' }],
  other: [{ desc: 'Fly-tipped fridge blocking the alley', caller: 'Resident' }, { desc: 'Asks about bin collection after the bank holiday', caller: 'Resident' }],
};
const NAMES = ['Mrs Ellis', 'J. Ahmed', 'Paul Green', 'Anonymous', 'Sue Turner', 'Mr Novak', 'R. Campbell', 'Dee Lewis'];
const TEL = (n: number) => `07700 9${String(10000 + (n % 89999)).slice(0, 5)}`;

export async function seedDemoCalls(deps: Deps, council: DemoCouncil) {
  if (await deps.db.selectFrom('ooh_calls').select('id').limit(1).executeTakeFirst()) return { oohCalls: 0 };
  const officer = council.users.ooh ?? council.users.supervisor;
  if (!officer) return { oohCalls: 0 };
  const actor = { audit: { actorId: officer.id, actorUsername: officer.username, ip: null, userAgent: null }, userId: officer.id };
  const cats = (await categories.listCategories(deps.db)).filter((c) => c.is_active);
  const real = deps.clock.now();
  const today = londonDay(real);
  const camera = await deps.db.selectFrom('cameras').select('id').where('status', '!=', 'decommissioned').limit(1).executeTakeFirst();
  let t = real;
  const at = { ...deps, clock: { now: () => t } };
  let n = 0;
  let seed = 7;
  const rand = (k: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % k; };
  for (let d = 30; d >= 0; d--) {
    const night = addDays(today, -d);
    const start = londonWallClock(night, { hour: 17 })!.getTime();
    const count = 5 + rand(6);
    const times = Array.from({ length: count }, () => start + rand(15 * 60) * 60_000).sort((a, b) => a - b);
    for (const when of times) {
      if (when > real.getTime() - 5 * 60_000) continue;
      const k = cats[n % cats.length]!;
      const ps = k.priorities as StoredPriority[];
      const p = ps[rand(ps.length)]!;
      const pick = CALLS[k.key]?.[rand(CALLS[k.key]!.length)] ?? { desc: 'Caller asks for help out of hours', caller: 'Resident' };
      t = new Date(when);
      const call = await uc.takeCall(at, { actor, input: {
        callerName: `${NAMES[rand(NAMES.length)]} (${pick.caller})`, callbackNumber: TEL(n * 37), address: `${10 + rand(80)} ${council.area.streets[rand(council.area.streets.length)] ?? 'High Street'}`,
        categoryId: k.id, priorityKey: p.key, description: pick.desc, vulnerable: k.key === 'social_care' && rand(2) === 0, vulnerability: '',
      } });
      n++;
      const recent = real.getTime() - when < 40 * 60_000;
      t = new Date(when + (2 + rand(4)) * 60_000);
      try {
        if (k.becomes_fault && camera && rand(2) === 0) await uc.raiseFaultFromCall(at, { actor, id: call.id, input: { target: 'camera', cameraId: camera.id } });
        else if (p.response.kind === 'next_working_day' || rand(5) === 0) {
          if (rand(2) === 0) await uc.downgradeCall(at, { actor, id: call.id, reason: 'Not an emergency: the day service will call back' });
          else await uc.closeCall(at, { actor, id: call.id, advice: 'Advised the caller what to do and to ring back if it gets worse' });
        } else if (call.onCallNow.length) {
          await uc.referCall(at, { actor, id: call.id, note: '' });
          if (recent) continue; // still waiting tonight
          if (rand(6) === 0) {
            t = new Date(t.getTime() + call.ackMinutes * 60_000);
            await deps.db.transaction().execute((trx) => referUp(trx, at, { callId: call.id, level: 1 }));
          }
          t = new Date(t.getTime() + (3 + rand(8)) * 60_000);
          await uc.acknowledgeCall(at, { actor, id: call.id, note: '' });
          if (d > 1) { t = new Date(t.getTime() + 90 * 60_000); await uc.closeCall(at, { actor, id: call.id, advice: 'On-call officer attended and dealt with it' }); }
        } else await uc.closeCall(at, { actor, id: call.id, advice: 'Nobody on call: advised the caller and logged for the morning' });
      } catch (err) {
        deps.log.warn({ err, reference: call.reference }, 'demo call step skipped');
      }
    }
  }
  return { oohCalls: n };
}
