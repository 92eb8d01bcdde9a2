import type { Deps } from '../../platform/deps';
import type { Agency, OccurrenceOutcome, OccurrenceSource } from '../../platform/db/db';
import type { AuditActor } from '../../platform/audit/audit';
import * as occ from './occurrences.usecases';
import * as repo from './occurrences.repository';
import * as handover from './handover/handover.usecases';
import { replaceProcedure } from './procedures/procedures.usecases';
import { addDays, getDay, getHours, set, startOfDay, subDays } from 'date-fns';
import { inLondon } from '../../../domain/calendar/london';

// A realistic recent fortnight for the demo council's control room: busier on Friday and Saturday
// nights, shoplifting in the day, two shifts a day with handovers, most occurrences closed.
// Days and hours are London's wall clock (shifts change at 07:00 and 19:00 in summer too). The
// operators take turns, one a shift, the first of them on shift now; each hands their shift to the
// next by name (the morning handover to the control-room team, where the next operator has one).
// Deterministic (seeded random), written through the same use cases as real work.

function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

interface Scenario { category: string; source: OccurrenceSource; summary: string; steps: string[]; tell?: Agency; outcome: OccurrenceOutcome; night: boolean }

const SCENARIOS: Scenario[] = [
  { category: 'violence', source: 'camera_patrol', night: true, summary: 'Fight outside licensed premises', tell: 'police', outcome: 'arrest',
    steps: ['Two males exchanging punches, one wearing a white shirt', 'Door staff intervening', 'Police units arriving on scene', 'One male detained by officers'] },
  { category: 'violence', source: 'radio_scheme', night: true, summary: 'Door staff request assistance with aggressive customer', tell: 'police', outcome: 'dispersed',
    steps: ['Male refused entry, shouting at door staff', 'Male walks off towards the taxi rank', 'Lost from view at the taxi rank'] },
  { category: 'asb', source: 'camera_patrol', night: true, summary: 'Group of youths causing annoyance', outcome: 'dispersed',
    steps: ['Group of about eight youths on bikes', 'Throwing litter and shouting at passers-by', 'Group moves off towards the park'] },
  { category: 'asb', source: 'public_call', night: false, summary: 'Street drinkers shouting at shoppers', tell: 'council', outcome: 'advice_given',
    steps: ['Three adults with cans of lager on benches', 'Community protection officers attend', 'Advice given, group leaves'] },
  { category: 'theft', source: 'radio_scheme', night: false, summary: 'Shoplifter leaving store with unpaid goods', tell: 'police', outcome: 'no_trace',
    steps: ['Store reports female in grey coat leaving with bag of goods', 'Female seen walking south', 'Lost from view near the bus station'] },
  { category: 'theft', source: 'radio_scheme', night: false, summary: 'Suspected shoplifter known to the radio scheme', tell: 'police', outcome: 'detained',
    steps: ['Male in dark tracksuit entering several shops', 'Store staff detain male', 'Police attend and take over'] },
  { category: 'criminal_damage', source: 'camera_patrol', night: true, summary: 'Male kicking shop shutter', tell: 'police', outcome: 'handed_to_police',
    steps: ['Male repeatedly kicking shutter of a closed shop', 'Shutter visibly dented', 'Male walks off, description passed to police'] },
  { category: 'welfare', source: 'camera_patrol', night: true, summary: 'Intoxicated female alone in doorway', tell: 'ambulance', outcome: 'other',
    steps: ['Female sitting in doorway, appears unwell', 'Street pastors attend', 'Ambulance requested by street pastors'] },
  { category: 'missing_vulnerable', source: 'police_request', night: false, summary: 'Police request search for missing teenager', tell: 'police', outcome: 'no_trace',
    steps: ['Description received: 15-year-old, blue hoodie, black rucksack', 'Cameras panned across the town centre', 'No sighting, police updated'] },
  { category: 'rtc', source: 'camera_patrol', night: false, summary: 'Minor collision at junction', tell: 'police', outcome: 'other',
    steps: ['Two cars collided at low speed', 'Drivers exchanging details, no injuries seen', 'Vehicles moved to the side of the road'] },
  { category: 'suspicious', source: 'camera_patrol', night: true, summary: 'Male trying car door handles in car park', tell: 'police', outcome: 'handed_to_police',
    steps: ['Male walking between parked cars trying handles', 'Description passed to police', 'Police stop male on Station Street'] },
  { category: 'drugs', source: 'camera_patrol', night: false, summary: 'Suspected drug exchange in alleyway', tell: 'police', outcome: 'no_trace',
    steps: ['Two males meet briefly, exchange small item', 'Both leave in different directions'] },
  { category: 'medical', source: 'public_call', night: false, summary: 'Elderly male fallen in the street', tell: 'ambulance', outcome: 'other',
    steps: ['Male on the ground, members of the public helping', 'Ambulance called by caller', 'Ambulance on scene'] },
  { category: 'licensing', source: 'council_staff', night: true, summary: 'Licensing officer requests monitoring of premises at closing', outcome: 'false_alarm',
    steps: ['Premises monitored from 23:00', 'Customers leave quietly, nothing of note'] },
];

const CAD = (r: () => number) => `CAD ${String(Math.floor(r() * 9000) + 1000)}-${String(Math.floor(r() * 90) + 10)}`;

export async function seedDemoOccurrences(deps: Deps, { operators, supervisor, cameraIds, days = 14 }: {
  operators: { id: string; username: string }[]; supervisor: { id: string; username: string }; cameraIds: string[]; days?: number;
}) {
  const r = random(20261123);
  const categories = Object.fromEntries((await deps.db.selectFrom('occurrence_categories').select(['key', 'id']).execute()).map((c) => [c.key, c.id]));
  const real = deps.clock.now();
  let now = real;
  const at = { now: () => now };
  const d: Deps = { ...deps, clock: at };
  const actorOf = (u: { id: string; username: string }): occ.Actor => ({ audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: 'demo seed' } as AuditActor, userId: u.id });
  const admin = actorOf(supervisor);

  // Procedures the demo shows: violence needs the police told and footage marked.
  await replaceProcedure(d, { actor: admin, categoryId: categories.violence, steps: [
    { text: 'Inform the police and record the CAD number', isRequired: true }, { text: 'Mark footage on every camera used', isRequired: true }, { text: 'Inform the supervisor', isRequired: false },
  ] });
  await replaceProcedure(d, { actor: admin, categoryId: categories.missing_vulnerable, steps: [
    { text: 'Record the description given by the police', isRequired: true }, { text: 'Search all town-centre cameras', isRequired: true },
  ] });

  // The rota: shifts start at 07:00 and 19:00 London time; the current shift is the first operator's.
  const rota = operators.filter((o) => o.id !== supervisor.id).length ? operators.filter((o) => o.id !== supervisor.id) : operators;
  const shiftStartOf = (t: Date) => {
    const london = inLondon(t);
    const h = getHours(london);
    return new Date(set(h < 7 ? subDays(london, 1) : london, { hours: h >= 7 && h < 19 ? 7 : 19, minutes: 0, seconds: 0, milliseconds: 0 }).getTime());
  };
  const onShift = (t: Date) => rota[Math.round((shiftStartOf(real).getTime() - shiftStartOf(t).getTime()) / (12 * 3600_000)) % rota.length];
  const teams = new Map((await d.db.selectFrom('users').select(['id', 'team_id']).where('id', 'in', operators.map((o) => o.id)).execute()).map((u) => [u.id, u.team_id]));

  const today = startOfDay(inLondon(real));
  let opened = 0;
  for (let day = 0; day <= days; day++) { // today too: its handover is the one still waiting
    const date = subDays(today, days - day); // London midnight
    const weekend = [5, 6].includes(getDay(date));
    const count = 6 + Math.floor(r() * 6) + (weekend ? 6 : 0);
    const times: Array<{ when: Date; night: boolean }> = Array.from({ length: count }, () => {
      const night = r() < 0.55;
      const hour = night ? (20 + Math.floor(r() * 8)) % 24 : 8 + Math.floor(r() * 11);
      const at = set(date, { hours: hour, minutes: Math.floor(r() * 60), seconds: Math.floor(r() * 60) });
      return { when: new Date((night && hour < 8 ? addDays(at, 1) : at).getTime()), night };
    });
    // Today, the shift on duty is working on two of its own, whatever the hour.
    if (day === days) for (const ago of [150, 75]) { const when = new Date(real.getTime() - ago * 60_000); const h = getHours(inLondon(when)); times.push({ when, night: h >= 20 || h < 8 }); }
    times.splice(0, times.length, ...times.filter((t) => t.when.getTime() < real.getTime() - 3600_000).sort((a, b) => a.when.getTime() - b.when.getTime()));

    for (const t of times) {
      const pool = SCENARIOS.filter((s) => s.night === t.night);
      const s = pool[Math.floor(r() * pool.length)];
      const operator = onShift(t.when);
      const actor = actorOf(operator);
      const cams = [cameraIds[Math.floor(r() * cameraIds.length)], ...(r() < 0.3 ? [cameraIds[Math.floor(r() * cameraIds.length)]] : [])];
      now = t.when;
      const o = await occ.openOccurrence(d, { actor, input: { source: s.source, categoryId: categories[s.category], priority: s.tell === 'police' ? 'high' : 'normal', summary: s.summary, cameraIds: cams } });
      opened++;
      const stepsDone = await repo.listVersionSteps(d.db, (await repo.findCurrentVersion(d.db, categories[s.category]))?.id ?? null);
      for (const [i, body] of s.steps.entries()) {
        now = new Date(t.when.getTime() + (i + 1) * (60_000 + Math.floor(r() * 240_000)));
        await occ.addEntry(d, { actor, occurrenceId: o.id, kind: i === s.steps.length - 1 ? 'action' : 'observation', body, observedAt: new Date(now.getTime() - 30_000) });
        if (i === 0 && s.tell) {
          const agencyReference = s.tell === 'police' ? CAD(r) : s.tell === 'ambulance' ? `AMB ${Math.floor(r() * 900000) + 100000}` : undefined;
          await occ.notifyAgency(d, { actor, occurrenceId: o.id, agency: s.tell, agencyReference });
        }
      }
      if (s.tell === 'police') {
        now = new Date(now.getTime() + 60_000);
        await occ.markFootage(d, { actor, occurrenceId: o.id, cameraId: cams[0], from: new Date(t.when.getTime() - 120_000), to: new Date(now.getTime() - 60_000), body: 'Relevant footage for the police' });
      }
      for (const step of stepsDone) {
        now = new Date(now.getTime() + 30_000);
        await occ.tickStep(d, { actor, occurrenceId: o.id, stepId: step.id });
      }
      // The last few hours' occurrences stay open, as they would at the start of a shift.
      if (real.getTime() - t.when.getTime() > 6 * 3600_000) {
        now = new Date(now.getTime() + 120_000);
        await occ.closeOccurrence(d, { actor, occurrenceId: o.id, outcome: s.outcome });
      }
    }

    // Two shifts a day; every handover acknowledged except the most recent one (the only one under
    // twelve hours old, whatever the time of day), which waits for the first operator (or their team).
    for (const hour of [7, 19]) {
      const when = new Date(set(date, { hours: hour }).getTime());
      if (when.getTime() > real.getTime()) continue;
      now = when;
      const from = onShift(new Date(when.getTime() - 60_000));
      const next = onShift(when).id === from.id ? supervisor : onShift(when);
      const team = teams.get(next.id);
      const to = hour === 7 && team ? { kind: 'team' as const, id: team } : { kind: 'user' as const, id: next.id };
      const actions = r() < 0.4 ? [{ text: 'Chase the maintenance contractor about the camera fault', ownerId: supervisor.id, dueAt: new Date(when.getTime() + 8 * 3600_000) }] : [];
      const draft = await handover.draftHandover(d, { userId: from.id, shiftStartedAt: new Date(when.getTime() - 12 * 3600_000) });
      const { id } = await handover.createHandover(d, {
        actor: actorOf(from),
        input: {
          to, shiftStartedAt: new Date(when.getTime() - 12 * 3600_000),
          // Today's later occurrences are seeded already: not theirs to hand over.
          occurrenceIds: draft.occurrences.filter((o) => new Date(o.openedAt) <= when).map((o) => o.id), actions,
          equipmentFaults: r() < 0.3 ? 'C07 picture intermittent' : '', notes: hour === 7 ? 'Quiet end to the night shift.' : 'Day shift handed over; radio scheme busy.',
        },
      });
      if (real.getTime() - when.getTime() > 12 * 3600_000) {
        now = new Date(when.getTime() + 15 * 60_000);
        const incoming = actorOf(next);
        await handover.acknowledgeHandover(d, { actor: incoming, id });
        // The incoming shift clears what was handed over, except in the last day.
        if (real.getTime() - when.getTime() > 24 * 3600_000) {
          for (const a of draft.actions) await handover.completeAction(d, { actor: incoming, id: a.id }).catch(() => undefined);
        }
      }
    }
  }
  return { occurrences: opened };
}
