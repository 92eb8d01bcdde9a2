import { describe, expect, it } from 'vitest';
import { connect } from '../src/server/platform/db/db';
import { seedCamera, seedFault, seedTerms } from '../src/server/modules/maintenance/performance/performance.seed';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// A coordinator reads a contract's June: two P1 faults (one breached on both clocks), a repeat on
// the same camera, the figures by priority and the charts' tables, a camera below 95% picked out,
// the service credits; the CSV downloads; the month chooser moves to July. axe on the page.

const seeded = { contractId: '', camera: '' };
const env = useProduct({
  users: [{ username: 'mcoordinator', displayName: 'Mia Coordinator', roles: ['coordinator'], password: 'lantern orchard pebble' }],
  setup: async (product) => {
    const { db, close } = connect({ url: product.databaseUrl, max: 1 });
    try {
      const user = await db.selectFrom('users').select('id').where('username', '=', 'mcoordinator').executeTakeFirstOrThrow();
      const contractor = await db.insertInto('organisations').values({ name: 'Acme Security Systems', kind: 'contractor', is_external: true }).returning('id').executeTakeFirstOrThrow();
      const contract = await db.insertInto('maintenance_contracts').values({
        reference: 'CCTV/2026-01', name: 'CCTV maintenance 2026', contractor_organisation_id: contractor.id, starts_on: '2026-04-01', monthly_charge_pence: 1_250_000,
        service_credits: JSON.stringify({ responseBreachPence: { P1: 10_000, P2: 5_000, P3: 2_000, P4: 1_000 }, fixBreachPence: { P1: 20_000, P2: 10_000, P3: 4_000, P4: 2_000 }, capPercent: 10 }),
      }).returning('id').executeTakeFirstOrThrow();
      seeded.contractId = contract.id;
      await seedTerms(db, contract.id, { P1: { responseMinutes: 240, fixMinutes: 1440 }, P2: { responseMinutes: 480, fixMinutes: 2880 } });
      const camera = await seedCamera(db, { name: 'Market Place' });
      seeded.camera = camera.reference;
      const fault = (raisedAt: string, steps: { kind: 'attended' | 'fixed' | 'accepted'; at: string }[], priority: 'P1' | 'P2' = 'P1') =>
        seedFault(db, { contractId: contract.id, raisedBy: user.id, fault: { cameraId: camera.id, priority, raisedAt, steps } });
      await fault('2026-06-03T10:00:00Z', [{ kind: 'attended', at: '2026-06-03T12:00:00Z' }, { kind: 'fixed', at: '2026-06-04T08:00:00Z' }, { kind: 'accepted', at: '2026-06-04T12:00:00Z' }]);
      await fault('2026-06-10T00:00:00Z', [{ kind: 'attended', at: '2026-06-10T05:00:00Z' }, { kind: 'fixed', at: '2026-06-12T00:00:00Z' }, { kind: 'accepted', at: '2026-06-12T06:00:00Z' }]);
    } finally {
      await close();
    }
  },
});

describe('contractor performance', () => {
  it('a coordinator reads a contract\'s month, its charts as tables, downloads the CSV and moves to the next month', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const { url } = env.product;
    const page = await newPage(env.browser);
    await signIn(page, { url, username: 'mcoordinator', password: 'lantern orchard pebble' });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.goto(`${url}/maintenance/contracts/${seeded.contractId}/performance?month=2026-06`);
    await page.getByRole('heading', { name: 'Contractor performance: June 2026' }).waitFor();
    await page.getByRole('navigation', { name: 'Maintenance contract' }).waitFor();

    const byPriority = page.getByRole('table', { name: 'Faults raised in June 2026, by priority' });
    expect(await byPriority.getByRole('row', { name: /^P1 \(critical\)/ }).innerText()).toMatch(/2[\s\S]*50\.0%[\s\S]*1 met, 1 breached/);
    // The second fault came back 6 days after the first's fix: a repeat.
    expect(await page.getByRole('table', { name: /within 30 days/ }).innerText()).toContain(seeded.camera);
    expect(await page.getByRole('table', { name: /SLA was met/ }).getByRole('row', { name: /^P1/ }).innerText()).toMatch(/50%\s+50%/);
    expect(await page.getByRole('table', { name: 'Cameras by availability this month' }).innerText()).toMatch(/90% to 95%\s+1/); // 70 h down of 720: 90.3%
    expect(await page.getByRole('table', { name: /below 95% availability/ }).innerText()).toMatch(new RegExp(`${seeded.camera}[\\s\\S]*90\\.3%`));
    expect(await page.locator('.govuk-summary-list').innerText()).toMatch(/Credited to the council\s+£300\.00/);
    await expectAccessible(page, 'the contractor performance page');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV (spreadsheet)' }).click()]);
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        let text = '';
        stream.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); }).on('end', () => resolve(text)).on('error', reject);
      });
    });
    expect(csv.split('\r\n')[0]).toMatch(/^row,priority,camera_reference/);
    expect(csv).toMatch(/\r\npriority,P1,,,2,1,1,0,50\.0,/);
    expect(csv).toContain(seeded.camera);

    await page.getByRole('link', { name: /Next month/ }).click();
    await page.getByRole('heading', { name: 'Contractor performance: July 2026' }).waitFor();
    expect(page.url()).toContain('month=2026-07');
  });
});
