// `npm test`: every suite. The browser suite needs Debian's chromium; without it that suite alone
// is skipped, and this says so.
import { spawnSync } from 'node:child_process';
import { chromiumPath } from '../test/support/chromium-path.mjs';
import { buildWeb, isWebBuildStale } from './ensure-web-build.mjs';

const projects = ['unit', 'db', 'api'];
const browser = chromiumPath();
if (browser) projects.push('e2e');
else process.stdout.write('\n!! No chromium found (install Debian\'s `chromium` package or set CHROMIUM_PATH): the browser tests are SKIPPED.\n\n');

if (browser && isWebBuildStale() && buildWeb() !== 0) process.exit(1);
const args = ['node_modules/vitest/vitest.mjs', 'run', ...projects.flatMap((p) => ['--project', p]), ...process.argv.slice(2)];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
