import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/db';

// The council's Ed25519 signing key, which signs what Vigil hands to others (a disclosure package's
// manifest) so that a recipient can prove who made it and that nothing in it changed. It is made on
// first use and kept in the database (table signing_keys), where every server and worker process
// finds the same one; the newest row is the current key, so a new key can be added later without
// losing the old public keys that earlier packages were signed with.

export interface SigningKey { id: string; publicKeyPem: string; fingerprint: string; createdAt: Date }
export interface KeyPair { publicKeyPem: string; privateKeyPem: string }
export interface SigningKeyWithPrivate extends SigningKey { privateKeyPem: string }

// Any fixed number will do: every process that creates the key takes the same lock first.
const CREATE_LOCK = 0x5649_4731; // "VIG1"

/** A new Ed25519 key pair as PEM (SubjectPublicKeyInfo and PKCS#8). */
export function generateSigningKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The SHA-256 of the key's DER SubjectPublicKeyInfo, as hex: what `openssl pkey -pubin -outform DER | sha256sum` prints. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

/** The fingerprint in groups of four, for two people to read to each other over the phone. */
export function formatFingerprint(fingerprint: string): string {
  return (fingerprint.match(/.{1,4}/g) ?? []).join(' ');
}

/** An Ed25519 signature over the exact bytes, base64. */
export function signDetached({ privateKeyPem, data }: { privateKeyPem: string; data: Uint8Array }): string {
  return sign(null, data, createPrivateKey(privateKeyPem)).toString('base64');
}

/** Whether the base64 signature is the key's over the exact bytes; false for a malformed key or signature. */
export function verifyDetached({ publicKeyPem, data, signature }: { publicKeyPem: string; data: Uint8Array; signature: string }): boolean {
  const sig = signature.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(sig)) return false;
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, data, key, Buffer.from(sig, 'base64'));
  } catch {
    return false;
  }
}

const newest = (db: Db) => db.selectFrom('signing_keys').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1);

const toKey = (row: { id: string; public_key: string; fingerprint: string; created_at: Date }): SigningKey =>
  ({ id: row.id, publicKeyPem: row.public_key, fingerprint: row.fingerprint, createdAt: row.created_at });

/**
 * The current key, made now if there is none. Two processes starting at once make one key between
 * them: each takes the same transaction-scoped advisory lock, then looks again before inserting.
 */
export async function ensureSigningKey(db: Db, { generate = generateSigningKeyPair }: { generate?: () => KeyPair | Promise<KeyPair> } = {}): Promise<SigningKey> {
  const existing = await newest(db).executeTakeFirst();
  if (existing) return toKey(existing);
  const create = async (trx: Db) => {
    await sql`select pg_advisory_xact_lock(${CREATE_LOCK})`.execute(trx);
    const made = await newest(trx).executeTakeFirst();
    if (made) return toKey(made);
    const pair = await generate();
    const row = await trx.insertInto('signing_keys')
      .values({ algorithm: 'ed25519', public_key: pair.publicKeyPem, private_key: pair.privateKeyPem, fingerprint: keyFingerprint(pair.publicKeyPem) })
      .returningAll().executeTakeFirstOrThrow();
    return toKey(row);
  };
  return db.isTransaction ? create(db) : db.transaction().execute(create);
}

/** The current key with its private half, for signing; made first if there is none. */
export async function getSigningKey(db: Db): Promise<SigningKeyWithPrivate> {
  await ensureSigningKey(db);
  const row = await newest(db).executeTakeFirstOrThrow();
  return { ...toKey(row), privateKeyPem: row.private_key };
}

/** Every key the council has signed with, newest first: a package signed with an older one still checks. */
export async function listSigningKeys(db: Db): Promise<SigningKey[]> {
  const rows = await db.selectFrom('signing_keys').select(['id', 'public_key', 'fingerprint', 'created_at']).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toKey);
}
