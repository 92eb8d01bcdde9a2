import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CopyObjectCommand, CreateMultipartUploadCommand, DeleteObjectCommand,
  GetObjectCommand, GetObjectLockConfigurationCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListObjectVersionsCommand,
  paginateListObjectsV2, S3Client, UploadPartCopyCommand, type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { uploadStream } from './s3-upload';
import { objectMissing } from './storage.errors';
import { assertSha256, hashPassing, isSha256, objectStoreFrom, removeOldFiles, type ObjectStore } from './storage';

// The S3-compatible store: `<prefix>objects/<sha256>` in a bucket. Bytes stream to a temporary key
// (`<prefix>tmp/`, multipart, a few parts in memory at a time: s3-upload.ts) while they are hashed; the store
// then copies them to their real key inside the bucket, only where that key is absent (HeadObject,
// and If-None-Match where the store honours it), under object lock in compliance mode where the
// bucket has it, and deletes the temporary key. A crash leaves at most a temporary key or an
// unfinished multipart upload, which sweepTemporary() removes later.

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** The most one CopyObject may copy; bigger objects are copied in parts (UploadPartCopy). */
export const COPY_LIMIT = 5 * GiB;
const MAX_PARTS = 10_000;

export interface S3StoreOptions {
  client: S3Client;
  bucket: string;
  /** A folder in the bucket, empty or ending in `/`. */
  prefix?: string;
  /** Days each new object stays locked (compliance mode) where the bucket has object lock; 0: none. */
  objectLockDays?: number;
  /** Where withLocalFile downloads its checked copies: a folder of their own, which sweepTemporary() empties of old ones. */
  scratchDir?: string;
  /** Bytes per uploaded part: an upload holds five parts in memory. */
  partSize?: number;
  log?: Pick<Logger, 'warn'>;
}

export function s3ClientFor(s3: NonNullable<Config['s3']>, more: S3ClientConfig = {}) {
  const credentials = s3.accessKeyId ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey ?? '' } : undefined;
  return new S3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: s3.forcePathStyle, credentials, ...more });
}

export function s3ObjectStore({ client, bucket, prefix = '', objectLockDays = 0, scratchDir = path.join(os.tmpdir(), 'vigil-object-copies'), partSize = 8 * MiB, log }: S3StoreOptions): ObjectStore {
  const Bucket = bucket;
  const keyOf = (sha256: string) => `${prefix}objects/${assertSha256(sha256)}`;
  const tmpPrefix = `${prefix}tmp/`;
  const copySource = (key: string) => `${bucket}/${encodeURI(key)}`;
  const lockFor = objectLockParams({ client, bucket, objectLockDays, log });

  const exists = (Key: string) => client.send(new HeadObjectCommand({ Bucket, Key })).then(() => true, (err) => unlessMissing(err, false));

  /** Copies `from` to `to` unless `to` exists (true when this call made it). */
  async function copyInto({ from, to, size }: { from: string; to: string; size: number }) {
    const lock = await lockFor(new Date());
    const copy = async (condition: { IfNoneMatch?: string }) => {
      if (size > COPY_LIMIT) return copyInParts({ client, Bucket, from: copySource(from), to, size, condition, lock });
      await client.send(new CopyObjectCommand({ Bucket, Key: to, CopySource: copySource(from), ...condition, ...lock }));
    };
    try {
      // A store that cannot copy on condition copies without: HeadObject found no object just before.
      await copy({ IfNoneMatch: '*' }).catch((err) => (isUnsupported(err) ? copy({}) : Promise.reject(err)));
      return true;
    } catch (err) {
      if (statusOf(err) === 412 && (await exists(to))) return false; // another process stored the same bytes meanwhile
      throw err;
    }
  }

  /** Deletes a key, every version of it where the bucket keeps versions (object lock does). */
  async function removeKey(Key: string) {
    const listed = await client.send(new ListObjectVersionsCommand({ Bucket, Prefix: Key })).catch((err) => {
      if (isUnsupported(err)) return undefined;
      throw err;
    });
    const versions = [...(listed?.Versions ?? []), ...(listed?.DeleteMarkers ?? [])].filter((v) => v.Key === Key && v.VersionId);
    if (versions.length === 0) await client.send(new DeleteObjectCommand({ Bucket, Key }));
    for (const { VersionId } of versions) await client.send(new DeleteObjectCommand({ Bucket, Key, VersionId }));
  }

  const store: ObjectStore = objectStoreFrom({
    kind: 's3',

    async putStream(source, options = {}) {
      const tmpKey = `${tmpPrefix}${randomUUID()}`;
      const hashing = hashPassing(source, options);
      try {
        await uploadStream({ client, Bucket, Key: tmpKey, source: hashing.chunks, partSize, signal: options.signal });
        const { sha256, size } = hashing.result(options.expectedSha256);
        const key = keyOf(sha256);
        const created = !(await exists(key)) && (await copyInto({ from: tmpKey, to: key, size }));
        return { sha256, size, created };
      } finally {
        await removeKey(tmpKey).catch((err) => log?.warn({ err, key: tmpKey }, 'a temporary object was left for the sweep'));
      }
    },

    async open(sha256, range) {
      const Range = range && `bytes=${range.start}-${range.end}`;
      try {
        return (await client.send(new GetObjectCommand({ Bucket, Key: keyOf(sha256), Range }))).Body as Readable;
      } catch (err) {
        if (range && (statusOf(err) === 416 || nameOf(err) === 'InvalidRange')) throw new RangeError(`bytes ${range.start}- are past the end of ${sha256}`);
        return unlessMissing(err, undefined);
      }
    },

    async stat(sha256) {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha256) })).catch((err) => unlessMissing(err, undefined));
      return head && { size: head.ContentLength ?? 0 };
    },

    async withLocalFile(sha256, fn) {
      const stream = await store.read(sha256);
      if (!stream) throw objectMissing({ sha256 });
      await fs.mkdir(scratchDir, { recursive: true });
      const file = path.join(scratchDir, `${randomUUID()}-${sha256}`);
      try {
        await pipeline(stream, createWriteStream(file, { flags: 'wx', mode: 0o444 }));
        return await fn(file);
      } finally {
        await fs.rm(file, { force: true });
      }
    },

    remove: async (sha256) => removeKey(keyOf(sha256)),

    async *list() {
      const Prefix = `${prefix}objects/`;
      for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix })) {
        for (const { Key = '', Size = 0 } of page.Contents ?? []) {
          const name = Key.slice(Prefix.length);
          if (isSha256(name)) yield { sha256: name, size: Size };
        }
      }
    },

    async sweepTemporary({ olderThanMs }) {
      const before = Date.now() - olderThanMs;
      let removed = 0;
      for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: tmpPrefix })) {
        for (const { Key, LastModified } of page.Contents ?? []) {
          if (!Key || !LastModified || LastModified.getTime() > before) continue;
          await removeKey(Key);
          removed += 1;
        }
      }
      removed += await removeOldFiles({ dir: scratchDir, olderThanMs }); // copies lent to ffmpeg by a process that crashed
      for (let marker: { KeyMarker?: string; UploadIdMarker?: string } = {}; ;) {
        const listed = await client.send(new ListMultipartUploadsCommand({ Bucket, Prefix: tmpPrefix, ...marker })).catch((err) => {
          if (isUnsupported(err)) return undefined;
          throw err;
        });
        for (const { Key, UploadId, Initiated } of listed?.Uploads ?? []) {
          if (!Initiated || Initiated.getTime() > before) continue;
          await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
          removed += 1;
        }
        if (!listed?.IsTruncated) return removed;
        marker = { KeyMarker: listed.NextKeyMarker, UploadIdMarker: listed.NextUploadIdMarker };
      }
    },
  });
  return store;
}

/** A copy too big for CopyObject, in parts of the object copied inside the store (UploadPartCopy). */
async function copyInParts({ client, Bucket, from, to, size, condition, lock }: {
  client: S3Client; Bucket: string; from: string; to: string; size: number; condition: { IfNoneMatch?: string }; lock: object;
}) {
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: to, ...lock }));
  try {
    const Parts = await mapLimited(copyParts({ size }), 4, async ({ partNumber, first, last }) => {
      const part = await client.send(new UploadPartCopyCommand({ Bucket, Key: to, UploadId, PartNumber: partNumber, CopySource: from, CopySourceRange: `bytes=${first}-${last}` }));
      return { PartNumber: partNumber, ETag: part.CopyPartResult?.ETag };
    });
    await client.send(new CompleteMultipartUploadCommand({ Bucket, Key: to, UploadId, MultipartUpload: { Parts }, ...condition }));
  } catch (err) {
    await client.send(new AbortMultipartUploadCommand({ Bucket, Key: to, UploadId })).catch(() => {});
    throw err;
  }
}

/** The byte ranges of a copy in parts: at least 512 MiB each, at most 10,000 of them. */
export function copyParts({ size, partSize = 512 * MiB }: { size: number; partSize?: number }) {
  const each = Math.max(partSize, Math.ceil(size / MAX_PARTS));
  const parts: { partNumber: number; first: number; last: number }[] = [];
  for (let first = 0; first < size; first += each) parts.push({ partNumber: parts.length + 1, first, last: Math.min(size, first + each) - 1 });
  return parts;
}

/**
 * The object lock to ask for on a new object: compliance mode until `objectLockDays` from now,
 * where that is more than 0 and the bucket has object lock (asked once; a store without it is
 * told so in the log and its objects are kept without).
 */
function objectLockParams({ client, bucket, objectLockDays, log }: { client: S3Client; bucket: string; objectLockDays: number; log?: Pick<Logger, 'warn'> }) {
  let enabled: Promise<boolean> | undefined;
  const bucketHasLock = () => (enabled ??= client.send(new GetObjectLockConfigurationCommand({ Bucket: bucket })).then(
    (r) => r.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled',
    (err) => {
      if (!isUnsupported(err)) {
        enabled = undefined; // ask again next time: this was the network or a permission, not the answer
        throw err;
      }
      return false;
    },
  ).then((on) => {
    if (!on) log?.warn({ bucket, objectLockDays }, 'VIGIL_S3_OBJECT_LOCK_DAYS is set but the bucket has no object lock: objects are kept without it');
    return on;
  }));
  return async (now: Date) => (objectLockDays > 0 && (await bucketHasLock())
    ? { ObjectLockMode: 'COMPLIANCE' as const, ObjectLockRetainUntilDate: new Date(now.getTime() + objectLockDays * 86_400_000) }
    : {});
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const work = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, work));
  return results;
}

const nameOf = (err: unknown) => (err as { name?: string } | undefined)?.name;
const statusOf = (err: unknown) => (err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;

/** The store does not do this (s3rver, some self-hosted stores) or the bucket has none of it. */
const isUnsupported = (err: unknown) => ['NotImplemented', 'MethodNotAllowed', 'ObjectLockConfigurationNotFoundError'].includes(nameOf(err) ?? '') || [405, 501].includes(statusOf(err) ?? 0);

function unlessMissing<T>(err: unknown, missing: T): T {
  if (nameOf(err) === 'NoSuchKey' || nameOf(err) === 'NotFound') return missing;
  throw err;
}
