import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit';
import { londonDay, londonWallClock } from '../../../../domain/calendar/london';
import type { AlarmStep } from '../../../../domain/ooh/contract';
import * as buildings from './buildings.usecases';
import * as alarms from './alarms.usecases';
import * as patrols from './patrols.usecases';

// The demo council's buildings: four with their checklists and access lists, a month of nightly
// patrols at the Civic Centre, alarms over the month (mostly false; a lift entrapment with the fire
// service called; one intruder alarm tonight not yet reset) and a few access requests, one refused.

const HOUR = 3_600_000;
const CHECKS = ['All rooms vacated', 'Windows closed and locked', 'External doors secured', 'Lights and equipment off', 'Intruder alarm set'];
const BUILDINGS = [
  { name: 'Civic Centre', address: 'Market Square', checklist: [...CHECKS, 'Council chamber locked', 'Car park barrier down'] },
  { name: 'Riverside Depot', address: 'Wharf Road', checklist: ['Vehicle yard gates locked', 'Fuel store locked', ...CHECKS.slice(2)] },
  { name: 'Central Library', address: 'Church Street', checklist: CHECKS },
  { name: 'Northgate Leisure Centre', address: 'Northgate', checklist: [...CHECKS, 'Pool hall doors locked', 'Plant room checked'] },
];
const LATE = [
  { name: 'Hannah Patel', department: 'Finance', location: 'Second floor, east wing', expectedLeaving: '21:30' },
  { name: 'Marcus Green', department: 'Democratic Services', location: 'Committee room 2', expectedLeaving: '22:00' },
  { name: 'Olu Adeyemi', department: 'IT', location: 'Server room', expectedLeaving: '23:00' },
];

export async function seedBuildingsDemo(deps: Deps, council: DemoCouncil) {
  const user = council.users.ooh ?? Object.values(council.users)[0]!;
  const manager = council.users.supervisor ?? user;
  const actorOf = (u: { id: string; username: string }) => ({ audit: { ...SYSTEM_ACTOR, actorId: u.id, actorUsername: u.username }, userId: u.id });
  const actor = actorOf(user);
  const now = deps.clock.now();
  const at = (daysAgo: number, hour: number, minute = 0) => londonWallClock(londonDay(new Date(now.getTime() - daysAgo * 24 * HOUR)), { hour, minute })!;
  const clockAt = (when: Date) => ({ ...deps, clock: { now: () => when } });

  const made = [];
  for (const b of BUILDINGS) made.push(await buildings.saveBuilding(clockAt(at(40, 9)), { actor: actorOf(manager), input: b }));
  const [civic, depot, library, leisure] = made as [typeof made[number], typeof made[number], typeof made[number], typeof made[number]];
  const entry = (buildingId: string, name: string, organisation: string, idCheck: string, fromDaysAgo = 60) =>
    buildings.addAccessEntry(clockAt(at(40, 9)), { actor: actorOf(manager), buildingId, input: { name, organisation, validFrom: londonDay(new Date(now.getTime() - fromDaysAgo * 24 * HOUR)), validTo: null, idCheck } });
  await entry(civic.id, 'Dana Okafor', 'Vigil Borough Council (Facilities)', 'Council ID card');
  await entry(civic.id, 'Chris Walsh', 'Vigil Borough Council (Chief Executive’s office)', 'Council ID card');
  await entry(civic.id, 'Redline Security', 'Alarm engineers', 'Company ID and password “kestrel”');
  await entry(depot.id, 'Steve Barker', 'Vigil Borough Council (Fleet)', 'Council ID card');
  await entry(library.id, 'Megan Lloyd', 'Library service', 'Council ID card');
  await entry(leisure.id, 'Aqua Plant Ltd', 'Pool plant contractor', 'Company ID and password “otter”');

  // A month of nightly patrols at the Civic Centre (not yet tonight's).
  let patrolCount = 0;
  for (let d = 30; d >= 1; d--) {
    const started = at(d, 21, 15);
    const p = await patrols.startPatrol(clockAt(started), { actor, buildingId: civic.id });
    const problem = d % 9 === 0 ? 'Window on the first floor (room 1.14) left open: closed and locked' : '';
    const checks = p.checklist.map((item) => ({ item, outcome: (problem && item === 'Windows closed and locked' ? 'problem' : 'ok') as 'ok' | 'problem', note: problem && item === 'Windows closed and locked' ? problem : '' }));
    const lateWorkers = d % 4 === 0 ? [LATE[d % 3]!] : [];
    await patrols.savePatrol(clockAt(new Date(started.getTime() + 50 * 60_000)), { actor, id: p.id, input: { checks, lateWorkers, notes: '' }, complete: true });
    patrolCount++;
  }

  // Alarms over the month: mostly false, one lift entrapment, one not reset tonight.
  type Step = Omit<AlarmStep, 'at'>;
  const alarm = async (raisedAt: Date, buildingId: string, kind: 'fire' | 'intruder' | 'lift', location: string, steps: Array<[number, Step]>) => {
    const a = await alarms.raiseAlarm(clockAt(raisedAt), { actor, input: { buildingId, kind, raisedAt, location, source: 'Alarm receiving centre' } });
    for (const [minutes, step] of steps) {
      const when = new Date(raisedAt.getTime() + minutes * 60_000);
      await alarms.recordAlarmStep(clockAt(when), { actor, id: a.id, input: { who: '', reference: '', note: '', ...step, at: when } });
    }
  };
  const falseAlarm = (who: string, cause: string): Array<[number, Step]> => [
    [5, { kind: 'keyholder_called', who }], [35, { kind: 'attended', who }],
    [45, { kind: 'cause', falseAlarm: true, note: cause }], [50, { kind: 'reset' }],
  ];
  await alarm(at(27, 23), depot.id, 'intruder', 'Vehicle workshop, zone 4', falseAlarm('Steve Barker', 'Sensor set off by a bird in the workshop'));
  await alarm(at(22, 2), library.id, 'intruder', 'Children’s library', falseAlarm('Megan Lloyd', 'Balloon left from an event drifting past the sensor'));
  await alarm(at(16, 20), civic.id, 'fire', 'Staff kitchen, second floor', falseAlarm('Dana Okafor', 'Burnt toast'));
  await alarm(at(11, 19), leisure.id, 'lift', 'Lift 1, between ground and first floor', [
    [3, { kind: 'fire_service_called', reference: 'FS-2231', note: 'Two people trapped in the lift' }],
    [6, { kind: 'keyholder_called', who: 'Duty manager, Northgate Leisure' }],
    [20, { kind: 'attended', who: 'Fire service crew and duty manager' }],
    [32, { kind: 'cause', falseAlarm: false, note: 'Lift stopped between floors; both people released unhurt. Lift engineer called for the morning' }],
    [40, { kind: 'reset' }],
  ]);
  await alarm(at(6, 3), civic.id, 'intruder', 'Rear entrance', falseAlarm('Dana Okafor', 'Door not fully closed by the cleaners'));
  await alarm(new Date(now.getTime() - 90 * 60_000), depot.id, 'intruder', 'Main gate', [
    [5, { kind: 'keyholder_called', who: 'Steve Barker' }],
  ]);

  // Access requests: two let in from the list, one refused.
  const access = async (daysAgo: number, hour: number, input: Parameters<typeof buildings.recordAccess>[1]['input']) =>
    buildings.recordAccess(clockAt(at(daysAgo, hour)), { actor, input });
  const inn = await access(14, 22, { buildingId: civic.id, visitorName: 'Chris Walsh', visitorOrganisation: 'Chief Executive’s office', idType: 'Council ID card', idLast4: '4821', decision: 'let_in', reason: '', authorisedBy: '' });
  await buildings.recordDeparture(clockAt(at(14, 23)), { actor, id: inn.id, input: { at: at(14, 22, 50) } });
  await access(8, 2, { buildingId: civic.id, visitorName: 'Redline Security', visitorOrganisation: 'Alarm engineers', idType: 'Company ID and password', idLast4: '', decision: 'let_in', reason: 'Alarm panel fault', authorisedBy: '' });
  await access(3, 23, { buildingId: library.id, visitorName: 'Jordan Fox', visitorOrganisation: 'Says he is a library volunteer', idType: 'None shown', idLast4: '', decision: 'refused', reason: 'Not on the access list and no manager could be reached', authorisedBy: '' });
  return { oohBuildings: made.length, oohPatrols: patrolCount, oohAlarms: 6, oohAccessRequests: 3 };
}
