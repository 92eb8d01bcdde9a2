import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { expectAccessible, focused, newPage, signIn, typeInto, useProduct } from './helpers';

// Mobile camera deployments in the browser, from the keyboard after signing in: an enforcement
// officer requests a camera with the incident count around the point, a coordinator approves it,
// the officer puts a mobile camera up with its signage and photo, and the camera shows at its new
// place in the words beside the map and in the timeline. A coordinator's home page lists a review
// that is overdue, linking to its deployment. axe on every page.

const OFFICER = { username: 'eofficer', displayName: 'Erin Officer', roles: ['enforcement_officer' as const], password: 'granite willow lantern' };
const COORDINATOR = { username: 'ccoord', displayName: 'Cal Coordinator', roles: ['coordinator' as const], password: 'amber harbour thistle' };
const PLACE = { lat: 52.8041, lon: -1.6385 };
// A 1×1 PNG: the signage photo (the server knows an image by its first bytes).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

const env = useProduct({
  users: [OFFICER, COORDINATOR],
  setup: async (product) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      // Two mobile cameras in store.
      await client.query(
        `insert into cameras (reference, name, location_text, latitude, longitude, kind, status, purpose, change_reason)
         values ('M1', 'Redeployable one', 'Depot, Wetmore Road', 52.8073, -1.6259, 'mobile', 'out_of_service', 'Redeployable camera', 'registered'),
                ('M2', 'Redeployable two', 'Depot, Wetmore Road', 52.8073, -1.6259, 'mobile', 'out_of_service', 'Redeployable camera', 'registered')`,
      );
      // Three incidents logged near the point ten days ago, one far away.
      await client.query(
        `insert into occurrences (reference, year, number, opened_at, opened_by, source, category_id, priority, summary, latitude, longitude)
         select r.reference, 2026, r.number, now() - interval '10 days', u.id, 'camera_patrol', c.id, 'normal', 'Disorder', r.lat, r.lon
           from users u, occurrence_categories c,
                (values ('OCC-2026-000301', 301, 52.8042, -1.6386), ('OCC-2026-000302', 302, 52.8040, -1.6383), ('OCC-2026-000303', 303, 52.8045, -1.6390),
                        ('OCC-2026-000304', 304, 52.7900, -1.6000)) as r(reference, number, lat, lon)
          where u.username = 'eofficer' and c.key = 'violence'`,
      );
      // M2 put up 150 days ago on Queen Street, its 90-day review 60 days overdue.
      await client.query(
        `with d as (
           insert into mobile_deployments (reference, location_text, latitude, longitude, problem, evidence, proposed_days, alternatives, dpia_reference, requested_by, requested_at)
           select 'MD-2025-0900', 'Queen Street corner', 52.7968, -1.6406, 'Fly-tipping on the corner every week',
                  '{"radiusM":250,"from":"2025-01-01","to":"2025-03-01","total":0,"byCategory":[]}'::jsonb, 180, 'Letters and a warning sign', 'DPIA-MOB-900', u.id, now() - interval '160 days'
             from users u where u.username = 'eofficer'
           returning id, requested_by)
         insert into mobile_deployment_events (deployment_id, seq, kind, at, by_user_id, reason, on_day, camera_id, signage_photo_sha256, signage_photo_type, review_period_days, review_due_on)
         select d.id, 1, 'requested', now() - interval '160 days', d.requested_by, null::text, null::date, null::uuid, null::text, null::text, null::integer, null::date from d
         union all
         select d.id, 2, 'approved', now() - interval '155 days', (select id from users where username = 'ccoord'), 'Repeated tipping; least intrusive way', null, null, null, null, null, null from d
         union all
         select d.id, 3, 'deployed', now() - interval '150 days', d.requested_by, null, current_date - 150, (select id from cameras where reference = 'M2'),
                repeat('a', 64), 'image/png', 90, current_date - 60 from d`,
      );
    } finally {
      await client.end();
    }
  },
});

/** Types into a field from the keyboard, replacing what it held. */
const bannerHasFocus = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.govuk-notification-banner--success'));

describe('mobile camera deployments', () => {
  it('is requested with its evidence, approved, and deployed with signage, all from the keyboard', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const officer = await newPage(env.browser);
    await signIn(officer, { url, username: OFFICER.username, password: OFFICER.password });
    await officer.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await officer.goto(`${url}/estate/deployments`);
    await officer.getByRole('heading', { name: 'Mobile cameras', level: 1 }).waitFor();
    await officer.getByText(/M1\s+Redeployable one: in store/).waitFor();
    await expectAccessible(officer, 'the mobile cameras');

    // The request, with the incident count around the point.
    await officer.getByRole('link', { name: 'Request a deployment' }).press('Enter');
    await officer.getByRole('heading', { name: 'Request a mobile camera' }).waitFor();
    await expectAccessible(officer, 'the request form');
    await typeInto(officer, officer.getByLabel('Where the camera would go'), 'Station Street by the taxi rank');
    await typeInto(officer, officer.getByLabel('Latitude'), String(PLACE.lat));
    await typeInto(officer, officer.getByLabel('Longitude'), String(PLACE.lon));
    await typeInto(officer, officer.getByLabel('The problem the camera would address'), 'Fights at the taxi rank when the clubs close, most weekends');
    await officer.getByRole('button', { name: 'Count the incidents' }).press('Enter');
    await officer.getByText(/3 incidents logged within 250 metres/).waitFor();
    await officer.getByText('Violence: 3').waitFor();
    await typeInto(officer, officer.getByLabel('Alternatives considered'), 'Extra patrols on Friday nights; the street lighting is already good');
    // Sent without the DPIA reference: the server's message in the summary, what was typed kept.
    await officer.getByRole('button', { name: 'Send the request' }).press('Enter');
    await officer.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await focused(officer)).toMatch(/^div/);
    await officer.getByRole('link', { name: 'Enter the DPIA reference' }).waitFor();
    expect(await officer.getByLabel('Where the camera would go').inputValue()).toBe('Station Street by the taxi rank');
    expect(await officer.getByLabel('Alternatives considered').inputValue()).toMatch(/^Extra patrols/);
    await expectAccessible(officer, 'the request form with an error');
    await officer.getByRole('link', { name: 'Enter the DPIA reference' }).press('Enter');
    expect(await focused(officer)).toMatch(/DPIA reference/);
    await officer.keyboard.type('DPIA-MOB-031');
    await expectAccessible(officer, 'the request form with the count');
    await officer.getByRole('button', { name: 'Send the request' }).press('Enter');
    await officer.getByRole('heading', { name: /Station Street by the taxi rank/, level: 1 }).waitFor();
    await officer.getByText(/requested: a coordinator will decide it/).waitFor();
    expect(await bannerHasFocus(officer)).toBe(true);
    await officer.getByText('A coordinator decides this request.').waitFor();
    expect(await officer.locator('dl').first().innerText()).toMatch(/3 incidents logged within 250 metres/);
    await expectAccessible(officer, 'a requested deployment');
    const deploymentUrl = officer.url();
    expect(deploymentUrl).toMatch(/\/estate\/deployments\/[0-9a-f-]{36}$/);

    // The coordinator approves it.
    const coordinator = await newPage(env.browser);
    await signIn(coordinator, { url, username: COORDINATOR.username, password: COORDINATOR.password });
    await coordinator.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await coordinator.goto(deploymentUrl);
    await coordinator.getByRole('heading', { name: 'Decide the request' }).waitFor();
    await expectAccessible(coordinator, 'a request to decide');
    await coordinator.getByLabel('Approve').focus();
    await coordinator.keyboard.press('Space');
    await typeInto(coordinator, coordinator.getByLabel('Reasons for the decision'), 'Repeated violence shown in the log; patrols tried; proportionate with signage');
    await coordinator.getByRole('button', { name: 'Record the decision' }).press('Enter');
    await coordinator.getByText(/Request MD-\d{4}-\d{4} approved/).waitFor();
    expect(await bannerHasFocus(coordinator)).toBe(true);
    await coordinator.getByRole('heading', { name: 'Decide the request' }).waitFor({ state: 'detached' });
    await expectAccessible(coordinator, 'an approved deployment');

    // The officer puts M1 up with the signage and its photo.
    await officer.reload();
    await officer.getByRole('heading', { name: 'Put up a camera' }).waitFor();
    await officer.getByLabel('Mobile camera', { exact: true }).focus();
    await officer.getByLabel('Mobile camera', { exact: true }).selectOption({ label: 'M1 Redeployable one' });
    await officer.getByLabel('The signage is in place').focus();
    await officer.keyboard.press('Space');
    const photo = officer.getByLabel('Photo of the signage');
    await photo.focus();
    await photo.setInputFiles({ name: 'sign.png', mimeType: 'image/png', buffer: PNG });
    await expectAccessible(officer, 'the deployment form');
    await officer.getByRole('button', { name: 'Record the deployment' }).press('Enter');
    await officer.getByText(/Camera M1 deployed on MD-\d{4}-\d{4}/).waitFor();
    expect(await bannerHasFocus(officer)).toBe(true);
    await officer.getByRole('heading', { name: 'Review the deployment' }).waitFor();
    const entry = await officer.locator('dl').first().innerText();
    expect(entry).toMatch(/Deployed/);
    expect(entry).toMatch(/M1/);
    await officer.getByRole('img', { name: /signage put up with the camera/ }).waitFor();
    expect(await officer.getByRole('img', { name: /signage/ }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    await expectAccessible(officer, 'a deployed camera');

    // M1 at its new place, in the words beside the map and in the timeline.
    await officer.getByRole('link', { name: 'Mobile cameras' }).first().press('Enter');
    await officer.getByRole('heading', { name: 'Mobile cameras', level: 1 }).waitFor();
    const now = officer.getByRole('list', { name: 'Where each mobile camera is now' });
    await now.getByText(/M1\s+Redeployable one: at Station Street by the taxi rank since/).waitFor();
    const timeline = officer.getByRole('table', { name: /Camera M1 Redeployable one/ });
    expect(await timeline.innerText()).toMatch(/Station Street by the taxi rank[\s\S]*Still there/);
    await expectAccessible(officer, 'the mobile cameras with M1 out');
    const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByRole('link', { name: /as CSV/ }).press('Enter')]);
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        let text = '';
        stream.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); }).on('end', () => resolve(text)).on('error', reject);
      });
    });
    expect(csv).toMatch(/^Reference,State,Location/);
    expect(csv).toMatch(/MD-\d{4}-\d{4},Deployed,Station Street by the taxi rank,52\.8041,-1\.6385/);
  }, 180_000);

  it('lists an overdue review on a coordinator’s home page, linking to its deployment, where a review finds it no longer proportionate and it is taken down', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: COORDINATOR.username, password: COORDINATOR.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    const panel = page.getByRole('region', { name: 'Mobile camera reviews' });
    await panel.getByText(/1 overdue/).waitFor();
    expect(await panel.innerText()).toMatch(/MD-2025-0900[\s\S]*Queen Street corner[\s\S]*Overdue \(was due/);
    await expectAccessible(page, 'the home page with a review due');
    await panel.getByRole('link', { name: 'MD-2025-0900' }).press('Enter');
    await page.getByRole('heading', { name: /Queen Street corner/, level: 1 }).waitFor();
    expect(await page.locator('dl').first().innerText()).toMatch(/Overdue \(was due/);
    await page.getByRole('heading', { name: 'Review the deployment' }).waitFor();
    await expectAccessible(page, 'a deployment overdue for review');

    // Reviewed today: still necessary, but no longer proportionate: no next review, it is to come down.
    await page.getByRole('group', { name: 'Is the camera still necessary?' }).getByLabel('Yes').focus();
    await page.keyboard.press('Space');
    await page.getByRole('group', { name: 'Is it still proportionate?' }).getByLabel('No').focus();
    await page.keyboard.press('Space');
    await page.getByText(/no longer necessary or proportionate must come down/).waitFor();
    expect(await page.getByLabel('Next review (optional)').count()).toBe(0);
    await page.getByLabel('Notes').focus();
    await page.keyboard.type('Tipping has moved on; the camera now mostly sees the flats opposite');
    await page.getByRole('button', { name: 'Record the review' }).press('Enter');
    await page.getByText('Review of MD-2025-0900 recorded.').waitFor();
    expect(await bannerHasFocus(page)).toBe(true);
    await page.locator('dl').first().getByText(/Take down: no longer necessary or proportionate/).waitFor();
    expect(await page.locator('main ol').last().innerText()).toMatch(/Reviewed:[\s\S]*Still necessary: yes\. Still proportionate: no\.[\s\S]*Tipping has moved on/);
    await expectAccessible(page, 'a deployment just reviewed');

    // Taken down: back in store, and the timeline ends its stay on Queen Street.
    await page.getByLabel('Why was it taken down?').focus();
    await page.keyboard.type('Moved to cover the market works');
    await page.getByRole('button', { name: 'Record the removal' }).press('Enter');
    await page.getByText('Camera M2 taken down from MD-2025-0900: back in store.').waitFor();
    expect(await bannerHasFocus(page)).toBe(true);
    expect(await page.locator('dl').first().innerText()).toMatch(/State\s+Removed/);
    await page.getByRole('heading', { name: 'Take the camera down' }).waitFor({ state: 'detached' });
    await expectAccessible(page, 'a deployment removed');
    await page.getByRole('link', { name: 'Mobile cameras' }).first().press('Enter');
    await page.getByRole('list', { name: 'Where each mobile camera is now' }).getByText(/M2\s+Redeployable two: in store/).waitFor();
    expect(await page.getByRole('table', { name: /Camera M2/ }).innerText()).toMatch(/Queen Street corner[\s\S]*\d+\/\d+\/\d{4}\s+\d+\/\d+\/\d{4}\s+15\d days/);
    await expectAccessible(page, 'the mobile cameras with M2 back in store');
  }, 120_000);
});
