import { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { JobDefinition } from '../../../platform/jobs/jobs';
import { createMailer, type Mailer } from '../../../platform/mail';
import { londonDay } from '../../../../domain/calendar/london';
import { noticeKeys, remindersDue, weeklySummary, weeklySummaryWeek, type Reminder } from '../../../../domain/requests/notices';
import { loadCalendar } from '../calendar/calendar.load';
import * as repo from './notices.repository';
import { reminderMail, weeklyMail } from './notices.mail';

// The requests' e-mails, each sent once whatever the number of server processes running the job:
// the owner's reminder five working days before the due date, the owner's notice of a breach, and
// the coordinators' weekly summary.
//
// How "once" holds. Each e-mail has a key (due_soon:{request}:{due}, breached:{request}:{due},
// weekly:{isoYear}-W{week}:{user}) and is sent inside one transaction that first inserts that key
// into request_notices (on conflict do nothing), then reads the request again, then sends, then
// commits:
// - Two processes at the same moment: the second insert of the key meets the first's uncommitted
//   row in the primary key's index and waits for that transaction to end. If it commits (the mail
//   went), the second insert does nothing and that process sends nothing. If it rolls back (the
//   send failed), the second insert takes the key and that process sends. Never both.
// - A failed send throws inside the transaction, which rolls the claim back: a later run retries.
// - The request is read again after the claim, so a request closed, stopped or given a new due
//   date while the job ran gets nothing (the transaction is rolled back and the key left free).
// - A mail accepted by the relay whose commit then fails would be sent again on the next run: the
//   one gap, and the side that errs towards telling the owner twice rather than never.
// One e-mail per transaction, so a slow relay holds one key at a time.

class NotSent extends Error {}

async function sendOnce(deps: Deps, claim: Parameters<typeof repo.claimNotice>[1], send: (trx: Deps['db']) => Promise<'send' | 'stale'>): Promise<'sent' | 'taken' | 'stale'> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (!(await repo.claimNotice(trx, claim))) return 'taken' as const;
      if ((await send(trx)) === 'stale') throw new NotSent(); // rolls the claim back
      return 'sent' as const;
    });
  } catch (err) {
    if (err instanceof NotSent) return 'stale';
    throw err;
  }
}

export async function sendRequestNotices(deps: Deps, { mailer }: { mailer: Mailer }) {
  const now = deps.clock.now();
  const today = londonDay(now);
  const [calendar, open] = await Promise.all([loadCalendar(deps.db), repo.listOpenRequests(deps.db)]);
  const byId = new Map(open.map((r) => [r.id, r]));
  const due = remindersDue(open.map((r) => ({ id: r.id, type: r.type, dueOn: r.due_on, closed: false, paused: r.paused })), { today, calendar });
  const counts = { open: open.length, due: due.length, sent: 0, taken: 0, stale: 0, failed: 0, noOwner: 0 };
  const tally = (outcome: 'sent' | 'taken' | 'stale') => { counts[outcome] += 1; };

  for (const reminder of due) {
    const owner = byId.get(reminder.requestId)!;
    if (!owner.owner_email) { counts.noOwner += 1; continue; } // sent once it has an owner with an address
    try {
      tally(await sendOnce(deps, { key: reminder.key, requestId: reminder.requestId, kind: reminder.kind, recipient: owner.owner_email, at: now }, async (trx) => {
        const now2 = await repo.findOpenRequest(trx, reminder.requestId);
        if (!now2 || !stillDue(now2, reminder)) return 'stale';
        await mailer.send({ to: [now2.owner_email ?? owner.owner_email!], ...reminderMail({ request: now2, kind: reminder.kind, publicUrl: deps.config.publicUrl }) });
        return 'send';
      }));
    } catch (err) {
      counts.failed += 1;
      deps.log.warn({ err, request: owner.reference, kind: reminder.kind }, 'request reminder not sent: tried again on the next run');
    }
  }

  const week = weeklySummaryWeek(now);
  if (week) {
    const summary = weeklySummary(open.map((r) => ({ type: r.type, dueOn: r.due_on, paused: r.paused })), today);
    for (const c of await repo.listCoordinators(deps.db)) {
      try {
        tally(await sendOnce(deps, { key: noticeKeys.weekly(week, c.id), requestId: null, kind: 'weekly_summary', recipient: c.email, at: now }, async () => {
          await mailer.send({ to: [c.email], ...weeklyMail({ summary, week, today, publicUrl: deps.config.publicUrl }) });
          return 'send';
        }));
      } catch (err) {
        counts.failed += 1;
        deps.log.warn({ err, user: c.id }, 'weekly requests summary not sent: tried again on the next run');
      }
    }
  }
  return counts;
}

/** The request as read inside the transaction still calls for this reminder: open, running, same due date. */
const stillDue = (r: repo.OpenRequestRow, reminder: Reminder) => !r.paused && r.due_on === reminder.dueOn && !!r.owner_email;

/** Every quarter of an hour: the reminders and breaches due, and on Monday from 07:00 the weekly summary. */
export const requestNoticesJob: JobDefinition = {
  name: 'requests.send-notices',
  version: 1,
  payload: z.object({}).passthrough(),
  cron: '*/15 * * * *',
  retryLimit: 0,
  async handler(deps) {
    const mailer = deps.mail ?? createMailer({ config: deps.config.mail, log: deps.log });
    try {
      const r = await sendRequestNotices(deps, { mailer });
      if (r.sent + r.failed > 0) deps.log.info(r, 'request notices');
      return r.sent + r.failed > 0 ? 'done' : 'skipped';
    } finally {
      if (!deps.mail) mailer.close();
    }
  },
};
