import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// Journey 2: an administrator creates a user, sees the one-time password once, finds the user in the
// list, and finds the audit event that records it.

const env = useProduct({ users: [{ username: 'hprice', displayName: 'Helen Price', roles: ['admin'], password: 'teapot meadow quartz' }] });

describe('user administration', () => {
  it('creates a user who then appears in the list and in the audit trail', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: 'hprice', password: 'teapot meadow quartz' });
    await page.getByRole('heading', { name: 'Welcome, Helen Price' }).waitFor();

    await page.getByRole('navigation', { name: 'Primary navigation' }).getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByRole('table').getByText('hprice').waitFor();
    await expectAccessible(page, 'users list');

    await page.getByRole('button', { name: 'Create user' }).click();
    await page.waitForURL(/\/admin\/users\/new$/);
    await page.getByRole('heading', { name: 'Create a user' }).waitFor();
    await page.getByLabel('CCTV operator', { exact: true }).waitFor();
    await expectAccessible(page, 'create user form');

    // Nothing filled in: the error summary takes focus and links to the fields.
    await page.getByRole('button', { name: 'Create user' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await summary.getByRole('link', { name: 'Enter a username' }).click();
    expect(await page.getByLabel('Username').evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'create user form with errors');

    await page.getByLabel('Username').fill('jbloggs');
    await page.getByLabel('Display name').fill('Jo Bloggs');
    await page.getByLabel('Email address').fill('jo.bloggs@example.gov.uk');
    await page.getByLabel('Organisation').selectOption({ label: 'Test Council' });
    await page.getByLabel('CCTV operator', { exact: true }).check();
    await page.getByLabel('Control room supervisor', { exact: true }).check();
    await page.getByRole('button', { name: 'Create user' }).click();

    await page.getByRole('heading', { name: 'User created: Jo Bloggs' }).waitFor();
    const oneTimePassword = (await page.getByTestId('one-time-password').textContent())!.trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await expectAccessible(page, 'user created');

    await page.getByRole('link', { name: 'Back to users' }).click();
    await page.waitForURL(/\/admin\/users$/);
    const row = page.getByRole('row').filter({ hasText: 'jbloggs' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Jo Bloggs');
    expect(await row.textContent()).toContain('CCTV operator');

    // The search box filters the list.
    await page.getByLabel('Search').fill('bloggs');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/q=bloggs/);
    await page.getByRole('table').getByRole('caption').getByText('1 user').waitFor();
    await expectAccessible(page, 'filtered users list');

    await page.getByRole('navigation', { name: 'Primary navigation' }).getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL(/\/audit$/);
    await page.getByLabel('Action').fill('user.created');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/action=user\.created/);
    const event = page.getByRole('row').filter({ hasText: 'jbloggs' });
    await event.waitFor();
    expect(await event.textContent()).toContain('user.created');
    expect(await event.textContent()).toContain('hprice');
    const csv = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(csv).toContain('/api/v1/audit/events.csv?');
    expect(csv).toContain('action=user.created');
    await expectAccessible(page, 'audit trail filtered');

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText(/The audit trail is intact/).waitFor();
    await expectAccessible(page, 'audit chain verified');

    // Security policy: require two-factor authentication for auditors too.
    await page.goto(`${env.product.url}/admin/security`);
    await page.getByRole('heading', { name: 'Security settings' }).waitFor();
    await expectAccessible(page, 'security settings');
    const auditorBox = page.getByRole('checkbox', { name: 'Auditor' });
    await auditorBox.waitFor();
    if (!(await auditorBox.isChecked())) await auditorBox.check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Security settings saved').waitFor();
    await expectAccessible(page, 'security settings saved');
    await page.goto(`${env.product.url}/audit?action=settings.changed`);
    await page.getByRole('row').filter({ hasText: 'settings.changed' }).first().waitFor();
    await page.context().close();
  });
});
