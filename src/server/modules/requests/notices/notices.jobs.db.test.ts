import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, silentLog, testClock, testConfig, testStorage, uniq } from '../../../../../test/support/deps';
import { freshDatabase } from '../../../../../test/support/product';
import { startSmtp } from '../../../../../test/support/smtp';
import { connect, type DbHandle } from '../../../platform/db/db';
import { migrate } from '../../../platform/db/migrate';
import type { Deps } from '../../../platform/deps';
import { createMailer, type Mailer } from '../../../platform/mail';
import { addDays } from '../../../../domain/calendar/days';
import { createWorkingCalendar } from '../../../../domain/calendar/workingCalendar';
import { reminderDayFor } from '../../../../domain/requests/notices';
import * as register from '../register/register.usecases';
import { requestInput } from '../register/register.walk';
import { sendRequestNotices } from './notices.jobs';

// Two server processes (two connection pools on one database of its own, each with its own mailer)
// run the notices job at the same moment, again and again: each reminder, breach notice and weekly
// summary reaches a real SMTP server on loopback exactly once; a failed send is retried; a request
// whose clock is stopped, or that is closed, gets nothing.

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let pools: DbHandle[] = [];
const clock = testClock(new Date('2026-06-01T08:00:00Z')); // Monday 1 June 2026, 09:00 BST
const processes: { deps: Deps; mailer: Mailer }[] = [];

beforeAll(async () => {
  smtp = await startSmtp();
  fresh = await freshDatabase();
  pools = [connect({ url: fresh.url, max: 4, applicationName: 'vigil-test-a' }), connect({ url: fresh.url, max: 4, applicationName: 'vigil-test-b' })];
  await migrate({ pool: pools[0]!.pool });
  for (const p of pools) {
    const deps: Deps = { db: p.db, config: testConfig({ mail: { smtpUrl: smtp.url, from: 'Vigil <vigil@council.test>' }, publicUrl: 'https://vigil.council.test' }), clock, log: silentLog, storage: testStorage() };
    processes.push({ deps, mailer: createMailer({ config: deps.config.mail, log: silentLog }) });
  }
});
afterAll(async () => {
  for (const p of processes) p.mailer.close();
  for (const p of pools) await p.close();
  await fresh?.drop();
  await smtp?.close();
});

/** Both processes run the job at the same moment. */
const runBoth = () => Promise.all(processes.map((p) => sendRequestNotices(p.deps, { mailer: p.mailer })));

describe('the requests’ notices', () => {
  it('reach the owner and the coordinators once each, whatever the number of processes', async () => {
    const deps = processes[0]!.deps;
    const email = (who: string) => `${uniq(who)}@council.test`;
    const owner = await makeUser(deps, { roles: ['enforcement_officer'] });
    const ownerEmail = email('owner');
    const coordinators = [await makeUser(deps, { roles: ['coordinator'] }), await makeUser(deps, { roles: ['coordinator'] })];
    const coordinatorEmails = [email('coord'), email('coord')];
    const gone = await makeUser(deps, { roles: ['coordinator'] });
    for (const [id, address] of [[owner.id, ownerEmail], [coordinators[0]!.id, coordinatorEmails[0]!], [coordinators[1]!.id, coordinatorEmails[1]!], [gone.id, email('gone')]] as const) {
      await deps.db.updateTable('users').set({ email: address }).where('id', '=', id).execute();
    }
    await deps.db.updateTable('users').set({ is_active: false }).where('id', '=', gone.id).execute();
    const actor: register.Actor = { audit: { actorId: owner.id, actorUsername: owner.username, ip: null, userAgent: null }, userId: owner.id, viewer: { party: 'council' } };

    const live = await register.receiveRequest(deps, { actor, input: requestInput({ type: 'third_party_footage', receivedOn: '2026-06-01', ownerId: owner.id }) });
    // Long overdue, were its clock not stopped / were it open.
    const stopped = await register.receiveRequest(deps, { actor, input: requestInput({ type: 'sar', receivedOn: '2026-03-02', ownerId: owner.id }) });
    await register.stopClock(deps, { actor, id: stopped.id, input: { reason: 'identity', note: 'Asked for photo ID' } });
    const closed = await register.receiveRequest(deps, { actor, input: requestInput({ type: 'foi', receivedOn: '2026-03-02', ownerId: owner.id, summary: 'How many cameras are there?' }) });
    await register.changeStatus(deps, { actor, id: closed.id, input: { status: 'withdrawn', note: '' } });

    const due = live.clock.due!;
    const remindOn = reminderDayFor({ dueOn: due, type: 'third_party_footage', calendar: createWorkingCalendar() });
    expect([due, remindOn]).toEqual(['2026-06-15', '2026-06-08']);

    // The working day before the reminder day: nothing for the owner (the coordinators have week 23's summary).
    clock.set(new Date('2026-06-05T11:00:00Z'));
    await runBoth();
    expect(smtp.about(live.reference)).toHaveLength(0);
    expect(smtp.about('Requests this week (2026-W23)')).toHaveLength(2);

    // A relay that refuses: nothing sent, the key left free for the next run.
    clock.set(new Date('2026-06-08T05:30:00Z')); // Monday 06:30 BST: no weekly summary yet
    const refusing: Mailer = { kind: 'smtp', send: () => Promise.reject(new Error('421 try later')), close: () => undefined };
    expect(await sendRequestNotices(deps, { mailer: refusing })).toMatchObject({ sent: 0, failed: 1 });
    expect(await deps.db.selectFrom('request_notices').select('key').where('key', 'not like', 'weekly:2026-W23:%').execute()).toEqual([]);

    clock.set(new Date('2026-06-08T09:00:00Z')); // Monday 10:00 BST: the reminder and the week's summary
    const [a, b] = await runBoth();
    expect(a.sent + b.sent).toBe(3); // the reminder and two coordinators' summaries, between them
    await runBoth();
    clock.set(new Date('2026-06-10T12:00:00Z'));
    await runBoth();

    clock.set(new Date(`${addDays(due, 1)}T08:00:00Z`)); // the day after the due date: the breach
    await runBoth();
    await runBoth();

    const mine = smtp.about(live.reference);
    expect(mine.map((m) => m.subject)).toEqual(['Due soon: REF is due on 15/6/2026', 'Overdue: REF was due on 15/6/2026'].map((s) => s.replace('REF', live.reference)));
    for (const m of mine) {
      expect(m.to).toEqual([ownerEmail]);
      expect(m.body).toContain(`https://vigil.council.test/requests/${live.id}`);
    }
    expect(smtp.about(stopped.reference)).toHaveLength(0);
    expect(smtp.about(closed.reference)).toHaveLength(0);

    const weekly = smtp.about('Requests this week (2026-W24)');
    expect(weekly.map((m) => m.to).sort()).toEqual(coordinatorEmails.map((e) => [e]).sort());
    expect(weekly.map((m) => m.subject)).toEqual(Array(2).fill('Requests this week (2026-W24): 2 open, 0 overdue, 1 due in the next 7 days'));
    expect(weekly[0]!.body).toContain('Clock stopped (awaiting identity, clarification or a fee): 1');

    // The next Monday's summary is a new week's: once more to each.
    clock.set(new Date('2026-06-15T07:30:00Z'));
    await runBoth();
    await runBoth();
    expect(smtp.about('Requests this week (2026-W25)').map((m) => m.to[0]).sort()).toEqual([...coordinatorEmails].sort());
    expect(smtp.about('Requests this week')).toHaveLength(6); // weeks 23, 24 and 25, to two coordinators each
  });
});
