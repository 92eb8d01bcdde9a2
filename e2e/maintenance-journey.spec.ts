import { describe, expect, it } from 'vitest';
import { apiPost, expectAccessible, signedInPage, typeInto, useProduct, withDb } from './helpers';

// The maintenance contract end to end: a daily check fails a camera and raises a fault; the fault
// appears in Maintenance, where the operator puts it on the contract at P2; the contractor's
// engineer signs in to the portal, attends and fixes it; the coordinator accepts the fix; the
// camera is operational again; the month's performance report counts the response and fix SLAs as
// met. axe on every page visited.

const OPERATOR = { username: 'jop', displayName: 'Jo Operator', roles: ['operator' as const], password: 'pebble lantern meadow' };
const COORDINATOR = { username: 'jcoord', displayName: 'Jas Coordinator', roles: ['coordinator' as const], password: 'harbour thistle copper' };
const ADMIN = { username: 'jadmin', displayName: 'Jem Admin', roles: ['admin' as const], password: 'willow granite beacon' };
const ENGINEER = { username: 'jeng', displayName: 'Jay Engineer', roles: ['contractor' as const], password: 'amber kettle lighthouse', external: true };

let contractorId = '';
const env = useProduct({
  users: [OPERATOR, COORDINATOR, ADMIN, ENGINEER],
  setup: async (product) => {
    await sql(product.databaseUrl, async (client) => {
      contractorId = (await client.query(`insert into organisations (name, kind, is_external) values ('Trent Valley Security Systems Ltd', 'contractor', true) returning id`)).rows[0].id;
      await client.query(`update users set organisation_id = $1 where username = $2`, [contractorId, ENGINEER.username]);
      // The one camera of the round.
      await client.query(
        `insert into cameras (reference, name, location_text, latitude, longitude, kind, status, purpose, change_reason)
         values ('C301', 'Horninglow Street', 'Horninglow Street, Burton upon Trent', 52.8078, -1.6392, 'fixed', 'operational', 'Town centre safety', 'registered')`,
      );
    });
  },
});

const sql = withDb;
const post = apiPost;
const signedIn = (user: { username: string; password: string }) => signedInPage(env.browser!, env.product.url, user);

const cameraStatus = () => sql(env.product.databaseUrl, async (c) => (await c.query(`select status from cameras where reference = 'C301'`)).rows[0].status as string);

describe('the maintenance contract, end to end', () => {
  it('a failed check’s fault is fixed by the contractor, accepted, the camera back in operation and the SLA met in the report', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;

    // The contract with the contractor (the coordinator) and its terms from now (an administrator).
    const coordinator = await signedIn(COORDINATOR);
    const contract = await post(coordinator, '/api/v1/maintenance/contracts', {
      reference: 'CCTV/2026-J', name: 'CCTV maintenance and repair', contractorOrganisationId: contractorId, startsOn: '2026-01-01',
    });
    const admin = await signedIn(ADMIN);
    await post(admin, `/api/v1/maintenance/contracts/${contract.id}/sla-terms`, {
      effectiveFrom: new Date(Date.now() + 1500).toISOString(), reason: 'Terms as signed.',
      terms: [{ priority: 'P2', clock: 'round_the_clock', responseMinutes: 240, fixMinutes: 1440 }],
    });
    await admin.close();
    await new Promise((resolve) => setTimeout(resolve, 2000)); // in force before the check raises the fault

    // The operator's daily check fails the camera's picture.
    const operator = await signedIn(OPERATOR);
    await operator.goto(`${url}/estate/checks`);
    await operator.getByRole('heading', { name: 'C301 Horninglow Street' }).waitFor();
    await operator.keyboard.press('f');
    await operator.getByLabel(/What is wrong with the picture/).waitFor();
    await operator.keyboard.type('No picture: black screen on the wall');
    await operator.keyboard.press('Enter');
    for (let i = 0; i < 3; i++) await operator.keyboard.press('p');
    await operator.getByRole('heading', { name: 'The cameras round is complete' }).waitFor();
    expect(await cameraStatus()).toBe('faulty');

    // The fault in Maintenance, not yet prioritised; the operator puts it on the contract at P2.
    await operator.goto(`${url}/maintenance?priority=none`);
    await operator.getByRole('heading', { name: 'Faults', level: 1 }).waitFor();
    const row = operator.getByRole('row', { name: /C301/ });
    await row.waitFor();
    await expectAccessible(operator, 'the faults list with the check’s fault');
    const reference = (await row.getByRole('link').first().innerText()).trim();
    expect(reference).toMatch(/^FLT-\d{4}-\d{6}$/);
    await row.getByRole('link', { name: reference }).click();
    await operator.getByRole('heading', { name: 'C301 Horninglow Street', level: 1 }).waitFor();
    await operator.getByLabel('Priority', { exact: true }).selectOption('P2');
    await operator.getByLabel('Contract', { exact: true }).selectOption({ label: 'CCTV/2026-J CCTV maintenance and repair' });
    await operator.getByRole('button', { name: 'Save the priority' }).click();
    await operator.getByRole('heading', { name: /^Response/ }).getByText('Within time').waitFor();
    await expectAccessible(operator, 'the prioritised fault');
    const faultUrl = operator.url();

    // The contractor's engineer: the fault in the portal; attended, fixed.
    const engineer = await signedIn(ENGINEER);
    await engineer.goto(`${url}/contractor/faults`);
    await engineer.getByRole('heading', { name: 'Contract faults', level: 1 }).waitFor();
    await engineer.getByRole('link', { name: reference }).click();
    await engineer.getByRole('heading', { name: 'C301 Horninglow Street', level: 1 }).waitFor();
    await expectAccessible(engineer, 'the fault in the contractor’s portal');
    const attended = engineer.locator('form', { has: engineer.getByRole('heading', { name: 'Attended' }) });
    await attended.getByRole('button', { name: 'Record attending' }).click();
    await engineer.getByText('Attendance recorded.').waitFor();
    const fixed = engineer.locator('form', { has: engineer.getByRole('heading', { name: 'Fixed' }) });
    await typeInto(engineer, fixed.getByLabel('What was done'), 'Replaced the failed video encoder; picture restored.');
    await fixed.getByRole('button', { name: 'Record the fix' }).click();
    await engineer.getByText('Fix recorded: the council will accept it or reopen the fault.').waitFor();
    await expectAccessible(engineer, 'the fixed fault in the portal');
    expect(await cameraStatus()).toBe('faulty'); // fixed, not yet accepted

    // The coordinator accepts the fix: the fault closes, the camera is operational again.
    await coordinator.goto(faultUrl);
    await coordinator.getByRole('heading', { name: 'The contractor’s fix' }).waitFor();
    await coordinator.getByText('Replaced the failed video encoder; picture restored.').waitFor();
    await coordinator.getByLabel('Accept the fix: the fault closes').check();
    await coordinator.getByRole('button', { name: 'Record the decision' }).click();
    await coordinator.getByText(/^Fix accepted: fault .* is closed\.$/).waitFor();
    await coordinator.getByRole('heading', { name: /^Fix/ }).getByText('Met').waitFor();
    await expectAccessible(coordinator, 'the accepted fault');
    expect(await cameraStatus()).toBe('operational');

    // This month's performance report counts the P2 fault's response and fix as met.
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
    await coordinator.goto(`${url}/maintenance/contracts/${contract.id}/performance?month=${month}`);
    await coordinator.getByRole('heading', { name: /^Contractor performance: / }).waitFor();
    const byPriority = coordinator.getByRole('table', { name: /by priority$/ });
    expect(await byPriority.getByRole('row', { name: /^P2 \(high\)/ }).innerText()).toMatch(/^P2 \(high\)\s+1\s+100\.0%[\s\S]*1 met, 0 breached[\s\S]*100\.0%[\s\S]*1 met, 0 breached/);
    await expectAccessible(coordinator, 'the performance report');
  });
});
