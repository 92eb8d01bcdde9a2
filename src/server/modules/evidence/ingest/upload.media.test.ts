import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { Upload } from '@tus/server';
import { uploadStore, UPLOAD_EXPIRY_MS } from './upload.jobs';

// The upload store: hashed as bytes arrive (a write that resumes elsewhere hashes what is on disk
// first), and an upload never finished removed a week after it began, a finished one never.

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vigil-uploads-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('hashes what arrives across a resumed upload, and sweeps only unfinished uploads older than a week', async () => {
  const store = uploadStore({ dataDir });
  const bytes = Buffer.from('0123456789'.repeat(1000));
  await store.create(new Upload({ id: 'fresh', size: bytes.length, offset: 0, creation_date: new Date().toISOString() }));
  await store.write(Readable.from([bytes.subarray(0, 4000)]), 'fresh', 0);
  // The rest arrives at another process: a new store, no running hash.
  const other = uploadStore({ dataDir });
  await other.write(Readable.from([bytes.subarray(4000)]), 'fresh', 4000);
  const { createHash } = await import('node:crypto');
  expect(await other.finishedSha256('fresh', bytes.length)).toBe(createHash('sha256').update(bytes).digest('hex'));

  await store.create(new Upload({ id: 'stale', size: 100, offset: 0, creation_date: new Date(Date.now() - UPLOAD_EXPIRY_MS - 60_000).toISOString() }));
  expect(await store.deleteExpired()).toBe(1);
  expect(readdirSync(path.join(dataDir, 'uploads')).filter((f) => f.startsWith('stale'))).toEqual([]);
  expect(readdirSync(path.join(dataDir, 'uploads')).filter((f) => f.startsWith('fresh')).length).toBeGreaterThan(0);
});
