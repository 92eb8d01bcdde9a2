import { existsSync } from 'node:fs';

/** The arguments every browser test launches chromium with (as root, in a container, offline). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Debian's chromium, or the one in CHROMIUM_PATH; undefined when there is none. A CHROMIUM_PATH that
 * names nothing is not silently replaced by another browser: the site asked for that one.
 */
export function chromiumPath() {
  const chosen = process.env.CHROMIUM_PATH;
  const candidates = chosen ? [chosen] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => existsSync(p));
}

/** Launches chromium the way the browser tests do and closes it: undefined when that works, else why not. */
export async function chromiumLaunchError(executablePath) {
  try {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    await browser.close();
    return undefined;
  } catch (e) {
    return String(e instanceof Error ? e.message : e).split('\n').slice(0, 6).join('\n');
  }
}

/**
 * Whether `npm test` runs the browser suite. Away from CI a missing or broken chromium skips that
 * suite alone (and says so); with CI=true it fails the run, so that CI never passes without them.
 * @param {{ ci: boolean, path: string | undefined, launchError: string | undefined }} input
 * @returns {{ run: true } | { run: false, fail: boolean, message: string }}
 */
export function browserTestPlan({ ci, path, launchError }) {
  if (path && !launchError) return { run: true };
  const why = path
    ? `chromium at ${path} does not launch:\n${launchError}`
    : 'No chromium found (install Debian\'s `chromium` package or set CHROMIUM_PATH).';
  if (ci) return { run: false, fail: true, message: `${why}\nCI=true: the browser tests must run, so this run FAILS.` };
  return { run: false, fail: false, message: `${why}\nThe browser tests are SKIPPED.` };
}
