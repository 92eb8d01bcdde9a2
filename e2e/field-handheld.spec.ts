import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible, useProduct } from './helpers';

// The handheld app at a phone's width, offline. A patrol officer signs in on /handheld/ with signal:
// the device registers, gets its PCN block and data key, and caches the reference data; the service
// worker keeps the app. With the network cut, two PCNs, an FPN and a defect are issued and saved on
// the phone; the page is reloaded (the service worker serves it; the password unlocks the data);
// "4 waiting to sync" shows. The network comes back: the first sync's reply is lost after the server
// handled it (the route fetches it, then aborts), the app sends the same batch again, and the server
// answers "replayed" with the same references: each record was made once. axe on every screen.

const OFFICER = { username: 'hhpatrol', displayName: 'Tom Fielding', roles: ['patrol_officer' as const], password: 'copper meadow lantern' };
const env = useProduct({ users: [OFFICER] });

// A 1×1 JPEG.
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64');

interface Result { id: string; outcome: string; replayed: boolean; reference: string | null; problems: unknown[] }

async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser!.newContext({
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB', timezoneId: 'Europe/London',
    geolocation: { latitude: 51.7536, longitude: -0.3385, accuracy: 8 }, permissions: ['geolocation'], serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  // Time runs on, from an hour ago, so that fast-forwarding through an observation period leaves
  // the phone's clock behind the server's (which refuses notices issued in the future).
  await page.clock.install({ time: Date.now() - 60 * 60_000 });
  return { context, page };
}

const tile = (page: Page, name: string) => page.getByRole('link', { name, exact: true }).click();
const home = async (page: Page) => { await page.getByRole('link', { name: 'Back to home' }).click(); await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor(); };
const choose = async (page: Page, label: string, value: string) => { await page.getByLabel(label, { exact: true }).selectOption(value); };

async function issuePcn(page: Page, { area, code, vrm, observe }: { area: string; code: string; vrm: string; observe: number }) {
  await tile(page, 'Penalty charge notice (parking)');
  await page.getByRole('heading', { name: 'Penalty charge notice', level: 1 }).waitFor();
  await choose(page, 'Enforcement area', area);
  await choose(page, 'Contravention', code);
  if (observe > 0) {
    await page.getByRole('button', { name: 'Start observing' }).click();
    await page.getByRole('button', { name: 'Issue the PCN' }).click();
    await page.getByRole('link', { name: /The observation period has not ended/ }).waitFor();
    await page.clock.fastForward(observe * 60_000 + 1000);
    await page.getByText('Observation complete: you may issue').waitFor();
  }
  await page.getByLabel('Registration').fill(vrm);
  await page.getByLabel('Make (optional)').fill('Ford');
  await page.getByLabel('Colour (optional)').fill('Blue');
  await page.getByLabel('Street', { exact: true }).fill('High Street');
  await expect.poll(() => page.getByLabel('Latitude').inputValue()).toMatch(/^51\.75/);
  await page.locator('input[type=file]').setInputFiles({ name: 'vehicle.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  await page.getByRole('img', { name: 'Photo 1' }).waitFor();
  await page.getByLabel('Fixed to the vehicle').check();
  // With the pointer, after the form has shown its errors: nothing may have widened the page (a phone
  // zooms a wider page out, and the tap then lands beside the button).
  await page.getByRole('button', { name: 'Issue the PCN' }).click();
  const heading = page.getByRole('heading', { name: /^Penalty charge notice [A-Z]{2,3}\d{8}[0-9X]$/, level: 1 });
  await heading.waitFor();
  return (await heading.textContent())!.replace('Penalty charge notice ', '');
}

describe('the handheld app', () => {
  it('works offline: notices saved on the phone survive a reload and sync once each, even when a reply is lost', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const { context, page } = await phone();

    // Signed in with signal: the device is set up and the app kept by the service worker.
    await page.goto(`${url}/handheld/`);
    await page.getByRole('heading', { name: 'Sign in to the handheld', level: 1 }).waitFor();
    await expectAccessible(page, 'the handheld’s sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Enter your username' }).waitFor();
    await expectAccessible(page, 'the handheld’s sign-in with its errors');
    await page.getByLabel('Username').fill(OFFICER.username);
    await page.getByLabel('Password').fill(OFFICER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 }).toBe(true);
    await page.getByText('All synced').waitFor();
    await expectAccessible(page, 'the handheld’s home');

    const reference = await page.evaluate(async () => (await fetch('/api/v1/enforcement/pcns/reference')).json()) as {
      areas: { id: string }[]; codes: { code: string; level: string; observationMinutes: number; graceApplies: boolean }[];
    };
    const fpnReference = await page.evaluate(async () => (await fetch('/api/v1/enforcement/fpns/reference')).json()) as { offences: { code: string }[] };
    const reports = await page.evaluate(async () => (await fetch('/api/v1/field/reports/reference')).json()) as { defectCategories: { code: string }[] };
    expect(reference.areas.length, 'an enforcement area in the reference data').toBeGreaterThan(0);
    expect(fpnReference.offences.length, 'an FPN offence in the reference data').toBeGreaterThan(0);
    expect(reports.defectCategories.length, 'a defect category in the reference data').toBeGreaterThan(0);
    const area = reference.areas[0].id;
    const instant = reference.codes.find((c) => c.observationMinutes === 0 && !c.graceApplies);
    const observed = reference.codes.find((c) => c.graceApplies) ?? reference.codes[0];
    const minutes = (c: typeof observed) => c.observationMinutes + (c.graceApplies ? 10 : 0);

    // No signal.
    await context.setOffline(true);
    await page.getByText('No signal', { exact: true }).waitFor();

    const first = await issuePcn(page, { area, code: observed.code, vrm: 'AB12 CDE', observe: minutes(observed) });
    await page.getByText('Saved on this phone, waiting to sync').waitFor();
    await expectAccessible(page, 'the PCN as issued');
    await page.getByRole('button', { name: 'Issue another PCN' }).click();
    await page.getByRole('heading', { name: 'Penalty charge notice', level: 1 }).waitFor();
    await expectAccessible(page, 'the PCN form');
    await home(page);
    const second = await issuePcn(page, { area, code: (instant ?? observed).code, vrm: 'XY70 ZZZ', observe: instant ? 0 : minutes(observed) });
    expect(second).not.toBe(first);
    await home(page);

    await tile(page, 'Fixed penalty notice');
    await page.getByRole('heading', { name: 'Fixed penalty notice', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Issue the fixed penalty notice' }).click();
    await page.getByRole('link', { name: /Name: Enter the offender’s name/ }).waitFor();
    await expectAccessible(page, 'the FPN form with its errors');
    await choose(page, 'Offence', fpnReference.offences[0].code);
    await page.getByLabel('Name', { exact: true }).fill('Sam Walker');
    await page.getByLabel('Address', { exact: true }).fill('14 Canal Street, Hatfield');
    await page.getByLabel('Date of birth').fill('2011-05-01');
    await page.getByLabel('Parent or guardian present').waitFor(); // under 18: the guardian's field appears
    await page.getByLabel('Date of birth').fill('1990-05-01');
    await expect.poll(() => page.getByLabel('Parent or guardian present').count()).toBe(0);
    await page.getByLabel('Place', { exact: true }).fill('Town Park, by the bandstand');
    await page.getByLabel('What happened').fill('Dropped a drinks can and walked away.');
    await page.getByLabel('Body-worn video reference (optional)').fill('BWV-7781');
    await page.getByRole('button', { name: 'Issue the fixed penalty notice' }).click();
    await page.getByRole('heading', { name: 'Fixed penalty notice issued' }).waitFor();
    await expectAccessible(page, 'the FPN as issued');
    await home(page);

    await tile(page, 'Defect on council land');
    await page.getByRole('heading', { name: 'Defect on council land', level: 1 }).waitFor();
    await choose(page, 'Kind of defect', reports.defectCategories[0].code);
    await page.getByLabel('Description').fill('Broken bench slats by the play area.');
    await page.getByRole('button', { name: 'Report the defect' }).click();
    await page.getByRole('heading', { name: 'Defect saved' }).waitFor();
    await expectAccessible(page, 'the defect form');
    for (const [name, title] of [['Anti-social behaviour', 'Anti-social behaviour'], ['Car-park machine inspection', 'Car-park machine inspection'], ['Notebook', 'Notebook']] as const) {
      await home(page);
      await tile(page, name);
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await expectAccessible(page, `the ${title} screen`);
    }
    await page.getByRole('link', { name: '4 waiting to sync' }).click();
    await page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();
    await expectAccessible(page, 'the sync queue, offline');

    // The phone restarts the app, still with no signal: the service worker serves it; the password unlocks it.
    await page.reload();
    await page.getByRole('heading', { name: 'Unlock the handheld', level: 1 }).waitFor();
    await expectAccessible(page, 'the unlock screen');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('link', { name: 'The password is not right' }).waitFor();
    await page.getByLabel('Password').fill(OFFICER.password);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('link', { name: '4 waiting to sync' }).waitFor();

    // Signal again. The first sync reaches the server, and its reply is lost on the way back.
    const replies: Result[][] = [];
    let lost = false;
    await context.route('**/api/v1/field/sync', async (route) => {
      const response = await route.fetch();
      const body = await response.json() as { results: Result[] };
      replies.push(body.results);
      if (!lost) { lost = true; await route.abort('connectionreset'); return; }
      await route.fulfill({ response, json: body });
    });
    await context.setOffline(false);
    await expect.poll(() => lost, { timeout: 30_000 }).toBe(true);
    await page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();
    await expect.poll(async () => {
      if (await page.getByText('Nothing waiting to sync.').count()) return 'synced';
      const button = page.getByRole('button', { name: 'Sync now' });
      if (await button.isEnabled().catch(() => false)) await button.click().catch(() => undefined);
      return 'waiting';
    }, { timeout: 60_000, interval: 2000 }).toBe('synced');
    await page.getByText('All synced').waitFor();
    await expectAccessible(page, 'the sync queue, synced');

    expect(replies.length).toBeGreaterThanOrEqual(2);
    const [handled, retried] = replies;
    expect(handled).toHaveLength(4);
    expect(handled.every((r) => r.outcome === 'accepted' && !r.replayed), JSON.stringify(handled)).toBe(true);
    // The same batch again: the server had every record, and answers as it did.
    expect(retried.map((r) => r.id).sort()).toEqual(handled.map((r) => r.id).sort());
    expect(retried.every((r) => r.outcome === 'accepted' && r.replayed)).toBe(true);
    const byId = new Map(handled.map((r) => [r.id, r.reference]));
    for (const r of retried) expect(r.reference).toBe(byId.get(r.id));
    const references = handled.map((r) => r.reference);
    expect(references).toContain(first);
    expect(references).toContain(second);
    expect(new Set(references).size).toBe(4);
    await context.unroute('**/api/v1/field/sync');

    // A patrol, online: started, a check-in, a note with a photo, ended.
    await page.getByRole('link', { name: 'Back to home' }).click();
    await page.getByLabel('Beat').fill('Town centre');
    await page.getByLabel('Task').fill('Parking enforcement, High Street');
    await page.getByLabel('Expected end').fill('23:59');
    await page.getByRole('button', { name: 'Start the patrol' }).click();
    await page.getByRole('heading', { name: 'On patrol: Town centre' }).waitFor();
    await page.getByRole('button', { name: 'Check in' }).click();
    await page.getByRole('heading', { name: 'Checked in' }).waitFor();
    await page.getByLabel('Note', { exact: true }).fill('Quiet; two bins overflowing at the bus station.');
    await page.locator('input[type=file]').setInputFiles({ name: 'bins.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page.getByRole('button', { name: 'Save the note' }).click();
    await page.getByRole('heading', { name: 'Note saved' }).waitFor();
    await expectAccessible(page, 'the home screen on patrol');
    await page.getByRole('button', { name: 'End the patrol' }).click();
    await page.getByRole('heading', { name: 'Start a patrol' }).waitFor();
    await page.getByRole('link', { name: 'All synced' }).waitFor({ timeout: 30_000 });
    await context.close();
  });
});
