// What a file's own bytes say before ffprobe is asked: whether a known video container (MP4/MOV,
// AVI, Matroska) is whole, and what a file that is not video is (so the refusal can say so).
// ffprobe alone reads a cut-short MP4 with its index at the front as if it were whole, and says
// only "Invalid data" of a zip; the structure says more. Reads only headers, never the whole file.

/** Reads up to `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

export type ContainerFamily = 'isobmff' | 'avi' | 'matroska' | 'other';

export interface Structure {
  family: ContainerFamily;
  /** Why the container is cut short, if it is. */
  truncated?: string;
  /** What the file is, if its first bytes say it is not video. */
  nonVideo?: string;
}

const ISO_TOP_LEVEL = new Set(['ftyp', 'styp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'uuid', 'moof', 'sidx', 'meta']);
const IMAGE_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'mif1', 'avif', 'jpeg']);
const MAX_BOXES = 200_000;

const bytes = (n: number) => `${n.toLocaleString('en-GB')} bytes`;

export async function inspectStructure({ head, size, read }: { head: Buffer; size: number; read: ReadAt }): Promise<Structure> {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1');
  if (head.length >= 8 && ISO_TOP_LEVEL.has(ascii(4, 8))) return { family: 'isobmff', ...(await inspectIsoBmff({ head, size, read })) };
  if (head.length >= 12 && ascii(0, 4) === 'RIFF') {
    const form = ascii(8, 12);
    if (form === 'AVI ') return { family: 'avi', ...(await inspectRiff({ size, read })) };
    if (form === 'WAVE') return { family: 'other', nonVideo: 'an audio file (WAV), with no video' };
    if (form === 'WEBP') return { family: 'other', nonVideo: 'a still image (WebP), not a video' };
  }
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return { family: 'matroska', truncated: inspectMatroska({ head, size }) };
  return { family: 'other', nonVideo: recogniseNonVideo(head) };
}

async function inspectIsoBmff({ head, size, read }: { head: Buffer; size: number; read: ReadAt }): Promise<Omit<Structure, 'family'>> {
  if (head.subarray(4, 8).toString('latin1') === 'ftyp' && head.length >= 16) {
    const brands = [head.subarray(8, 12).toString('latin1')];
    for (let at = 16; at + 4 <= Math.min(head.readUInt32BE(0), head.length); at += 4) brands.push(head.subarray(at, at + 4).toString('latin1'));
    if (IMAGE_BRANDS.has(brands[0])) return { nonVideo: 'a still image (HEIF/AVIF), not a video' };
  }
  const seen = new Set<string>();
  let offset = 0;
  for (let n = 0; offset < size && n < MAX_BOXES; n++) {
    const box = await read(offset, 16);
    if (box.length < 8) return { truncated: `The file is cut short: it ends inside a box header at byte ${offset}.` };
    const type = box.subarray(4, 8).toString('latin1');
    let boxSize = box.readUInt32BE(0);
    if (boxSize === 1) {
      if (box.length < 16) return { truncated: `The file is cut short: it ends inside the '${type}' box header.` };
      boxSize = Number(box.readBigUInt64BE(8));
    } else if (boxSize === 0) {
      boxSize = size - offset; // "to the end of the file": the last box
    }
    if (boxSize < 8 || !/^[\x20-\x7e]{4}$/.test(type)) return { truncated: `The file is damaged: the box at byte ${offset} is not a valid MP4 box.` };
    if (offset + boxSize > size) {
      return { truncated: `The file is cut short: its '${type}' box needs ${bytes(boxSize)} from byte ${offset}, but the file ends ${bytes(offset + boxSize - size)} before that.` };
    }
    seen.add(type);
    offset += boxSize;
  }
  if (!seen.has('moov')) {
    return { truncated: "The recording was not finished: the file has no 'moov' box (the index MP4 and MOV players need), which a recorder writes when it closes the file." };
  }
  return {};
}

async function inspectRiff({ size, read }: { size: number; read: ReadAt }): Promise<Omit<Structure, 'family'>> {
  // An AVI is one RIFF 'AVI ' chunk, followed by RIFF 'AVIX' chunks past 1 GB (OpenDML).
  let offset = 0;
  while (offset + 12 <= size) {
    const chunk = await read(offset, 12);
    if (chunk.length < 12 || chunk.subarray(0, 4).toString('latin1') !== 'RIFF') break;
    const declared = chunk.readUInt32LE(4);
    if (declared === 0) return { truncated: 'The recording was not finished: the AVI header still says 0 bytes, which a recorder corrects when it closes the file.' };
    const end = offset + 8 + declared;
    if (end > size) return { truncated: `The file is cut short: its AVI header declares ${bytes(end)}, but the file has ${bytes(size)}.` };
    offset = end + (declared % 2); // chunks are padded to an even length
  }
  return {};
}

function inspectMatroska({ head, size }: { head: Buffer; size: number }): string | undefined {
  // EBML header, then the Segment, whose size covers the rest of the file unless it is "unknown" (a live stream).
  const header = readVint(head, 4);
  if (!header) return undefined;
  const segmentAt = 4 + header.length + header.value;
  if (segmentAt + 4 > head.length || head.readUInt32BE(segmentAt) !== 0x18538067) return undefined;
  const segment = readVint(head, segmentAt + 4);
  if (!segment || segment.unknown) return undefined;
  const end = segmentAt + 4 + segment.length + segment.value;
  return end > size ? `The file is cut short: its Matroska segment declares ${bytes(end)}, but the file has ${bytes(size)}.` : undefined;
}

/** An EBML variable-length integer: its length in bytes, its value, and whether it is the "unknown size" marker. */
export function readVint(buf: Buffer, at: number): { length: number; value: number; unknown: boolean } | undefined {
  const first = buf[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (at + length > buf.length) return undefined;
  let value = first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + buf[at + i];
    allOnes &&= buf[at + i] === 0xff;
  }
  return { length, value, unknown: allOnes };
}

const SIGNATURES: [RegExp, string][] = [
  [/^PK\x03\x04|^PK\x05\x06/, 'a zip archive (or an Office document)'],
  [/^%PDF-/, 'a PDF document'],
  [/^\x1f\x8b/, 'a gzip archive'],
  [/^Rar!\x1a\x07/, 'a RAR archive'],
  [/^7z\xbc\xaf\x27\x1c/, 'a 7-Zip archive'],
  [/^\x7fELF/, 'a program (ELF executable)'],
  [/^MZ/, 'a Windows program'],
  [/^\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1/, 'an Office document'],
  [/^\x89PNG\r\n\x1a\n/, 'a still image (PNG), not a video'],
  [/^\xff\xd8\xff/, 'a still image (JPEG), not a video'],
  [/^GIF8[79]a/, 'an image (GIF), not a video'],
  [/^BM/, 'a still image (BMP), not a video'],
  [/^II\*\x00|^MM\x00\*/, 'a still image (TIFF), not a video'],
  [/^ID3|^fLaC/, 'an audio file, with no video'],
];

/** What a file that is not video is, from its first bytes; undefined when they say nothing. */
export function recogniseNonVideo(head: Buffer): string | undefined {
  const start = head.subarray(0, 16).toString('latin1');
  for (const [pattern, what] of SIGNATURES) if (pattern.test(start)) return what;
  return isText(head) ? 'a text file' : undefined;
}

function isText(head: Buffer): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 4096));
  const bad = [...text].filter((c) => c === '\ufffd' || (c < ' ' && !'\n\r\t\f'.includes(c))).length;
  // A cut in the middle of a multi-byte character at the 4096th byte is not a reason to doubt it.
  return bad <= 1;
}
