import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useProduct } from './helpers';

// The handheld app as a screen-reader user meets it, at a phone's width (issue 14: "the app usable
// with a screen reader's order of elements"). On every screen the accessibility tree is read in
// order (Playwright's ARIA snapshot) and held to a list written out by hand: the one h1 first in
// main content, each field by its label in the form's order, the error summary (an alert) before
// the fields with its links in their order, a saved record's status message, the button after the
// fields it submits. On each screen too: nothing visible is left out of the tree, every field has a
// label of its own, an invalid field is described by its error, no positive tabindex, nothing wider
// than the phone (a wider page is zoomed out and a tap lands beside its button), and pressing Tab
// from the top of the page meets the controls in the order they are read.

const OFFICER = { username: 'hhreader', displayName: 'Rita Reader', roles: ['patrol_officer' as const], password: 'amber harbour lantern' };
const env = useProduct({ users: [OFFICER] });

// A 1×1 JPEG.
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64');
const WIDTH = 390;

interface Node { role: string; name: string; level?: number; attrs: string[] }

/** An ARIA snapshot as a flat list of nodes, in reading order (YAML's quoting undone). */
function nodes(snapshot: string): Node[] {
  const out: Node[] = [];
  for (const raw of snapshot.split('\n')) {
    let line = raw.trim().replace(/^- /, '');
    if (/^'.*':?$/.test(line)) line = line.replace(/^'/, '').replace(/':?$/, '').replace(/''/g, "'");
    const m = /^([a-z]+)(?: "((?:[^"\\]|\\.)*)")?((?: \[[^\]]+\])*)(?::|$)/.exec(line);
    if (!m || m[1] === 'text' || line.startsWith('/')) continue;
    const attrs = [...(m[3] ?? '').matchAll(/\[([^\]]+)\]/g)].map((a) => a[1]);
    const level = attrs.find((a) => a.startsWith('level='));
    out.push({ role: m[1], name: (m[2] ?? '').replace(/\\(.)/g, '$1'), level: level ? Number(level.slice(6)) : undefined, attrs });
  }
  return out;
}

// What a reading-order list names: landmarks and regions, headings, messages, controls.
const SHOWN = new Set(['banner', 'main', 'navigation', 'region', 'group', 'alert', 'status', 'timer', 'heading', 'img', 'link', 'button', 'textbox', 'combobox', 'radio', 'checkbox']);
const CONTROLS = new Set(['link', 'button', 'textbox', 'combobox', 'radio', 'checkbox']);
const show = (n: Node) => (n.role === 'heading' ? `h${n.level} ${n.name}` : `${n.role}${n.name ? ` ${n.name}` : ''}`);

const outline = async (where: Locator) => nodes(await where.ariaSnapshot()).filter((n) => SHOWN.has(n.role)).map(show);

/** The controls Tab should stop at, in reading order: one radio per group (the checked one, else the first), nothing disabled. */
function tabStops(all: Node[]): string[] {
  const stops: string[] = [];
  let radios: Node[] = [];
  const endGroup = () => { if (radios.length) stops.push(show(radios.find((r) => r.attrs.includes('checked')) ?? radios[0])); radios = []; };
  for (const n of all) {
    if (n.role === 'radio') { radios.push(n); continue; }
    if (n.role === 'option') continue;
    endGroup();
    if (CONTROLS.has(n.role) && !n.attrs.includes('disabled')) stops.push(show(n));
  }
  endGroup();
  return stops;
}

/** Presses Tab from the top of the page until focus leaves it, and names each control met as the tree does. */
async function tabOrder(page: Page): Promise<string[]> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.click(2, 2); // the top of the page: where sequential focus navigation starts
  const met: string[] = [];
  for (let i = 0; i < 100; i++) {
    await page.keyboard.press('Tab');
    // A date field takes a Tab for each of its parts: one control all the same.
    const moved = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'left';
      const last = document.querySelector('[data-tab-probe]');
      if (last === el) return 'same';
      last?.removeAttribute('data-tab-probe');
      el.setAttribute('data-tab-probe', '');
      return 'moved';
    });
    if (moved === 'left') break;
    if (moved === 'same') continue;
    const [first] = nodes(await page.locator('[data-tab-probe]').ariaSnapshot());
    const name = first ? show(first) : '(not in the tree)';
    if (met.length && name === met[0]) break;
    met.push(name);
  }
  await page.evaluate(() => document.querySelector('[data-tab-probe]')?.removeAttribute('data-tab-probe'));
  return met;
}

/** What the page does that no list of names shows: checked in the DOM. */
const domProblems = (page: Page) => page.evaluate((width) => {
  const problems: string[] = [];
  const visible = (el: Element) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true }); };
  const what = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
  for (const el of document.querySelectorAll('[tabindex]')) if (Number(el.getAttribute('tabindex')) > 0) problems.push(`positive tabindex on ${what(el)}`);
  for (const el of document.querySelectorAll('[aria-hidden="true"], [role="presentation"], [role="none"]')) if (visible(el) && (el.textContent ?? '').trim()) problems.push(`visible but hidden from the tree: ${what(el)}`);
  for (const el of document.querySelectorAll<HTMLInputElement>('input, select, textarea')) {
    if (el.type === 'hidden') continue;
    if (!el.labels?.length || ![...el.labels].some((l) => (l.textContent ?? '').trim())) problems.push(`no label of its own: ${what(el)}`);
    if (el.getAttribute('aria-invalid') === 'true') {
      const described = (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      if (!/Error:/.test(described)) problems.push(`invalid but not described by its error: ${what(el)}`);
    }
  }
  // An error summary links to its fields in their order on the screen.
  const targets = [...document.querySelectorAll('[role="alert"] a[href^="#"]')].map((a) => document.getElementById(a.getAttribute('href')!.slice(1)));
  if (targets.some((t) => !t)) problems.push('an error summary link to nothing');
  for (let i = 1; i < targets.length; i++) {
    if (targets[i - 1] && targets[i] && !(targets[i - 1]!.compareDocumentPosition(targets[i]!) & Node.DOCUMENT_POSITION_FOLLOWING)) problems.push(`error summary out of the fields' order at ${what(targets[i]!)}`);
  }
  if (document.documentElement.scrollWidth > width) {
    const wide = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 0.5 || el.scrollWidth > el.clientWidth + 1).map(what);
    problems.push(`wider than the phone (${document.documentElement.scrollWidth} px): ${wide.slice(-3).join(', ')}`);
  }
  return problems;
}, WIDTH);

/** Visible text that the tree leaves out (every visible text node must be read somewhere). */
async function unread(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement!;
      const text = (t.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!text || el.closest('select, script, style, noscript') || !el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) out.push(text);
    }
    return out;
  });
  const flat = (s: string) => s.replace(/["'\\]/g, '').replace(/\s+/g, ' ');
  const tree = flat(await page.locator('body').ariaSnapshot());
  return texts.filter((t) => !tree.includes(flat(t)));
}

/**
 * The screen as read: the one h1, first in main and naming the screen; main's outline as listed; and
 * the checks that hold on every screen, Tab order included.
 */
async function expectReadable(page: Page, title: string, main: string[]) {
  await page.getByRole('heading', { name: title, level: 1, exact: true }).waitFor();
  const all = nodes(await page.locator('body').ariaSnapshot());
  expect(all.filter((n) => n.role === 'heading' && n.level === 1).map((n) => n.name), `${title}: one h1`).toEqual([title]);
  expect(await outline(page.getByRole('main')), `${title}: main content in reading order`).toEqual(['main', `h1 ${title}`, ...main]);
  expect(all.filter((n) => CONTROLS.has(n.role) && !n.name).map(show), `${title}: controls without a name`).toEqual([]);
  expect(await domProblems(page), `${title}: problems`).toEqual([]);
  expect(await unread(page), `${title}: visible text missing from the tree`).toEqual([]);
  expect(await tabOrder(page), `${title}: Tab order is reading order`).toEqual(tabStops(all));
}

const BANNER = ['link Skip to main content', /* the sync state */ 'link All synced'];
const POINT = ['group Where', 'textbox Latitude', 'textbox Longitude', 'button Use my location'];
/** A line of an outline that varies (a time, a date): matched, not spelled out. */
const matching = (re: RegExp) => expect.stringMatching(re) as unknown as string;
const summary = (...links: (string | RegExp)[]) => ['alert There is a problem', 'h2 There is a problem', ...links.map((l) => (typeof l === 'string' ? `link ${l}` : matching(new RegExp(`^link ${l.source}`))))];
const RECORD_TILES = ['Penalty charge notice (parking)', 'Fixed penalty notice', 'Notebook', 'Defect on council land', 'Anti-social behaviour', 'Car-park machine inspection', 'Waiting to sync and sent'].map((t) => `link ${t}`);

async function open(page: Page, tile: string, title: string) {
  await page.getByRole('link', { name: 'Back to home' }).click();
  await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
  await page.getByRole('link', { name: tile, exact: true }).click();
  await page.getByRole('heading', { name: title, level: 1, exact: true }).waitFor();
}
const submit = async (page: Page, button: string) => { await page.getByRole('button', { name: button }).click(); await page.getByRole('alert').waitFor(); };

describe('the handheld app read in order', () => {
  it('reads every screen at a phone’s width in the order a screen reader meets it, and Tab follows that order', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const context = await env.browser.newContext({
      viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB', timezoneId: 'Europe/London',
      geolocation: { latitude: 51.7536, longitude: -0.3385, accuracy: 8 }, permissions: ['geolocation'],
    });
    const page = await context.newPage();
    // An hour behind the server, so that an observation period fast-forwarded stays in the past.
    await page.clock.install({ time: Date.now() - 60 * 60_000 });

    // Sign-in, empty and then with its errors.
    await page.goto(`${env.product.url}/handheld/`);
    await expectReadable(page, 'Sign in to the handheld', ['textbox Username', 'textbox Password', 'button Sign in']);
    await submit(page, 'Sign in');
    await expectReadable(page, 'Sign in to the handheld', [...summary('Enter your username', 'Enter your password'), 'textbox Username', 'textbox Password', 'button Sign in']);
    await page.getByLabel('Username').fill(OFFICER.username);
    await page.getByLabel('Password').fill(OFFICER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'All synced', exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 }).toBe(true); // for the restart, offline
    expect(await outline(page.getByRole('banner'))).toEqual(['banner', ...BANNER]);
    const reference = await page.evaluate(async () => (await fetch('/api/v1/enforcement/pcns/reference')).json()) as {
      areas: { id: string }[]; codes: { code: string; observationMinutes: number; graceApplies: boolean }[];
    };
    // No signal while the forms are read, so that no sync changes the header between reading it and tabbing through it.
    await context.setOffline(true);
    await page.getByText('No signal', { exact: true }).waitFor();

    // Home, with the patrol's start form; its errors; signing out asks first.
    const startForm = ['textbox Beat', 'textbox Task', 'combobox Parish or town council contract (optional)', 'textbox Expected end', 'textbox Check in every (minutes)', 'button Start the patrol'];
    const homeRest = ['h2 Record', ...RECORD_TILES, 'h2 This phone'];
    await expectReadable(page, 'Home', ['region Start a patrol', 'h2 Start a patrol', ...startForm, ...homeRest, 'button Sign out']);
    await page.getByLabel('Check in every (minutes)').fill('');
    await submit(page, 'Start the patrol');
    await expectReadable(page, 'Home', ['region Start a patrol', 'h2 Start a patrol',
      ...summary('Enter the beat', 'Enter the task', 'Enter the expected end as a time, such as 17:30', 'Check in at least every 5 minutes'), ...startForm, ...homeRest, 'button Sign out']);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectReadable(page, 'Home', ['region Start a patrol', 'h2 Start a patrol',
      ...summary('Enter the beat', 'Enter the task', 'Enter the expected end as a time, such as 17:30', 'Check in at least every 5 minutes'), ...startForm, ...homeRest,
      'alert', 'button Sign out and wipe this phone', 'button Cancel']);
    await page.getByRole('button', { name: 'Cancel' }).click();

    // The PCN: empty, with its errors; then observing, with a photo; then issued, pressed with the pointer.
    const observed = reference.codes.find((c) => c.graceApplies) ?? reference.codes.find((c) => c.observationMinutes > 0)!;
    await page.getByRole('link', { name: 'Penalty charge notice (parking)' }).click();
    const vehicle = ['h2 Vehicle', 'textbox Registration', 'textbox Make (optional)', 'textbox Model (optional)', 'textbox Colour (optional)', 'textbox Permit, ticket or badge seen (optional)'];
    const place = ['h2 Place', 'textbox Street', 'textbox Exact place (optional)', ...POINT];
    const served = ['group How it was served', 'radio Fixed to the vehicle', 'radio Handed to the driver', 'radio Drove away before it could be served (a notice goes by post)'];
    await expectReadable(page, 'Penalty charge notice', ['combobox Enforcement area', 'combobox Contravention', ...vehicle, ...place, 'button Photos (optional)', ...served, 'textbox Notes (optional)', 'button Issue the PCN']);
    await submit(page, 'Issue the PCN');
    await expectReadable(page, 'Penalty charge notice', [
      ...summary('Enforcement area: Choose the enforcement area', 'Contravention: Choose the contravention', 'Registration: Enter the registration: letters and numbers only', 'Street: Enter the street', 'How it was served: Choose how the PCN was served'),
      'combobox Enforcement area', 'combobox Contravention', ...vehicle, ...place, 'button Photos (optional)', ...served, 'textbox Notes (optional)', 'button Issue the PCN']);
    await page.getByLabel('Enforcement area', { exact: true }).selectOption(reference.areas[0].id);
    await page.getByLabel('Contravention', { exact: true }).selectOption(observed.code);
    await page.getByRole('button', { name: 'Start observing' }).click();
    await page.getByLabel('Registration').fill('AB12 CDE');
    await page.getByLabel('Street', { exact: true }).fill('High Street');
    await page.locator('input[type=file]').setInputFiles({ name: 'vehicle.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page.getByRole('img', { name: 'Photo 1' }).waitFor();
    await page.getByLabel('Handed to the driver').check();
    await page.getByRole('button', { name: 'Issue the PCN' }).click();
    await page.getByRole('link', { name: /The observation period has not ended/ }).waitFor();
    await expectReadable(page, 'Penalty charge notice', [
      ...summary(/Observation: The observation period has not ended: \d+:\d\d left$/),
      'combobox Enforcement area', 'combobox Contravention', 'h2 Observation', 'timer Observation',
      ...vehicle, ...place, 'button Photos (optional)', 'img Photo 1', 'button Remove photo 1', ...served, 'textbox Notes (optional)', 'button Issue the PCN']);
    await page.clock.fastForward((observed.observationMinutes + (observed.graceApplies ? 10 : 0)) * 60_000 + 1000);
    await page.getByText('Observation complete: you may issue').waitFor();
    await page.getByRole('button', { name: 'Issue the PCN' }).click(); // with the pointer: nothing moves it or covers it
    const issued = page.getByRole('heading', { name: /^Penalty charge notice [A-Z]{2,3}\d{8}[0-9X]$/, level: 1 });
    await issued.waitFor();
    const pcnTitle = (await issued.textContent())!;
    await expectReadable(page, pcnTitle, ['status', 'h2 PCN issued', 'button Print', 'button Issue another PCN']);

    // The FPN: its errors; an offender under 18 brings the guardian's field in after the date of birth.
    await open(page, 'Fixed penalty notice', 'Fixed penalty notice');
    const offender = ['h2 Offender', 'textbox Name', 'textbox Address', 'textbox Postcode (optional)', 'textbox Date of birth'];
    const fpnRest = ['textbox Description (optional)', 'textbox How the name and address were confirmed (optional)', 'h2 What happened', 'textbox Place', ...POINT,
      'textbox What happened', 'textbox Body-worn video reference (optional)', 'button Photos (optional)', 'textbox Notebook entry (optional)', 'button Issue the fixed penalty notice'];
    await expectReadable(page, 'Fixed penalty notice', ['combobox Offence', ...offender, ...fpnRest]);
    await page.getByLabel('Date of birth').fill('2011-05-01');
    await page.getByLabel('Parent or guardian present').waitFor();
    await submit(page, 'Issue the fixed penalty notice');
    await expectReadable(page, 'Fixed penalty notice', [
      ...summary('Offence: Choose the offence', 'Name: Enter the offender’s name', 'Address: Enter the offender’s address',
        /Parent or guardian: Enter the parent or guardian present/, 'Place: Enter where it happened', 'What happened: Describe what happened'),
      'combobox Offence', ...offender, 'textbox Parent or guardian present', ...fpnRest]);

    // The notebook: its error; an entry saved (a status message), then corrected.
    await open(page, 'Notebook', 'Notebook');
    await expectReadable(page, 'Notebook', ['h2 New entry', 'textbox What you saw, heard and did', 'button Save the entry', 'h2 Entries']);
    await submit(page, 'Save the entry');
    await expectReadable(page, 'Notebook', ['h2 New entry', ...summary('Enter what you saw and did'), 'textbox What you saw, heard and did', 'button Save the entry', 'h2 Entries']);
    // With a long unbroken word (a pasted link), which wraps rather than widening the page.
    await page.getByLabel('What you saw, heard and did').fill('Spoke to the driver of AB12 CDE at 10:02, who showed https://permits.example.org/visitor/VP-2026-000000000000123456789.');
    await page.getByRole('button', { name: 'Save the entry' }).click();
    await page.getByRole('status').waitFor();
    const entry = matching(/^h3 \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/);
    await expectReadable(page, 'Notebook', ['status', 'h2 Entry saved', 'h2 New entry', 'textbox What you saw, heard and did', 'button Save the entry', 'h2 Entries', entry,
      matching(/^button Correct the entry of \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/)]);
    await page.getByRole('button', { name: /^Correct the entry of / }).click();
    await expectReadable(page, 'Notebook', ['h2 Correct an entry', 'textbox The corrected entry', 'button Save the correction', 'button Cancel the correction', 'h2 Entries', entry,
      matching(/^button Correct the entry of \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/)]);

    // The reports: a defect (its errors, then saved), ASB, a car-park machine.
    await open(page, 'Defect on council land', 'Defect on council land');
    const defect = ['combobox Kind of defect', ...POINT, 'textbox Place (optional)', 'textbox Description', 'button Photos (optional)', 'button Report the defect'];
    await expectReadable(page, 'Defect on council land', defect);
    await submit(page, 'Report the defect');
    await expectReadable(page, 'Defect on council land', [...summary('Kind of defect: Choose the kind of defect', 'Description: Describe the defect'), ...defect]);
    await page.getByLabel('Kind of defect').selectOption({ index: 1 });
    await page.getByLabel('Description').fill('Broken bench slats by the play area.');
    await page.getByRole('button', { name: 'Report the defect' }).click();
    await page.getByRole('status').waitFor();
    await expectReadable(page, 'Defect on council land', ['status', 'h2 Defect saved', ...defect]);

    await open(page, 'Anti-social behaviour', 'Anti-social behaviour');
    const asb = ['combobox Kind of behaviour', ...POINT, 'textbox Place (optional)', 'textbox What is happening',
      'group Pass to', 'radio The community safety team', 'radio The control room now (opens an occurrence)', 'button Photos (optional)', 'button Send the report'];
    await expectReadable(page, 'Anti-social behaviour', asb);
    await submit(page, 'Send the report');
    await expectReadable(page, 'Anti-social behaviour', [...summary('Kind of behaviour: Choose the kind of behaviour', 'What is happening: Describe what is happening', 'Pass to: Choose who to pass the report to'), ...asb]);

    await open(page, 'Car-park machine inspection', 'Car-park machine inspection');
    const carpark = ['combobox Machine', 'group What works', 'checkbox Working', 'checkbox Takes cash', 'checkbox Takes cards', 'checkbox Has ticket paper', 'checkbox Display readable',
      'textbox Note (optional)', 'button Photos (optional)', 'button Save the inspection'];
    await expectReadable(page, 'Car-park machine inspection', carpark);
    await submit(page, 'Save the inspection');
    await expectReadable(page, 'Car-park machine inspection', [...summary('Machine: Choose the machine'), ...carpark]);

    // The sync queue: what waits, and once signal is back, what was sent.
    await page.getByRole('link', { name: '3 waiting to sync', exact: true }).click();
    await expectReadable(page, 'Sync', ['status', 'button Sync now', 'h2 Waiting', 'h2 Sent']);
    await context.setOffline(false);
    await page.getByText('Nothing waiting to sync.').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'All synced', exact: true }).waitFor();
    await context.setOffline(true); // so that no sync starts while it is read
    await page.getByText('No signal', { exact: true }).waitFor();
    await expectReadable(page, 'Sync', ['status', 'button Sync now', 'h2 Waiting', 'h2 Sent', `link show the notice Penalty charge notice: ${pcnTitle.replace('Penalty charge notice ', '')}`]);

    // A patrol under way, still with no signal (the header holds still): checked in (a status message), its note and its end.
    await page.getByRole('link', { name: 'Back to home' }).click();
    await page.getByLabel('Beat').fill('Town centre');
    await page.getByLabel('Task').fill('Parking enforcement');
    await page.getByLabel('Expected end').fill('23:59');
    await page.getByRole('button', { name: 'Start the patrol' }).click();
    await page.getByRole('button', { name: 'Check in' }).click();
    await page.getByRole('heading', { name: 'Checked in' }).waitFor();
    await page.getByRole('link', { name: '2 waiting to sync', exact: true }).waitFor();
    await expectReadable(page, 'Home', ['region On patrol: Town centre', 'h2 On patrol: Town centre', 'status', 'h2 Checked in', 'button Check in',
      'h3 Patrol note', 'textbox Note', 'button Photos (optional)', 'button Save the note', 'h3 End the patrol', 'textbox Closing note (optional)', 'button End the patrol', ...homeRest, 'button Sign out']);

    // The unlock screen after a restart: empty, then the wrong password.
    await page.reload();
    await expectReadable(page, 'Unlock the handheld', ['textbox Password', 'button Unlock', 'button Not you? Sign in as someone else']);
    await page.getByLabel('Password').fill('not the password');
    await submit(page, 'Unlock');
    await expectReadable(page, 'Unlock the handheld', [...summary('The password is not right'), 'textbox Password', 'button Unlock', 'button Not you? Sign in as someone else']);
    await context.close();
  });
});
