import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, useProduct, withDb } from './helpers';

// Lone working from the keyboard alone. The out-of-hours officer starts a session for a caller from
// the board (refused without a phone number, what was typed kept); the test makes the check-in be
// missed by moving the session's deadline and its missed-check-in timer to now in the database; the
// running server's timer loop fires it; the board shows it overdue with the first step; the officer
// opens it, acknowledges "no answer", the next step fires (its timer moved to now), "answered and
// safe" stops the ladder, and the board shows it active again. A patrol officer starts their own
// session, checks in and ends it. The supervisor reads the ladder's set-up. axe on every page.

const OFFICER = { username: 'lwofficer', displayName: 'Olu Officer', roles: ['ooh_officer' as const], password: 'harbour violet compass' };
const WORKER = { username: 'lwpatrol', displayName: 'Pat Rolling', roles: ['patrol_officer' as const], password: 'copper meadow lantern' };
const MANAGER = { username: 'lwmanager', displayName: 'Mia Manager', roles: ['supervisor' as const], password: 'amber river falcon' };
const env = useProduct({ users: [OFFICER, WORKER, MANAGER] });

async function keyIn(page: Page, label: string | RegExp, text: string) {
  await page.getByLabel(label, { exact: typeof label === 'string' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
async function press(page: Page, button: string | RegExp) {
  await page.getByRole('button', { name: button, exact: typeof button === 'string' }).focus();
  await page.keyboard.press('Enter');
}
/** Three hours from now, as a London date and time typed the UK way ("4/12/2026 00:30"). */
function inThreeHours() {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(Date.now() + 3 * 3600_000));
  const p = (t: string) => parts.find((x) => x.type === t)!.value;
  return `${p('day')}/${p('month')}/${p('year')} ${p('hour')}:${p('minute')}`;
}
/** Brings a pending timer of the session forward to now: the server's timer loop fires it within a moment. */
const dueNow = (sessionRef: string, kind: string, step?: number) => withDb(env.product.databaseUrl, async (db) => {
  const { rows } = await db.query<{ id: string }>('select id from lone_working_sessions where reference = $1', [sessionRef]);
  const id = rows[0]!.id;
  if (kind === 'ooh.lone-worker-missed') await db.query('update lone_working_sessions set deadline_at = now(), next_due_at = now() where id = $1', [id]);
  const moved = await db.query(`update timers set due_at = now() where subject_id = $1 and kind = $2 and fired_at is null and cancelled_at is null
    and ($3::int is null or (payload->>'step')::int = $3)`, [id, kind, step ?? null]);
  expect(moved.rowCount).toBe(1);
});

describe('lone working', () => {
  it('the officer starts a session for a caller, a check-in is missed and the escalation is worked from the keyboard', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const page = await newPage(env.browser);
    await signIn(page, { url, username: OFFICER.username, password: OFFICER.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();

    await page.goto(`${url}/ooh/lone-workers`);
    await page.getByRole('heading', { name: 'Lone workers', level: 1 }).waitFor();
    await page.getByText('Nobody is lone working now.').waitFor();
    await expectAccessible(page, 'the lone-worker board, empty');
    await page.locator('body').focus();
    await page.keyboard.press('s');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('start-worker-name');
    await page.keyboard.type('Sam Walker');
    await keyIn(page, 'Organisation (optional)', 'Riverside Housing');
    await keyIn(page, 'Where they are working', '14 Canal Street, ground-floor flat');
    await keyIn(page, 'What they are doing', 'Tenancy visit');
    await keyIn(page, 'Expected end', inThreeHours());
    await keyIn(page, 'Check in every (minutes)', '30');
    await keyIn(page, 'Vehicle (optional)', 'White van AB12 CDE');
    await keyIn(page, 'Important information for responders (optional)', 'Tenant has a history of aggression towards staff');
    await keyIn(page, 'Their manager’s name (optional)', 'Pat Manager');
    await keyIn(page, 'Their manager’s phone (optional)', '07700 900456');
    await press(page, 'Start the session');
    await page.getByRole('link', { name: 'Enter the worker’s phone number' }).waitFor();
    expect(await page.getByLabel('Where they are working').inputValue()).toBe('14 Canal Street, ground-floor flat');
    await expectAccessible(page, 'the start form with its errors');
    await keyIn(page, 'Worker’s phone', '07700 900123');
    await press(page, 'Start the session');
    await page.getByText('Session started for Sam Walker').waitFor();
    const row = page.getByRole('row', { name: /Sam Walker/ }).first();
    await expect.poll(() => row.textContent()).toMatch(/\d+:\d\d left/);
    const reference = (await row.getByRole('link').textContent())!.trim();
    expect(reference).toMatch(/^LW-\d{4}-\d{6}$/);
    await expectAccessible(page, 'the board with a session out');

    // The check-in is missed: the board (polled every 5 s) shows it overdue, loud, with the step to take.
    await dueNow(reference, 'ooh.lone-worker-missed');
    await row.getByText('Missed check-in').waitFor({ timeout: 20_000 });
    await row.getByText('Now: Call the worker').waitFor();
    await expect.poll(() => page.locator('[aria-live="assertive"]').textContent()).toContain(`Sam Walker (${reference}) has missed a check-in. Now: Call the worker.`);
    await expectAccessible(page, 'the board with an overdue session');

    // j selects (focuses) the session, Enter opens it.
    await page.locator('body').focus();
    await page.keyboard.press('j');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(reference);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Lone worker ${reference}`, level: 1 }).waitFor();
    await page.getByText('Tenant has a history of aggression towards staff').waitFor();
    await page.getByText(/Script: Call the worker on their phone/).waitFor();
    await expectAccessible(page, 'a session with a missed check-in');

    await page.getByLabel('No answer').focus();
    await page.keyboard.press('Space');
    await keyIn(page, 'Note (optional)', 'Rang out, left a message');
    await press(page, 'Acknowledge call the worker');
    await page.getByText(/^No answer at \d\d:\d\d \(Olu Officer\): Rang out, left a message$/).waitFor();

    // The next step comes due: it appears with its script.
    await dueNow(reference, 'ooh.lone-worker-step', 1);
    await page.getByRole('heading', { name: /^Call the worker again/ }).waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'a session at its second step');
    await page.getByLabel('Answered and safe').focus();
    await page.keyboard.press('Space');
    await keyIn(page, 'Note (optional)', 'Phone was on silent; safe');
    await press(page, 'Acknowledge call the worker again');
    await page.getByText(/Late check-in \(answered a call\), the ladder stopped: Phone was on silent; safe/).waitFor();
    await expect.poll(() => page.getByText('Missed check-in. Now:').count()).toBe(0);
    await expectAccessible(page, 'a session whose ladder stopped');

    // Back on the board it is active again; c checks it in (after confirming).
    await page.goto(`${url}/ooh/lone-workers`);
    const again = page.getByRole('row', { name: new RegExp(reference) });
    await again.getByText('Active').waitFor();
    await expect.poll(() => again.textContent()).toMatch(/\d+:\d\d left/);
    await page.locator('body').focus();
    await page.keyboard.press('c');
    await page.getByRole('heading', { name: 'Record a check-in for Sam Walker?' }).waitFor();
    await expectAccessible(page, 'the board asking to confirm a check-in');
    await press(page, 'Record the check-in');
    await page.getByText('Check-in recorded for Sam Walker').waitFor();
  });

  it('a patrol officer starts their own session, checks in and ends it', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const page = await (await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', timezoneId: 'Europe/London' })).newPage();
    await signIn(page, { url, username: WORKER.username, password: WORKER.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.goto(`${url}/lone-working`);
    await page.getByRole('heading', { name: 'Start a session' }).waitFor();
    await expectAccessible(page, 'the worker’s own page');
    await keyIn(page, 'Your phone number', '07700 900789');
    await keyIn(page, 'Where you are working', 'Market Square CCTV pole 7');
    await keyIn(page, 'What you are doing', 'Night patrol');
    await keyIn(page, 'Expected end', inThreeHours());
    await keyIn(page, 'Check in every (minutes)', '20');
    await keyIn(page, 'Duress word', 'bluebell');
    await press(page, 'Start the session');
    await page.getByRole('heading', { name: 'Next check-in' }).waitFor();
    await expectAccessible(page, 'the worker’s session');
    await press(page, 'Check in');
    await page.getByText(/^Check-in recorded\. Your next check-in is due at \d\d:\d\d\.$/).waitFor();
    await press(page, 'End session — I am safe');
    await page.getByRole('heading', { name: 'Start a session' }).waitFor();
    await page.getByText(/: Night patrol at Market Square CCTV pole 7/).waitFor();
    await expectAccessible(page, 'the worker’s page after ending');
  });

  it('the supervisor reads the escalation ladder’s set-up', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const page = await newPage(env.browser);
    await signIn(page, { url, username: MANAGER.username, password: MANAGER.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.goto(`${url}/ooh/lone-workers/settings`);
    await page.getByRole('heading', { name: 'Lone-working escalation ladder', level: 1 }).waitFor();
    await page.getByText('The built-in ladder is in force').waitFor();
    await expectAccessible(page, 'the ladder’s set-up');
    const step2 = page.locator('#policy-steps-1-offsetSeconds');
    await step2.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('0');
    await press(page, 'Save as a new version');
    await page.getByRole('link', { name: 'Step 2 must come after step 1' }).waitFor();
    expect(await step2.inputValue()).toBe('0');
    await expectAccessible(page, 'the ladder’s set-up with an error');
    await step2.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('4');
    await press(page, 'Save as a new version');
    await page.getByText(/^Version 1, saved /).waitFor();
    expect(await page.locator('#policy-steps-1-offsetSeconds').inputValue()).toBe('4');
  });
});
