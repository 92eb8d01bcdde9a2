// `npm test`: every suite. The browser suite needs Debian's chromium; without one that launches,
// that suite alone is skipped and this says so, except with CI=true, where the run fails instead.
import { spawnSync } from 'node:child_process';
import { browserTestPlan, chromiumLaunchError, chromiumPath } from '../test/support/chromium-path.mjs';
import { buildWeb, isWebBuildStale } from './ensure-web-build.mjs';
import { buildServer, isServerBuildStale } from './ensure-server-build.mjs';

// VIGIL_TEST_PROJECTS (e.g. "unit,api") runs only those suites: CI's second pass on Node.js 24.
const listed = process.env.VIGIL_TEST_PROJECTS?.split(',').map((p) => p.trim()).filter(Boolean);
const only = listed?.length ? listed : undefined;
const projects = ['unit', 'media', 'db', 'api'].filter((p) => !only || only.includes(p));
const wantBrowser = !only || only.includes('e2e');
const path = wantBrowser ? chromiumPath() : undefined;
const plan = wantBrowser ? browserTestPlan({ ci: process.env.CI === 'true', path, launchError: path ? await chromiumLaunchError(path) : undefined }) : { run: false, fail: false, message: '' };
if (plan.run) projects.push('e2e');
else if (wantBrowser) {
  process.stderr.write(`\n!! ${plan.message}\n\n`);
  if (plan.fail) process.exit(1);
}

if (plan.run && isWebBuildStale() && buildWeb() !== 0) process.exit(1);
// The server processes the tests start run the compiled server (or the sources, where it is stale).
if (isServerBuildStale() && (await buildServer()) !== 0) process.exit(1);
const args = ['node_modules/vitest/vitest.mjs', 'run', ...projects.flatMap((p) => ['--project', p]), ...process.argv.slice(2)];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
