import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp } from '../../../../../test/support/smtp';
import { makeOrganisation, makeUser, silentLog, testClock, testConfig, testStorage, uniq } from '../../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import type { Deps } from '../../../platform/deps';
import { createMailer, type Mailer } from '../../../platform/mail';
import { RequestDeployment } from '../../../../domain/estate/deployments';
import * as uc from './deployments.usecases';
import { remindOverdueReviewsJob, sendOverdueReviewReminders } from './deployments.jobs';
import { TINY_PNG } from './deployments.walk';

// An overdue review is e-mailed once, through a real SMTP server on loopback: not again on the next
// run, nor a minute later; a failed send is tried again later, not at once.

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let handle: OwnDatabase;
let deps: Deps;
const clock = testClock(new Date('2026-02-02T10:00:00Z'));
let coordinatorEmail: string;

beforeAll(async () => {
  smtp = await startSmtp();
  const smtpUrl = smtp.url;
  handle = await ownDatabase();
  deps = { db: handle.db, config: testConfig({ mail: { smtpUrl, from: 'CCTV control room <cctv@council.test>' }, publicUrl: 'https://vigil.council.test' }), clock, log: silentLog, storage: testStorage() };
});
afterAll(async () => {
  await handle?.drop();
  await smtp?.close();
});

async function anOverdueDeployment() {
  const org = (await makeOrganisation(deps)).id;
  const officer = await makeUser(deps, { roles: ['enforcement_officer'], organisationId: org });
  const coordinator = await makeUser(deps, { roles: ['coordinator'], organisationId: org });
  coordinatorEmail = `${uniq('coordinator')}@council.test`;
  await deps.db.updateTable('users').set({ email: coordinatorEmail }).where('id', '=', coordinator.id).execute();
  const actor = (u: { id: string; username: string }) => ({ audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id });
  const input = RequestDeployment.parse({
    locationText: 'Union Street, Burton upon Trent', latitude: 52.802, longitude: -1.634, problem: 'Street drinking and fights by the bus stops.',
    evidencePeriod: { from: '2025-10-01', to: '2025-12-31' }, proposedDays: 90, alternatives: 'Dispersal order tried.', dpiaReference: 'DPIA-UNION-1',
  });
  const { id, reference } = await uc.requestDeployment(deps, { actor: actor(officer), input });
  await uc.decideDeployment(deps, { actor: actor(coordinator), deploymentId: id, input: { decision: 'approve', reasons: 'Justified.' } });
  const camera = await deps.db.insertInto('cameras').values({ reference: uniq('M').toUpperCase().slice(0, 16), name: 'Redeployable', location_text: 'Depot', latitude: 52.8, longitude: -1.62, kind: 'mobile' })
    .returning(['id', 'reference']).executeTakeFirstOrThrow();
  // Deployed on 2 February with a 7-day period: due Monday 9 February, overdue from the 10th.
  await uc.deployCamera(deps, { actor: actor(officer), deploymentId: id, input: { cameraId: camera.id, deployedOn: '2026-02-02', signagePhotoSha256: (await deps.storage.put(TINY_PNG)).sha256, reviewPeriodDays: 7 } });
  return { id, reference, camera: camera.reference };
}

const mailsAbout = (reference: string) => smtp.about(reference);

describe('the overdue review reminder', () => {
  it('e-mails the coordinators once per overdue review, however often it runs', async () => {
    const d = await anOverdueDeployment();
    const mailer = createMailer({ config: deps.config.mail, log: silentLog });
    try {
      clock.set(new Date('2026-02-09T23:30:00Z')); // still the 9th in London: due, not overdue
      await sendOverdueReviewReminders(deps, { mailer });
      expect(mailsAbout(d.reference)).toHaveLength(0);

      clock.set(new Date('2026-02-10T00:05:00Z'));
      expect(await sendOverdueReviewReminders(deps, { mailer })).toMatchObject({ sent: 1, failed: 0 });
      await sendOverdueReviewReminders(deps, { mailer }); // the next run
      clock.advance(60_000);
      await sendOverdueReviewReminders(deps, { mailer }); // a minute later
      clock.advance(3 * 3600_000);
      await sendOverdueReviewReminders(deps, { mailer }); // hours later
    } finally {
      mailer.close();
    }
    const mails = mailsAbout(d.reference);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.from).toBe('cctv@council.test');
    expect(mail.to).toEqual([coordinatorEmail]);
    expect(mail.subject).toBe(`Overdue review: camera ${d.camera} at Union Street, Burton upon Trent (${d.reference})`);
    expect(mail.body).toContain('was due on 9/2/2026 and is 1 day overdue');
    expect(mail.body).toContain(`https://vigil.council.test/estate/deployments/${d.id}`);
    const reminder = await deps.db.selectFrom('deployment_review_reminders').selectAll().where('deployment_id', '=', d.id).execute();
    expect(reminder).toMatchObject([{ attempts: 1, recipients: [coordinatorEmail], last_error: null }]);
  });

  it('tries a failed send again later, not at once, and then sends it once', async () => {
    clock.set(new Date('2026-02-02T10:00:00Z'));
    const d = await anOverdueDeployment();
    const attempts: string[] = [];
    const down: Mailer = { kind: 'smtp', async send(m) { attempts.push(m.subject); throw new Error('connect ECONNREFUSED'); }, close() {} };
    clock.set(new Date('2026-02-11T08:00:00Z'));
    expect(await sendOverdueReviewReminders(deps, { mailer: down })).toMatchObject({ sent: 0, failed: 1 });
    clock.advance(60_000);
    await sendOverdueReviewReminders(deps, { mailer: down });
    expect(attempts).toHaveLength(1); // not a retry a minute
    const failed = await deps.db.selectFrom('deployment_review_reminders').selectAll().where('deployment_id', '=', d.id).executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ attempts: 1, sent_at: null, last_error: 'connect ECONNREFUSED' });
    expect(failed.next_attempt_at.getTime()).toBe(new Date('2026-02-11T08:15:00Z').getTime());

    clock.set(new Date('2026-02-11T08:16:00Z'));
    const r = await remindOverdueReviewsJob.handler(deps, {}); // the scheduled job, with its own mailer from the configuration
    expect(r).toBe('done');
    clock.advance(3600_000);
    await remindOverdueReviewsJob.handler(deps, {});
    expect(mailsAbout(d.reference)).toHaveLength(1);
  });
});
