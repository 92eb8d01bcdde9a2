import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { generate } from 'otplib';
import pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import { startProduct, type Product } from '../test/support/product';
import { launchBrowser } from '../test/support/browser';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails on any serious or critical axe finding on the page as it is now, once `ready` shows. */
export async function expectAccessible(page: Page, what = page.url(), ready = 'h1') {
  await page.locator(ready).first().waitFor();
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `accessibility of ${what}`).toEqual([]);
}

/** What has focus: its tag, id and label (or text), for assertions. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}:${(label ?? el.textContent ?? '').trim()}`;
  });

/** Presses Tab until focus is on something matching, and fails after `max` presses. */
export async function tabTo(page: Page, match: RegExp, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match.test(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${match}; focus is on ${await focused(page)}`);
}

/** Replaces what a field holds by typing, as a user does: select all, then type (so input events and formatting run). */
export async function typeInto(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  return context.newPage();
}

/** A TOTP code other than `previous`: the server refuses a code from a time step already used. */
export async function freshTotp(secret: string, previous?: string): Promise<string> {
  for (let i = 0; i < 35; i++) {
    const code = await generate({ secret });
    if (code !== previous) return code;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('TOTP code did not change within 35 s');
}

/** Test set-up straight in the database: which roles must use two-factor authentication. */
export async function setMfaRequiredRoles(databaseUrl: string, roles: string[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into settings (key, value) values ('auth.mfa_required_roles', $1::jsonb)
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [JSON.stringify(roles)],
    );
  } finally {
    await client.end();
  }
}

export async function signIn(page: Page, { url, username, password }: { url: string; username: string; password: string }) {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * The product (a real server on a fresh database) and a browser for one spec file, with the users it
 * needs; both are stopped after the file. `env.browser` is undefined where no chromium is installed.
 */
export function useProduct({ mfaOptional = true, users, setup, env: productEnv }: {
  /** Most journeys are not about two-factor authentication: let their users sign in without it. */
  mfaOptional?: boolean;
  /** Configuration for the server, read when it starts (after the file's own earlier beforeAll hooks). */
  env?: () => Record<string, string>;
  users: Parameters<Product['createUser']>[0][];
  setup?: (product: Product) => Promise<void>;
}) {
  const env = {} as { product: Product; browser: Browser | undefined };
  beforeAll(async () => {
    env.browser = await launchBrowser();
    if (!env.browser) return;
    env.product = await startProduct({ env: productEnv?.() });
    if (mfaOptional) await setMfaRequiredRoles(env.product.databaseUrl, []);
    for (const user of users) await env.product.createUser(user);
    await setup?.(env.product);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.product?.stop();
  });
  return env;
}

/** Work on the product's database directly (a journey's setup, or a check of what a page did). */
export async function withDb<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try { return await work(client); } finally { await client.end(); }
}

/** A POST to the API as the user signed in on the page (with the session's CSRF token); the reply's body, or an error with the status. */
export const apiPost = (page: Page, path: string, body: unknown) =>
  page.evaluate(async ({ path, body }) => {
    const { csrfToken } = await (await fetch('/api/v1/auth/session')).json();
    const r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
    if (r.status >= 300) throw new Error(`${r.status} ${await r.text()}`);
    return r.json();
  }, { path, body });

/** A new page signed in as the user, on the home page. */
export async function signedInPage(browser: Browser, url: string, user: { username: string; password: string }): Promise<Page> {
  const page = await newPage(browser);
  await signIn(page, { url, username: user.username, password: user.password });
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  return page;
}
