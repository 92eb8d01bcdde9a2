import { describe, expect, it } from 'vitest';
import { expectAccessible, freshTotp, newPage, useProduct } from './helpers';

// Journey 1: an administrator's first sign-in with a one-time password, through the forced password
// change and two-factor enrolment, arriving at the page first asked for, then signing out and in
// again with a code from the app.

const env = useProduct({ mfaOptional: false, users: [{ username: 'amorgan', displayName: 'Alex Morgan', roles: ['admin'], password: 'one-time-4821-kdpe', mustChangePassword: true }] });

describe('first sign-in', () => {
  it('changes the one-time password, enrols in two-factor authentication and signs in again with a code', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    const newPassword = 'lantern orchard pebble';

    // A deep link: after every step of signing in, the user lands on the page they asked for.
    await page.goto(`${env.product.url}/audit?action=user.created`);
    await page.waitForURL(/\/sign-in\?next=/);
    await expect.poll(() => page.title()).toContain('Sign in');
    await expectAccessible(page, 'sign in');

    // A wrong password is refused with a message linked to the field.
    await page.getByLabel('Username').fill('amorgan');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.govuk-error-summary').getByText('There is a problem').waitFor();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectAccessible(page, 'sign in with an error');

    // The password can be shown while typing, and hidden again; the change is announced.
    const password = page.getByLabel('Password', { exact: true });
    await password.fill('one-time-4821-kdpe');
    const show = page.getByRole('button', { name: 'Show password' });
    expect(await show.getAttribute('aria-controls')).toBe('password');
    await show.click();
    expect(await password.getAttribute('type')).toBe('text');
    await page.getByText('Your password is visible').waitFor();
    await expectAccessible(page, 'sign in with the password shown');
    await page.getByRole('button', { name: 'Hide password' }).click();
    expect(await password.getAttribute('type')).toBe('password');
    await page.getByText('Your password is hidden').waitFor();

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/account\/password\?next=/);
    await page.getByRole('heading', { name: 'Create a new password' }).waitFor();
    expect(await page.getByText('You need to create a new password').isVisible()).toBe(true);
    await expectAccessible(page, 'forced password change');

    // Too short: the client says so beside the field, and keeps what was typed.
    await page.getByLabel('Current password').fill('one-time-4821-kdpe');
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('#newPassword-error').waitFor();
    expect(await page.getByLabel('Current password').inputValue()).toBe('one-time-4821-kdpe');
    await expectAccessible(page, 'password change with an error');

    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(/\/account\/mfa\?next=/);
    // Adding an authenticator asks for the password again.
    await page.getByLabel('Your password').fill(newPassword);
    await page.getByRole('button', { name: 'Show the set-up code' }).click();
    const secretEl = page.getByTestId('mfa-secret');
    await secretEl.waitFor();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await expectAccessible(page, 'two-factor set-up');
    const secret = (await secretEl.textContent())!.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);

    const firstCode = await freshTotp(secret);
    await page.getByLabel('Security code').fill(firstCode);
    await page.getByRole('button', { name: 'Continue' }).click();
    const codes = page.getByTestId('recovery-codes').locator('li');
    await codes.first().waitFor();
    expect(await codes.count()).toBeGreaterThanOrEqual(5);
    await expectAccessible(page, 'recovery codes');

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${env.product.url}/audit?action=user.created`);
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    expect(await page.getByLabel('Action').inputValue()).toBe('user.created');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/sign-in\?/);
    await page.getByText('You have signed out.').waitFor();
    await expectAccessible(page, 'signed out');

    await page.getByLabel('Username').fill('amorgan');
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in\/mfa$/);
    await page.getByLabel('Security code').waitFor();
    await expectAccessible(page, 'security code');

    await page.getByLabel('Security code').fill(await freshTotp(secret, firstCode));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${env.product.url}/`);
    await page.getByRole('heading', { name: 'Welcome, Alex Morgan' }).waitFor();
    await expectAccessible(page, 'home');
    await page.context().close();
  });
});
