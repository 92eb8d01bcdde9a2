import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { ObjectStore } from '../storage/storage';
import { AppError } from './errors';
import { problem, problemResponse } from './problem';

// Serving a stored file: whole (its hash re-checked as it streams, the download ending in an error
// on a mismatch), or a byte range for a player seeking in it (the caller has checked the whole
// object first). A partial answer says which bytes and of how many.

export interface StoredFile { sha256: string; size: number; mediaType: string; filename: string }

/** The one range a player asks for ("bytes=START-END", "bytes=START-", "bytes=-SUFFIX"); undefined: the whole file. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') { start = Math.max(0, size - Number(m[2])); end = size - 1; } else { start = Number(m[1]); end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1); }
  if (start > end || start >= size) return 'unsatisfiable';
  return { start, end };
}

const disposition = (filename: string, download: boolean) =>
  `${download ? 'attachment' : 'inline'}; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

export async function serveStoredFile(c: Context, { store, file, download, range }: { store: ObjectStore; file: StoredFile; download: boolean; range: ReturnType<typeof parseRange> }) {
  const headers: Record<string, string> = {
    'content-type': file.mediaType, 'accept-ranges': 'bytes', 'content-disposition': disposition(file.filename, download),
    'cache-control': 'private, no-store', 'x-content-sha256': file.sha256,
  };
  if (range === 'unsatisfiable') {
    return problemResponse(c, problem({ status: 416, code: 'http.range_not_satisfiable', detail: `The file is ${file.size} bytes long: ask for bytes within it.` }), { 'content-range': `bytes */${file.size}` });
  }
  const stream = range ? await store.readRange(file.sha256, range) : await store.read(file.sha256);
  if (!stream) throw new AppError({ code: 'evidence.file_missing', status: 500, message: 'The stored file is missing. It has been reported to the coordinators.' });
  const body = Readable.toWeb(stream as Readable) as ReadableStream;
  if (range) return c.body(body, 206, { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${file.size}`, 'content-length': String(range.end - range.start + 1) });
  return c.body(body, 200, { ...headers, 'content-length': String(file.size) });
}
