import { describe, expect, it } from 'vitest';
import { testDeps } from '../../../../../test/support/deps';
import { fireDueTimers } from '../../../platform/timers/timers';
import * as repo from './pcns.repository';
import { deemedAcceptanceTimer, getPcn, takeStep } from './pcns.usecases';
import { aPcn, patrolActor } from './pcns.walk';

// Representations deemed accepted under a controlled clock, in 2035 (clear of any real timer):
// issued 15 Jan, notice to owner 12 Feb, representations received 10 Mar; the council may decide
// until Fri 4 May (56 days beginning with receipt); deemed accepted from 00:00 BST on 5 May, which
// is 23:00 UTC on 4 May.

let now = new Date('2035-01-15T12:00:00Z');
const deps = testDeps({ clock: { now: () => now } });
const DEEMED_AT = new Date('2035-05-04T23:00:00Z');
const fire = () => fireDueTimers(deps, [deemedAcceptanceTimer]);

async function withRepresentations({ paid = 0 } = {}) {
  now = new Date('2035-01-15T12:00:00Z');
  const { id } = await aPcn(deps);
  const actor = await patrolActor(deps);
  const step = async (day: string, step: Parameters<typeof takeStep>[1]['step']) => { now = new Date(`${day}T12:00:00Z`); return takeStep(deps, { actor, id, step }); };
  await step('2035-02-12', { kind: 'notice_to_owner', day: '2035-02-12' });
  await step('2035-03-10', { kind: 'representations', day: '2035-03-10' });
  if (paid) await step('2035-03-20', { kind: 'payment', day: '2035-03-20', amountPence: paid });
  return { id, actor, step };
}
const kinds = async (id: string) => (await repo.listEvents(deps.db, id)).map((e) => e.kind);
const timersOf = (id: string) => deps.db.selectFrom('timers').select(['due_at', 'fired_at', 'cancelled_at', 'attempts']).where('subject_id', '=', id).execute();

describe('representations deemed accepted', () => {
  it('nothing one second before; at 00:00 London after the last decision day, once, even when the timers run twice', async () => {
    const { id } = await withRepresentations();
    expect(await timersOf(id)).toEqual([expect.objectContaining({ due_at: DEEMED_AT, fired_at: null, cancelled_at: null })]);

    now = new Date(DEEMED_AT.getTime() - 1000);
    await fire();
    expect((await getPcn(deps, id)).status).toBe('representations');

    now = DEEMED_AT;
    await Promise.all([fire(), fire()]);
    await fire();
    const pcn = await getPcn(deps, id);
    expect(pcn).toMatchObject({ status: 'cancelled', outstandingPence: 0, refundDuePence: 0, nextStep: null });
    expect(await kinds(id)).toEqual(['issued', 'notice_to_owner', 'representations', 'deemed_accepted']);
    expect(pcn.events.at(-1)).toMatchObject({
      kind: 'deemed_accepted', label: 'Representations deemed accepted (not decided within 56 days)', day: '2035-05-05', by: null, amountPence: null,
      at: DEEMED_AT.toISOString(), note: expect.stringMatching(/received Sat 10 Mar 2035 were not decided by Fri 4 May 2035.*deemed accepted/),
    });
    expect(await timersOf(id)).toEqual([expect.objectContaining({ fired_at: DEEMED_AT, attempts: 1 })]);
    const audit = await deps.db.selectFrom('audit_pending').select(['action', 'actor_username']).where('record_id', '=', id).where('action', '=', 'enforcement.pcn.deemed_accepted').execute();
    expect(audit).toEqual([{ action: 'enforcement.pcn.deemed_accepted', actor_username: 'system' }]);
  });

  it('what was paid is flagged as a refund due', async () => {
    const { id } = await withRepresentations({ paid: 2000 });
    now = new Date(DEEMED_AT.getTime() + 5 * 60_000);
    await fire();
    const pcn = await getPcn(deps, id);
    expect(pcn).toMatchObject({ status: 'cancelled', refundDuePence: 2000, payableNow: { paidPence: 2000 } });
    expect(pcn.events.at(-1)).toMatchObject({ kind: 'deemed_accepted', amountPence: 2000, note: expect.stringMatching(/refund of £20\.00 is due/) });
  });

  it('a decision in time cancels the timer, and nothing fires', async () => {
    const { id, step } = await withRepresentations();
    await step('2035-05-04', { kind: 'representations_decision', day: '2035-05-04', accepted: false });
    expect(await timersOf(id)).toEqual([expect.objectContaining({ fired_at: null, cancelled_at: expect.any(Date) })]);
    now = new Date(DEEMED_AT.getTime() + 3600_000);
    await fire();
    expect((await getPcn(deps, id)).status).toBe('rejected');
    expect(await kinds(id)).toEqual(['issued', 'notice_to_owner', 'representations', 'representations_decision']);
  });

  it('a timer that finds the notice moved on does nothing', async () => {
    const { id, actor } = await withRepresentations();
    // Cancelled by hand on the last day: the cancel also cancels the timer; were it to fire anyway, it finds nothing to deem.
    now = new Date('2035-05-04T12:00:00Z');
    await takeStep(deps, { actor, id, step: { kind: 'cancel', day: '2035-05-04' }, extra: { note: 'Keeper’s evidence accepted' } });
    await deps.db.updateTable('timers').set({ cancelled_at: null, cancel_reason: null }).where('subject_id', '=', id).execute();
    now = DEEMED_AT;
    await fire();
    expect(await kinds(id)).toEqual(['issued', 'notice_to_owner', 'representations', 'cancel']);
    expect(await timersOf(id)).toEqual([expect.objectContaining({ fired_at: DEEMED_AT })]);
  });

  it('is not a step a user may take', async () => {
    const { id, actor } = await withRepresentations();
    now = new Date('2035-05-06T12:00:00Z');
    await expect(takeStep(deps, { actor, id, step: { kind: 'deemed_accepted', day: '2035-05-05' } })).rejects.toMatchObject({ code: 'enforcement.pcn_step_refused' });
  });
});
