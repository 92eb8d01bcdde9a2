import { dictionary } from '@zxcvbn-ts/language-common';

// NCSC password guidance: favour length, refuse the commonly used and guessed, no composition rules
// (no "one capital, one number"), no forced expiry. We also refuse the username inside the password.

export const MIN_LENGTH = 12;
export const MAX_LENGTH = 256;

const common = new Set<string>((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (common.has(p)) return true;
  // "password123!" style: a common word with digits or symbols stuck on the end.
  const stem = p.replace(/[\d\W_]+$/u, '');
  return stem.length >= 4 && stem !== p && common.has(stem);
}

export function checkPassword({ password, username, current }: { password: string; username?: string; current?: string }): string | undefined {
  const length = [...password].length;
  if (length < MIN_LENGTH) return `Use at least ${MIN_LENGTH} characters. Three random words together work well.`;
  if (length > MAX_LENGTH) return `Use ${MAX_LENGTH} characters or fewer.`;
  if (/^(.)\1+$/u.test(password)) return 'Do not repeat one character.';
  if (isCommonPassword(password)) return 'This password is too common and easy to guess. Choose another, for example three random words.';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'Do not include your username in your password.';
  if (current !== undefined && password === current) return 'Choose a password different from your current one.';
  return undefined;
}
