import { describe, expect, it } from 'vitest';
import { testDb } from '../../../../../test/support/deps';
import { formatFingerprint, keyFingerprint } from '../../../platform/signing/signing';
import { runPublicKey } from './packages.cli';

describe('vigil evidence public-key', () => {
  it('prints the council public key and its fingerprint, the same each time', async () => {
    const runs: string[][] = [[], []];
    for (const lines of runs) expect(await runPublicKey({ db: testDb().db, write: (l) => lines.push(l) })).toBe(0);
    expect(runs[1]).toEqual(runs[0]);
    const text = runs[0].join('\n');
    const pem = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(text)![0];
    const fingerprint = keyFingerprint(pem);
    expect(text).toContain(`Fingerprint (SHA-256 of the key): ${fingerprint}`);
    expect(text).toContain(`To read aloud: ${formatFingerprint(fingerprint)}`);
  });
});
