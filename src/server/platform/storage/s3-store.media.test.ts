import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3rver } from '../../../../test/support/s3rver';
import { s3ClientFor, s3ObjectStore } from './s3-store';
import { sha256Of } from './storage';
import { collect, describeObjectStore, generated } from './storage.suite';

// The S3-compatible store against s3rver on loopback (no real S3 server installs from npm): the
// shared suite, then the bucket's layout and uploads in parts. What s3rver cannot show: object
// lock (it has none, so the lock is only asked for and the store carries on without it), deletes
// in a versioned bucket, If-None-Match on a copy (it copies over an existing key regardless, so two
// processes storing the same bytes at once both say they made it), and copies in parts of objects
// over 5 GiB (it has no UploadPartCopy; copyParts() is tested on its own in s3-store.test.ts).

const BUCKET = 'vigil-test';
let server: Awaited<ReturnType<typeof startS3rver>>;
let client: S3Client;
const copies = mkdtempSync(path.join(os.tmpdir(), 'vigil-object-copies-'));
beforeAll(async () => {
  server = await startS3rver({ bucket: BUCKET });
  client = s3ClientFor({ bucket: BUCKET, endpoint: server.endpoint, region: 'eu-west-2', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', prefix: '', forcePathStyle: true, objectLockDays: 0 });
});
afterAll(async () => {
  client?.destroy();
  await server?.stop();
  rmSync(copies, { recursive: true, force: true });
});

const keysUnder = async (Prefix: string) => ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix }))).Contents ?? []).map((o) => o.Key!);

describeObjectStore('S3-compatible', async () => {
  const prefix = 'suite/';
  return {
    store: s3ObjectStore({ client, bucket: BUCKET, prefix, scratchDir: copies }),
    async tamper(sha256, bytes) { await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}objects/${sha256}`, Body: bytes })); },
    async drop(sha256) { await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `${prefix}objects/${sha256}` })); },
    temporaries: () => keysUnder(`${prefix}tmp/`),
    async leaveTemporary() { await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}tmp/cut-short`, Body: 'half a file' })); },
    async close() {},
    memoryBound: 128 * 1024 * 1024, // five 8 MiB parts, and garbage not yet collected
  };
});

describe('the S3-compatible store in its bucket', () => {
  it('keeps an object at <prefix>objects/<sha256>, and nothing else once written', async () => {
    const store = s3ObjectStore({ client, bucket: BUCKET, prefix: 'layout/vigil/' });
    const data = Buffer.from('head 42:abc\n');
    const stored = await store.put(data);
    expect(stored).toEqual({ sha256: sha256Of(data), size: data.length, created: true });
    expect(await keysUnder('layout/')).toEqual([`layout/vigil/objects/${stored.sha256}`]);
  });

  it('sends a file in parts of the size set, the last one short, and in one request where it fits in one part', async () => {
    const partSize = 5 * 1024 * 1024; // S3's smallest
    const store = s3ObjectStore({ client, bucket: BUCKET, prefix: 'parts/', partSize });
    for (const size of [partSize, partSize + 1, 2 * partSize, 2 * partSize + 12_345]) {
      const data = Buffer.concat(await collect(generated({ size, seed: `parts-${size}` })));
      const stored = await store.putStream(generated({ size, seed: `parts-${size}` }));
      expect(stored).toEqual({ sha256: sha256Of(data), size, created: true });
      expect((await store.find(stored.sha256))!.equals(data)).toBe(true);
    }
    expect(await keysUnder('parts/tmp/')).toEqual([]);
  });

  it('keeps nothing of a multipart upload whose source fails after some parts went', async () => {
    const store = s3ObjectStore({ client, bucket: BUCKET, prefix: 'failing/', partSize: 5 * 1024 * 1024 });
    async function* failing() {
      yield* generated({ size: 12 * 1024 * 1024, seed: 'failing-parts' });
      throw new Error('the recorder went offline');
    }
    await expect(store.putStream(failing())).rejects.toThrow('the recorder went offline');
    expect(await keysUnder('failing/')).toEqual([]);
  });

  it('asks for object lock once where it is set, and carries on without it where the store has none (s3rver), saying so', async () => {
    const warnings: object[] = [];
    const store = s3ObjectStore({ client, bucket: BUCKET, prefix: 'locked/', objectLockDays: 30, log: { warn: (obj: object) => warnings.push(obj) } });
    expect(await store.put(Buffer.from('kept for 30 days where the bucket can lock'))).toMatchObject({ created: true });
    expect(await store.put(Buffer.from('and another'))).toMatchObject({ created: true });
    expect(warnings).toEqual([{ bucket: BUCKET, objectLockDays: 30 }]);
  });
});
