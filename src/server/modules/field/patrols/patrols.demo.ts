import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { formatPcnNumber } from '../../../../domain/references/pcn';
import type { SyncRecord } from '../../../../domain/field/sync';
import { DEMO_DEVICES } from '../handheld/handheld.demo';
import { actorOf } from '../handheld/handheld.fixtures';
import { blocksOf } from '../handheld/handheld.repository';
import { sync } from '../handheld/handheld.usecases';

// A month of patrols by the demo's community protection officers, made as a handheld makes them:
// records synced through the sync use case with the clock set to each moment (so each patrol is a
// lone-working session that starts, takes its check-ins and ends), a GPS trail through the town
// centre, notes, and the PCNs and FPNs issued on the way. A notice the enforcement module refuses
// is left rejected and the seed goes on. One patrol of Tom's is running now.

const MIN = 60_000;
const BEATS = [
  { beat: 'High Street and Market Place', task: 'Parking enforcement: loading bays and limited waiting' },
  { beat: 'Station Street and Union Street', task: 'Parking enforcement and PSPO patrol (town centre)' },
  { beat: 'Washlands and Andresey Bridge', task: 'PSPO patrol: dog control and littering in the parks' },
  { beat: 'Horninglow Street and Guild Street', task: 'Residents’ parking zone and school keep-clear markings' },
  { beat: 'Borough Road and Wetmore Road', task: 'Fly-tipping hotspots, defects and ASB reassurance' },
  { beat: 'Lichfield Street and New Street', task: 'Parking enforcement and car-park machine checks' },
];
const PCN_CODES = ['01', '01', '05', '30', '40', '12', '02', '25'];
const GRACE_CODES = new Set(['05', '30']);
const FPN_OFFENCES = ['LIT', 'LIT', 'PSPO-DF', 'PSPO-DL'];
const VEHICLES = [
  { vrm: 'FY19 KLM', make: 'Ford', model: 'Fiesta', colour: 'Red' }, { vrm: 'BD68 XTR', make: 'Vauxhall', model: 'Corsa', colour: 'Silver' },
  { vrm: 'YK21 HNB', make: 'Toyota', model: 'Yaris', colour: 'White' }, { vrm: 'AP17 ZCD', make: 'Nissan', model: 'Qashqai', colour: 'Black' },
  { vrm: 'WR70 PLE', make: 'Volkswagen', model: 'Golf', colour: 'Blue' }, { vrm: 'LS15 GHY', make: 'BMW', model: '1 Series', colour: 'Grey' },
];
const OFFENDERS = [
  { name: 'Daniel Hughes', address: '14 Shobnall Street, Burton upon Trent', postcode: 'DE14 2HD', dateOfBirth: '1989-04-11' },
  { name: 'Karen Walsh', address: '3 Princess Street, Burton upon Trent', postcode: 'DE14 2NW', dateOfBirth: '1975-09-02' },
  { name: 'Lewis Grant', address: '27 Victoria Crescent, Burton upon Trent', postcode: 'DE14 2QQ', dateOfBirth: '2001-12-19' },
];
const NOTES = ['Spoke to shopkeepers about deliveries blocking the loading bay.', 'Bins overflowing by the bus station: reported to street cleansing.',
  'Group of youths gathered by the war memorial, moved on without issue.', 'Pay-and-display machine at the Meadow Road car park not taking cards.', 'All quiet; high footfall around the market.'];

/** A little random walk around the town centre (deterministic per patrol). */
function walk(council: DemoCouncil, seed: number, n: number) {
  const { centre, bounds } = council.area;
  let lat = centre.lat + ((seed % 7) - 3) * 0.0012;
  let lon = centre.lon + ((seed % 5) - 2) * 0.0015;
  const pts: { lat: number; lon: number }[] = [];
  for (let i = 0; i < n; i++) {
    const r = Math.sin(seed * 12.9898 + i * 78.233) * 43758.5453;
    const f = r - Math.floor(r);
    lat = Math.min(bounds.north, Math.max(bounds.south, lat + (f - 0.5) * 0.0009));
    lon = Math.min(bounds.east, Math.max(bounds.west, lon + (Math.cos(seed + i) * 0.0011)));
    pts.push({ lat: Number(lat.toFixed(6)), lon: Number(lon.toFixed(6)) });
  }
  return pts;
}

async function anEnforcementArea(deps: Deps): Promise<string> {
  try {
    const has = await sql<{ t: string | null }>`select to_regclass('enforcement_areas')::text as t`.execute(deps.db);
    if (has.rows[0]?.t) {
      const r = await sql<{ id: string }>`select id from enforcement_areas order by id limit 1`.execute(deps.db);
      if (r.rows[0]) return r.rows[0].id;
    }
  } catch { /* not there yet */ }
  return '00000000-0000-4000-8000-00000000e001';
}

export async function seedPatrolsDemo(deps: Deps, council: DemoCouncil) {
  const realNow = deps.clock.now();
  let t = realNow.getTime();
  const at: Deps = { ...deps, mail: undefined, clock: { now: () => new Date(t) } };
  const areaId = await anEnforcementArea(deps);
  const counts = { patrols: 0, patrolNotices: 0, syncRejected: 0 };
  const officers = DEMO_DEVICES.filter((d) => d.username !== 'teamleader' && council.users[d.username]);
  for (const [o, device] of officers.entries()) {
    const actor = actorOf(council.users[device.username]!);
    const blocks = await blocksOf(deps.db, [device.id]);
    let serial = Number(blocks[0]!.first_serial);
    const prefix = blocks[0]!.prefix;
    const send = async (when: number, records: SyncRecord[]) => {
      t = when;
      const { results } = await sync(at, { actor, deviceId: device.id, records, queued: 0 });
      counts.syncRejected += results.filter((r) => r.outcome === 'rejected').length;
      return results;
    };
    const rec = (kind: SyncRecord['kind'], when: number, payload: Record<string, unknown>): SyncRecord =>
      ({ id: randomUUID(), kind, createdAt: new Date(when).toISOString(), payload: JSON.parse(JSON.stringify(payload)) as Record<string, unknown> });

    for (let day = 28; day >= 0; day--) {
      const date = new Date(realNow.getTime() - day * 24 * 60 * MIN);
      if ([0, 6].includes(date.getUTCDay()) && (day + o) % 3) continue;
      const running = day === 0 && device.username === 'patrol';
      if (day === 0 && !running) continue;
      const seed = day * 10 + o;
      const b = BEATS[(day + o * 2) % BEATS.length]!;
      const start = running ? realNow.getTime() - 70 * MIN : Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), o ? 13 : 8, 30);
      if (start > realNow.getTime()) continue;
      const lengthMin = running ? 200 : 150 + (seed % 4) * 15;
      const patrolId = randomUUID();
      const pts = walk(council, seed, Math.floor((running ? 68 : lengthMin) / 4));
      const pointAt = (i: number) => start + i * 4 * MIN;
      const startRes = await send(start, [rec('patrol.start', start, {
        patrolId, beat: b.beat, task: b.task, parishContractId: null, startedAt: new Date(start).toISOString(),
        expectedEndAt: new Date(start + lengthMin * MIN).toISOString(), checkInMinutes: 45,
      })]);
      if (startRes[0]?.outcome !== 'accepted') continue;
      counts.patrols++;
      // Every 40 minutes: the trail so far, a check-in, and what happened since.
      for (let m = 40, k = 0; m < (running ? 68 : lengthMin); m += 40, k++) {
        const when = start + m * MIN;
        const upTo = pts.map((p, i) => ({ ...p, i })).filter((p) => pointAt(p.i) <= when && pointAt(p.i) > when - 40 * MIN);
        const point = upTo.at(-1) ?? pts[0]!;
        const records: SyncRecord[] = [];
        if (upTo.length) records.push(rec('patrol.trail', when, { patrolId, points: upTo.map((p) => ({ lat: p.lat, lon: p.lon, accuracyM: 6 + (p.i % 9), at: new Date(pointAt(p.i)).toISOString() })) }));
        if ((seed + k) % 3 === 0) records.push(rec('patrol.note', when - 5 * MIN, { patrolId, at: new Date(when - 5 * MIN).toISOString(), text: NOTES[(seed + k) % NOTES.length], point: { ...point, accuracyM: 8 } }));
        const street = council.area.streets[(seed + k) % council.area.streets.length]!;
        if ((seed + k) % 2 === 0 || k === 0) {
          const issuedAt = when - 12 * MIN;
          records.push(rec('pcn.issue', issuedAt, {
            pcnId: randomUUID(), patrolId, number: formatPcnNumber(prefix, serial++), enforcementAreaId: areaId, contraventionCode: PCN_CODES[(seed + k) % PCN_CODES.length],
            // Overstays (05, 30) are watched past the 10-minute grace period; the others for 10 minutes.
            observedFrom: new Date(issuedAt - (GRACE_CODES.has(PCN_CODES[(seed + k) % PCN_CODES.length]) ? 13 : 10) * MIN).toISOString(), observedTo: new Date(issuedAt - MIN).toISOString(), issuedAt: new Date(issuedAt).toISOString(),
            vehicle: { ...VEHICLES[(seed + k) % VEHICLES.length], permitSeen: (seed + k) % 4 === 0 ? 'Expired pay-and-display ticket' : '' },
            point: { ...point, accuracyM: 5 }, street, locationDetail: `Outside no. ${10 + ((seed * 7 + k) % 80)}`, served: (seed + k) % 5 === 0 ? 'handed' : 'affixed', notes: '',
          }));
        }
        if ((seed + k) % 5 === 1) {
          const issuedAt = when - 20 * MIN;
          const fpnId = randomUUID();
          const offender = OFFENDERS[(seed + k) % OFFENDERS.length]!;
          records.push(rec('fpn.issue', issuedAt, {
            fpnId, patrolId, offenceCode: FPN_OFFENCES[(seed + k) % FPN_OFFENCES.length], issuedAt: new Date(issuedAt).toISOString(),
            offender: { ...offender, description: 'Dark jacket, jeans', identification: 'Driving licence seen' }, point: { ...point, accuracyM: 6 }, place: street,
            circumstances: 'Seen by me to commit the offence; approached, identified myself and explained the offence; details given and confirmed.', bodyWornVideoRef: `BWV-${1000 + seed}`,
          }));
          records.push(rec('notebook.entry', issuedAt + 5 * MIN, { entryId: randomUUID(), at: new Date(issuedAt + 5 * MIN).toISOString(), text: `FPN issued on ${street} to ${offender.name}. Offender calm and cooperative. BWV running throughout.`, fpnId }));
        }
        records.push(rec('patrol.check_in', when, { patrolId, at: new Date(when).toISOString(), point: { ...point, accuracyM: 7 } }));
        await send(when, records);
      }
      if (running) {
        const last = pts.map((p, i) => ({ ...p, i })).filter((p) => pointAt(p.i) > start + 40 * MIN);
        await send(realNow.getTime() - 2 * MIN, [rec('patrol.trail', realNow.getTime() - 2 * MIN, { patrolId, points: last.map((p) => ({ lat: p.lat, lon: p.lon, accuracyM: 6, at: new Date(Math.min(pointAt(p.i), realNow.getTime() - 2 * MIN - (last.length - p.i) * 1000)).toISOString() })) })]);
      } else {
        const end = start + lengthMin * MIN - 10 * MIN;
        await send(end, [rec('patrol.end', end, { patrolId, at: new Date(end).toISOString(), note: 'Patrol complete, back at the depot' })]);
      }
    }
  }
  t = realNow.getTime();
  counts.patrolNotices = Number((await deps.db.selectFrom('patrol_notices').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return counts;
}
