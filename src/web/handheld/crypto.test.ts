import { describe, expect, it } from 'vitest';
import { fromBase64, openBytes, openJson, PBKDF2_ITERATIONS, sealBytes, sealJson, toBase64, unwrapDataKey, uuid, wrapDataKey } from './crypto';

const serverKey = () => toBase64(globalThis.crypto.getRandomValues(new Uint8Array(32)));

describe('the data key wrapped with the password', () => {
  it('unwraps with the same password and reads what the first key sealed', async () => {
    const { stored, key } = await wrapDataKey(serverKey(), 'copper meadow lantern', 1000);
    const sealed = await sealJson(key, { vrm: 'AB12 CDE' });
    const again = await unwrapDataKey(stored, 'copper meadow lantern');
    expect(again).toBeDefined();
    expect(await openJson(again!, sealed)).toEqual({ vrm: 'AB12 CDE' });
  });

  it('refuses another password', async () => {
    const { stored } = await wrapDataKey(serverKey(), 'copper meadow lantern', 1000);
    expect(await unwrapDataKey(stored, 'copper meadow lanterN')).toBeUndefined();
  });

  it('stores neither the key nor the password in the clear, and the key cannot be exported', async () => {
    const raw = serverKey();
    const { stored, key } = await wrapDataKey(raw, 'copper meadow lantern', 1000);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(raw);
    expect(text).not.toContain('copper');
    expect(key.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('uses many PBKDF2 iterations by default', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { stored } = await wrapDataKey(serverKey(), 'pw');
    expect(stored.iterations).toBe(PBKDF2_ITERATIONS);
  });

  it('refuses a key that is not 256 bits', async () => {
    await expect(wrapDataKey(toBase64(new Uint8Array(16)), 'pw', 1000)).rejects.toThrow(/256 bits/);
  });
});

describe('sealed bytes', () => {
  it('round-trip, with a fresh IV each time, and a tampered box is refused', async () => {
    const { key } = await wrapDataKey(serverKey(), 'pw', 1000);
    const photo = new Uint8Array([0xff, 0xd8, 1, 2, 3]).buffer;
    const a = await sealBytes(key, photo);
    const b = await sealBytes(key, photo);
    expect(a.iv).not.toBe(b.iv);
    expect(new Uint8Array(await openBytes(key, a))).toEqual(new Uint8Array(photo));
    const bad = new Uint8Array(a.data.slice(0)); bad[0] ^= 1;
    await expect(openBytes(key, { iv: a.iv, data: bad.buffer })).rejects.toThrow();
  });

  it('base64 round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64(toBase64(all))).toEqual(all);
  });

  it('makes version 4 UUIDs', () => {
    expect(uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
