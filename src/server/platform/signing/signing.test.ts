import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatFingerprint, generateSigningKeyPair, keyFingerprint, signDetached, verifyDetached } from './signing';

const pair = generateSigningKeyPair();
const data = Buffer.from('{"format":"vigil-disclosure-package/1"}');

describe('signing', () => {
  it('signs bytes so that the public key verifies them, and nothing else', () => {
    const signature = signDetached({ privateKeyPem: pair.privateKeyPem, data });
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(verifyDetached({ publicKeyPem: pair.publicKeyPem, data, signature })).toBe(true);
    const altered = Buffer.from(data);
    altered[3] ^= 1;
    expect(verifyDetached({ publicKeyPem: pair.publicKeyPem, data: altered, signature })).toBe(false);
    expect(verifyDetached({ publicKeyPem: generateSigningKeyPair().publicKeyPem, data, signature })).toBe(false);
  });

  it('says no, without throwing, to a malformed signature or key', () => {
    const signature = signDetached({ privateKeyPem: pair.privateKeyPem, data });
    expect(verifyDetached({ publicKeyPem: pair.publicKeyPem, data, signature: 'not base64!' })).toBe(false);
    expect(verifyDetached({ publicKeyPem: pair.publicKeyPem, data, signature: signature.slice(0, 20) })).toBe(false);
    expect(verifyDetached({ publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n', data, signature })).toBe(false);
  });

  it('fingerprints the key as the SHA-256 of its DER SubjectPublicKeyInfo, grouped for reading aloud', () => {
    const der = Buffer.from(pair.publicKeyPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    const fingerprint = keyFingerprint(pair.publicKeyPem);
    expect(fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    expect(keyFingerprint(generateSigningKeyPair().publicKeyPem)).not.toBe(fingerprint);
    expect(formatFingerprint('ab12cd34ef56')).toBe('ab12 cd34 ef56');
    expect(formatFingerprint(fingerprint).split(' ')).toHaveLength(16);
  });
});
