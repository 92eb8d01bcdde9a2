import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../platform/deps';
import { londonYear } from '../../../domain/calendar/london';
import type { Priority, SlaClockKind, SlaStopReason } from '../../../domain/maintenance/contract';
import { decideStep, STEP_PARTIES, type FaultStage, type FaultStep } from '../../../domain/maintenance/faults';
import { computeSlaElapsedMinutes, computeSlaInstant, type SlaCalendar, type SlaStop } from '../../../domain/maintenance/slaClock';
import { getCamera, updateCamera } from '../estate';
import { contractCalendar, slaTermFor } from './contracts/contracts.usecases';

// A year of faults on the demo contract, as the contract's workflow records them: raised (by the
// control room, the out-of-hours officer or the contractor's own engineers), prioritised, attended,
// sometimes waiting for a part with the SLA clock stopped, diagnosed, fixed and accepted; a few
// reopened once; most inside their SLA, some breached; a few repeats on the same camera within
// 30 days; the last fortnight's still open at each stage, their cameras faulty. Times are placed
// with the domain's SLA clock over the terms in force when each fault was raised. Inserted in bulk:
// one INSERT for the faults, one for their steps. The daily checks' faults (seeded by the estate
// module) join the contract with a priority.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface DemoPeople { operators: string[]; ooh: string; supervisor: string; coordinator: string; contractor: string }

/** A small seeded generator, so that the demo is the same every time for the same clock. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Source = 'operator' | 'ooh' | 'contractor';
interface Step { kind: FaultStep; at: Date; by: string; priority?: Priority; stopReason?: SlaStopReason; note?: string }
interface DemoFault { id: string; cameraId: string; cameraRef: string; source: Source; priority: Priority; raisedAt: Date; description: string; steps: Step[]; stage: FaultStage }

const SYMPTOMS: { text: string; diagnosis: string; fix: string; part?: string }[] = [
  { text: 'No picture: video loss on the recorder input', diagnosis: 'Camera power supply failed', fix: 'Replaced the 24 V AC power supply; picture restored', part: '24 V AC power supply' },
  { text: 'Picture blurred: condensation inside the housing', diagnosis: 'Housing seal perished, moisture ingress', fix: 'Dried out, new seal and desiccant fitted; focus reset' },
  { text: 'Will not pan or tilt', diagnosis: 'PTZ drive motor seized', fix: 'Fitted replacement PTZ drive unit and re-set presets', part: 'PTZ drive unit' },
  { text: 'Picture rolling and breaking up', diagnosis: 'Fibre transceiver at the camera end faulty', fix: 'Replaced the fibre transceiver; link tested', part: 'Fibre media converter' },
  { text: 'Infrared not switching on at night', diagnosis: 'IR illuminator failed', fix: 'Replaced the IR illuminator', part: 'IR illuminator' },
  { text: 'Wiper stuck across the window', diagnosis: 'Wiper motor burnt out', fix: 'Fitted a new wiper assembly', part: 'Wiper assembly' },
  { text: 'Presets drifting: tours point at walls', diagnosis: 'Encoder slipping on the pan axis', fix: 'Re-calibrated the pan encoder and re-set the presets' },
  { text: 'Intermittent loss of control', diagnosis: 'Telemetry connection corroded in the junction box', fix: 'Re-terminated the telemetry and data cables' },
  { text: 'Picture very dark by day', diagnosis: 'Iris control failed', fix: 'Reset the camera to factory settings and re-applied the profile' },
  { text: 'Camera knocked out of position by a lorry', diagnosis: 'Bracket bent, camera intact', fix: 'Straightened the bracket and re-aligned the view' },
  { text: 'Spider webs over the lens at night', diagnosis: 'Housing needs cleaning', fix: 'Cleaned the housing and window' },
  { text: 'Camera offline since the storm', diagnosis: 'Lightning surge: surge protector and PSU blown', fix: 'Replaced the surge protector and power supply', part: 'Surge protection unit' },
];

const PRIORITY_SHARE: [Priority, number][] = [['P1', 0.06], ['P2', 0.14], ['P3', 0.64], ['P4', 0.16]];

/** Seeds the year's faults over the contract and the register's cameras; returns how many. */
export async function seedDemoFaults(deps: Deps, { contractId, people, count = 200 }: { contractId: string; people: DemoPeople; count?: number }) {
  const now = deps.clock.now();
  const random = seededRandom(11);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);

  const cameras = await deps.db.selectFrom('cameras').select(['id', 'reference', 'status']).where('status', '<>', 'decommissioned').orderBy('reference').execute();
  if (!cameras.length) return { faults: 0, faultEvents: 0, faultsOpen: 0, camerasMarkedFaulty: 0 };
  const calendars: Record<SlaClockKind, SlaCalendar> = {
    round_the_clock: await contractCalendar(deps.db, { contractId, clock: 'round_the_clock' }),
    working_hours: await contractCalendar(deps.db, { contractId, clock: 'working_hours' }),
  };
  const termCache = new Map<string, Awaited<ReturnType<typeof slaTermFor>>>();
  const termFor = async (priority: Priority, raisedAt: Date) => {
    // Terms change at most a couple of times: cache by priority and the day.
    const key = `${priority}:${raisedAt.toISOString().slice(0, 13)}`;
    if (!termCache.has(key)) termCache.set(key, await slaTermFor(deps.db, { contractId, priority, raisedAt }));
    return termCache.get(key)!;
  };

  // Cameras the open faults may take: in operation, nothing else open, no change since before the window.
  const busy = new Set((await deps.db.selectFrom('faults').select('camera_id').where('state', '=', 'open').where('camera_id', 'is not', null).execute()).map((f) => f.camera_id!));
  const quiet = cameras.filter((c) => c.status === 'operational' && !busy.has(c.id));

  // When each fault was raised: the bulk over the year (done with), the last fortnight's crafted open.
  const OPEN_PLAN: { daysAgo: number; stage: FaultStage; priority: Priority }[] = [
    { daysAgo: 13, stage: 'awaiting_parts', priority: 'P3' },
    { daysAgo: 9, stage: 'awaiting_parts', priority: 'P2' },
    { daysAgo: 6, stage: 'attended', priority: 'P4' },
    { daysAgo: 4, stage: 'fixed', priority: 'P3' },
    { daysAgo: 2.5, stage: 'attended', priority: 'P3' },
    { daysAgo: 1.5, stage: 'fixed', priority: 'P2' },
    { daysAgo: 0.6, stage: 'reported', priority: 'P3' },
    { daysAgo: 0.15, stage: 'reported', priority: 'P1' },
  ];
  const bulk = count - OPEN_PLAN.length;
  const raisedTimes = Array.from({ length: bulk }, () => {
    const day = new Date(now.getTime() - between(40, 365) * DAY);
    const ooh = random() < 0.2;
    // Daytime mostly (the control room's reports), some at night (out of hours).
    const hour = ooh ? between(17, 31) % 24 : between(7, 19);
    return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + hour * HOUR);
  }).sort((a, b) => a.getTime() - b.getTime());

  const faults: DemoFault[] = [];
  const recent: { cameraIndex: number; at: number }[] = [];
  for (const [i, raisedAt] of raisedTimes.entries()) {
    const r = random();
    let acc = 0;
    const priority = PRIORITY_SHARE.find(([, s]) => (acc += s) > r)?.[0] ?? 'P3';
    const hour = Number(raisedAt.toISOString().slice(11, 13));
    const source: Source = random() < 0.1 ? 'contractor' : hour < 7 || hour >= 19 ? 'ooh' : 'operator';
    // Every 25th fault or so comes back on a camera fixed within the past 30 days.
    const back = i % 25 === 12 ? recent.filter((x) => raisedAt.getTime() - x.at < 28 * DAY && raisedAt.getTime() - x.at > 3 * DAY)[0] : undefined;
    const cameraIndex = back ? back.cameraIndex : Math.floor(random() * cameras.length);
    recent.push({ cameraIndex, at: raisedAt.getTime() });
    const symptom = back ? faults.find((f) => f.cameraId === cameras[cameraIndex].id && f.raisedAt.getTime() === back.at)?.description.replace(/^[^:]+: /, '').replace(/ \(again.*$/, '') ?? pick(SYMPTOMS).text : pick(SYMPTOMS).text;
    const f = await timeline({ priority, raisedAt, source, cameraIndex, symptom, repeat: !!back });
    if (f) faults.push(f);
  }
  for (const [i, plan] of OPEN_PLAN.entries()) {
    const camera = quiet[(i * 5 + 3) % Math.max(quiet.length, 1)] ?? cameras[i % cameras.length];
    const raisedAt = new Date(now.getTime() - plan.daysAgo * DAY);
    const f = await timeline({ priority: plan.priority, raisedAt, source: i % 3 === 1 ? 'ooh' : 'operator', cameraIndex: cameras.indexOf(camera), symptom: SYMPTOMS[(i * 7) % SYMPTOMS.length].text, openAt: plan.stage });
    if (f) faults.push(f);
  }

  async function timeline({ priority, raisedAt, source, cameraIndex, symptom, repeat = false, openAt }: {
    priority: Priority; raisedAt: Date; source: Source; cameraIndex: number; symptom: string; repeat?: boolean; openAt?: FaultStage;
  }): Promise<DemoFault | undefined> {
    const term = await termFor(priority, raisedAt);
    if (!term) return undefined;
    const camera = cameras[cameraIndex];
    const calendar = calendars[term.clock];
    const sym = SYMPTOMS.find((s) => s.text === symptom) ?? SYMPTOMS[0];
    const raisedBy = source === 'contractor' ? people.contractor : source === 'ooh' ? people.ooh : pick(people.operators);
    const description = `${camera.reference}: ${symptom}${repeat ? ' (again: fixed within the past month)' : ''}`;
    const steps: Step[] = [{ kind: 'raised', at: raisedAt, by: raisedBy, note: description }];
    const add = (s: Step) => steps.push(s);
    const prioritisedAt = new Date(raisedAt.getTime() + between(5, 40) * MIN);
    add({ kind: 'prioritised', at: prioritisedAt, by: people.supervisor, priority });

    if (openAt) {
      // Crafted open faults: steps spread between raising and now, stopping at the planned stage.
      const span = now.getTime() - prioritisedAt.getTime();
      const t = (share: number) => new Date(prioritisedAt.getTime() + span * share);
      if (openAt !== 'reported') {
        add({ kind: 'attended', at: t(0.25), by: people.contractor });
        add({ kind: 'diagnosed', at: t(0.3), by: people.contractor, note: sym.diagnosis });
      }
      if (openAt === 'awaiting_parts') {
        add({ kind: 'awaiting_parts', at: t(0.35), by: people.contractor, note: `${sym.part ?? 'Replacement camera'} on order from the manufacturer` });
        add({ kind: 'clock_stopped', at: t(0.35), by: people.contractor, stopReason: 'awaiting_part', note: `Waiting for the ${(sym.part ?? 'replacement camera').toLowerCase()}: ordered, 5 to 10 working days` });
      }
      if (openAt === 'fixed') add({ kind: 'fixed', at: t(0.8), by: people.contractor, note: sym.fix });
      return { id: randomUUID(), cameraId: camera.id, cameraRef: camera.reference, source, priority, raisedAt, description, steps, stage: stageAfter(steps, people) };
    }

    // The response: most inside the target, about one in twelve late.
    const respondShare = random() < 0.06 ? between(1.1, 1.8) : between(0.2, 0.9);
    const attendedAt = maxDate(computeSlaInstant({ calendar, start: raisedAt, targetMinutes: term.responseMinutes, minutes: term.responseMinutes * respondShare })!, new Date(prioritisedAt.getTime() + 15 * MIN));
    add({ kind: 'attended', at: attendedAt, by: people.contractor });
    add({ kind: 'diagnosed', at: new Date(attendedAt.getTime() + between(15, 60) * MIN), by: people.contractor, note: sym.diagnosis });
    const stops: SlaStop[] = [];
    let after = new Date(attendedAt.getTime() + 75 * MIN);
    if (sym.part && priority !== 'P1' && random() < 0.55) {
      const from = new Date(attendedAt.getTime() + 70 * MIN);
      const to = new Date(from.getTime() + between(2, 8) * DAY);
      add({ kind: 'awaiting_parts', at: from, by: people.contractor, note: `${sym.part} on order` });
      add({ kind: 'clock_stopped', at: from, by: people.contractor, stopReason: 'awaiting_part', note: `Waiting for the ${sym.part.toLowerCase()}: not held on the van or in the council's store` });
      add({ kind: 'clock_restarted', at: to, by: people.contractor, note: `${sym.part} delivered` });
      stops.push({ reason: 'awaiting_part', from, to });
      after = new Date(to.getTime() + between(1, 4) * HOUR);
    }
    // The fix: most inside the target (with any stop), about one in twelve late.
    const floor = computeSlaElapsedMinutes({ calendar, start: raisedAt, targetMinutes: term.fixMinutes, stops, at: after });
    const fixShare = random() < 0.06 ? between(1.05, 1.6) : between(0.3, 0.92);
    const fixedAt = maxDate(computeSlaInstant({ calendar, start: raisedAt, stops, targetMinutes: term.fixMinutes, minutes: Math.max(term.fixMinutes * fixShare, floor + 20) })!, after);
    add({ kind: 'fixed', at: fixedAt, by: people.contractor, note: sym.fix });
    let last = fixedAt;
    if (random() < 0.05) {
      const reopenedAt = new Date(fixedAt.getTime() + between(2, 20) * HOUR);
      add({ kind: 'reopened', at: reopenedAt, by: people.coordinator, note: 'Checked from the control room: the fault is back' });
      add({ kind: 'attended', at: new Date(reopenedAt.getTime() + between(3, 20) * HOUR), by: people.contractor });
      last = new Date(reopenedAt.getTime() + between(1, 3) * DAY);
      add({ kind: 'fixed', at: last, by: people.contractor, note: `${sym.fix}; connections re-made and soak-tested` });
    }
    add({ kind: 'accepted', at: new Date(last.getTime() + between(1, 40) * HOUR), by: people.coordinator, note: 'Checked from the control room: working' });
    // Anything the clock puts past now has not happened yet: the fault stands where its last step left it.
    const done = steps.filter((s) => s.at <= now);
    return { id: randomUUID(), cameraId: camera.id, cameraRef: camera.reference, source, priority, raisedAt, description, steps: done, stage: stageAfter(done, people) };
  }

  // References from the faults' yearly counter (as the daily checks take them), a block a year.
  const byYear = new Map<number, DemoFault[]>();
  for (const f of [...faults].sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime())) {
    const y = londonYear(f.raisedAt);
    byYear.set(y, [...(byYear.get(y) ?? []), f]);
  }
  const numbers = new Map<string, { year: number; number: number }>();
  for (const [year, list] of byYear) {
    const r = await sql<{ last_number: number }>`insert into fault_counters (year, last_number) values (${year}, ${list.length})
      on conflict (year) do update set last_number = fault_counters.last_number + excluded.last_number returning last_number`.execute(deps.db);
    const first = r.rows[0].last_number - list.length + 1;
    list.forEach((f, i) => numbers.set(f.id, { year, number: first + i }));
  }

  await deps.db.insertInto('faults').values(faults.map((f) => {
    const { year, number } = numbers.get(f.id)!;
    const accepted = f.stage === 'accepted' ? f.steps.at(-1)!.at : null;
    return {
      id: f.id, reference: `FLT-${year}-${String(number).padStart(6, '0')}`, year, number, camera_id: f.cameraId, equipment_id: null, item: null,
      description: f.description, raised_by: f.steps[0].by, raised_at: f.raisedAt, check_result_id: null, source: f.source,
      contract_id: contractId, priority: f.priority, stage: f.stage, state: accepted ? 'closed' as const : 'open' as const, closed_at: accepted, updated_at: f.steps.at(-1)!.at,
    };
  })).execute();
  const events = faults.flatMap((f) => f.steps.map((s, i) => ({
    fault_id: f.id, seq: i + 1, kind: s.kind, at: s.at, recorded_at: s.at, by_user_id: s.by, priority: s.priority ?? null, stop_reason: s.stopReason ?? null, note: s.note ?? null,
  })));
  for (let i = 0; i < events.length; i += 2000) await deps.db.insertInto('fault_events').values(events.slice(i, i + 2000)).execute();

  // The open faults' cameras are faulty, each change in the camera's history as of the fault's raising
  // where nothing later is recorded, otherwise now.
  const open = faults.filter((f) => f.stage !== 'accepted');
  let marked = 0;
  for (const f of open) {
    const camera = await getCamera(deps, { id: f.cameraId });
    if (camera.status !== 'operational' && camera.status !== 'degraded') continue;
    const at = new Date(camera.changedAt) < f.raisedAt ? f.raisedAt : now;
    await updateCamera({ ...deps, clock: { now: () => at } }, {
      actor: { userId: f.steps[0].by, audit: { actorId: f.steps[0].by, actorUsername: null, ip: null, userAgent: 'demo seed' } },
      id: f.cameraId, input: { version: camera.version, status: 'faulty', reason: `fault raised: ${f.description.slice(0, 200)}` },
    });
    marked++;
  }
  return { faults: faults.length, faultEvents: events.length, faultsOpen: open.length, camerasMarkedFaulty: marked };
}

const maxDate = (a: Date, b: Date) => (a > b ? a : b);

/** Where the steps leave a fault, each step checked against the domain's workflow (a seed that breaks it fails loudly). */
function stageAfter(steps: readonly Step[], people: DemoPeople): FaultStage {
  let stage: FaultStage = 'reported';
  let clockStopped = false;
  for (const s of steps.slice(1)) {
    const party = s.by === people.contractor && STEP_PARTIES[s.kind].includes('contractor') ? 'contractor' : 'council';
    const d = decideStep({ stage, step: s.kind, party, clockStopped });
    if (!d.ok) throw new Error(`Demo fault step ${s.kind} at ${stage}: ${d.reason}`);
    stage = d.stage;
    if (s.kind === 'clock_stopped') clockStopped = true;
    if (s.kind === 'clock_restarted' || s.kind === 'fixed') clockStopped = false;
  }
  return stage;
}

/**
 * The daily checks' faults join the contract: a priority by what failed (recording and picture
 * loss P2, the rest P3) and, on those still open, the coordinator's 'prioritised' step after the
 * raising (a closed fault's history is complete: it takes the priority without a later step).
 */
export async function attachCheckFaults(deps: Deps, { contractId, by }: { contractId: string; by: string }) {
  const checks = await deps.db.selectFrom('faults').select(['id', 'item', 'state', 'raised_at', 'equipment_id']).where('source', '=', 'check').where('contract_id', 'is', null).execute();
  for (const f of checks) {
    const priority: Priority = f.item === 'recording' || f.item === 'picture' ? 'P2' : f.equipment_id ? 'P4' : 'P3';
    await deps.db.updateTable('faults').set({ contract_id: contractId, priority }).where('id', '=', f.id).execute();
    if (f.state === 'open') {
      await sql`insert into fault_events (fault_id, seq, kind, at, recorded_at, by_user_id, priority)
        select ${f.id}::uuid, max(seq) + 1, 'prioritised', ${new Date(f.raised_at.getTime() + 20 * MIN)}::timestamptz, ${new Date(f.raised_at.getTime() + 20 * MIN)}::timestamptz, ${by}::uuid, ${priority}
        from fault_events where fault_id = ${f.id}::uuid`.execute(deps.db);
    }
  }
  return { checkFaultsAttached: checks.length };
}
