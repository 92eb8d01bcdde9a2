import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROLE_INFO, type Role } from './permissions';

// The demo's one-time passwords, kept at first start in a file in the data directory that only its
// owner may read, so that they do not scroll out of a terminal: a line goes once its user has signed
// in with it or chosen their own password, and the file goes with its last line.

export const ONE_TIME_PASSWORDS_FILE = 'one-time-passwords.txt';

const HEADER = [
  '# Vigil: one-time passwords of the demo users, written at first start.',
  '# Each works once: its user chooses their own password at first sign-in, and its line is then removed.',
  '# username\trole\tone-time password',
];

export const oneTimePasswordsFile = (dataDir: string) => path.join(dataDir, ONE_TIME_PASSWORDS_FILE);

/** Replaces the file atomically, readable and writable by its owner only (0600, whatever the umask). */
function writeOwnerOnly(file: string, lines: string[]) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${lines.join('\n')}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** Writes the file (anew) with one line a user, and returns its path. */
export function writeOneTimePasswords({ dataDir, users }: { dataDir: string; users: { username: string; role: string; oneTimePassword: string }[] }): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = oneTimePasswordsFile(dataDir);
  writeOwnerOnly(file, [...HEADER, ...users.map((u) => `${u.username}\t${u.role}\t${u.oneTimePassword}`)]);
  return file;
}

/** Removes a user's line, once their one-time password has been used; the file goes with the last one. */
export function forgetOneTimePassword({ dataDir, username }: { dataDir: string; username: string }) {
  const file = oneTimePasswordsFile(dataDir);
  if (!existsSync(file)) return;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const kept = lines.filter((l) => l.split('\t')[0] !== username);
  if (kept.length === lines.length) return;
  if (!kept.some((l) => !l.startsWith('#'))) unlinkSync(file);
  else writeOwnerOnly(file, kept);
}

/** At first start: writes the demo users' one-time passwords to the file and returns its path, or undefined (logged) if it cannot. */
export function keepOneTimePasswords({ dataDir, users, log }: {
  dataDir: string; users: { username: string; role: Role; oneTimePassword: string }[]; log: { warn(obj: object, msg: string): void };
}): string | undefined {
  try {
    return writeOneTimePasswords({ dataDir, users: users.map((u) => ({ username: u.username, role: ROLE_INFO[u.role].name, oneTimePassword: u.oneTimePassword })) });
  } catch (err) {
    log.warn({ err }, 'could not write the one-time passwords to a file in the data directory');
    return undefined;
  }
}
