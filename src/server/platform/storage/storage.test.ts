import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fileObjectStore, sha256Of } from './storage';

// The file-system object store, in a temporary directory.

const root = mkdtempSync(path.join(os.tmpdir(), 'vigil-objects-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const store = fileObjectStore({ root });

it('stores bytes under their SHA-256, read-only, and gives them back', async () => {
  const data = Buffer.from('head 42:abc\n');
  const stored = await store.put(data);
  expect(stored).toEqual({ sha256: sha256Of(data), size: data.length, created: true });
  expect(await store.find(stored.sha256)).toEqual(data);
  const file = path.join(root, stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256);
  expect(statSync(file).mode & 0o222).toBe(0); // nobody may write to it
  expect(await store.find('0'.repeat(64))).toBeUndefined();
});

it('never rewrites an object: the same bytes again change nothing, and no temporary file is left', async () => {
  const data = Buffer.from('the same bytes');
  const first = await store.put(data);
  const before = statSync(path.join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256));
  const again = await Promise.all([store.put(data), store.put(data)]);
  expect(again.map((a) => a.created)).toEqual([false, false]);
  const after = statSync(path.join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256));
  expect(after.ino).toBe(before.ino);
  expect(after.mtimeMs).toBe(before.mtimeMs);
  expect(readdirSync(path.join(root, 'tmp'))).toEqual([]);
});

it('refuses a name that is not a SHA-256', async () => {
  await expect(store.find('../../etc/passwd')).rejects.toThrow(/not a SHA-256/);
});
