import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DbHandle } from '../db/db';
import { ownDatabase, type OwnDatabase } from '../../../../test/support/product';
import { ensureSigningKey, getSigningKey, generateSigningKeyPair, keyFingerprint, listSigningKeys, signDetached, verifyDetached } from './signing';

// The key table must start empty, and a newer key changes the current one for everyone: a database of its own.
let own: OwnDatabase;
let second: DbHandle;
beforeAll(async () => {
  own = await ownDatabase({ max: 6 });
  second = connect({ url: own.url, max: 6, applicationName: 'vigil-test-second-process' });
});
afterAll(async () => { await second?.close(); await own?.drop(); });

describe('the council signing key', () => {
  it('is made once, even when several processes ask for it at the same moment', async () => {
    // Each maker waits for the others to reach the same point (or 300 ms): without the lock, all
    // eight would look, find no key and make one each.
    let arrived = 0;
    const generate = async () => {
      arrived++;
      for (let waited = 0; arrived < 8 && waited < 300; waited += 10) await new Promise((r) => setTimeout(r, 10));
      return generateSigningKeyPair();
    };
    const keys = await Promise.all(Array.from({ length: 8 }, (_, i) => ensureSigningKey((i % 2 ? second : own).db, { generate })));
    expect(new Set(keys.map((k) => k.id)).size).toBe(1);
    expect(await own.db.selectFrom('signing_keys').select('id').execute()).toHaveLength(1);
    expect(keys[0].fingerprint).toBe(keyFingerprint(keys[0].publicKeyPem));
    expect((await ensureSigningKey(own.db)).id).toBe(keys[0].id);
  });

  it('gives its private half for signing, which its public half verifies', async () => {
    const key = await getSigningKey(own.db);
    const data = Buffer.from('manifest');
    const signature = signDetached({ privateKeyPem: key.privateKeyPem, data });
    expect(verifyDetached({ publicKeyPem: key.publicKeyPem, data, signature })).toBe(true);
  });

  it('is the newest key when a new one is added, and the old ones stay listed', async () => {
    const old = await ensureSigningKey(own.db);
    const pair = generateSigningKeyPair();
    await own.db.insertInto('signing_keys').values({
      algorithm: 'ed25519', public_key: pair.publicKeyPem, private_key: pair.privateKeyPem, fingerprint: keyFingerprint(pair.publicKeyPem),
      created_at: new Date(old.createdAt.getTime() + 1000),
    }).execute();
    expect((await ensureSigningKey(own.db)).fingerprint).toBe(keyFingerprint(pair.publicKeyPem));
    expect((await getSigningKey(second.db)).privateKeyPem).toBe(pair.privateKeyPem);
    expect((await listSigningKeys(own.db)).map((k) => k.id)).toContain(old.id);
  });

  it('works inside a transaction the caller holds', async () => {
    const key = await own.db.transaction().execute((trx) => ensureSigningKey(trx));
    expect(key.id).toBe((await ensureSigningKey(own.db)).id);
  });
});
