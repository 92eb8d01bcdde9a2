import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.mjs';

/**
 * Debian's chromium through Playwright, or undefined (with a reason printed) when none is installed.
 * With CI=true a missing chromium is an error: CI must not pass with its browser tests skipped.
 */
export async function launchBrowser(): Promise<Browser | undefined> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    if (process.env.CI === 'true') throw new Error('No chromium installed, and CI=true: the browser tests must run.');
    process.stdout.write('No chromium installed: browser test skipped.\n');
    return undefined;
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
