import { describe, expect, it } from 'vitest';
import { apiPost, expectAccessible, signedInPage, typeInto, useProduct, withDb } from './helpers';

// Faults in the browser: a coordinator sets up a contract and an administrator its SLA terms (by
// the API); an operator raises a fault on a camera from the register (refused first without a
// description, what was chosen kept), sees it in the list and the camera faulty, prioritises it onto
// the contract (its clocks start), stops and restarts the clock. A coordinator sees a fault at risk
// on the home page, and accepts a fixed fault: the camera is operational again. axe on every page.

const OPERATOR = { username: 'fop', displayName: 'Fay Operator', roles: ['operator' as const], password: 'lantern willow copper' };
const COORDINATOR = { username: 'fcoord', displayName: 'Flo Coordinator', roles: ['coordinator' as const], password: 'thistle amber harbour' };
const ADMIN = { username: 'fadmin', displayName: 'Fin Admin', roles: ['admin' as const], password: 'meadow granite lantern' };

const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
let contractorId = '';
const env = useProduct({
  users: [OPERATOR, COORDINATOR, ADMIN],
  setup: async (product) => {
    await sql(product.databaseUrl, async (client) => {
      contractorId = (await client.query(`insert into organisations (name, kind, is_external) values ('Watchfield Systems Ltd', 'contractor', true) returning id`)).rows[0].id;
      await client.query(
        `insert into cameras (reference, name, location_text, latitude, longitude, kind, status, purpose, change_reason)
         values ('C201', 'Market Square south', 'Market Square', 52.8031, -1.6370, 'fixed', 'operational', 'Town centre safety', 'registered'),
                ('C202', 'Bus station', 'Bus station', 52.8041, -1.6380, 'fixed', 'faulty', 'Town centre safety', 'registered')`,
      );
    });
  },
});

const sql = withDb;
const post = apiPost;
const signedIn = (user: { username: string; password: string }) => signedInPage(env.browser!, env.product.url, user);

describe('maintenance faults', () => {
  it('are raised on a camera, prioritised onto a contract, clocked, shown at risk, and accepted when fixed', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;

    // The contract (the coordinator) and its terms from now (an administrator): P2 responds in 4 hours, fixes in 24.
    const coordinator = await signedIn(COORDINATOR);
    const contract = await post(coordinator, '/api/v1/maintenance/contracts', {
      reference: 'CCTV/2026-F', name: 'CCTV maintenance', contractorOrganisationId: contractorId, startsOn: '2026-01-01',
    });
    const admin = await signedIn(ADMIN);
    await post(admin, `/api/v1/maintenance/contracts/${contract.id}/sla-terms`, {
      effectiveFrom: new Date(Date.now() + 1500).toISOString(), reason: 'Terms as signed.',
      terms: [{ priority: 'P1', clock: 'round_the_clock', responseMinutes: 60, fixMinutes: 240 }, { priority: 'P2', clock: 'round_the_clock', responseMinutes: 240, fixMinutes: 1440 }],
    });
    await admin.close();
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the terms are in force before the fault is raised

    // The operator raises a fault from the list; without a description it is refused, the camera kept.
    const operator = await signedIn(OPERATOR);
    await operator.goto(`${url}/maintenance`);
    await operator.getByRole('heading', { name: 'Faults', level: 1 }).waitFor();
    await operator.getByText('No faults have been raised yet.').waitFor();
    await expectAccessible(operator, 'the faults (empty)');
    await operator.getByRole('button', { name: 'Raise a fault' }).click();
    await operator.getByRole('heading', { name: 'Raise a fault', level: 1 }).waitFor();
    await operator.getByLabel('A camera').check();
    await operator.getByLabel('Camera', { exact: true }).selectOption({ label: 'C201 Market Square south' });
    await operator.getByRole('button', { name: 'Raise the fault' }).click();
    await operator.getByRole('link', { name: 'Enter what is wrong (at least 3 characters)' }).waitFor();
    expect(await operator.getByLabel('Camera', { exact: true }).inputValue()).not.toBe('');
    await expectAccessible(operator, 'the fault refused');
    await typeInto(operator, operator.getByLabel('What is wrong'), 'No picture since 02:00.');
    await operator.getByRole('button', { name: 'Raise the fault' }).click();
    await operator.getByText(/^Fault FLT-\d{4}-\d+ raised\.$/).waitFor();
    await operator.getByRole('heading', { name: 'C201 Market Square south', level: 1 }).waitFor();
    const faultUrl = operator.url();
    const faultId = faultUrl.split('/').at(-1)!;
    await operator.getByText('No clock runs yet').waitFor();
    await expectAccessible(operator, 'the fault raised');

    // In the list (open, not prioritised), and the camera is faulty.
    await operator.goto(`${url}/maintenance?state=open&priority=none`);
    const row = operator.getByRole('row', { name: /C201/ });
    await row.getByText('Not prioritised').waitFor();
    await operator.getByText('1 fault matching the filter').waitFor();
    await expectAccessible(operator, 'the faults');
    await operator.goto(`${url}/estate/cameras/${await cameraId('C201')}`);
    await operator.getByText('Faulty').first().waitFor();

    // Prioritised P2 onto the contract: the clocks start, within time.
    await operator.goto(faultUrl);
    await operator.getByLabel('Priority', { exact: true }).selectOption('P2');
    await operator.getByLabel('Contract', { exact: true }).selectOption({ label: 'CCTV/2026-F CCTV maintenance' });
    await operator.getByRole('button', { name: 'Save the priority' }).click();
    await operator.getByText(/prioritised P2\.$/).waitFor();
    await operator.getByRole('heading', { name: /^Response/ }).getByText('Within time').waitFor();
    await operator.getByText('4 hours (24/7)', { exact: true }).waitFor();
    await operator.getByText('24 hours (24/7)', { exact: true }).waitFor();

    // The clock stopped, then restarted.
    const stop = operator.locator('form', { has: operator.getByRole('heading', { name: 'Stop the clock' }) });
    await stop.getByLabel('Awaiting council access').check();
    await typeInto(operator, stop.getByLabel('What is awaited'), 'Keys to the pole cabinet from highways.');
    await stop.getByRole('button', { name: 'Stop the clock' }).click();
    await operator.getByText(/The clock on fault .* is stopped\./).waitFor();
    await operator.getByText('(still stopped)', { exact: false }).waitFor();
    await operator.getByRole('heading', { name: /^Response/ }).getByText('Clock stopped').waitFor();
    await expectAccessible(operator, 'the fault with its clock stopped');
    await operator.getByRole('button', { name: 'Restart the clock' }).click();
    await operator.getByText(/The clock on fault .* is running again\./).waitFor();
    await operator.getByRole('heading', { name: /^Response/ }).getByText('Within time').waitFor();
    expect(await operator.getByText('The contract’s fix', { exact: false }).count()).toBe(0); // not the operator's to decide

    // A photo: without a file it is refused; then uploaded, added to the history and shown.
    await operator.getByRole('button', { name: 'Add the photo' }).click();
    await operator.getByRole('link', { name: 'Choose a photo (JPEG or PNG)' }).waitFor();
    await operator.locator('#photo-file').setInputFiles({ name: 'pole.png', mimeType: 'image/png', buffer: TINY_PNG });
    await typeInto(operator, operator.getByLabel('What it shows (optional)'), 'Water in the housing.');
    await operator.getByRole('button', { name: 'Add the photo' }).click();
    await operator.getByText(/^Photo added to fault /).waitFor();
    const photo = operator.getByRole('img', { name: /^Photo added .*: Water in the housing\./ });
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await expectAccessible(operator, 'the fault with a photo');

    // A P1 fault 50 minutes into its 60-minute response: at risk, on the coordinator's home page.
    const risky = await sql(env.product.databaseUrl, async (client) => {
      const raiser = (await client.query(`select id from users where username = $1`, [OPERATOR.username])).rows[0].id;
      const camera = await cameraId('C202');
      // Terms in force before it was raised (the API takes terms from now on only).
      await client.query(
        `insert into maintenance_sla_terms (contract_id, priority, clock, response_minutes, fix_minutes, effective_from, reason)
         values ($1, 'P1', 'round_the_clock', 60, 240, now() - interval '1 day', 'Terms as signed.')`, [contract.id],
      );
      const id = (await client.query(
        `insert into faults (reference, year, number, camera_id, description, raised_by, raised_at, source, contract_id, priority, stage)
         values ('FLT-2026-900001', 2026, 900001, $1, 'Picture rolling.', $2, now() - interval '50 minutes', 'operator', $3, 'P1', 'reported') returning id`,
        [camera, raiser, contract.id],
      )).rows[0].id;
      await client.query(`insert into fault_events (fault_id, seq, kind, at, by_user_id, priority) values ($1, 1, 'raised', now() - interval '50 minutes', $2, 'P1')`, [id, raiser]);
      return id as string;
    });
    await coordinator.goto(`${url}/`);
    const panel = coordinator.getByRole('region', { name: 'Faults at risk' });
    await panel.getByText('No faults breached, 1 at risk, no fixes awaiting acceptance.').waitFor();
    await panel.getByRole('link', { name: 'FLT-2026-900001' }).waitFor();
    await panel.getByText('At risk', { exact: true }).waitFor();
    await expectAccessible(coordinator, 'the home page with a fault at risk');
    expect(risky).toBeTruthy();

    // The contractor attends and fixes the operator's fault (its history written as the portal would).
    await sql(env.product.databaseUrl, async (client) => {
      const seq = (await client.query(`select max(seq)::int as n from fault_events where fault_id = $1`, [faultId])).rows[0].n as number;
      await client.query(
        `insert into fault_events (fault_id, seq, kind, at, note) values ($1, $2, 'attended', now(), null), ($1, $3, 'fixed', now(), 'Replaced the PSU.')`,
        [faultId, seq + 1, seq + 2],
      );
      await client.query(`update faults set stage = 'fixed', updated_at = now() where id = $1`, [faultId]);
    });

    // The coordinator accepts the fix: the fault closes and the camera is operational again.
    await coordinator.goto(faultUrl);
    await coordinator.getByRole('heading', { name: 'The contractor’s fix' }).waitFor();
    await coordinator.getByText('Replaced the PSU.').waitFor();
    await expectAccessible(coordinator, 'the fixed fault');
    await coordinator.getByLabel('Accept the fix: the fault closes').check();
    await coordinator.getByRole('button', { name: 'Record the decision' }).click();
    await coordinator.getByText(/^Fix accepted: fault .* is closed\.$/).waitFor();
    await coordinator.getByText(/, closed$/).waitFor();
    await coordinator.getByRole('heading', { name: /^Fix/ }).getByText('Met').waitFor();
    await coordinator.goto(`${url}/estate/cameras/${await cameraId('C201')}`);
    await coordinator.getByText('Operational').first().waitFor();
    await expectAccessible(coordinator, 'the camera back in operation');
  });
});

const cameraId = (reference: string) =>
  sql(env.product.databaseUrl, async (client) => (await client.query(`select id from cameras where reference = $1`, [reference])).rows[0].id as string);
