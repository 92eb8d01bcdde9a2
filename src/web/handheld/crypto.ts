// The device's data at rest: AES-GCM with the data key the server gives the device. The key is kept
// on the device only wrapped (AES-GCM) by a key derived from the officer's password (PBKDF2-SHA-256),
// so that signing in again offline, with the password, unwraps it; without the password the stored
// records and photos are unreadable. The unwrapped key lives in memory only, not extractable.

export const PBKDF2_ITERATIONS = 600_000;

export interface WrappedKey { salt: string; iv: string; wrapped: string; iterations: number }

const subtle = () => globalThis.crypto.subtle;
const enc = new TextEncoder();
const dec = new TextDecoder();

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const b = new Uint8Array(new ArrayBuffer(s.length));
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}
const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(new ArrayBuffer(n)));

async function passwordKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', enc.encode(password), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const importDataKey = (raw: Uint8Array<ArrayBuffer>) => subtle().importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);

/** Wraps the server's data key (base64) with the password; returns what to store and the key to use now. */
export async function wrapDataKey(dataKeyBase64: string, password: string, iterations = PBKDF2_ITERATIONS): Promise<{ stored: WrappedKey; key: CryptoKey }> {
  const raw = fromBase64(dataKeyBase64);
  if (raw.length !== 32) throw new Error('The server’s data key is not 256 bits');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await passwordKey(password, salt, iterations);
  const wrapped = await subtle().encrypt({ name: 'AES-GCM', iv }, kek, raw);
  const key = await importDataKey(raw);
  raw.fill(0);
  return { stored: { salt: toBase64(salt), iv: toBase64(iv), wrapped: toBase64(wrapped), iterations }, key };
}

/** The data key, or undefined when the password is not the one it was wrapped with. */
export async function unwrapDataKey(stored: WrappedKey, password: string): Promise<CryptoKey | undefined> {
  const kek = await passwordKey(password, fromBase64(stored.salt), stored.iterations);
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(stored.iv) }, kek, fromBase64(stored.wrapped)));
  } catch {
    return undefined;
  }
  const key = await importDataKey(raw);
  raw.fill(0);
  return key;
}

export interface Sealed { iv: string; data: ArrayBuffer }

export async function sealBytes(key: CryptoKey, bytes: ArrayBuffer): Promise<Sealed> {
  const iv = randomBytes(12);
  return { iv: toBase64(iv), data: await subtle().encrypt({ name: 'AES-GCM', iv }, key, bytes) };
}
export async function openBytes(key: CryptoKey, sealed: Sealed): Promise<ArrayBuffer> {
  return subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, sealed.data);
}
export const sealJson = (key: CryptoKey, value: unknown) => sealBytes(key, enc.encode(JSON.stringify(value)).buffer as ArrayBuffer);
export const openJson = async <T>(key: CryptoKey, sealed: Sealed): Promise<T> => JSON.parse(dec.decode(await openBytes(key, sealed))) as T;

/** A version 4 UUID; crypto.randomUUID exists only on https and localhost. */
export function uuid(): string {
  if (typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
