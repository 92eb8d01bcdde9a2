import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { fireDueTimers } from '../../../platform/timers/timers';
import { DEFAULT_LONE_WORKING_POLICY } from '../../../../domain/ooh/loneWorking';
import type { OohStartLoneWorking } from '../../../../domain/ooh/contract';
import * as uc from './lone-working.usecases';
import { LONE_WORKING_TIMERS } from './lone-working.ladder';

// The demo's lone workers: the ladder's policy; a month of ended sessions (one checked in late
// during its ladder, one duress drill); two out now: one due soon, one escalating at its second
// rung. Driven through the use cases with a clock set to each moment, timers fired as they fall due.

const MIN = 60_000;
const WORKERS = [
  { name: 'Tom Fielding', organisation: 'Community protection', task: 'Night patrol, town centre' },
  { name: 'Jo Marsh', organisation: 'Riverside Housing', task: 'Tenancy visit' },
  { name: 'Ade Okoro', organisation: 'Highways', task: 'Gully inspection, A612' },
  { name: 'Ruth King', organisation: 'Environmental health', task: 'Noise nuisance visit' },
];

export async function seedLoneWorkingDemo(deps: Deps, council: Pick<DemoCouncil, 'users'>) {
  const realNow = deps.clock.now();
  let t = realNow.getTime();
  const at: Deps = { ...deps, mail: undefined, clock: { now: () => new Date(t) } };
  const person = (username: string): uc.Actor => {
    const u = council.users[username]!;
    return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
  };
  const officer = person(council.users.ooh ? 'ooh' : 'supervisor');
  const until = async (ms: number) => { t = ms; await fireDueTimers(at, LONE_WORKING_TIMERS); };
  const input = (i: number, start: number, over: Partial<OohStartLoneWorking> = {}): OohStartLoneWorking => {
    const w = WORKERS[i % WORKERS.length]!;
    return {
      worker: { name: w.name, organisation: w.organisation, phone: `07700 900${String(100 + i).slice(-3)}`, email: null },
      location: ['Market Square', '14 Canal Street', 'A612 lay-by near Gunthorpe', 'Flat 3, 27 Mill Lane'][i % 4]!, latitude: null, longitude: null,
      task: w.task, expectedEndAt: new Date(start + 3 * 60 * MIN), intervalMinutes: 30, vehicle: i % 2 ? 'Council van YX21 ABC' : '',
      importantInfo: i % 3 ? '' : 'Known address: dog on premises', managerName: 'Dave Hollins', managerPhone: '07700 900001', duressWord: 'bluebell', ...over,
    };
  };

  t = realNow.getTime() - 31 * 24 * 60 * MIN;
  await uc.setPolicy(at, { actor: person(council.users.supervisor ? 'supervisor' : 'admin'), policy: DEFAULT_LONE_WORKING_POLICY });
  let ended = 0;
  for (let day = 28; day >= 2; day -= 3) {
    const start = realNow.getTime() - day * 24 * 60 * MIN - 4 * 60 * MIN;
    t = start;
    const s = await uc.startSession(at, { actor: officer, input: input(day, start) });
    for (let k = 1; k <= 4; k++) {
      if (day === 19 && k === 2) {
        // Missed, the first rung raised, then checked in late: the ladder stopped where it was.
        await until(Date.parse((await uc.getSession(at, { id: s.id })).deadlineAt!));
        const step = (await uc.getSession(at, { id: s.id })).steps[0]!;
        t += 3 * MIN;
        await uc.acknowledgeStep(at, { actor: officer, id: s.id, stepId: step.id, input: { outcome: 'no_answer', note: 'Voicemail' } });
        t += 1 * MIN;
        await uc.officerCheckIn(at, { actor: officer, id: s.id, note: 'Worker rang back: phone was in the van' });
      } else {
        await until(t + 25 * MIN);
        await uc.officerCheckIn(at, { actor: officer, id: s.id, note: 'Called in on the radio' });
      }
    }
    t += 10 * MIN;
    await uc.endSession(at, { actor: officer, id: s.id, note: 'Back at base, safe' });
    ended++;
  }

  // A duress drill: a worker's own session, the duress word given, the police rung raised at once.
  const drillWorker = council.users.patrol ? 'patrol' : 'operator';
  if (council.users[drillWorker]) {
    t = realNow.getTime() - 6 * 24 * 60 * MIN;
    const own = await uc.startOwnSession(at, { actor: person(drillWorker), input: { location: 'Castle car park', task: 'Duress drill (exercise)', expectedEndAt: new Date(t + 2 * 60 * MIN), intervalMinutes: 20, phone: '07700 900222', duressWord: 'bluebell', managerName: 'Dave Hollins', managerPhone: '07700 900001' } });
    t += 15 * MIN;
    await uc.ownCheckIn(at, { actor: person(drillWorker), id: own.id, word: 'bluebell' });
    t += 1 * MIN;
    const police = (await uc.getSession(at, { id: own.id })).steps.at(-1)!;
    await uc.acknowledgeStep(at, { actor: officer, id: own.id, stepId: police.id, input: { outcome: 'answered_safe', note: 'Drill: duress recognised in 60 s; police not called (exercise)' } });
    t += 5 * MIN;
    await uc.endOwnSession(at, { actor: person(drillWorker), id: own.id });
    ended++;
  }

  // Out now: one due in a few minutes, one escalating at its second rung.
  t = realNow.getTime() - 26 * MIN;
  await uc.startSession(at, { actor: officer, input: input(1, t) });
  const late = realNow.getTime() - 37 * MIN;
  t = late;
  const escalating = await uc.startSession(at, { actor: officer, input: input(2, late) });
  await until(late + 30 * MIN);
  await until(late + 35 * MIN);
  t = realNow.getTime();
  return { loneWorkingSessions: ended + 2, loneWorkingEscalating: (await uc.getSession(at, { id: escalating.id })).steps.length ? 1 : 0 };
}
