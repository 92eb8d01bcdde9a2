import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { ERRORS } from '@tus/utils';
import { writeChunks } from '../../../platform/storage';

// tus's file store, hashing the bytes as they arrive: one pass over them, in constant memory, written
// in batches of a megabyte (tus's own store writes each network chunk on its own, slowly). Each
// upload's running SHA-256 is kept with the offset it has reached; a write that starts anywhere
// else (the upload resumed on another process, or after a write that failed part-way) hashes the
// bytes already on disk first, so the hash is always of exactly the bytes in the file.
// The bytes are also pushed to the disk as they arrive (an fdatasync in the background every 16
// MiB), so that the fsync when the finished upload is adopted into the store has little left to do
// and a large upload is not answered seconds after its last byte arrived.

const SYNC_EVERY_BYTES = 16 * 1024 ** 2;

export class HashingFileStore extends FileStore {
  private readonly running = new Map<string, { hash: Hash; offset: number }>();

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    let state = this.running.get(id);
    this.running.delete(id);
    if (!state || state.offset !== offset) state = { hash: await hashPrefix(this.pathOf(id), offset), offset };
    const s = state;
    const syncing = backgroundSync();
    const handle = await fs.promises.open(this.pathOf(id), 'r+');
    let written = 0;
    try {
      written = await writeChunks(handle, readable, {
        position: offset,
        onChunk: (chunk) => { s.hash.update(chunk); s.offset += chunk.length; syncing.wrote(handle, chunk.length); },
      });
    } catch {
      // What reached the file before the error stays; the next write (from the offset the client
      // asks for) hashes the file's prefix again, as this write's running hash may be ahead of it.
      throw ERRORS.FILE_WRITE_ERROR;
    } finally {
      // The request is answered without waiting for a sync in flight; the file closes after it.
      void Promise.resolve(syncing.done()).finally(() => handle.close().catch(() => undefined));
    }
    // Only a write that ends cleanly keeps its running hash.
    if (offset + written === s.offset) this.running.set(id, s);
    return offset + written;
  }

  /** The SHA-256 of a finished upload's bytes, and forgets it. */
  async finishedSha256(id: string, size: number): Promise<string> {
    let state = this.running.get(id);
    this.running.delete(id);
    if (!state || state.offset !== size) state = { hash: await hashPrefix(this.pathOf(id), size), offset: size };
    return state.hash.digest('hex');
  }

  override async remove(id: string): Promise<void> {
    this.running.delete(id);
    return super.remove(id);
  }

  pathOf(id: string): string {
    return `${this.directory}/${id}`;
  }
}

async function hashPrefix(file: string, length: number): Promise<Hash> {
  const hash = createHash('sha256');
  if (length === 0) return hash;
  await pipeline(fs.createReadStream(file, { start: 0, end: length - 1, highWaterMark: 1 << 20 }), async function* (source) {
    for await (const chunk of source) hash.update(chunk as Buffer);
  });
  return hash;
}

/** fdatasync of the file after every SYNC_EVERY_BYTES written, one at a time, never holding up the bytes. */
function backgroundSync() {
  let unsynced = 0;
  let inFlight: Promise<void> | undefined;
  return {
    wrote(handle: fs.promises.FileHandle, bytes: number) {
      unsynced += bytes;
      if (unsynced < SYNC_EVERY_BYTES || inFlight) return;
      unsynced = 0;
      // Best effort: the fsync on adoption is what makes the bytes safe; this only spreads it out.
      inFlight = handle.datasync().catch(() => undefined).finally(() => { inFlight = undefined; });
    },
    done: () => inFlight,
  };
}
