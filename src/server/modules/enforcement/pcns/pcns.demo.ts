import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { londonDay, londonWallClock } from '../../../../domain/calendar/london';
import { addDays } from '../../../../domain/calendar/days';
import { fold, outstandingOn, type PenaltyStep, type PenaltyTerms } from '../../../../domain/enforcement/penalty';
import * as uc from './pcns.usecases';

// The demo's PCNs after issue. The field module's demo issues a month of PCNs from the handheld
// first; this seed adds a few older ones (issued months ago, so that charge certificates, orders
// for recovery and warrants can have happened) and walks every PCN through a realistic lifecycle
// by its age, step by step through the processors' own use case, each on its day: paid at the
// discount or in full, informal challenges, notices to owner, representations accepted and
// rejected, appeals, charge certificates, orders for recovery, warrants, cancelled, written off.

export const DEMO_AREA_ID = '5d1e7a00-0c0d-4e00-8a00-000000000001';

type Plan = { after: number; step: (day: string) => PenaltyStep | 'pay'; note?: string; outcome?: string; reofferDiscount?: boolean }[];
const d = (kind: 'informal_challenge' | 'notice_to_owner' | 'representations' | 'appeal' | 'charge_certificate' | 'order_for_recovery' | 'warrant') => (day: string) => ({ kind, day }) as PenaltyStep;
const pay = () => 'pay' as const;

const SCENARIOS: Record<string, Plan> = {
  paidDiscount: [{ after: 2, step: pay }],
  paidFull: [{ after: 20, step: pay }],
  informalRejectedThenPaid: [{ after: 3, step: d('informal_challenge'), note: 'Driver says they were loading' }, { after: 7, step: (day) => ({ kind: 'informal_decision', day, accepted: false, reofferDiscount: true }), outcome: 'rejected', reofferDiscount: true, note: 'No loading seen during observation; discount offered again' }, { after: 5, step: pay }],
  informalAccepted: [{ after: 2, step: d('informal_challenge'), note: 'Blue badge holder: badge had fallen from the dashboard' }, { after: 6, step: (day) => ({ kind: 'informal_decision', day, accepted: true, reofferDiscount: false }), outcome: 'accepted', note: 'Valid badge produced' }],
  repsAccepted: [{ after: 28, step: d('notice_to_owner') }, { after: 10, step: d('representations'), note: 'Keeper: vehicle sold before the contravention' }, { after: 20, step: (day) => ({ kind: 'representations_decision', day, accepted: true }), outcome: 'accepted', note: 'DVLA confirms the sale' }],
  appealAllowed: [{ after: 28, step: d('notice_to_owner') }, { after: 7, step: d('representations'), note: 'Signs obscured by a hedge' }, { after: 21, step: (day) => ({ kind: 'representations_decision', day, accepted: false }), outcome: 'rejected', note: 'Signs checked and visible' }, { after: 14, step: d('appeal'), note: 'Appeal to the Traffic Penalty Tribunal' }, { after: 30, step: (day) => ({ kind: 'appeal_decision', day, allowed: true }), outcome: 'allowed', note: 'Adjudicator not satisfied the signs were adequate' }],
  toWarrant: [{ after: 28, step: d('notice_to_owner') }, { after: 28, step: d('charge_certificate') }, { after: 14, step: d('order_for_recovery') }, { after: 21, step: d('warrant') }],
  ccThenPaid: [{ after: 29, step: d('notice_to_owner') }, { after: 5, step: d('representations'), note: 'Keeper says the bay was unmarked' }, { after: 15, step: (day) => ({ kind: 'representations_decision', day, accepted: false }), outcome: 'rejected', note: 'Bay markings photographed at the time' }, { after: 28, step: d('charge_certificate') }, { after: 5, step: pay }],
  cancelled: [{ after: 1, step: (day) => ({ kind: 'cancel', day }), note: 'Valid permit found on review of the photos' }],
  repsPending: [{ after: 28, step: d('notice_to_owner') }, { after: 5, step: d('representations'), note: 'Keeper says there was a medical emergency' }],
  writtenOff: [{ after: 28, step: d('notice_to_owner') }, { after: 28, step: d('charge_certificate') }, { after: 14, step: d('order_for_recovery') }, { after: 21, step: d('warrant') }, { after: 30, step: (day) => ({ kind: 'write_off', day }), note: 'Enforcement agents: no trace of the keeper' }],
  issuedOnly: [],
  informalPending: [{ after: 1, step: d('informal_challenge'), note: 'Driver says the machine was out of order' }],
  ntoServed: [{ after: 28, step: d('notice_to_owner') }],
  appealPending: [{ after: 28, step: d('notice_to_owner') }, { after: 5, step: d('representations'), note: 'Keeper disputes the restriction hours' }, { after: 10, step: (day) => ({ kind: 'representations_decision', day, accepted: false }), outcome: 'rejected', note: 'Traffic order checked' }, { after: 10, step: d('appeal'), note: 'Appeal to the Traffic Penalty Tribunal' }],
};
const YOUNG = ['paidDiscount', 'paidFull', 'informalRejectedThenPaid', 'informalAccepted', 'issuedOnly', 'cancelled', 'paidDiscount', 'informalPending', 'issuedOnly'];
/** The older PCNs this seed issues itself: age in days and what happens to each. */
const OLDER: [number, string][] = [[150, 'writtenOff'], [110, 'appealAllowed'], [100, 'toWarrant'], [90, 'ccThenPaid'], [75, 'toWarrant'], [70, 'repsAccepted'], [78, 'repsPending'], [40, 'ntoServed'], [60, 'appealPending'], [62, 'toWarrant']];

export async function seedDemoPcns(deps: Deps, council: DemoCouncil) {
  const officer = council.users.patrol ?? Object.values(council.users).find((u) => u.role === 'patrol_officer');
  const processor = council.users.teamleader ?? Object.values(council.users).find((u) => u.role === 'patrol_leader');
  if (!officer || !processor) return { pcnLifecycleSteps: 0 };
  if (await deps.db.selectFrom('pcn_events').select('id').where('kind', '!=', 'issued').limit(1).executeTakeFirst()) return { pcnLifecycleSteps: 0 };
  const today = londonDay(deps.clock.now());
  const streets = council.area.streets.length ? council.area.streets : ['High Street'];
  const issuer = { audit: { actorId: officer.id, actorUsername: officer.username, ip: null, userAgent: null }, userId: officer.id };
  const deviceId = randomUUID();
  const older: string[] = [];
  for (const [i, [age]] of OLDER.entries()) {
    const at = londonWallClock(addDays(today, -age), { hour: 9 + (i % 8), minute: 10 })!;
    const { id } = await uc.issue(deps, {
      actor: issuer, deviceId, payload: {
        pcnId: randomUUID(), patrolId: null, number: `DM${String(90000000 + i).padStart(8, '0')}`, enforcementAreaId: DEMO_AREA_ID, contraventionCode: i % 2 ? '01' : '40',
        observedFrom: new Date(at.getTime() - 6 * 60_000), observedTo: at, issuedAt: at,
        vehicle: { vrm: ['AB12 CDE', 'KX19 LMN', 'YR68 PQS', 'WP21 TUV', 'LC70 XYZ', 'BD15 FGH', 'SN64 JKL', 'VU17 RST'][i % 8]!, make: 'Ford', model: 'Focus', colour: 'Grey', permitSeen: '' },
        point: { lat: council.area.centre.lat + i * 0.0004, lon: council.area.centre.lon - i * 0.0003, accuracyM: 8 },
        street: streets[i % streets.length]!, locationDetail: '', served: 'affixed', notes: '', photoIds: [],
      },
    });
    older.push(id);
  }
  const actor = { audit: { actorId: processor.id, actorUsername: processor.username, ip: null, userAgent: null }, userId: processor.id };
  const all = await deps.db.selectFrom('pcns').select(['id']).where('status', '=', 'issued').orderBy('issued_at').execute();
  let steps = 0;
  let young = 0;
  for (const { id } of all) {
    const o = older.indexOf(id);
    const plan = SCENARIOS[o >= 0 ? OLDER[o]![1] : YOUNG[young++ % YOUNG.length]!]!;
    const pcn = await uc.getPcn(deps, id);
    const terms: PenaltyTerms = { noticeKind: pcn.noticeKind, contraventionDay: pcn.contraventionDay, servedDay: pcn.servedDay, amountPence: pcn.amountPence, discountedPence: pcn.discountedPence, surchargePercent: pcn.surchargePercent };
    const done: PenaltyStep[] = [];
    let day = pcn.servedDay;
    for (const p of plan) {
      day = addDays(day, p.after);
      if (day > today) break;
      const made = p.step(day);
      const step: PenaltyStep = made === 'pay' ? { kind: 'payment', day, amountPence: outstandingOn(terms, fold(terms, done), day).outstandingPence } : made;
      const at = { ...deps, clock: { now: () => londonWallClock(day, { hour: 11, minute: 30 })! } };
      await uc.takeStep(at, { actor, id, step, extra: { note: p.note, outcome: p.outcome, reofferDiscount: p.reofferDiscount, method: made === 'pay' ? 'Card, online' : '' } });
      done.push(step);
      steps++;
    }
  }
  return { pcnLifecycleSteps: steps };
}
