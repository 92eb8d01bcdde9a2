import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { objectMissing } from './storage.errors';
import { assertSha256, CHUNK_SIZE, hashPassing, isSha256, objectStoreFrom, removeOldFiles, type ObjectStore } from './storage';

// The file-system store: `root/ab/cd/<sha256>`, read-only. An object is written to `root/tmp/`
// (O_EXCL), hashed as it is written, fsynced, and then hard-linked to its real name: link() fails
// where that name exists, so an object is never replaced, and a crash leaves at most a temporary
// file, which sweepTemporary() removes later.

const HEX2 = /^[0-9a-f]{2}$/;

export function fileObjectStore({ root }: { root: string }): ObjectStore {
  const tmpDir = path.join(root, 'tmp');
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), assertSha256(sha256));

  return objectStoreFrom({
    kind: 'file',

    async putStream(source, options = {}) {
      await fs.mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${randomUUID()}.part`);
      const hashing = hashPassing(source, options);
      try {
        const handle = await fs.open(tmp, 'wx', 0o444); // the mode applies to later opens: this one may write
        try {
          await writeChunks(handle, hashing.chunks);
          await handle.sync();
        } finally {
          await handle.close();
        }
        const { sha256, size } = hashing.result(options.expectedSha256);
        const file = pathOf(sha256);
        const made = await fs.mkdir(path.dirname(file), { recursive: true });
        let created = true;
        try {
          await fs.link(tmp, file); // never replaces an existing object, unlike rename
        } catch (err) {
          if (!hasCode(err, 'EEXIST')) throw err;
          created = false;
        }
        if (created) await syncNewName({ file, made });
        return { sha256, size, created };
      } finally {
        await fs.rm(tmp, { force: true });
      }
    },

    async adoptFile({ file: source, sha256 }) {
      const file = pathOf(sha256);
      const handle = await fs.open(source, 'r');
      let size: number;
      try {
        await handle.sync(); // its bytes reach the disk before it has a real name
        size = (await handle.stat()).size;
      } finally {
        await handle.close();
      }
      await fs.chmod(source, 0o444);
      const made = await fs.mkdir(path.dirname(file), { recursive: true });
      try {
        await fs.link(source, file);
      } catch (err) {
        if (hasCode(err, 'EEXIST')) return { sha256, size, created: false };
        if (hasCode(err, 'EXDEV')) return this.putStream(createReadStream(source, { highWaterMark: CHUNK_SIZE }), { expectedSha256: sha256 });
        throw err;
      }
      await syncNewName({ file, made });
      return { sha256, size, created: true };
    },

    async open(sha256, range) {
      const handle = await fs.open(pathOf(sha256), 'r').catch(unlessMissing);
      if (!handle) return undefined;
      if (range && range.start >= (await handle.stat()).size) {
        await handle.close();
        throw new RangeError(`bytes ${range.start}- are past the end of ${sha256}`);
      }
      return handle.createReadStream({ highWaterMark: CHUNK_SIZE, start: range?.start, end: range?.end });
    },

    async stat(sha256) {
      const stat = await fs.stat(pathOf(sha256)).catch(unlessMissing);
      return stat && { size: stat.size };
    },

    async withLocalFile(sha256, fn) {
      const file = pathOf(sha256);
      if (!(await fs.stat(file).catch(unlessMissing))) throw objectMissing({ sha256 });
      return fn(file);
    },

    async remove(sha256) {
      const file = pathOf(sha256);
      await fs.rm(file, { force: true });
      await syncDirectory(path.dirname(file)).catch(unlessMissing);
    },

    async *list() {
      for (const a of await namesIn(root, HEX2)) {
        for (const b of await namesIn(path.join(root, a), HEX2)) {
          for (const sha256 of await namesIn(path.join(root, a, b), isSha256)) {
            if (!sha256.startsWith(a + b)) continue;
            const stat = await fs.stat(path.join(root, a, b, sha256)).catch(unlessMissing);
            if (stat) yield { sha256, size: stat.size };
          }
        }
      }
    },

    sweepTemporary: ({ olderThanMs }) => removeOldFiles({ dir: tmpDir, olderThanMs }),
  });
}

const BATCH_BYTES = 1024 * 1024;

/**
 * Writes a stream's chunks to a file from `position`, in batches of about a megabyte with one batch
 * in flight while the next is read (and hashed, by whoever passes the chunks): small network chunks
 * written one at a time would cost a round trip to the thread pool each. Returns the bytes written;
 * on an error, those before it are on the file and the error is thrown.
 */
export async function writeChunks(handle: fs.FileHandle, chunks: AsyncIterable<Buffer>, { position = 0, onChunk }: { position?: number; onChunk?: (chunk: Buffer) => void } = {}): Promise<number> {
  let at = position;
  let writing: Promise<void> = Promise.resolve();
  let batch: Buffer[] = [];
  let batchBytes = 0;
  const flush = async () => {
    await writing;
    const [buffers, bytes, from] = [batch, batchBytes, at];
    [batch, batchBytes, at] = [[], 0, at + bytes];
    writing = writeAll(handle, buffers.length === 1 ? buffers[0] : Buffer.concat(buffers, bytes), from);
    writing.catch(() => {}); // awaited in the next flush or below; an error in between must not go unhandled
  };
  for await (const chunk of chunks) {
    onChunk?.(chunk);
    batch.push(chunk);
    batchBytes += chunk.byteLength;
    if (batchBytes >= BATCH_BYTES) await flush();
  }
  if (batchBytes) await flush();
  await writing;
  return at - position;
}

async function writeAll(handle: fs.FileHandle, chunk: Buffer, position: number) {
  for (let done = 0; done < chunk.byteLength;) done += (await handle.write(chunk, done, chunk.byteLength - done, position + done)).bytesWritten;
}

/** The new name, and any directory made for it, must survive a crash too. */
async function syncNewName({ file, made }: { file: string; made: string | undefined }) {
  let dir = path.dirname(file);
  await syncDirectory(dir);
  if (made === undefined) return;
  for (const stop = path.dirname(made); dir !== stop; dir = path.dirname(dir)) await syncDirectory(path.dirname(dir));
}

async function syncDirectory(dir: string) {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the file itself is already on disk.
  } finally {
    await handle.close();
  }
}

async function namesIn(dir: string, keep: RegExp | ((name: string) => boolean)) {
  const names = (await fs.readdir(dir).catch(unlessMissing)) ?? [];
  return names.filter((n) => (typeof keep === 'function' ? keep(n) : keep.test(n))).sort();
}

const hasCode = (err: unknown, code: string) => (err as NodeJS.ErrnoException | undefined)?.code === code;

function unlessMissing(err: unknown): undefined {
  if (hasCode(err, 'ENOENT')) return undefined;
  throw err;
}
