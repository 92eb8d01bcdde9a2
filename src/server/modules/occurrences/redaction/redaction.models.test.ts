import { describe, expect, it } from 'vitest';
import { redactText, sha256Hex } from './redaction.models';

describe('redactText', () => {
  it('replaces every appearance, whatever its capitals, and counts them', () => {
    expect(redactText('John SMITH seen; Smith left with john smith’s bag', 'smith')).toEqual({ text: 'John [redacted] seen; [redacted] left with john [redacted]’s bag', replaced: 3 });
  });
  it('takes the words literally, not as a pattern', () => {
    expect(redactText('Call 07700 900123 (mobile) or 0.0.1', '(mobile)')).toEqual({ text: 'Call 07700 900123 [redacted] or 0.0.1', replaced: 1 });
    expect(redactText('a.b axb', 'a.b')).toEqual({ text: '[redacted] axb', replaced: 1 });
  });
  it('changes nothing when the words are not there', () => {
    expect(redactText('Male in red coat', 'Jane')).toEqual({ text: 'Male in red coat', replaced: 0 });
  });
});

it('hashes as PostgreSQL does (UTF-8)', () => {
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
