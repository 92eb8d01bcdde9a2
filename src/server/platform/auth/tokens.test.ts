import { describe, expect, it } from 'vitest';
import { newCsrfToken, newOneTimePassword, newRecoveryCodes, newSessionToken, normaliseRecoveryCode, safeEqual, sha256 } from './tokens';

// Characters people can read back: no 0/O, 1/l/I.
const READABLE = /^[abcdefghjkmnpqrstuvwxyz23456789]+$/;

describe('one-time passwords', () => {
  it('are four groups of four readable characters', () => {
    for (let i = 0; i < 200; i++) {
      const p = newOneTimePassword();
      expect(p).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(p.replace(/-/g, '')).toMatch(READABLE);
    }
  });

  it('do not repeat, and use the whole alphabet', () => {
    const many = Array.from({ length: 2000 }, newOneTimePassword);
    expect(new Set(many).size).toBe(many.length);
    const seen = new Set(many.join('').replace(/-/g, ''));
    expect(seen.size).toBe(31); // 31 symbols × 16 positions ≈ 79 bits
  });

  it('are at least 12 characters, so they pass the length rule they will be changed under', () => {
    expect(newOneTimePassword().length).toBeGreaterThanOrEqual(12);
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes of the form xxxxx-xxxxx', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(c.replace('-', '')).toMatch(READABLE);
    }
    expect(newRecoveryCodes(3)).toHaveLength(3);
  });

  it('are normalised for comparison: case, spaces and the dash do not matter', () => {
    expect(normaliseRecoveryCode('  ABCDE-FGHJK ')).toBe('abcdefghjk');
    expect(normaliseRecoveryCode('abcde -\tfghjk')).toBe('abcdefghjk');
    expect(normaliseRecoveryCode('abcdefghjk')).toBe('abcdefghjk');
    for (const c of newRecoveryCodes()) {
      const plain = c.replace('-', '');
      expect(normaliseRecoveryCode(c.toUpperCase())).toBe(plain);
      expect(normaliseRecoveryCode(` ${c.slice(0, 5)} ${c.slice(5)} `)).toBe(plain);
      expect(normaliseRecoveryCode(plain)).toBe(plain);
    }
  });
});

describe('session and CSRF tokens', () => {
  it('are long, URL-safe and unique', () => {
    const sessions = Array.from({ length: 500 }, newSessionToken);
    expect(new Set(sessions).size).toBe(500);
    for (const t of sessions) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes
    const csrf = newCsrfToken();
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{32}$/); // 24 bytes
  });

  it('are stored as their SHA-256', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('are compared exactly', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', 'abc')).toBe(false);
  });
});
