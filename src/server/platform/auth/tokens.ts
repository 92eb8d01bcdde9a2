import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A session token for the cookie: 32 random bytes, base64url. Only its SHA-256 is stored. */
export const newSessionToken = () => randomBytes(32).toString('base64url');
export const newCsrfToken = () => randomBytes(24).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

// Letters and digits people can read back without confusing 0/O or 1/l/I.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
function randomChars(n: number) {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** A one-time password an administrator reads out: 4 groups of 4, about 79 bits. */
export const newOneTimePassword = () => [0, 1, 2, 3].map(() => randomChars(4)).join('-');

/** Ten MFA recovery codes of the form xxxxx-xxxxx. */
export const newRecoveryCodes = (n = 10) => Array.from({ length: n }, () => `${randomChars(5)}-${randomChars(5)}`);

export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]+/g, '');
