import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { hashMismatch } from './storage.errors';

// The write-once object store: files addressed by the SHA-256 of their bytes, kept in the file
// system (file-store.ts, the default) or an S3-compatible bucket (s3-store.ts); index.ts picks one
// from the configuration. Both write under a temporary name and give an object its real name only
// once every byte is safely written and hashed, so a crash never leaves half a file under a real
// name, and neither ever replaces an object. Bytes stream through in chunks, never whole files.

export interface StoredObject { sha256: string; size: number; created: boolean }

export interface PutOptions {
  /** Refuse (and keep nothing) unless the bytes hash to this. */
  expectedSha256?: string;
  /** Called as bytes arrive, with the running total. */
  onProgress?(bytes: number): void;
  signal?: AbortSignal;
}

export interface ObjectCheck { state: 'ok' | 'missing' | 'mismatch'; /** what the bytes hash to now, when present */ actual?: string; size?: number }

/**
 * The write-once object store: every file Vigil keeps (footage masters, working copies, stills,
 * packages, signatures, audit anchors), addressed by the SHA-256 of its bytes. Two stores satisfy
 * it, the file system (the default) and an S3-compatible bucket, and one test suite runs on both.
 */
export interface ObjectStore {
  readonly kind: 'file' | 's3';
  /** Stores small bytes held in memory (once: the same bytes again change nothing). */
  put(data: Uint8Array | string): Promise<StoredObject>;
  /**
   * Streams bytes in, hashing as they pass (one pass, constant memory), and stores them under their
   * SHA-256 only once every byte is safely written. On an error, an abort or a wrong
   * `expectedSha256`, nothing is kept under a real name.
   */
  putStream(source: AsyncIterable<Uint8Array>, options?: PutOptions): Promise<StoredObject>;
  /** putStream of a file on this machine. */
  putFile(file: string, options?: PutOptions): Promise<StoredObject>;
  /**
   * Takes over a file on this machine whose SHA-256 was computed as its bytes arrived (an upload):
   * the file store links it into place on the same file system (no second pass over the bytes; the
   * file then belongs to the store, and its own name may be removed); elsewhere it is copied and its
   * hash checked as it streams.
   */
  adoptFile(args: { file: string; sha256: string }): Promise<StoredObject>;
  /** The object's size, or undefined where there is none. */
  stat(sha256: string): Promise<{ size: number } | undefined>;
  /**
   * A read that re-checks the hash as the bytes stream out: the last chunk is held back until the
   * hash is known, and on a mismatch the stream ends with an ObjectIntegrityError instead (so a
   * download never completes with altered bytes). Undefined where there is no such object.
   */
  read(sha256: string): Promise<NodeJS.ReadableStream & AsyncIterable<Buffer> | undefined>;
  /** Bytes start..end (inclusive) unchecked, for the player's range requests: the caller checks the whole object first. */
  readRange(sha256: string, range: { start: number; end: number }): Promise<NodeJS.ReadableStream & AsyncIterable<Buffer> | undefined>;
  /** Small objects, whole and checked. */
  find(sha256: string): Promise<Buffer | undefined>;
  /** Re-hashes the whole object. */
  check(sha256: string): Promise<ObjectCheck>;
  /**
   * Runs `fn` with the path of a local file holding the object, for ffmpeg: the file store's own
   * read-only file; the S3 store downloads a checked copy to a temporary file, removed afterwards.
   */
  withLocalFile<T>(sha256: string, fn: (file: string) => Promise<T>): Promise<T>;
  /** Removes an object: retention's destruction, after its record is written, and nothing else. */
  remove(sha256: string): Promise<void>;
  /** Every object held. */
  list(): AsyncIterable<{ sha256: string; size: number }>;
  /**
   * Removes what writes cut short left behind (a crash, a killed process), when older than
   * `olderThanMs`: another process may be writing a newer one right now. Returns how many.
   */
  sweepTemporary(options: { olderThanMs: number }): Promise<number>;
}

export class ObjectIntegrityError extends Error {
  constructor(readonly sha256: string, readonly actual: string) {
    super(`stored object ${sha256} now hashes to ${actual}`);
    this.name = 'ObjectIntegrityError';
  }
}

/** What read() and readRange() give. */
export type ByteStream = NodeJS.ReadableStream & AsyncIterable<Buffer>;
export interface ByteRange { start: number; end: number }

/** How much is read or written at a time: big enough that each call costs little beside its bytes. */
export const CHUNK_SIZE = 1024 * 1024;

const SHA256 = /^[0-9a-f]{64}$/;
export const isSha256 = (s: string) => SHA256.test(s);

/** Object names come from requests too: nothing but a SHA-256 may become a path or a key. */
export function assertSha256(sha256: string) {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return sha256;
}

export const sha256Of = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Creates `file` (it must not exist) with `mode`, and returns once its bytes are on disk. */
export async function writeSynced(file: string, data: Uint8Array | string, mode: number) {
  const handle = await fs.open(file, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes the files in `dir` last written `olderThanMs` ago or earlier; returns how many. */
export async function removeOldFiles({ dir, olderThanMs }: { dir: string; olderThanMs: number }) {
  const names = await fs.readdir(dir).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? [] : Promise.reject(err)));
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => undefined); // gone meanwhile: its writer finished
    if (!stat?.isFile() || Date.now() - Math.floor(stat.mtimeMs) < olderThanMs) continue; // whole ms, as Date.now() counts
    await fs.rm(file, { force: true });
    removed += 1;
  }
  return removed;
}

/** What a store must do itself; objectStoreFrom() builds the rest of ObjectStore on it. */
export type StoreCore = Pick<ObjectStore, 'kind' | 'putStream' | 'stat' | 'withLocalFile' | 'remove' | 'list' | 'sweepTemporary'> & Partial<Pick<ObjectStore, 'adoptFile'>> & {
  /** The stored bytes as they are (a range of them), unchecked; undefined where there is no such object. */
  open(sha256: string, range?: ByteRange): Promise<Readable | undefined>;
};

export function objectStoreFrom({ open, ...core }: StoreCore): ObjectStore {
  const read = async (sha256: string) => {
    const raw = await open(sha256);
    return raw && Readable.from(checked(raw, sha256), { objectMode: false });
  };
  return {
    ...core,
    put: (data) => core.putStream(Readable.from([typeof data === 'string' ? Buffer.from(data, 'utf8') : data], { objectMode: false })),
    putFile: (file, options) => core.putStream(createReadStream(file, { highWaterMark: CHUNK_SIZE }), options),
    adoptFile: core.adoptFile ?? (({ file, sha256 }) => core.putStream(createReadStream(file, { highWaterMark: CHUNK_SIZE }), { expectedSha256: sha256 })),
    read,
    async readRange(sha256, range) {
      const { start, end } = range;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) throw new RangeError(`not a byte range: ${start}-${end}`);
      return open(sha256, range);
    },
    async find(sha256) {
      const stream = await read(sha256);
      if (!stream) return undefined;
      const parts: Buffer[] = [];
      for await (const chunk of stream) parts.push(chunk);
      return Buffer.concat(parts);
    },
    async check(sha256) {
      const raw = await open(sha256);
      if (!raw) return { state: 'missing' };
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of raw) { hash.update(chunk); size += chunk.length; }
      const actual = hash.digest('hex');
      return { state: actual === sha256 ? 'ok' : 'mismatch', actual, size };
    },
  };
}

/**
 * The bytes of `raw`, hashed as they pass. The last chunk is held back until the hash is known, so
 * that a reader of altered bytes gets an ObjectIntegrityError instead of the whole (wrong) file.
 */
async function* checked(raw: AsyncIterable<Buffer>, sha256: string) {
  const hash = createHash('sha256');
  let held: Buffer | undefined;
  for await (const chunk of raw) {
    hash.update(chunk);
    if (held) yield held;
    held = chunk;
  }
  const actual = hash.digest('hex');
  if (actual !== sha256) throw new ObjectIntegrityError(sha256, actual);
  if (held) yield held;
}

/**
 * Passes the chunks of `source` on to a writer, hashing and counting them. A chunk is hashed when
 * the writer asks for the next one, so the writer can start writing it first and the two overlap;
 * a source must therefore not reuse a chunk's memory (Node's streams never do). `result()` is the
 * hash once every chunk has passed, or a storage.hash_mismatch error where `expectedSha256` differs.
 */
export function hashPassing(source: AsyncIterable<Uint8Array>, { signal, onProgress }: PutOptions = {}) {
  const hash = createHash('sha256');
  let size = 0;
  let finished = false;
  async function* chunks() {
    for await (const chunk of abortable(source, signal)) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (buffer.byteLength === 0) continue;
      yield buffer;
      hash.update(buffer);
      size += buffer.byteLength;
      onProgress?.(size);
    }
    signal?.throwIfAborted();
    finished = true;
  }
  return {
    chunks: chunks(),
    result(expectedSha256?: string) {
      if (!finished) throw new Error('the source was not read to its end');
      const sha256 = hash.digest('hex');
      if (expectedSha256 !== undefined && expectedSha256 !== sha256) throw hashMismatch({ expected: expectedSha256, actual: sha256 });
      return { sha256, size };
    },
  };
}

/** `source`, ending with the signal's reason as soon as it aborts, even while the source is stalled. */
async function* abortable<T>(source: AsyncIterable<T>, signal?: AbortSignal): AsyncGenerator<T> {
  if (!signal) return yield* source;
  signal.throwIfAborted();
  const iterator = source[Symbol.asyncIterator]();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {}); // only ever awaited in the race below
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    // A stream stalled in the middle of a read gives its resources back only when destroyed.
    if (!signal.aborted) await iterator.return?.();
    else if (source instanceof Readable) source.destroy();
    else void Promise.resolve(iterator.return?.()).catch(() => {});
  }
}
