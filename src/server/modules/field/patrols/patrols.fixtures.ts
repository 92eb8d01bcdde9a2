import { randomUUID } from 'node:crypto';
import { makeUser, silentLog, testClock, testConfig, testStorage } from '../../../../../test/support/deps';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import type { SyncRecord } from '../../../../domain/field/sync';
import { formatPcnNumber } from '../../../../domain/references/pcn';
import { actorOf, record } from '../handheld/handheld.fixtures';
import { registerDevice, sync, type Actor } from '../handheld/handheld.usecases';

// Test helpers for patrols on a timeline: officers with their handhelds, and what the handheld
// syncs (a patrol's start, trail and end, the PCNs and FPNs issued on it), each synced with the
// clock set to the moment it reached the server, as the demo does. For the tests of the figures
// that read patrols (the team leader's view, the parish billing report) on a database of their own.

const MIN = 60_000;
/** The council's enforcement area that migration 0030 adds, with its charge levels and codes. */
const AREA_ID = '5d1e7a00-0c0d-4e00-8a00-000000000001';
export const utc = (iso: string) => new Date(`${iso}Z`);

export interface Officer { actor: Actor; userId: string; name: string; deviceId: string; prefix: string; serial: number }

export function timeline(db: Db, from: Date) {
  const clock = testClock(from);
  const deps: Deps = { db, config: testConfig(), clock, log: silentLog, storage: testStorage() };

  /** An officer (named, so that lists sort by name) with a handheld registered at `at`. */
  async function officer(name: string, at: Date): Promise<Officer> {
    const u = await makeUser(deps, { roles: ['patrol_officer'] });
    await db.updateTable('users').set({ display_name: name }).where('id', '=', u.id).execute();
    const actor = actorOf(u);
    const o = { actor, userId: u.id, name, deviceId: '', prefix: '', serial: 0 };
    return { ...o, ...(await device(o, at)) };
  }

  /** Another handheld registered to the officer at `at`. */
  async function device(o: { actor: Actor }, at: Date) {
    clock.set(at);
    const reg = await registerDevice(deps, { actor: o.actor, input: { id: randomUUID(), name: 'Handheld' } });
    return { deviceId: reg.device.id, prefix: reg.block.prefix, serial: reg.block.firstSerial };
  }

  /** Syncs records from the officer's handheld at `at`, the device reporting `queued` still to send; every record must be accepted. */
  async function send(o: Officer, at: Date, records: SyncRecord[], queued = 0) {
    clock.set(at);
    const { results } = await sync(deps, { actor: o.actor, deviceId: o.deviceId, records, queued });
    const refused = results.filter((r) => r.outcome !== 'accepted');
    if (refused.length) throw new Error(`Refused by the sync: ${JSON.stringify(refused)}`);
    return results;
  }

  const start = (at: Date, { contractId = null, hours = 3 }: { contractId?: string | null; hours?: number } = {}) => {
    const patrolId = randomUUID();
    return {
      patrolId,
      record: record('patrol.start', {
        patrolId, beat: 'Market Place', task: 'Parking and PSPO patrol', parishContractId: contractId,
        startedAt: at.toISOString(), expectedEndAt: new Date(at.getTime() + hours * 3600_000).toISOString(), checkInMinutes: 30,
      }, at),
    };
  };
  const trail = (patrolId: string, points: [Date, number, number][]) =>
    record('patrol.trail', { patrolId, points: points.map(([at, lat, lon]) => ({ at: at.toISOString(), lat, lon, accuracyM: 6 })) }, points.at(-1)![0]);
  const end = (patrolId: string, at: Date) => record('patrol.end', { patrolId, at: at.toISOString(), note: 'Back at the depot' }, at);
  /** A PCN from the officer's own block, code 01 watched for 6 minutes before it. */
  const pcn = (o: Officer, patrolId: string | null, at: Date) => record('pcn.issue', {
    pcnId: randomUUID(), patrolId, number: formatPcnNumber(o.prefix, o.serial++), enforcementAreaId: AREA_ID, contraventionCode: '01',
    observedFrom: new Date(at.getTime() - 7 * MIN).toISOString(), observedTo: new Date(at.getTime() - MIN).toISOString(), issuedAt: at.toISOString(),
    vehicle: { vrm: 'AB12 CDE', make: 'Ford', model: 'Fiesta', colour: 'Blue' }, point: { lat: 52.8, lon: -1.63, accuracyM: 5 }, street: 'High Street', served: 'affixed',
  }, at);
  const fpn = (patrolId: string | null, at: Date) => record('fpn.issue', {
    fpnId: randomUUID(), patrolId, offenceCode: 'LIT', issuedAt: at.toISOString(),
    offender: { name: 'Sam Carter', address: '4 Mill Lane, Burton upon Trent', postcode: 'DE14 1AA', dateOfBirth: '1990-05-01', description: 'Grey coat', identification: 'Driving licence seen' },
    point: { lat: 52.8, lon: -1.63, accuracyM: 5 }, place: 'Market Place', circumstances: 'Seen to drop a cigarette end and walk away.', bodyWornVideoRef: 'BWV-0042',
  }, at);

  return { deps, clock, officer, device, send, start, trail, end, pcn, fpn };
}
