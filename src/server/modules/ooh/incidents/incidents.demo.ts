import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import type { MethaneMessage } from '../../../../domain/ooh/methane';
import * as uc from './incidents.usecases';

// The demo's major incident: Exercise Lantern, a gas leak on Market Street run as a table-top
// exercise earlier in the month, declared by the out-of-hours officer, handed over to the
// control-room manager and stood down. Written through the use cases with the clock set to each
// step's time, so its log and audit trail are what an officer would have left.

const MINUTE = 60_000;

function lanternMessage(over: Partial<MethaneMessage> = {}): MethaneMessage {
  return {
    status: 'declared',
    location: { street: 'Market Street', landmarks: 'Outside the Corn Exchange, junction with Bridge Street', postcode: 'DC1 2AB', latitude: 52.8051, longitude: -1.6402, what3words: '' },
    type: 'hazardous_materials', typeDetail: 'Gas leak from a fractured main under the road',
    hazards: { present: 'Strong smell of gas; escaping gas at road level', potential: 'Ignition and explosion; exposure of residents above the shops' },
    access: { routesIn: 'From the ring road via Station Road', routesOut: 'Bridge Street north to the ring road', rendezvousPoint: 'RVP: Civic Centre car park, Station Road', areasToAvoid: 'Market Street between Bridge Street and High Street; the Corn Exchange car park' },
    casualties: { number: 2, details: '2 walking wounded: dizziness and nausea (minor)', estimated: true },
    services: [{ agency: 'fire', present: 2, required: 1, notes: '' }, { agency: 'police', present: 2, required: 0, notes: '' }, { agency: 'utilities', present: 0, required: 1, notes: 'Gas network emergency engineer' }],
    ...over,
  };
}

export async function seedIncidentsDemo(deps: Deps, council: DemoCouncil) {
  const now = deps.clock.now();
  // The second evening of the month (or a week ago, early in a month), 19:10 UTC.
  const start = new Date(now.getTime() - Math.max(7, now.getUTCDate() - 2) * 24 * 3600_000);
  start.setUTCHours(19, 10, 0, 0);
  let at = start;
  const step = (minutes: number) => { at = new Date(at.getTime() + minutes * MINUTE); };
  const as = (username: 'ooh' | 'supervisor') => {
    const u = council.users[username]!;
    return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
  };
  const clocked: Deps = { ...deps, clock: { now: () => at } };
  const ooh = as('ooh');
  const lisa = 'Lisa Brennan';

  const made = await uc.declareIncident(clocked, { actor: ooh, input: { title: 'Exercise Lantern: gas leak, Market Street', exercise: true, message: lanternMessage() } });
  const id = made.id;
  const info = async (minutes: number, source: Parameters<typeof uc.addTimelineEntry>[1]['input']['source'], sourceName: string, content: string, correctsSeq?: number) => {
    step(minutes);
    await uc.addTimelineEntry(clocked, { actor: ooh, id, input: { source, sourceName, content, receivedAt: new Date(at.getTime() - 2 * MINUTE), correctsSeq } });
  };
  const decide = async (minutes: number, decision: string, rationale: string, options = '', by = lisa, role = 'Out-of-hours officer') => {
    step(minutes);
    await uc.logDecision(clocked, { actor: ooh, id, input: { decision, rationale, options, decidedByName: by, decidedByRole: role } });
  };

  await info(1, 'public', 'Caller from the flats above no. 14', 'Strong smell of gas in the street and on the stairs, two neighbours feel dizzy.');
  await info(3, 'fire', 'Fire control', 'Two appliances attending; ETA 6 minutes.');
  await decide(2, 'Open the emergency centre at the Civic Centre for evacuated residents', 'Up to 40 residents above the shops may need shelter for several hours; the Civic Centre is outside the cordon.', 'Leisure centre (further, no parking); Civic Centre (close, staffed by security tonight)');
  await info(5, 'fio', 'FIO Martin Okafor', 'On scene. Cordon 100 m set by fire; police closing Market Street at both ends.');
  await info(4, 'police', 'Inspector Dale', 'Market Street closed at Bridge Street and High Street. Diversion via the ring road.');
  await info(3, 'utilities', 'Gas network emergency', 'Engineer on the way, about 25 minutes; advise no ignition sources.');
  await decide(2, 'Ask the bus operator to divert routes 4 and 12 off Market Street', 'The cordon covers both stops; buses must not enter the area.');
  await info(2, 'fire', 'Fire control', 'Gas readings 40% of the lower explosive limit at the drain outside no. 12; all ignition sources isolated.');
  step(2);
  await uc.updateMethane(clocked, { actor: ooh, id, input: { basedOn: 1, message: lanternMessage({ casualties: { number: 5, details: '5 walking wounded: dizziness and nausea (minor), one elderly resident assessed by ambulance', estimated: false }, services: [{ agency: 'fire', present: 2, required: 0, notes: '' }, { agency: 'police', present: 3, required: 0, notes: '' }, { agency: 'ambulance', present: 1, required: 0, notes: '' }, { agency: 'utilities', present: 0, required: 1, notes: 'Gas network emergency engineer' }] }) } });
  await info(2, 'ambulance', 'Ambulance control', 'One crew on scene; 5 patients assessed, none need hospital so far.');
  await info(3, 'council_service', 'Housing duty officer', 'Rest centre team called out; 12 households evacuated so far.');
  await info(2, 'public', 'Shop keeper, no. 9', 'Says the smell is strongest near the drain outside no. 12.');
  await info(4, 'fio', 'FIO Martin Okafor', '18 households evacuated; residents walking to the Civic Centre with police.');
  await info(1, 'fio', 'FIO Martin Okafor', 'Correction: 16 households evacuated, not 18 (two were counted twice).', 9);
  await decide(3, 'Stand up the council’s incident management team by phone', 'The evacuation may last overnight and needs the housing and highways heads of service.', '', 'Dave Hollins', 'Control-room manager');
  step(2);
  await uc.addAction(clocked, { actor: ooh, id, input: { action: 'Open the Civic Centre rest centre and register evacuees', ownerName: 'Housing duty officer', ownerOrganisation: 'Council', dueAt: new Date(at.getTime() + 30 * MINUTE) } });
  await uc.addAction(clocked, { actor: ooh, id, input: { action: 'Divert bus routes 4 and 12', ownerName: 'Network controller', ownerOrganisation: 'Bus operator', dueAt: new Date(at.getTime() + 20 * MINUTE) } });
  await uc.addAction(clocked, { actor: ooh, id, input: { action: 'Check the CCTV on Market Street for anyone inside the cordon', ownerName: 'Priya Shah', ownerOrganisation: 'Council CCTV control room' } });
  await info(6, 'utilities', 'Gas network emergency', 'Engineer on scene; supply isolated at the valve on Bridge Street.');
  await decide(2, 'Keep the cordon until the gas network confirms the street is safe', 'Gas may still be trapped in cellars; the engineer needs an hour to vent and test.', 'Reduce the cordon now (rejected: readings not yet taken)');
  step(2);
  await uc.updateAction(clocked, { actor: ooh, id, seq: 2, input: { status: 'done', note: 'Buses diverted via the ring road' } });
  await uc.updateAction(clocked, { actor: ooh, id, seq: 3, input: { status: 'done', note: 'No one seen inside the cordon' } });
  step(3);
  await uc.updateMethane(clocked, { actor: ooh, id, input: { message: lanternMessage({ status: 'standby', hazards: { present: 'Supply isolated; residual gas in cellars being vented', potential: 'Low: re-ignition while venting' }, casualties: { number: 5, details: '5 minor, none taken to hospital', estimated: false }, services: [{ agency: 'fire', present: 1, required: 0, notes: '' }, { agency: 'police', present: 2, required: 0, notes: '' }, { agency: 'utilities', present: 2, required: 0, notes: 'Gas network' }] }) } });
  step(5);
  await uc.handOver(clocked, { actor: ooh, id, input: { toUserId: council.users.supervisor!.id, summary: 'Gas isolated, venting under way; cordon stays until the gas network tests the cellars. 16 households at the Civic Centre.', outstanding: 'Action 1: rest centre registration. Stand-down when the gas network confirms.' } });
  step(3);
  await uc.acknowledgeHandover(clocked, { actor: as('supervisor'), id, seq: 1 });
  await info(10, 'fio', 'FIO Martin Okafor', 'Venting in progress; fire crews standing by with one appliance.');
  await info(30, 'utilities', 'Gas network emergency', 'Cellars tested clear; street safe. Repairs tomorrow under a road closure.');
  await info(4, 'council_service', 'Housing duty officer', 'All residents back home; rest centre closing.');
  await decide(2, 'Stand down the incident', 'The gas network confirms the street safe and all residents are home.', '', 'Dave Hollins', 'Control-room manager');
  step(1);
  await uc.updateAction(clocked, { actor: as('supervisor'), id, seq: 1, input: { status: 'done', note: '16 households registered; all home by 21:40' } });
  await uc.updateMethane(clocked, { actor: as('supervisor'), id, input: { message: lanternMessage({ status: 'stand_down', hazards: { present: 'None', potential: 'None' }, casualties: { number: 5, details: '5 minor, none taken to hospital', estimated: false }, services: [{ agency: 'utilities', present: 1, required: 0, notes: 'Gas network, repairs tomorrow' }] }) } });
  step(2);
  await uc.closeIncident(clocked, { actor: as('supervisor'), id, input: { note: 'Exercise Lantern complete. Debrief on Thursday: rest-centre registration was slow; bus diversion worked well.' } });
  return { oohIncidents: 1 };
}
