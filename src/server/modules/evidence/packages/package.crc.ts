import { createRequire } from 'node:module';
import zlib from 'node:zlib';

// yazl computes each entry's CRC-32 with buffer-crc32, a table lookup in JavaScript that runs at
// about 400 MB/s here: slower than the disk, and the one thing that would make a package build
// slower than `zip -0`. zlib's own crc32 (Node 20.15 and later) gives the same numbers about ten
// times faster, so buffer-crc32's `unsigned` (the one function yazl calls) is pointed at it. The
// media tests check every CRC with `unzip -t`.

type Crc32 = { unsigned: (buf: Buffer | string, previous?: number) => number };
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Buffer | string, value?: number) => number }).crc32;

let done = false;
export function useNativeCrc32() {
  if (done || !nativeCrc32) return;
  done = true;
  // The same module instance yazl requires (packages stay external to the server build).
  const crc32 = createRequire(createRequire(import.meta.url).resolve('yazl'))('buffer-crc32') as Crc32;
  crc32.unsigned = (buf, previous) => nativeCrc32(buf, typeof previous === 'number' ? previous >>> 0 : 0);
}
