import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dictionary } from '@zxcvbn-ts/language-common';
import { MAX_LENGTH, MIN_LENGTH, checkPassword, isCommonPassword } from './password-policy';

// NCSC password guidance: length over complexity, refuse the commonly used, no composition rules.

const commonList = dictionary['passwords-common'] as string[];

describe('length', () => {
  it('needs at least 12 characters', () => {
    expect(MIN_LENGTH).toBe(12);
    expect(checkPassword({ password: 'violet harb' })).toMatch(/at least 12 characters/); // 11
    expect(checkPassword({ password: 'violet harbo' })).toBeUndefined(); // 12
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    const animals = [...'🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮'];
    expect(animals.join('').length).toBe(24); // 24 UTF-16 units, 48 UTF-8 bytes
    expect(checkPassword({ password: animals.slice(0, 11).join('') })).toMatch(/at least 12 characters/);
    expect(checkPassword({ password: animals.join('') })).toBeUndefined();
  });

  it('allows up to 256 characters and refuses more', () => {
    expect(MAX_LENGTH).toBe(256);
    const words = 'tangerine kettle lighthouse '.repeat(20);
    expect(checkPassword({ password: words.slice(0, 256) })).toBeUndefined();
    expect(checkPassword({ password: words.slice(0, 257) })).toMatch(/256 characters or fewer/);
    // 200 emoji are 400 UTF-16 units but 200 characters: allowed.
    const emoji = [...'🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯'];
    expect(checkPassword({ password: Array.from({ length: 200 }, (_, i) => emoji[i % 10]).join('') })).toBeUndefined();
  });

  it('refuses one character repeated', () => {
    expect(checkPassword({ password: 'a'.repeat(20) })).toMatch(/repeat/);
  });
});

describe('common passwords', () => {
  it('are refused when they are on the deny-list, in any case', () => {
    for (const p of ['qwertyuiop123', '1qaz2wsx3edc', 'leavemealone', 'administrator']) {
      expect(commonList, p).toContain(p);
      expect(isCommonPassword(p)).toBe(true);
      expect(isCommonPassword(p.toUpperCase())).toBe(true);
      expect(checkPassword({ password: p })).toMatch(/too common/);
    }
  });

  it('are refused with up to four digits or symbols stuck on the end', () => {
    for (const p of ['football1234', 'Sunshine2024', 'iloveyou123!', 'password!!!!']) {
      expect(commonList).not.toContain(p.toLowerCase());
      expect(checkPassword({ password: p })).toMatch(/too common/);
    }
  });

  it('does not treat an uncommon stem with digits as common', () => {
    expect(isCommonPassword('zqxvbtangerine1234')).toBe(false);
  });

  it('accepts three random words', () => {
    expect(checkPassword({ password: 'tangerine kettle lighthouse' })).toBeUndefined();
    expect(checkPassword({ password: 'correct horse battery staple' })).toBeUndefined();
  });
});

describe('personal rules', () => {
  it('refuses a password that contains the username, in any case', () => {
    expect(checkPassword({ password: 'hello JSMITH kettle', username: 'jsmith' })).toMatch(/username/);
    expect(checkPassword({ password: 'hello jsmith kettle', username: 'someone' })).toBeUndefined();
  });

  it('refuses the current password as the new one', () => {
    expect(checkPassword({ password: 'tangerine kettle lighthouse', current: 'tangerine kettle lighthouse' })).toMatch(/different/);
    expect(checkPassword({ password: 'tangerine kettle lighthouse', current: 'violet harbour quilt' })).toBeUndefined();
  });
});

describe('no composition rules', () => {
  it('accepts any 12+ character string of lowercase letters and spaces that is not common and has no username', () => {
    const lowerOrSpace = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ');
    fc.assert(fc.property(fc.array(lowerOrSpace, { minLength: 12, maxLength: 80 }).map((cs) => cs.join('')), (password) => {
      fc.pre(!isCommonPassword(password) && !/^(.)\1+$/.test(password) && !password.includes('jsmith'));
      expect(checkPassword({ password, username: 'jsmith' })).toBeUndefined();
    }), { numRuns: 500 });
  });

  it('gives no message asking for capitals, digits or symbols', () => {
    const messages = ['short', 'a'.repeat(30), 'qwertyuiop123', 'x'.repeat(300)].map((password) => checkPassword({ password }) ?? '');
    for (const m of messages) expect(m).not.toMatch(/capital|upper|digit|number|symbol|special/i);
  });
});

describe('common words with numbers and symbols stuck on the end', () => {
  it.each(['Password1234!', 'letmein12345', 'sunshine2026!!', 'football_1966'])('refuses %s', (pw) => {
    expect(checkPassword({ password: pw })).toMatch(/too common/);
  });
});
