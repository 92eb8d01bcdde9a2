import { describe, expect, it } from 'vitest';
import { londonDay, londonDayAfter, londonWallClock } from '../src/domain/calendar/london';
import { apiPost, expectAccessible, signedInPage, useProduct } from './helpers';

// The control room's viewing diary: a coordinator records a viewing request and books the room for
// tomorrow at 10:00; an operator (requests.viewings, no requests.read) finds it in the diary under
// tomorrow's date and records it as viewed, the page asking nothing it is refused. axe on the diary.

const COORDINATOR = { username: 'viewcoord', displayName: 'Casey Coordinator', roles: ['coordinator' as const], password: 'harbour violet compass' };
const OPERATOR = { username: 'viewop', displayName: 'Olly Operator', roles: ['operator' as const], password: 'lantern pebble orchard' };
const env = useProduct({ users: [COORDINATOR, OPERATOR] });

describe('the viewing diary', () => {
  it('shows the operator a booked viewing by day, and records it as viewed', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const tomorrow = londonDay(londonDayAfter(londonDay())!);
    const coordinator = await signedInPage(env.browser, url, COORDINATOR);
    const request = await apiPost(coordinator, '/api/v1/requests', {
      type: 'viewing', receivedOn: londonDay(), channel: 'phone', requester: { name: 'Pat Solicitor', organisation: 'Lane & Co' },
      summary: 'To view footage of the collision on Market Street', place: 'Market Street',
    }) as { id: string; reference: string };
    await apiPost(coordinator, `/api/v1/requests/${request.id}/viewings`, {
      startsAt: londonWallClock(tomorrow, { hour: 10 })!.toISOString(), endsAt: londonWallClock(tomorrow, { hour: 11 })!.toISOString(),
      room: 'Control room', viewerName: 'Pat Solicitor', viewerOrganisation: 'Lane & Co',
    });

    const page = await signedInPage(env.browser, url, OPERATOR);
    const refused: string[] = [];
    page.on('response', (r) => { if (r.url().includes('/api/') && r.status() === 403) refused.push(r.url()); });
    await page.goto(`${url}/requests/viewings`);
    await page.getByRole('heading', { name: 'Viewings', level: 1 }).waitFor();
    const day = page.locator('section', { has: page.getByRole('heading', { level: 2 }) }).filter({ hasText: request.reference });
    await day.getByRole('heading', { name: '10:00 to 11:00, Control room', level: 3 }).waitFor();
    expect(await day.getByRole('heading', { level: 2 }).textContent()).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    // The operator cannot open the request itself: its reference is text, not a link.
    expect(await day.getByRole('link', { name: request.reference }).count()).toBe(0);
    await expectAccessible(page, 'the viewing diary');

    await page.getByText(/Record how the viewing at 10:00 went/).click();
    await page.getByRole('button', { name: 'Record' }).click();
    await page.getByRole('link', { name: 'Choose viewed, cancelled or did not attend' }).waitFor();
    await expectAccessible(page, 'the record form with its errors');
    await page.getByLabel('Viewed', { exact: true }).check();
    await page.getByLabel('What was viewed').fill('Camera C12, 14:00 to 14:20 on the day of the collision');
    await page.getByLabel('What was copied (optional)').fill('Nothing copied');
    await page.getByRole('button', { name: 'Record' }).click();
    await day.getByText('Recorded by Olly Operator', { exact: false }).waitFor();
    expect(await day.getByText('Camera C12, 14:00 to 14:20').count()).toBe(1);
    expect(refused).toEqual([]);
  }, 180_000);
});
