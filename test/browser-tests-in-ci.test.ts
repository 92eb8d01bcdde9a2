import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserTestPlan, chromiumLaunchError } from './support/chromium-path.mjs';

// `npm test` with CI=true must never pass with the browser suite skipped (issue 7, part 3).

describe('browserTestPlan', () => {
  it('runs the browser tests when chromium launches, in CI or not', () => {
    expect(browserTestPlan({ ci: true, path: '/usr/bin/chromium', launchError: undefined })).toEqual({ run: true });
    expect(browserTestPlan({ ci: false, path: '/usr/bin/chromium', launchError: undefined })).toEqual({ run: true });
  });

  it('skips them away from CI when chromium is missing or does not launch', () => {
    expect(browserTestPlan({ ci: false, path: undefined, launchError: undefined })).toMatchObject({ run: false, fail: false });
    expect(browserTestPlan({ ci: false, path: '/x/chromium', launchError: 'crashed' })).toMatchObject({ run: false, fail: false });
  });

  it('fails the run with CI=true when chromium is missing or does not launch', () => {
    expect(browserTestPlan({ ci: true, path: undefined, launchError: undefined })).toMatchObject({ run: false, fail: true });
    const broken = browserTestPlan({ ci: true, path: '/x/chromium', launchError: 'crashed' });
    expect(broken).toMatchObject({ run: false, fail: true });
    expect(broken.run === false && broken.message).toContain('crashed');
  });
});

describe('npm test with CI=true', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-no-chromium-'));
  const broken = path.join(dir, 'chromium');
  // Present and executable, but not a browser: only a launch can tell.
  writeFileSync(broken, '#!/bin/sh\necho "chromium: cannot open display" >&2\nexit 1\n');
  chmodSync(broken, 0o755);

  // The launcher as `npm test` runs it: every suite, whatever suite list this run was given
  // (CI's Node 24 pass sets VIGIL_TEST_PROJECTS=unit,api, which leaves the browser check out).
  const runLauncher = (env: Record<string, string>) => {
    const { VIGIL_TEST_PROJECTS: _only, ...inherited } = process.env;
    return spawnSync(process.execPath, ['scripts/test.mjs'], { env: { ...inherited, ...env }, encoding: 'utf8', timeout: 90_000 });
  };

  it('a chromium that does not launch is reported as such', async () => {
    expect(await chromiumLaunchError(broken)).toBeTruthy();
  }, 90_000);

  it('exits non-zero, before running any suite, when CHROMIUM_PATH names no file', () => {
    const r = runLauncher({ CI: 'true', CHROMIUM_PATH: path.join(dir, 'missing') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No chromium found[\s\S]*FAILS/);
  }, 90_000);

  it('exits non-zero when chromium is there but does not launch', () => {
    const r = runLauncher({ CI: 'true', CHROMIUM_PATH: broken });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not launch[\s\S]*FAILS/);
  }, 90_000);
});
