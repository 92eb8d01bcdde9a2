import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from './chromium-path.mjs';

/** Debian's chromium through Playwright, or undefined (with a reason printed) when none is installed. */
export async function launchBrowser(): Promise<Browser | undefined> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    process.stdout.write('No chromium installed: browser test skipped.\n');
    return undefined;
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
