import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ApiClient, testApp } from '../../../../test/support/api';
import { makeUser, testDeps } from '../../../../test/support/deps';
import { keepOneTimePasswords, oneTimePasswordsFile } from './one-time-passwords';

// The demo's one-time passwords are kept in the data directory, readable by their owner only, until
// each is used: a line goes when its user signs in with it or chooses their own password, and the
// file goes with its last line.

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vigil-otp-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const deps = testDeps({ config: { dataDir } });
const { app } = testApp(deps);

const usernames = () => readFileSync(oneTimePasswordsFile(dataDir), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]);

it('keeps them in a file only its owner may read, and removes each line once its password is used', async () => {
  const password = 'first sign-in only, please';
  const [a, b, c] = [await makeUser(deps, { roles: ['operator'], password, mustChangePassword: true }), await makeUser(deps, { roles: ['supervisor'], password, mustChangePassword: true }), await makeUser(deps, { roles: ['patrol_officer'], password: 'already chosen long ago' })];
  const file = keepOneTimePasswords({ dataDir, users: [a, b, c].map((u, i) => ({ username: u.username, role: i === 1 ? 'supervisor' : 'operator', oneTimePassword: password })), log: deps.log });
  expect(file).toBe(path.join(dataDir, 'one-time-passwords.txt'));
  expect(statSync(file!).mode & 0o777).toBe(0o600);
  expect(readFileSync(file!, 'utf8')).toContain(`${a.username}\tCCTV operator\t${password}`);
  expect(usernames()).toEqual([a.username, b.username, c.username]);

  // a signs in with theirs: its line goes (they now choose their own password).
  const ca = new ApiClient(app, '10.9.0.1');
  expect((await ca.signIn(a.username, password)).body.stage).toBe('password_change');
  expect(usernames()).toEqual([b.username, c.username]);
  expect(statSync(file!).mode & 0o777).toBe(0o600);

  // b signs in and changes it: gone too; a changing theirs afterwards changes nothing more.
  const cb = new ApiClient(app, '10.9.0.2');
  await cb.signIn(b.username, password);
  expect(usernames()).toEqual([c.username]);
  const changed = await cb.post('/api/v1/account/password', { currentPassword: password, newPassword: 'a harbour of quiet lanterns' });
  expect(changed.status, changed.text).toBe(200);
  expect((await ca.post('/api/v1/account/password', { currentPassword: password, newPassword: 'copper kettles in the rain' })).status).toBe(200);
  expect(usernames()).toEqual([c.username]);

  // The last one used: the file goes.
  const cc = new ApiClient(app, '10.9.0.3');
  await cc.signIn(c.username, 'already chosen long ago');
  expect(usernames()).toEqual([c.username]); // not a one-time password: nothing to remove
  expect((await cc.post('/api/v1/account/password', { currentPassword: 'already chosen long ago', newPassword: 'seven silver seagulls' })).status).toBe(200);
  expect(existsSync(file!)).toBe(false);
});
