import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, typeInto, useProduct } from './helpers';
import { formatUkDay, londonDay } from '../src/domain/calendar/london';

// Connectivity lines in the browser: a coordinator records a line whose contract ends within 90
// days (flagged), links a camera from the register, raises a line fault and sees the camera marked
// faulty on the line's page, then clears it and sees the camera operational again. axe on every page.

const COORDINATOR = { username: 'lcoord', displayName: 'Lee Coordinator', roles: ['coordinator' as const], password: 'harbour thistle amber' };
const OPERATOR = { username: 'loper', displayName: 'Lou Operator', roles: ['operator' as const], password: 'willow granite lantern' };
const env = useProduct({
  users: [COORDINATOR, OPERATOR],
  setup: async (product) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      await client.query(
        `insert into cameras (reference, name, location_text, latitude, longitude, kind, status, purpose, change_reason)
         values ('C101', 'Market Square north', 'Market Square', 52.8031, -1.6370, 'fixed', 'operational', 'Town centre safety', 'registered')`,
      );
    } finally {
      await client.end();
    }
  },
});

describe('connectivity lines', () => {
  it('are recorded, serve a camera, and a line fault marks the camera faulty until it is cleared', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const page = await newPage(env.browser);
    await signIn(page, { url, username: COORDINATOR.username, password: COORDINATOR.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.goto(`${url}/maintenance/lines`);
    await page.getByRole('heading', { name: 'Connectivity lines', level: 1 }).waitFor();
    await page.getByText('No lines have been recorded yet.').waitFor();
    await expectAccessible(page, 'the connectivity lines (empty)');

    // A fibre line whose contract ends in 30 days; a cost that is not an amount is refused first, what was typed kept.
    const endsOn = formatUkDay(londonDay(new Date(Date.now() + 30 * 86_400_000)));
    await typeInto(page, page.locator('#line-reference'), 'LINE-TOWN-01');
    await typeInto(page, page.locator('#line-provider'), 'Openreach');
    await page.locator('#line-kind').selectOption({ label: 'Fibre' });
    await typeInto(page, page.locator('#line-circuitId'), 'OR-778899');
    await typeInto(page, page.locator('#line-monthlyCostPence'), 'forty five');
    await typeInto(page, page.locator('#line-contractEndsOn'), endsOn);
    await page.getByRole('button', { name: 'Record the line' }).press('Enter');
    await page.getByRole('link', { name: 'Enter the monthly cost in pounds, for example 45.00' }).waitFor();
    expect(await page.locator('#line-circuitId').inputValue()).toBe('OR-778899');
    await expectAccessible(page, 'the line refused');
    await typeInto(page, page.locator('#line-monthlyCostPence'), '1,045.50');
    await page.getByRole('button', { name: 'Record the line' }).press('Enter');

    // Its page: the contract end flagged.
    await page.getByRole('heading', { name: 'LINE-TOWN-01', level: 1 }).waitFor();
    await page.getByText('£1,045.50').waitFor();
    await page.getByText('Ending within 90 days').waitFor();
    await page.getByText('No camera is linked to this line.').waitFor();
    await expectAccessible(page, 'the line');

    // A camera from the register linked.
    await page.getByLabel('Camera', { exact: true }).selectOption({ label: 'C101 Market Square north' });
    await page.getByRole('button', { name: 'Link the camera' }).press('Enter');
    await page.getByText('Camera C101 linked to line LINE-TOWN-01.').waitFor();
    const camera = page.getByRole('row', { name: /C101/ });
    await camera.getByText('Operational').waitFor();

    // The line's fault marks it faulty.
    await typeInto(page, page.getByLabel('What is wrong with the line'), 'No light on the fibre since 06:00; provider ticket 55123');
    await page.getByRole('button', { name: 'Raise the line fault' }).press('Enter');
    await page.getByText('Line fault raised on LINE-TOWN-01: 1 camera marked faulty.').waitFor();
    await camera.getByText('Faulty').waitFor();
    await page.getByRole('heading', { name: /LINE-TOWN-01\s+Line fault/, level: 1 }).waitFor();
    await expectAccessible(page, 'the line with its fault');

    // The list shows the open fault and the camera count.
    await page.getByRole('link', { name: 'Connectivity lines' }).first().click();
    await page.getByRole('heading', { name: 'Connectivity lines', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /LINE-TOWN-01/ });
    await row.getByText('Line fault').waitFor();
    await row.getByText('Ending within 90 days').waitFor();
    await page.getByText('1 line has an open fault.').waitFor();
    await expectAccessible(page, 'the connectivity lines');

    // Cleared: the camera is operational again.
    await row.getByRole('link', { name: 'LINE-TOWN-01' }).click();
    await page.getByRole('heading', { name: 'Clear the line fault' }).waitFor();
    await typeInto(page, page.getByLabel('Note (optional)'), 'Provider replaced the splice');
    await page.getByRole('button', { name: 'Clear the line fault' }).press('Enter');
    await page.getByText('Line fault on LINE-TOWN-01 cleared: 1 camera back to operational.').waitFor();
    await page.getByRole('row', { name: /C101/ }).getByText('Operational').waitFor();
    await page.getByText(/Cleared .* by Lee Coordinator: Provider replaced the splice/).waitFor();
    await expectAccessible(page, 'the line after clearing its fault');

    // The control room reads the line but is offered none of the coordinator's forms.
    const operator = await newPage(env.browser);
    await signIn(operator, { url, username: OPERATOR.username, password: OPERATOR.password });
    await operator.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await operator.goto(page.url());
    await operator.getByRole('heading', { name: 'LINE-TOWN-01', level: 1 }).waitFor();
    await operator.getByRole('row', { name: /C101/ }).waitFor();
    for (const name of ['Link the camera', 'Raise the line fault', 'Save the changes']) expect(await operator.getByRole('button', { name }).count()).toBe(0);
    expect(await operator.getByRole('button', { name: /^Unlink/ }).count()).toBe(0);
    await operator.goto(`${url}/maintenance/lines`);
    await operator.getByRole('row', { name: /LINE-TOWN-01/ }).waitFor();
    expect(await operator.getByRole('button', { name: 'Record the line' }).count()).toBe(0);
  });
});
