import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// The evidence journey (issue 9): an enforcement officer uploads the real clip, makes it an exhibit,
// cuts a captioned clip, builds a package and releases it to the police; the police user signs in,
// downloads it and its manifest's hashes check out. Keyboard where it can be; axe on every page.

const CLIP = path.resolve('test/fixtures/video/car-detection.mp4');
const work = mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-evidence-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const env = useProduct({
  users: [
    { username: 'kwalsh', displayName: 'Kerry Walsh', roles: ['enforcement_officer'], password: 'amber lantern orchard' },
    { username: 'pc4471', displayName: 'PC 4471 Jordan Ellis', roles: ['agency'], password: 'meadow copper lantern', external: true },
  ],
});

const sha256sum = (file: string) => execFileSync('sha256sum', [file]).toString().split(' ')[0];

/** Waits until `text` shows, reloading nothing: the pages refetch while work is in progress. */
async function waitForText(page: Page, text: string | RegExp, timeout = 60_000) {
  await page.getByText(text).first().waitFor({ timeout });
}

describe('evidence', () => {
  it('upload, exhibit, captioned clip, package, release; the police download it and its hashes check out', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: 'kwalsh', password: 'amber lantern orchard' });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();

    // Evidence from the navigation; the (empty) list passes axe.
    await page.getByRole('navigation').getByRole('link', { name: 'Evidence' }).click();
    await page.getByRole('heading', { name: 'Exhibits', level: 1 }).waitFor();
    await expectAccessible(page, 'exhibits list');

    // Upload the real clip.
    await page.getByRole('button', { name: 'Upload footage' }).first().click();
    await page.getByRole('heading', { name: 'Upload footage', level: 1 }).waitFor();
    await expectAccessible(page, 'upload page');
    await page.getByLabel('Video files').setInputFiles(CLIP);
    await page.getByRole('button', { name: 'Upload files' }).click();
    const expected = sha256sum(CLIP);
    await waitForText(page, expected);
    await expectAccessible(page, 'upload finished');

    // Make it an exhibit, by keyboard: what was just uploaded comes ticked; describe it, submit.
    const tick = page.getByRole('checkbox', { name: 'car-detection.mp4' });
    await expect.poll(() => tick.isChecked()).toBe(true);
    await page.getByLabel('Description').focus();
    await page.keyboard.type('Car park bays, vehicle damaged while parked');
    await page.getByRole('button', { name: 'Make exhibit' }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: /^KW\/\d+/ });
    await heading.waitFor();
    const reference = (await heading.textContent())!.match(/KW\/\d+/)![0];
    await expectAccessible(page, 'exhibit page');

    // A captioned clip from 2 s to 6 s, re-encoded.
    await page.getByRole('radio', { name: 'Clip (from a start to an end)' }).check();
    await page.getByLabel('Start', { exact: true }).fill('2');
    await page.getByLabel('End', { exact: true }).fill('6');
    await page.getByLabel('What it is for').fill('For the officer in the case: the car arriving');
    await page.getByRole('button', { name: 'Make copy' }).click();
    await waitForText(page, `${reference}/WC1`);
    await page.getByRole('table', { name: 'Working copies and stills' }).getByRole('link', { name: /Download/ }).first().waitFor({ timeout: 90_000 });
    await expectAccessible(page, 'exhibit with its clip');

    // Build a package for the police.
    await page.getByRole('button', { name: 'Put in a disclosure package' }).click();
    await page.getByRole('heading', { name: 'Build a disclosure package', level: 1 }).waitFor();
    await expectAccessible(page, 'package builder');
    await page.getByLabel('Recipient').fill('Test Police, PC 4471 Ellis');
    await page.getByLabel('Partner organisation (optional)').selectOption({ label: 'Test Police' });
    await page.getByLabel('What it is for').fill('Criminal damage in the car park, crime SP/26/1234');
    await page.getByRole('button', { name: 'Build package' }).click();
    await page.getByRole('heading', { level: 1, name: /PKG-\d{4}-\d{6}/ }).waitFor();
    await waitForText(page, 'The package is ready.', 90_000);
    await expectAccessible(page, 'package page');

    // Release it to the police until the end of next week.
    const until = new Date(Date.now() + 8 * 86400_000);
    await page.getByLabel('Partner organisation', { exact: true }).selectOption({ label: 'Test Police' });
    await page.getByRole('radio', { name: /prevention or detection of crime/ }).check();
    await page.getByLabel('Crime reference').fill('SP/26/1234');
    await page.getByLabel('Access ends').fill(`${until.getUTCDate()}/${until.getUTCMonth() + 1}/${until.getUTCFullYear()}`);
    await page.getByRole('button', { name: 'Release package' }).click();
    await page.getByRole('table', { name: 'Releases' }).getByText('Test Police').first().waitFor();
    await expectAccessible(page, 'package released');

    // The police user finds it, downloads it and checks every hash in its manifest.
    const police = await newPage(env.browser);
    await signIn(police, { url: env.product.url, username: 'pc4471', password: 'meadow copper lantern' });
    await police.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await police.getByRole('navigation').getByRole('link', { name: 'Released to us' }).click();
    await police.getByRole('heading', { name: 'Released to us', level: 1 }).waitFor();
    await expectAccessible(police, 'released to us');
    const [download] = await Promise.all([police.waitForEvent('download'), police.getByRole('link', { name: /Download/ }).first().click()]);
    const zip = path.join(work, 'package.zip');
    await download.saveAs(zip);
    const unzipped = path.join(work, 'unzipped');
    execFileSync('unzip', ['-q', zip, '-d', unzipped]);
    const manifest = JSON.parse(readFileSync(path.join(unzipped, 'manifest.json'), 'utf8'));
    const files = [...manifest.exhibits.flatMap((e: { files: { path: string; sha256: string }[] }) => e.files), ...manifest.documents];
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) expect(sha256sum(path.join(unzipped, f.path)), f.path).toBe(f.sha256);
    const master = manifest.exhibits[0].files.find((f: { role: string }) => f.role === 'master');
    expect(master.sha256).toBe(expected);
    expect(manifest.exhibits[0].reference).toBe(reference);
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: unzipped });

    // The same check in the app, on the package just downloaded.
    await police.getByRole('link', { name: 'Check a package you downloaded' }).click();
    await police.getByRole('heading', { name: 'Check a package', level: 1 }).waitFor();
    await police.getByLabel('Package (.zip)').setInputFiles(zip);
    await police.getByRole('button', { name: 'Check package' }).click();
    await waitForText(police, /Every hash and every chain checks out/);
    await expectAccessible(police, 'package checked');
  }, 300_000);
});
