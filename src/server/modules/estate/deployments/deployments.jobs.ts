import { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { JobDefinition } from '../../../platform/jobs/jobs';
import { createMailer, type Mail, type Mailer } from '../../../platform/mail';
import { formatUkDay, londonDay } from '../../../../domain/calendar/london';
import * as repo from './deployments.repository';
import { daysBetween } from './deployments.models';
import { listOverdue } from './deployments.usecases';

// Overdue reviews are e-mailed to the coordinators once each: a reminder row per deployment and
// due date is claimed (insert, on conflict nothing) before anything is sent, and marked sent once
// the relay accepted the mail. A failed send is tried again later, further apart each time (15
// minutes, then 30, 60... at most a day), never every run. A new review sets a new due date, so
// the next time it is overdue is a new reminder.

const BATCH = 20;

/** When to try a failed send again: 15 minutes after the first failure, doubling, at most a day. */
export const retryDelayMs = (attempts: number) => Math.min(15 * 60_000 * 2 ** Math.max(attempts - 1, 0), 24 * 3600_000);

export function reminderMail({ d, today, publicUrl }: { d: repo.DeploymentRow; today: string; publicUrl: string }): Omit<Mail, 'to'> {
  const late = daysBetween(d.review_due_on!, today);
  const camera = d.camera_reference ? `camera ${d.camera_reference}` : 'the mobile camera';
  return {
    subject: `Overdue review: ${camera} at ${d.location_text} (${d.reference})`,
    text: [
      `The review of mobile deployment ${d.reference} was due on ${formatUkDay(d.review_due_on!)} and is ${late} day${late === 1 ? '' : 's'} overdue.`,
      '',
      `Location: ${d.location_text}`,
      `Camera: ${d.camera_reference ? `${d.camera_reference} (${d.camera_name})` : 'not recorded'}`,
      `Deployed on: ${formatUkDay(d.deployed_on ?? undefined)}`,
      `DPIA: ${d.dpia_reference}`,
      '',
      'The Surveillance Camera Code of Practice expects each deployment to be reviewed: is the camera still necessary and proportionate? Record the review, or remove the camera:',
      `${publicUrl}/estate/deployments/${d.id}`,
      '',
      'You receive this because you are a CCTV coordinator in Vigil. This reminder is sent once for this due date.',
    ].join('\n'),
  };
}

export async function sendOverdueReviewReminders(deps: Deps, { mailer }: { mailer: Mailer }) {
  const now = deps.clock.now();
  const today = londonDay(now);
  const overdue = await listOverdue(deps.db, now);
  await repo.claimReminders(deps.db, overdue.map((d) => ({ deploymentId: d.id, dueOn: d.review_due_on! })), now);
  let sent = 0;
  let failed = 0;
  let stale = 0;
  const recipients = (await repo.listCoordinatorEmails(deps.db)).map((u) => u.email);
  // One reminder per transaction, so a slow relay holds one row's lock for one send only.
  for (let i = 0; i < BATCH; i++) {
    const outcome = await deps.db.transaction().execute(async (trx) => {
      const [r] = await repo.lockRemindersToSend(trx, { now, limit: 1 });
      if (!r) return 'none' as const;
      const d = await repo.findDeployment(trx, r.deployment_id);
      // Reviewed or removed since it was claimed: nothing to remind anyone of.
      if (!d || d.review_due_on !== r.due_on) {
        await repo.markReminderSent(trx, { deploymentId: r.deployment_id, dueOn: r.due_on, recipients: [], at: now });
        return 'stale' as const;
      }
      try {
        if (!recipients.length) throw new Error('no active coordinator has an e-mail address');
        await mailer.send({ to: recipients, ...reminderMail({ d, today, publicUrl: deps.config.publicUrl }) });
        await repo.markReminderSent(trx, { deploymentId: d.id, dueOn: r.due_on, recipients, at: now });
        return 'sent' as const;
      } catch (err) {
        const retryAt = new Date(now.getTime() + retryDelayMs(r.attempts + 1));
        await repo.markReminderFailed(trx, { deploymentId: d.id, dueOn: r.due_on, error: (err as Error).message, retryAt });
        deps.log.warn({ err, deployment: d.reference, retryAt }, 'overdue review reminder not sent: tried again later');
        return 'failed' as const;
      }
    });
    if (outcome === 'none') break;
    if (outcome === 'sent') sent += 1;
    else if (outcome === 'failed') failed += 1;
    else stale += 1;
  }
  return { overdue: overdue.length, sent, failed, stale };
}

/** Hourly: e-mails the coordinators once about each review that has become overdue. */
export const remindOverdueReviewsJob: JobDefinition = {
  name: 'estate.remind-overdue-reviews',
  version: 1,
  payload: z.object({}).passthrough(),
  cron: '7 * * * *',
  retryLimit: 1,
  async handler(deps) {
    const mailer = deps.mail ?? createMailer({ config: deps.config.mail, log: deps.log });
    try {
      const r = await sendOverdueReviewReminders(deps, { mailer });
      deps.log.info(r, 'overdue review reminders');
      return r.sent + r.failed > 0 ? 'done' : 'skipped';
    } finally {
      if (!deps.mail) mailer.close();
    }
  },
};
