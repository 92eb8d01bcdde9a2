import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, silentLog, testClock, testConfig, testStorage } from '../../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import { fireDueTimers, pendingTimers } from '../../../platform/timers/timers';
import type { Deps } from '../../../platform/deps';
import { referralTimer } from './calls.referral';
import * as uc from './calls.usecases';

// Re-referral up the rota on a database of its own, under a controlled clock: a stray-dog call is
// referred at T to the dog warden first on call; the category allows 15 minutes to acknowledge.
// Not acknowledged by T+15 min, it goes to the second on call, once, however often the timers
// run; then to the manager; then nobody is left, and the call says so. An acknowledgement in time
// calls the re-referral off.

let own: OwnDatabase;
const T = new Date('2026-03-03T23:00:00Z');
const clock = testClock(T);
let deps: Deps;
let actor: uc.Actor;
let categoryId: string;

const fire = () => fireDueTimers(deps, [referralTimer]);
const kinds = async (id: string) => (await uc.getCall(deps, id)).events.map((e) => e.kind);

beforeAll(async () => {
  own = await ownDatabase();
  deps = { db: own.db, config: testConfig(), clock, log: silentLog, storage: testStorage() };
  const u = await makeUser(deps, { roles: ['ooh_officer'] });
  actor = { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
  const duty = await own.db.selectFrom('ooh_duties').select('id').where('key', '=', 'dog_warden').executeTakeFirstOrThrow();
  categoryId = (await own.db.selectFrom('ooh_call_categories').select('id').where('key', '=', 'stray_dog').executeTakeFirstOrThrow()).id;
  const shift = (level: number, person_name: string) => ({ duty_id: duty.id, level, person_name, phone: `07700 90000${level}`, starts_at: new Date('2026-03-03T17:00:00Z'), ends_at: new Date('2026-03-04T09:00:00Z'), user_id: null, note: '', created_by: null });
  await own.db.insertInto('ooh_rota_entries').values([shift(1, 'Sam Fletcher'), shift(2, 'Amy Doyle'), shift(3, 'Liz Carter')]).execute();
});
afterAll(async () => { await own?.drop(); });

async function referredCall() {
  const call = await uc.takeCall(deps, { actor, input: { callerName: 'Motorist', callbackNumber: '07700 900999', address: 'Bypass, by the roundabout', categoryId, priorityKey: 'emergency', description: 'Loose dog on the bypass verge', vulnerable: false, vulnerability: '' } });
  expect(call.responseBy).toBe(new Date(clock.now().getTime() + 3_600_000).toISOString());
  const referred = await uc.referCall(deps, { actor, id: call.id, note: '' });
  expect(referred).toMatchObject({ status: 'awaiting_ack', referral: { level: 1, name: 'Sam Fletcher' } });
  return referred;
}

describe('re-referral when the on-call person does not acknowledge', () => {
  it('goes up the rota once at T+15 min, however often the timers run, and on to the top', async () => {
    clock.set(T);
    const call = await referredCall();
    clock.advance(15 * 60_000 - 1000);
    expect(await fire()).toBe(0);
    expect((await uc.getCall(deps, call.id)).referral!.name).toBe('Sam Fletcher');

    clock.advance(1000);
    expect(await fire()).toBe(1);
    expect(await fire()).toBe(0); // twice: still once
    const up = await uc.getCall(deps, call.id);
    expect(up).toMatchObject({ status: 'awaiting_ack', reReferrals: 1, ackOverdue: false, referral: { level: 2, name: 'Amy Doyle', referredAt: new Date(T.getTime() + 15 * 60_000).toISOString(), ackDueAt: new Date(T.getTime() + 30 * 60_000).toISOString() } });
    expect(await kinds(call.id)).toEqual(['taken', 'referred', 're-referred']);
    expect(up.events[2]!.text).toMatch(/^Not acknowledged by Sam Fletcher in time: referred up the rota to Amy Doyle \(Second on call/);

    clock.advance(15 * 60_000);
    expect(await fire()).toBe(1);
    expect((await uc.getCall(deps, call.id)).referral).toMatchObject({ level: 3, name: 'Liz Carter' });
    clock.advance(15 * 60_000);
    expect(await fire()).toBe(1);
    expect(await fire()).toBe(0);
    const top = await uc.getCall(deps, call.id);
    expect(top).toMatchObject({ status: 'awaiting_ack', rotaExhausted: true, ackOverdue: true, reReferrals: 2, referral: { name: 'Liz Carter' } });
    expect(await kinds(call.id)).toEqual(['taken', 'referred', 're-referred', 're-referred', 'rota-exhausted']);

    // The manager rings back at last: acknowledged, and the call is off the loud list.
    const acked = await uc.acknowledgeCall(deps, { actor, id: call.id, note: 'Attending' });
    expect(acked).toMatchObject({ status: 'referred', ackOverdue: false, referral: { acknowledgedAt: clock.now().toISOString() } });
  });

  it('is called off by an acknowledgement before the time is up', async () => {
    clock.set(new Date(T.getTime() + 3 * 3_600_000));
    const call = await referredCall();
    clock.advance(14 * 60_000);
    const acked = await uc.acknowledgeCall(deps, { actor, id: call.id, acknowledgedAt: new Date(clock.now().getTime() - 60_000), note: '' });
    expect(acked).toMatchObject({ status: 'referred', referral: { level: 1, name: 'Sam Fletcher', acknowledgedAt: new Date(clock.now().getTime() - 60_000).toISOString() } });
    expect(await pendingTimers(own.db, call.id)).toEqual([]);
    clock.advance(60 * 60_000);
    expect(await fire()).toBe(0);
    expect(await kinds(call.id)).toEqual(['taken', 'referred', 'acknowledged']);
  });

  it('does nothing when the timer fires after the call was closed', async () => {
    clock.set(new Date(T.getTime() + 5 * 3_600_000));
    const call = await referredCall();
    clock.advance(5 * 60_000);
    await uc.closeCall(deps, { actor, id: call.id, advice: 'Caller rang back: the dog went home' });
    clock.advance(20 * 60_000);
    expect(await fire()).toBe(0);
    expect(await kinds(call.id)).toEqual(['taken', 'referred', 'closed']);
  });
});
