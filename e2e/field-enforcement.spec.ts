import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatPcnNumber } from '../src/domain/references/pcn';
import { apiPost, expectAccessible, newPage, signIn, useProduct, withDb } from './helpers';

// The office pages of the enforcement and field modules. The patrol officer's handheld is played
// through the API from a signed-in page (a device registered, then one sync with a patrol, a PCN, an
// FPN and a notebook entry); then the team leader (enforcement.process) filters the PCN list, opens
// the PCN, records a payment from the keyboard and sees it paid, reads the FPN list, the FPN and the
// officer's notebook; the officer reads their patrols and the patrol. axe on every page and state.

const OFFICER = { username: 'fepatrol', displayName: 'Tom Fielding', roles: ['patrol_officer' as const], password: 'copper meadow lantern' };
const LEADER = { username: 'feleader', displayName: 'Gareth Lewis', roles: ['patrol_leader' as const], password: 'harbour violet compass' };
// One team: the leader's view is of their own team.
const env = useProduct({ users: [OFFICER, LEADER], setup: (product) => withDb(product.databaseUrl, async (db) => {
  const { rows: [team] } = await db.query<{ id: string }>("insert into teams (name) values ('Community protection') returning id");
  await db.query('update users set team_id = $1 where username = any($2)', [team.id, [OFFICER.username, LEADER.username]]);
}) });

const AREA = '5d1e7a00-0c0d-4e00-8a00-000000000001';
const POINT = { lat: 51.7536, lon: -0.3385, accuracyM: 8 };

async function press(page: Page, button: RegExp) {
  await page.getByRole('button', { name: button }).focus();
  await page.keyboard.press('Enter');
}
async function keyIn(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

describe('the enforcement and field office pages', () => {
  it('a PCN, an FPN and a patrol from the handheld, processed in the office, accessible throughout', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;

    // The officer's handheld, through the API.
    const officer = await newPage(env.browser);
    await signIn(officer, { url, ...OFFICER });
    await officer.getByRole('heading', { name: /^Welcome/ }).waitFor();
    const deviceId = randomUUID();
    const registered = await apiPost(officer, '/api/v1/field/devices', { id: deviceId, name: 'Tom’s phone' }) as { block: { prefix: string; firstSerial: number } };
    const number = formatPcnNumber(registered.block.prefix, registered.block.firstSerial);
    const reference = await officer.evaluate(async () => (await fetch('/api/v1/enforcement/pcns/reference')).json()) as {
      codes: { code: string; observationMinutes: number; graceApplies: boolean }[];
    };
    const code01 = reference.codes.find((c) => c.code === '01');
    expect(code01, 'contravention 01 in the reference data').toBeDefined();
    const now = Date.now();
    const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
    const observe = code01!.observationMinutes + (code01!.graceApplies ? 10 : 0);
    const patrolId = randomUUID(); const pcnId = randomUUID(); const fpnId = randomUUID();
    const records = [
      { id: randomUUID(), kind: 'patrol.start', createdAt: ago(60), payload: { patrolId, beat: 'Town centre', task: 'Parking enforcement, High Street', startedAt: ago(60), expectedEndAt: new Date(now + 3 * 3600_000).toISOString(), checkInMinutes: 60 } },
      { id: randomUUID(), kind: 'pcn.issue', createdAt: ago(5), payload: {
        pcnId, patrolId, number, enforcementAreaId: AREA, contraventionCode: '01', observedFrom: ago(observe + 10), observedTo: ago(6), issuedAt: ago(5),
        vehicle: { vrm: 'AB12 CDE', make: 'Ford', model: 'Fiesta', colour: 'Blue' }, point: POINT, street: 'High Street', served: 'affixed' } },
      { id: randomUUID(), kind: 'fpn.issue', createdAt: ago(4), payload: {
        fpnId, patrolId, offenceCode: 'LIT', issuedAt: ago(4), point: POINT, place: 'Town Park, by the bandstand', circumstances: 'Dropped a drinks can and walked away.',
        offender: { name: 'Sam Walker', address: '14 Canal Street, Hatfield', postcode: 'AL10 0AA', dateOfBirth: '1990-05-01' } } },
      { id: randomUUID(), kind: 'notebook.entry', createdAt: ago(3), payload: { entryId: randomUUID(), at: ago(3), text: 'Spoke to Sam Walker about the can; issued an FPN.', fpnId } },
      { id: randomUUID(), kind: 'defect.report', createdAt: ago(2), payload: { defectId: randomUUID(), patrolId, at: ago(2), category: 'pothole', point: POINT, place: 'High Street, by no. 40', description: 'A deep pothole in the bus stop lay-by.' } },
    ];
    const sync = await apiPost(officer, '/api/v1/field/sync', { deviceId, records, queued: 0 }) as { results: { outcome: string; reference: string | null; problems: unknown[] }[] };
    expect(sync.results.map((r) => r.outcome), JSON.stringify(sync.results)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    const fpnReference = sync.results[2].reference!;
    expect(sync.results[1].reference).toBe(number);

    // The team leader: the PCN list, filtered.
    const leader = await newPage(env.browser);
    await signIn(leader, { url, ...LEADER });
    await leader.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await leader.goto(`${url}/enforcement`);
    await leader.getByRole('heading', { name: 'Penalty charge notices', level: 1 }).waitFor();
    await leader.getByRole('link', { name: number }).waitFor();
    await expectAccessible(leader, 'the PCN list');
    await keyIn(leader, 'Registration', 'ZZ99 ZZZ');
    await press(leader, /^Show PCNs$/);
    await leader.getByText('0 PCNs.').waitFor();
    await expectAccessible(leader, 'the PCN list, filtered to nothing');
    await keyIn(leader, 'Registration', 'AB12 CDE');
    await leader.getByLabel('Status', { exact: true }).selectOption('issued');
    await press(leader, /^Show PCNs$/);
    await leader.getByText('1 PCN.').waitFor();
    await expectAccessible(leader, 'the PCN list, filtered');
    await leader.getByRole('link', { name: number }).focus();
    await leader.keyboard.press('Enter');

    // The PCN: a payment recorded from the keyboard, then paid.
    await leader.getByRole('heading', { name: `PCN ${number}`, level: 1 }).waitFor();
    await leader.getByRole('heading', { name: 'Record a payment' }).waitFor();
    await expectAccessible(leader, 'the PCN as issued');
    const pay = leader.getByRole('form', { name: 'Record a payment' });
    await pay.getByLabel('Amount paid (£)').focus();
    await leader.keyboard.press('ControlOrMeta+A');
    await leader.keyboard.press('Backspace');
    await pay.getByRole('button', { name: 'Record the payment' }).focus();
    await leader.keyboard.press('Enter');
    await leader.getByRole('link', { name: /Enter the amount paid/ }).first().waitFor();
    await expectAccessible(leader, 'the payment form with its error');
    await pay.getByLabel('Amount paid (£)').focus();
    await leader.keyboard.press('ControlOrMeta+A');
    await leader.keyboard.type('35.00');
    await pay.getByLabel('How it was paid (optional)').focus();
    await leader.keyboard.type('Card, by phone');
    await pay.getByRole('button', { name: 'Record the payment' }).focus();
    await leader.keyboard.press('Enter');
    await expect.poll(() => leader.locator('.govuk-inset-text').textContent(), { timeout: 15_000 }).toMatch(/£0\.00[\s\S]*£35\.00 paid/);
    await leader.getByText('Paid', { exact: true }).first().waitFor();
    await expectAccessible(leader, 'the PCN, paid');

    // The FPN list and the FPN.
    await leader.goto(`${url}/enforcement/fpns`);
    await leader.getByRole('heading', { name: 'Fixed penalty notices', level: 1 }).waitFor();
    await leader.getByRole('link', { name: fpnReference }).waitFor();
    await expectAccessible(leader, 'the FPN list');
    await leader.getByRole('link', { name: fpnReference }).focus();
    await leader.keyboard.press('Enter');
    await leader.getByRole('heading', { name: `Fixed penalty notice ${fpnReference}`, level: 1 }).waitFor();
    await leader.getByText('Sam Walker').first().waitFor();
    await expectAccessible(leader, 'the FPN');

    // The officer's notebook, as the leader reads it.
    const officerId = await withDb(env.product.databaseUrl, async (db) => (await db.query('select id from users where username = $1', [OFFICER.username])).rows[0].id as string);
    await leader.goto(`${url}/enforcement/notebook?officer=${officerId}`);
    await leader.getByRole('heading', { name: `Notebook: ${OFFICER.displayName}`, level: 1 }).waitFor();
    await leader.getByText('Spoke to Sam Walker about the can; issued an FPN.').waitFor();
    await expectAccessible(leader, 'the officer’s notebook');

    // The team leader's own pages: the officer on patrol with their device, the parish contracts, the reports.
    await leader.goto(`${url}/field/team`);
    await leader.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
    await leader.getByRole('row').filter({ hasText: 'Town centre' }).first().waitFor();
    await expectAccessible(leader, 'the team');
    await leader.goto(`${url}/field/team/contracts`);
    await leader.getByRole('heading', { name: 'Parish contracts', level: 1 }).waitFor();
    await expectAccessible(leader, 'the parish contracts');
    await leader.goto(`${url}/field/team/reports`);
    await leader.getByRole('heading', { name: 'Inspections, defects and ASB', level: 1 }).waitFor();
    const defect = leader.getByRole('row').filter({ hasText: 'High Street, by no. 40' });
    await expect.poll(() => defect.getByRole('cell').allTextContents()).toEqual([
      expect.stringMatching(/^[A-Z]+-\d{4}-\d+$/), expect.stringMatching(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/), 'Pothole or damaged road', 'Highways', 'High Street, by no. 40', expect.stringMatching(/^Passed to the team \(\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\)$/), 'Tom Fielding',
    ]);
    await expectAccessible(leader, 'the inspections, defects and ASB reports');

    // The officer: patrols and the patrol.
    await officer.goto(`${url}/field`);
    await officer.getByRole('heading', { name: 'Patrols', level: 1 }).waitFor();
    const row = officer.getByRole('row').filter({ hasText: 'Town centre' });
    await row.getByText('On patrol').waitFor();
    await expectAccessible(officer, 'the officer’s patrols');
    await row.getByRole('link').focus();
    await officer.keyboard.press('Enter');
    await officer.getByRole('heading', { name: 'Town centre', level: 1 }).waitFor();
    await officer.getByText(number).first().waitFor();
    await expectAccessible(officer, 'the patrol');
    await officer.goto(`${url}/field/patrols/${patrolId}`);
    await officer.getByRole('heading', { name: 'Town centre', level: 1 }).waitFor();
  });
});
