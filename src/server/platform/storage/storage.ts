import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

// The write-once object store: files addressed by the SHA-256 of their bytes. An object is written
// under a temporary name, fsynced and then linked to its real name, which fails if that name
// exists, so a crash never leaves half a file under a real name and nothing is ever overwritten.
// This is the file-system store under VIGIL_DATA_DIR/objects; an S3-compatible store with object
// lock can satisfy the same interface.

export interface StoredObject { sha256: string; size: number; created: boolean }

export interface ObjectStore {
  /** Stores the bytes (once: the same bytes again change nothing). */
  put(data: Uint8Array): Promise<StoredObject>;
  /** The bytes stored under `sha256`, or undefined. */
  find(sha256: string): Promise<Buffer | undefined>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export const sha256Of = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export function fileObjectStore({ root }: { root: string }): ObjectStore {
  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    async put(data) {
      const sha256 = sha256Of(data);
      const final = pathOf(sha256);
      const dir = path.dirname(final);
      const tmpDir = path.join(root, 'tmp');
      await fs.mkdir(dir, { recursive: true });
      await fs.mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${randomUUID()}.part`);
      await writeSynced(tmp, data, 0o444);
      let created = true;
      try {
        await fs.link(tmp, final); // never replaces an existing object, unlike rename
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        created = false;
      } finally {
        await fs.rm(tmp, { force: true });
      }
      if (created) await syncDirectory(dir);
      return { sha256, size: data.byteLength, created };
    },
    async find(sha256) {
      try {
        return await fs.readFile(pathOf(sha256));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
  };
}

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

/** The new name must survive a crash too. */
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
