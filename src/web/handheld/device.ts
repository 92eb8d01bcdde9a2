// The device: who it belongs to, its wrapped data key, its PCN blocks, the cached reference data and
// the patrol under way. Signing in (online) registers the device or fetches its key, and wraps the key
// with the password; unlocking (offline) unwraps it within the last session's limits.
import * as api from './api';
import { sealJson, openJson, unwrapDataKey, uuid, wrapDataKey, type Sealed, type WrappedKey } from './crypto';
import { get, put, wipeDb } from './db';
import { addBlock, emptyBlocks, needsTopUp, type PcnBlocks } from './pcnBlock';
import { offlineUnlockAllowed } from './rules';

export interface DeviceMeta {
  id: string;
  name: string;
  registered: boolean;
  userId: string;
  username: string;
  displayName: string;
  sessionExpiresAt: string;
  wrapped: WrappedKey;
}

export const deviceMeta = () => get<DeviceMeta>('meta', 'device');
export const blocks = async () => (await get<PcnBlocks>('meta', 'blocks')) ?? emptyBlocks();
export const saveBlocks = (b: PcnBlocks) => put('meta', b, 'blocks');

export async function readSecret<T>(key: CryptoKey, name: string): Promise<T | undefined> {
  const s = await get<Sealed>('meta', name);
  return s ? openJson<T>(key, s) : undefined;
}
export async function writeSecret(key: CryptoKey, name: string, value: unknown): Promise<void> {
  await put('meta', await sealJson(key, value), name);
}

const deviceName = () => `${/Android/.test(navigator.userAgent) ? 'Android' : /iPhone|iPad/.test(navigator.userAgent) ? 'iPhone' : 'Handheld'} (${new Date().toLocaleDateString('en-GB')})`;

/**
 * After an online sign-in with the password: the device registered (or its key fetched again) and
 * the key wrapped with the password. A device that was another officer's is wiped first.
 */
export async function setUpDevice(session: api.Session, password: string): Promise<{ key: CryptoKey; meta: DeviceMeta }> {
  let meta = await deviceMeta();
  if (meta && meta.userId !== session.user.id) { await wipeDevice(); meta = undefined; }
  const id = meta?.id ?? uuid();
  const name = meta?.name ?? deviceName();
  let dataKey: string;
  if (meta?.registered) {
    dataKey = (await api.deviceKey(id)).dataKey;
  } else {
    const reg = await api.registerDevice(id, name);
    dataKey = reg.dataKey;
    await saveBlocks(addBlock(await blocks(), reg.block));
  }
  const { stored, key } = await wrapDataKey(dataKey, password);
  meta = { id, name, registered: true, userId: session.user.id, username: session.user.username, displayName: session.user.displayName, sessionExpiresAt: session.expiresAt, wrapped: stored };
  await put('meta', meta, 'device');
  return { key, meta };
}

/** Offline (or on restart): the password unwraps the key, within the last session's limits. */
export async function unlock(password: string, now = new Date()): Promise<{ key: CryptoKey; meta: DeviceMeta } | { error: string }> {
  const meta = await deviceMeta();
  const allowed = offlineUnlockAllowed(meta?.sessionExpiresAt, now);
  if (!allowed.ok) return { error: allowed.reason };
  const key = await unwrapDataKey(meta!.wrapped, password);
  if (!key) return { error: 'The password is not right' };
  return { key, meta: meta! };
}

/** A fresh session seen online extends the offline limit. */
export async function noteSession(session: api.Session): Promise<void> {
  const meta = await deviceMeta();
  if (meta && meta.userId === session.user.id && meta.sessionExpiresAt !== session.expiresAt) await put('meta', { ...meta, sessionExpiresAt: session.expiresAt }, 'device');
}

export async function topUpBlocks(deviceId: string): Promise<void> {
  const current = await blocks();
  if (!needsTopUp(current)) return;
  const { block } = await api.newBlock(deviceId);
  await saveBlocks(addBlock(await blocks(), block));
}

/** Sign-out: the device's database and any cached data of the officer's are gone. */
export async function wipeDevice(): Promise<void> {
  await wipeDb();
  if ('caches' in globalThis) for (const name of await caches.keys()) if (name.startsWith('handheld-data')) await caches.delete(name);
  navigator.serviceWorker?.controller?.postMessage({ type: 'wipe' });
}
