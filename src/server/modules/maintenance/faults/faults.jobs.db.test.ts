import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, silentLog, testClock, testConfig, testStorage, uniq } from '../../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import { startSmtp } from '../../../../../test/support/smtp';
import type { Deps } from '../../../platform/deps';
import { createMailer } from '../../../platform/mail';
import { setSlaTerms } from '../contracts/contracts.usecases';
import { sendSlaNotices, slaNoticesJob } from './faults.jobs';
import { aFault } from './faults.walk';

// The SLA's 75% warning and its breach each reach a real SMTP server on loopback once, however
// often the job runs: to the council's coordinators and the contractor's people, nobody else.

const HOUR = 3_600_000;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let handle: OwnDatabase;
let deps: Deps;
const clock = testClock(new Date('2026-12-07T09:00:00Z')); // a Monday

beforeAll(async () => {
  smtp = await startSmtp();
  handle = await ownDatabase();
  deps = { db: handle.db, config: testConfig({ mail: { smtpUrl: smtp.url, from: 'CCTV control room <cctv@council.test>' }, publicUrl: 'https://vigil.council.test' }), clock, log: silentLog, storage: testStorage() };
});
afterAll(async () => {
  await handle?.drop();
  await smtp?.close();
});

describe('the SLA notices', () => {
  it('send the 75% warning and the breach once each, to the coordinators and the contractor', async () => {
    const council = (await makeOrganisation(deps)).id;
    const { fault, contract, coordinator } = await aFault(deps, { councilOrgId: council });
    const admin = await makeUser(deps, { roles: ['admin'], organisationId: council });
    await setSlaTerms(deps, {
      actor: { audit: { actorId: admin.id, actorUsername: admin.username, ip: null, userAgent: null }, userId: admin.id }, contractId: contract.id,
      // Terms dated just before the fault was raised (the fixture raised it at the clock's now).
      input: { effectiveFrom: new Date(clock.now().getTime() - 30_000), reason: 'Terms as signed.', terms: [{ priority: 'P2', clock: 'round_the_clock', responseMinutes: 240, fixMinutes: 1440 }] },
    });
    const emails = { coordinator: `${uniq('coord')}@council.test`, engineer: `${uniq('eng')}@contractor.test`, operator: `${uniq('op')}@council.test` };
    await deps.db.updateTable('users').set({ email: emails.coordinator }).where('id', '=', coordinator.id).execute();
    const orgId = (await deps.db.selectFrom('maintenance_contracts').select('contractor_organisation_id').where('id', '=', contract.id).executeTakeFirstOrThrow()).contractor_organisation_id;
    const engineer = await makeUser(deps, { roles: ['contractor'], organisationId: orgId });
    await deps.db.updateTable('users').set({ email: emails.engineer }).where('id', '=', engineer.id).execute();
    const operator = await makeUser(deps, { roles: ['operator'], organisationId: council });
    await deps.db.updateTable('users').set({ email: emails.operator }).where('id', '=', operator.id).execute();
    const reference = (await deps.db.selectFrom('faults').select('reference').where('id', '=', fault.id).executeTakeFirstOrThrow()).reference;

    const mailer = createMailer({ config: deps.config.mail, log: silentLog });
    try {
      clock.advance(2 * HOUR); // 50% of the 4-hour response: nothing yet
      await sendSlaNotices(deps, { mailer });
      expect(smtp.about(reference)).toHaveLength(0);

      clock.advance(HOUR); // 75%
      expect(await sendSlaNotices(deps, { mailer })).toMatchObject({ sent: 1, failed: 0 });
      await sendSlaNotices(deps, { mailer }); // the next minute's run
      clock.advance(30 * 60_000);
      await sendSlaNotices(deps, { mailer });
      expect(smtp.about(reference).map((m) => m.subject)).toEqual([`SLA at risk: ${reference} response due 7 Dec 2026, 13:00 (${(await deps.db.selectFrom('cameras').select('reference').where('id', '=', (await deps.db.selectFrom('faults').select('camera_id').where('id', '=', fault.id).executeTakeFirstOrThrow()).camera_id!).executeTakeFirstOrThrow()).reference})`]);

      clock.advance(31 * 60_000); // 13:01: breached
      expect(await sendSlaNotices(deps, { mailer })).toMatchObject({ sent: 1 });
      for (let i = 0; i < 3; i++) { clock.advance(60_000); await sendSlaNotices(deps, { mailer }); }
      clock.advance(HOUR);
      await slaNoticesJob.handler(deps, {}); // the scheduled job, with its own mailer from the configuration
    } finally {
      mailer.close();
    }
    const mails = smtp.about(reference);
    expect(mails.map((m) => m.subject.split(':')[0])).toEqual(['SLA at risk', 'SLA breached']);
    for (const m of mails) {
      expect(m.to.sort()).toEqual([emails.coordinator, emails.engineer].sort());
      expect(m.body).toContain(`https://vigil.council.test/maintenance/faults/${fault.id}`);
    }
    expect(mails[1]!.body).toContain('was due by 7 Dec 2026, 13:00');
  });
});
