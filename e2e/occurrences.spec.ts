import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import pg from 'pg';
import { expectAccessible, focused, newPage, tabTo, useProduct } from './helpers';

// The operator's working day in the occurrence log: keyboard only from opening an occurrence to
// handing over the shift, and another operator's entry appearing live.

const env = useProduct({
  users: [
    { username: 'amorgan', displayName: 'Alex Morgan', roles: ['operator'], password: 'lantern pebble orchard' },
    { username: 'bokafor', displayName: 'Bea Okafor', roles: ['operator'], password: 'cobalt thistle ferry' },
    { username: 'csmith', displayName: 'Chris Smith', roles: ['supervisor'], password: 'meadow copper lantern' },
  ],
  // Two cameras and a procedure with two required steps, straight into the database.
  setup: async (product) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      await client.query(
        `insert into cameras (reference, name, location_text, latitude, longitude) values
         ('CAM-01', 'Market Square', 'Market Square, north side', 52.1, -1.1),
         ('CAM-02', 'Station Road', 'Station Road by the bus stops', 52.2, -1.2)`,
      );
      await client.query(`insert into organisations (name, kind, is_external) values ('Staffordshire Police', 'police', true)`);
      await client.query(
        `with v as (insert into procedure_versions (category_id, version) select id, 1 from occurrence_categories where key = 'asb' returning id, category_id)
         insert into procedure_steps (version_id, category_id, position, text, is_required)
         select v.id, v.category_id, p.position, p.text, true from v, (values (1, 'Notify police'), (2, 'Start recording')) as p(position, text)`,
      );
    } finally {
      await client.end();
    }
  },
});

/** Signs in by keyboard: the username field has focus on the sign-in page's first Tab after the skip link. */
async function signInByKeyboard(page: Page, username: string, password: string) {
  await page.goto(`${env.product.url}/sign-in`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await tabTo(page, /^input#username:/);
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  await page.waitForTimeout(200); // focus returns to the top of the page after navigating
}

/** "23/11/2026 14:05", minutes ago, in London time, as an operator types it. */
/** Opens an occurrence through the form (mouse: these journeys are about what follows), on its page. */
async function openByForm(page: Page, summary: string, category: string) {
  await page.goto(`${env.product.url}/occurrences/new`);
  await page.getByLabel('What is happening').fill(summary);
  await page.getByLabel('Category').selectOption({ label: category });
  await page.getByRole('button', { name: 'Open occurrence' }).click();
  await page.waitForURL(/\/occurrences\/[0-9a-f-]{36}/);
}

function ukTime(minutesAgo: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() - minutesAgo * 60_000));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

describe('occurrence log', () => {
  it('keyboard only: opens an occurrence, logs, tells the police, marks footage, adds a camera, shares with the police, closes, hands over; another operator acknowledges, reads it and marks the carried-over action done', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signInByKeyboard(page, 'amorgan', 'lantern pebble orchard');

    // "n" from anywhere opens a new occurrence, with focus in the first field.
    await page.keyboard.press('n');
    await page.waitForURL(/\/occurrences\/new$/);
    await page.getByRole('heading', { name: 'New occurrence' }).waitFor();
    await page.getByLabel('CAM-01 Market Square').waitFor();
    await expectAccessible(page, 'new occurrence form');
    expect(await focused(page)).toMatch(/^input#summary:/);

    // Nothing but a summary: the error summary takes focus; what was typed stays.
    await page.keyboard.type('Two males fighting outside the Red Lion');
    await page.keyboard.press('Enter');
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('Choose a category').waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('#summary').inputValue()).toBe('Two males fighting outside the Red Lion');
    await expectAccessible(page, 'new occurrence form with errors');

    await tabTo(page, /^select#categoryId:/);
    await page.keyboard.type('Violence');
    expect(await page.locator('#categoryId').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)).toBe('Violence');
    await tabTo(page, /^input#locationText:/);
    await page.keyboard.type('High Street');
    await tabTo(page, /^input#cameraIds(-\d+)?:CAM-01/);
    await page.keyboard.press('Space');
    await tabTo(page, /^input#observedAt:/);
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/occurrences\/[0-9a-f-]{36}/);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.getByText(/OCC-\d{4}-\d{6}/).waitFor();
    const reference = /OCC-\d{4}-\d{6}/.exec((await heading.textContent())!)![0];
    await page.getByText('High Street').first().waitFor();
    await expectAccessible(page, 'new occurrence page');
    await page.waitForTimeout(200); // focus returns to the top of the page after navigating

    // Three entries: "e" reaches the entry box, Ctrl+Enter adds, and focus stays there for the next.
    await page.keyboard.press('e');
    for (const body of ['Male in red top punches male in grey coat', 'Both males walk off towards the station', 'Door staff speak to the male in grey']) {
      expect(await focused(page)).toMatch(/^textarea#entry-body:/);
      await page.keyboard.type(body);
      await page.keyboard.press('Control+Enter');
      await page.locator('.vigil-timeline').getByText(body).waitFor();
    }

    // A mistake in one form is cleared once another form succeeds, and a Communication does not
    // make the next entry a Communication too. The other actions open on demand.
    await tabTo(page, /^summary:Record who was told$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^input#notify-agencyReference:/);
    await page.keyboard.press('Enter'); // nobody chosen
    const notifyError = page.getByRole('alert').filter({ hasText: 'Choose who was told' });
    await notifyError.waitFor();
    await page.keyboard.press('e');
    expect(await focused(page)).toMatch(/^textarea#entry-body:/);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatch(/^input#entry-kind:Observation/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatch(/^input#entry-kind-3:Communication/);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Radio: door staff report the male has left');
    await page.keyboard.press('Control+Enter');
    await page.locator('.vigil-timeline').getByText('Radio: door staff report the male has left').waitFor();
    await notifyError.waitFor({ state: 'detached' });
    expect(await page.locator('#entry-kind').isChecked()).toBe(true);

    // Notify the police with their reference.
    await tabTo(page, /^input#notify-agency:Police/);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^input#notify-agencyReference:/);
    await page.keyboard.type('CAD 4411');
    await page.keyboard.press('Enter');
    const told = page.getByRole('table', { name: 'Who was told' });
    await told.getByRole('row', { name: /Police Told .* CAD 4411/ }).waitFor();
    expect(await told.getByRole('row', { name: /Ambulance/ }).textContent()).toContain('Not told');

    // Mark footage on the occurrence's camera.
    await tabTo(page, /^summary:Mark footage to keep$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^select#footage-cameraId:/);
    expect(await page.locator('#footage-cameraId').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)).toBe('CAM-01 Market Square');
    await page.keyboard.press('Tab');
    await page.keyboard.type(ukTime(10));
    await page.keyboard.press('Tab');
    await page.keyboard.type(ukTime(2));
    await page.keyboard.press('Enter');
    await page.locator('.vigil-timeline').getByText(/^\d+\. Footage marked$/).waitFor();
    await expectAccessible(page, 'occurrence with entries');

    // The man walks towards the station: add that camera.
    await tabTo(page, /^summary:Add a camera$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^select#cameras-cameraIds:/);
    await page.keyboard.press('ArrowDown'); // CAM-02, the one not yet on it
    await tabTo(page, /^button:Add camera/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('CAM-02 Station Road added.').waitFor();
    await page.getByText('CAM-01 Market Square, CAM-02 Station Road').waitFor();

    // Share it with the police, who see nothing of it until then.
    await tabTo(page, /^summary:Share with a partner$/);
    await page.keyboard.press('Enter');
    await page.getByText('Not shared with any partner.', { exact: false }).waitFor();
    await tabTo(page, /^select#share-organisationId:/);
    await page.keyboard.press('ArrowDown'); // the only partner
    await tabTo(page, /^button:Share occurrence/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Shared with Staffordshire Police.').waitFor();
    await page.getByRole('list', { name: 'Shared with' }).getByText(/^Staffordshire Police, shared /).waitFor();

    // Close with an outcome.
    await tabTo(page, /^summary:Close the occurrence$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^input#close-outcome(-\d+)?:/);
    await page.keyboard.press('ArrowDown'); // Detained
    await page.keyboard.press('ArrowUp'); // Arrest
    await tabTo(page, /^button:Close occurrence/);
    await page.keyboard.press('Enter');
    await heading.getByText('Closed: Arrest').waitFor();
    await page.getByRole('heading', { name: 'Reopen the occurrence' }).waitFor();
    await expectAccessible(page, 'closed occurrence');

    // To the list, then hand over with one action.
    await page.keyboard.press('g');
    await page.keyboard.press('o');
    await page.waitForURL(/\/occurrences$/);
    await page.getByRole('link', { name: reference }).waitFor();
    await expectAccessible(page, 'occurrences list');
    await page.waitForTimeout(200);
    await tabTo(page, /^a:Shift handover/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/occurrences\/handover$/);
    await page.getByRole('heading', { name: 'Hand over your shift' }).waitFor();
    await page.getByText('There are no open occurrences to hand over.').waitFor();
    await page.waitForTimeout(200);
    await tabTo(page, /^select#to:/);
    await page.keyboard.type('Bea');
    await tabTo(page, /^button:Add an action/);
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'New action 1' }).waitFor();
    await expect.poll(() => focused(page)).toMatch(/^input#action-1-text:/);
    await page.keyboard.type('Chase the police for the CAD update');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Bea');
    await page.keyboard.press('Tab');
    await page.keyboard.type('23:59');
    await tabTo(page, /^textarea#handover-notes:/);
    await page.keyboard.type('Quiet night after the Red Lion fight.');
    await tabTo(page, /^button:Hand over$/);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Handed over to Bea Okafor').waitFor();
    const mine = page.getByRole('table', { name: 'Recent handovers' }).getByRole('row', { name: /Alex Morgan/ });
    await mine.getByText('Waiting').waitFor();
    await expectAccessible(page, 'handover');
    await page.context().close();

    // The next operator acknowledges it.
    const next = await newPage(env.browser);
    await signInByKeyboard(next, 'bokafor', 'cobalt thistle ferry');
    await next.goto(`${env.product.url}/occurrences/handover`);
    await next.getByRole('heading', { name: 'Shift handover' }).waitFor();
    await next.getByRole('button', { name: /Acknowledge/ }).waitFor();
    await expectAccessible(next, 'handover for the next operator');
    await tabTo(next, /^button:Acknowledge/);
    await next.keyboard.press('Enter');
    await next.getByText('Handover from Alex Morgan acknowledged.').waitFor();
    await next.getByRole('table', { name: 'Recent handovers' }).getByRole('row', { name: /Alex Morgan/ }).getByText(/by Bea Okafor$/).waitFor();
    // She reads it in full: the notes, the action, who acknowledged.
    await tabTo(next, /^a:.*: handover from Alex Morgan$/);
    await next.keyboard.press('Enter');
    await next.getByRole('heading', { name: 'Handover from Alex Morgan' }).waitFor();
    await next.getByText('Quiet night after the Red Lion fight.').waitFor();
    await next.getByText(/^Chase the police for the CAD update – Bea Okafor, due/).waitFor();
    await next.getByText(/ by Bea Okafor$/).waitFor();
    await expectAccessible(next, 'handover in full');
    await tabTo(next, /^a:Shift handover$/);
    await next.keyboard.press('Enter');
    await next.getByRole('heading', { name: 'Shift handover' }).waitFor();

    // The action carried over until done; she does it and says so.
    await next.getByText(/Chase the police for the CAD update – Bea Okafor, due/).waitFor();
    await tabTo(next, /^button:Mark done: Chase the police/);
    await next.keyboard.press('Enter');
    await next.getByRole('status').getByText('Done: Chase the police for the CAD update.').waitFor();
    await next.getByText('No actions to pass on.').waitFor();
    await next.context().close();
  }, 240_000); // the longest journey in the suite, with an accessibility check at each page: a 2-core CI machine needs the time

  it('takes the point from a click on the map, or from coordinates typed beside it', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signInByKeyboard(page, 'bokafor', 'cobalt thistle ferry');
    await page.goto(`${env.product.url}/occurrences/new`);
    const canvas = page.locator('.vigil-map canvas');
    await canvas.waitFor();
    await expectAccessible(page, 'new occurrence form with the map');

    // The map opens on the cameras (CAM-01 at 52.1, -1.1 and CAM-02 at 52.2, -1.2): its centre is between them.
    // By keyboard: the centre of the map; clearing the fields clears the point.
    await page.getByRole('button', { name: 'Use the centre of the map' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => Number(await page.getByLabel('Latitude').inputValue())).toBeCloseTo(52.15, 2);
    await page.locator('.vigil-map .maplibregl-marker').waitFor();
    await page.getByLabel('Latitude').fill('');
    await page.getByLabel('Longitude').fill('');
    await page.locator('.vigil-map .maplibregl-marker').waitFor({ state: 'detached' });
    // By mouse: a click.
    await canvas.click(); // Playwright clicks the middle of the element
    await expect.poll(async () => Number(await page.getByLabel('Latitude').inputValue())).toBeCloseTo(52.15, 2);
    expect(Number(await page.getByLabel('Longitude').inputValue())).toBeCloseTo(-1.15, 2);
    await page.locator('.vigil-map .maplibregl-marker').waitFor(); // the point is shown

    // Half a point is refused, with what was typed kept.
    await page.getByLabel('Longitude').fill('');
    await page.getByLabel('What is happening').fill('Youths climbing on the bus shelter');
    await page.getByLabel('Category').selectOption({ label: 'Anti-social behaviour' });
    await page.getByRole('button', { name: 'Open occurrence' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: /Enter the longitude/ }).waitFor();
    expect(await page.getByLabel('What is happening').inputValue()).toBe('Youths climbing on the bus shelter');

    await page.getByLabel('Longitude').fill('-1.1532');
    await page.getByRole('button', { name: 'Open occurrence' }).click();
    await page.waitForURL(/\/occurrences\/[0-9a-f-]{36}/);
    const id = /occurrences\/([0-9a-f-]{36})/.exec(page.url())![1];
    const view = await page.evaluate(async (occurrenceId) => (await (await fetch(`/api/v1/occurrences/${occurrenceId}`)).json()).location, id);
    expect(view.longitude).toBe(-1.1532);
    expect(view.latitude).toBeCloseTo(52.15, 2);

    // Searching an area: a part of the town that holds this point and not the one at CAM-01.
    const reference = /OCC-\d{4}-\d{6}/.exec((await page.getByRole('heading', { level: 1 }).textContent())!)![0];
    // And one elsewhere: at CAM-01 (52.1, -1.1), through the API.
    await page.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/v1/auth/session')).json();
      const categories: Array<{ id: string; key: string }> = (await (await fetch('/api/v1/occurrence-categories')).json()).items;
      const r = await fetch('/api/v1/occurrences', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ source: 'camera_patrol', categoryId: categories.find((c) => c.key === 'asb')!.id, summary: 'Group drinking by the fountain', latitude: 52.1, longitude: -1.1 }),
      });
      if (r.status !== 201) throw new Error(`${r.status} ${await r.text()}`);
    });
    await page.goto(`${env.product.url}/occurrences`);
    await page.getByRole('table').getByRole('link', { name: reference, exact: true }).waitFor();
    expect(await page.getByRole('table').getByRole('row').count()).toBeGreaterThan(2); // a header and more than one occurrence
    await page.getByText('Limit to an area on the map').click();
    await page.locator('.vigil-map canvas').waitFor();
    await page.getByRole('button', { name: 'Use the area shown on the map' }).focus();
    await page.keyboard.press('Enter');
    const chosen = page.getByText(/^Area chosen: /);
    await chosen.waitFor();
    // The map opens on both cameras (the area holds CAM-01's point too); + zooms in on the middle,
    // where this occurrence's point is, and the arrow keys move the map. One step west (100 px)
    // keeps the point (-1.1532, west of the centre) inside however far the step has eased.
    const first = await chosen.textContent();
    await page.locator('.vigil-map canvas').focus();
    for (let i = 0; i < 5; i++) { await page.keyboard.press('+'); await page.waitForTimeout(400); }
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(800); // the map eases to its new place
    await page.getByRole('button', { name: 'Use the area shown on the map' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => chosen.textContent()).not.toBe(first);
    expect(await chosen.textContent()).toMatch(/^Area chosen: 52\.1\d+, -1\.1\d+ to 52\.1\d+, -1\.1\d+/);
    await expectAccessible(page, 'occurrence search with an area');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/area=52\.1[\d.]*%2C-1\.1/);
    await page.getByText(/^Searching the area 52\.1/).waitFor();
    await page.getByRole('table').getByRole('caption').getByText('1 occurrence').waitFor();
    await page.getByRole('table').getByRole('link', { name: reference, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Clear area' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^button#area-use:/);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((u) => !u.search.includes('area='));
    await page.getByText(/^No area chosen: occurrences anywhere/).waitFor();
    await page.context().close();
  });

  it('live: an entry typed by one operator appears on another operator’s page within a second', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const alex = await newPage(env.browser);
    const bea = await newPage(env.browser);
    await signInByKeyboard(alex, 'amorgan', 'lantern pebble orchard');
    await signInByKeyboard(bea, 'bokafor', 'cobalt thistle ferry');

    await openByForm(alex, 'Shoplifter leaving Boots', 'Theft / shoplifting');
    const url = alex.url().replace(/\?.*$/, '');

    // Bea opens the same occurrence; both pages have their live stream open.
    await bea.goto(url);
    await bea.getByText('Shoplifter leaving Boots').first().waitFor();
    await bea.locator('html[data-live="open"]').waitFor();
    await alex.locator('html[data-live="open"]').waitFor();

    await alex.getByLabel('What happened').fill('Male in blue hoodie runs towards the market');
    await alex.getByLabel('What happened').press('Control+Enter');
    await bea.locator('.vigil-timeline').getByText('Male in blue hoodie runs towards the market').waitFor({ timeout: 1000 });
    await expectAccessible(bea, 'occurrence seen live');
    await alex.context().close();
    await bea.context().close();
  });
  it('understands a time typed just after midnight as the evening before, and shows the date it understood', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signInByKeyboard(page, 'amorgan', 'lantern pebble orchard');
    await openByForm(page, 'Group shouting outside the taxi rank', 'Anti-social behaviour');
    // Ten past midnight on 16 July 2026 (BST) in the operator's browser.
    await page.clock.setFixedTime(new Date('2026-07-15T23:10:00Z'));
    await page.getByLabel('Time seen').fill('23:30');
    await page.getByText('Understood as 15 July 2026 at 23:30').waitFor();
    await page.getByLabel('Time seen').fill('00:05');
    await page.getByText('Understood as 16 July 2026 at 00:05').waitFor();
    await expectAccessible(page, 'occurrence with a time understood');
    await page.context().close();
  });

  it('follows the procedure: a step ticked becomes an entry; closing with a required step skipped needs a reason and alerts the supervisor', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signInByKeyboard(page, 'amorgan', 'lantern pebble orchard');
    await openByForm(page, 'Youths throwing bottles in the park', 'Anti-social behaviour');
    const reference = /OCC-\d{4}-\d{6}/.exec((await page.getByRole('heading', { level: 1 }).textContent())!)![0];

    await page.getByLabel('Start recording (required)').check();
    await page.locator('.vigil-timeline').getByText('Done: Start recording').waitFor();
    expect(await page.getByLabel('Start recording (required)').isDisabled()).toBe(true);

    await page.locator('summary', { hasText: 'Close the occurrence' }).click();
    await page.getByRole('group', { name: 'Outcome' }).getByLabel('Dispersed').check();
    await page.getByRole('button', { name: 'Close occurrence' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('Give a reason for closing without the required steps').waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.locator('form[aria-labelledby="close-title"] li').getByText('Notify police').waitFor();
    await expectAccessible(page, 'closing with a required step skipped');
    await page.getByLabel('Reason for closing without the required steps').fill('Police had no units; youths dispersed on their own');
    await page.getByRole('button', { name: 'Close occurrence' }).click();
    await page.getByRole('heading', { level: 1 }).getByText('Closed: Dispersed').waitFor();

    // A name goes in the personal-data store, shown only on request (and audited).
    await page.locator('summary', { hasText: 'Names and personal data' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Jordan Example');
    await page.getByRole('button', { name: 'Record personal data' }).click();
    await page.getByText('1 item is kept apart from the log.', { exact: false }).waitFor();
    expect(await page.getByText('Jordan Example').count()).toBe(0);
    await page.getByRole('button', { name: 'Show names (recorded in the audit trail)' }).click();
    await page.getByRole('table', { name: 'Personal data' }).getByText('Jordan Example').waitFor();
    await expectAccessible(page, 'closed occurrence with names shown');
    await page.context().close();

    const supervisor = await newPage(env.browser);
    await signInByKeyboard(supervisor, 'csmith', 'meadow copper lantern');
    const panel = supervisor.getByRole('region', { name: 'For the supervisor' });
    await panel.getByText(`${reference} was closed without: Notify police`).waitFor();
    await panel.getByRole('link', { name: `Open ${reference}` }).waitFor();
    await expectAccessible(supervisor, 'supervisor home with an alert');
    // The supervisor acknowledges it by keyboard: it leaves the panel, and the page says so.
    const acknowledge = panel.getByRole('button', { name: `Acknowledge alert: ${reference} was closed without: Notify police` });
    await acknowledge.focus();
    await supervisor.keyboard.press('Enter');
    await supervisor.getByRole('status').getByText(`Alert acknowledged: ${reference} was closed without: Notify police`).waitFor();
    await acknowledge.waitFor({ state: 'detached' });
    expect(await supervisor.getByRole('link', { name: `Open ${reference}` }).count()).toBe(0);

    // Search: the filters go in the address bar, and the CSV export carries them.
    await supervisor.goto(`${env.product.url}/occurrences`);
    await supervisor.getByLabel('Search', { exact: true }).fill('bottles');
    await supervisor.getByLabel('Status').selectOption({ label: 'Closed' });
    await supervisor.getByRole('button', { name: 'Search' }).click();
    await supervisor.waitForURL(/q=bottles/);
    expect(supervisor.url()).toContain('status=closed');
    await supervisor.getByRole('table').getByRole('caption').getByText('1 occurrence').waitFor();
    await supervisor.getByRole('table').getByRole('link', { name: reference, exact: true }).waitFor();
    const csv = await supervisor.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(csv).toBe('/api/v1/occurrences.csv?q=bottles&status=closed');
    await expectAccessible(supervisor, 'occurrence search');
    // Who opened it: Alex did, Chris did not.
    await supervisor.getByLabel('Opened by').selectOption({ label: 'Chris Smith' });
    await supervisor.getByRole('button', { name: 'Search' }).click();
    await supervisor.getByRole('table').getByRole('caption').getByText('0 occurrences').waitFor();
    await supervisor.getByLabel('Opened by').selectOption({ label: 'Alex Morgan' });
    await supervisor.getByRole('button', { name: 'Search' }).click();
    await supervisor.getByRole('table').getByRole('caption').getByText('1 occurrence').waitFor();
    expect(supervisor.url()).toMatch(/operatorId=[0-9a-f-]{36}/);
    await supervisor.context().close();
  });

  it('the camera pickers use the register: the nearest to the point first, with its distance, found by number, name or street', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signInByKeyboard(page, 'bokafor', 'cobalt thistle ferry');
    await page.keyboard.press('n');
    await page.getByRole('heading', { name: 'New occurrence' }).waitFor();
    const offered = () => page.locator('input[name="cameraIds"] + label').allInnerTexts();
    const hint = (reference: string) => page.locator(`.govuk-checkboxes__item:has(label:text-is("${reference}")) .govuk-hint`).innerText();
    // No point yet: by number.
    await expect.poll(offered).toEqual(['CAM-01 Market Square', 'CAM-02 Station Road']);
    expect(await hint('CAM-01 Market Square')).toBe('Market Square, north side');

    // A point at CAM-02 (52.2, -1.2): CAM-02 first, CAM-01 13 km away after it.
    await page.keyboard.type('Bus shelter glass smashed');
    await tabTo(page, /^input#latitude:/);
    await page.keyboard.type('52.2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('-1.2');
    await expect.poll(offered).toEqual(['CAM-02 Station Road', 'CAM-01 Market Square']);
    expect(await hint('CAM-02 Station Road')).toBe('Station Road by the bus stops, 0 m away');
    expect(await hint('CAM-01 Market Square')).toBe('Market Square, north side, 13 km away');
    await expectAccessible(page, 'the camera picker nearest first');

    // Found by street, by name, by number.
    await tabTo(page, /^input#cameraFilter:/);
    await page.keyboard.type('bus stops');
    await expect.poll(offered).toEqual(['CAM-02 Station Road']);
    for (const [typed, found] of [['market', 'CAM-01 Market Square'], ['cam-02', 'CAM-02 Station Road']]) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(typed);
      await expect.poll(offered).toEqual([found]);
    }

    // Opened at that point with no camera: adding one offers the nearest first, with its distance.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(offered).toHaveLength(2);
    await tabTo(page, /^select#categoryId:/);
    await page.keyboard.type('Criminal damage');
    await tabTo(page, /^button:Open occurrence/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/occurrences\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1 }).getByText(/OCC-\d{4}-\d{6}/).waitFor();
    await page.waitForTimeout(200); // focus returns to the top of the page after navigating
    await tabTo(page, /^summary:Add a camera$/);
    await page.keyboard.press('Enter');
    const choices = () => page.locator('#cameras-cameraIds option').allInnerTexts();
    await expect.poll(choices).toEqual(['Choose a camera', 'CAM-02 Station Road, 0 m away', 'CAM-01 Market Square, 13 km away']);
    await expectAccessible(page, 'adding a camera, nearest first');
    await tabTo(page, /^input#cameras-q:/);
    await page.keyboard.type('market');
    await expect.poll(choices).toEqual(['Choose a camera', 'CAM-01 Market Square, 13 km away']);
    await tabTo(page, /^select#cameras-cameraIds:/);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^button:Add camera/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('CAM-01 Market Square added.').waitFor();
    await expect.poll(choices).toEqual(['No camera matches ‘market’']);
    await page.context().close();
  }, 120_000);
});
