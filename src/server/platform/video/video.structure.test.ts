import { describe, expect, it } from 'vitest';
import { inspectStructure, readVint, recogniseNonVideo } from './video.structure';

const box = (type: string, body: number | Buffer, declared?: number) => {
  const content = typeof body === 'number' ? Buffer.alloc(body) : body;
  const header = Buffer.alloc(8);
  header.writeUInt32BE(declared ?? 8 + content.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, content]);
};
const ftyp = (brand = 'isom') => box('ftyp', Buffer.from(`${brand}\0\0\x02\0isomiso2`, 'latin1'));

/** Inspects bytes as if they were a file of `size` bytes (the bytes themselves may stop sooner). */
const inspect = (bytes: Buffer, size = bytes.length) =>
  inspectStructure({ head: bytes.subarray(0, 64 * 1024), size, read: async (offset, length) => bytes.subarray(offset, offset + length) });

describe('MP4 and MOV (ISO boxes)', () => {
  it('a whole file passes, with its index before or after the media', async () => {
    expect(await inspect(Buffer.concat([ftyp(), box('moov', 100), box('mdat', 1000)]))).toEqual({ family: 'isobmff' });
    expect(await inspect(Buffer.concat([ftyp(), box('free', 8), box('mdat', 1000), box('moov', 100)]))).toEqual({ family: 'isobmff' });
  });

  it('a box running past the end of the file is cut short, and says by how much', async () => {
    const whole = Buffer.concat([ftyp(), box('moov', 100), box('mdat', 1000)]);
    const cut = whole.subarray(0, whole.length - 300);
    expect((await inspect(cut)).truncated).toMatch(/'mdat' box needs 1,008 bytes from byte \d+, but the file ends 300 bytes before that/);
  });

  it('no index at all is an unfinished recording', async () => {
    expect((await inspect(Buffer.concat([ftyp(), box('mdat', 1000)]))).truncated).toMatch(/no 'moov' box/);
  });

  it('reads 64-bit sizes and a last box that runs to the end of the file', async () => {
    const large = Buffer.alloc(16);
    large.writeUInt32BE(1, 0);
    large.write('mdat', 4, 'latin1');
    large.writeBigUInt64BE(16n + 500n, 8);
    expect(await inspect(Buffer.concat([ftyp(), box('moov', 10), large, Buffer.alloc(500)]))).toEqual({ family: 'isobmff' });
    expect((await inspect(Buffer.concat([ftyp(), box('moov', 10), large, Buffer.alloc(499)]))).truncated).toMatch(/'mdat'/);
    expect(await inspect(Buffer.concat([ftyp(), box('moov', 10), box('mdat', 300, 0)]))).toEqual({ family: 'isobmff' });
  });

  it('a damaged box size is refused, and a HEIF photo is an image, not a cut-short video', async () => {
    expect((await inspect(Buffer.concat([ftyp(), box('moov', 10, 3)]))).truncated).toMatch(/damaged/);
    expect(await inspect(Buffer.concat([ftyp('heic'), box('meta', 50), box('mdat', 50)]))).toEqual({ family: 'isobmff', nonVideo: expect.stringMatching(/image/) });
  });
});

describe('AVI and Matroska', () => {
  const riff = (form: string, declared: number, size: number) => {
    const b = Buffer.alloc(size);
    b.write('RIFF', 0, 'latin1');
    b.writeUInt32LE(declared, 4);
    b.write(form, 8, 'latin1');
    return b;
  };

  it('an AVI shorter than its RIFF header says, or never finalised, is cut short', async () => {
    expect(await inspect(riff('AVI ', 992, 1000))).toEqual({ family: 'avi' });
    expect((await inspect(riff('AVI ', 5000, 1000))).truncated).toMatch(/AVI header declares 5,008 bytes, but the file has 1,000/);
    expect((await inspect(riff('AVI ', 0, 1000))).truncated).toMatch(/not finished/);
    const withAvix = Buffer.concat([riff('AVI ', 92, 100), riff('AVIX', 9000, 100)]);
    expect((await inspect(withAvix)).truncated).toMatch(/declares/);
  });

  it('WAV and WebP in RIFF are not video', async () => {
    expect((await inspect(riff('WAVE', 92, 100))).nonVideo).toMatch(/audio/);
    expect((await inspect(riff('WEBP', 92, 100))).nonVideo).toMatch(/image/);
  });

  it('a Matroska segment larger than the file is cut short; an unknown size (live) is not', async () => {
    const mkv = (segmentSize: Buffer) => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x84, 1, 2, 3, 4, 0x18, 0x53, 0x80, 0x67]), segmentSize, Buffer.alloc(100)]);
    expect(await inspect(mkv(Buffer.from([0x80 | 100])))).toEqual({ family: 'matroska', truncated: undefined });
    expect((await inspect(mkv(Buffer.from([0x40, 200])))).truncated).toMatch(/Matroska segment/);
    expect((await inspect(mkv(Buffer.from([0xff])))).truncated).toBeUndefined();
  });

  it('reads EBML variable-length integers', () => {
    expect(readVint(Buffer.from([0x81]), 0)).toEqual({ length: 1, value: 1, unknown: false });
    expect(readVint(Buffer.from([0x40, 0x02]), 0)).toEqual({ length: 2, value: 2, unknown: false });
    expect(readVint(Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 0)).toMatchObject({ length: 8, unknown: true });
    expect(readVint(Buffer.from([0x00]), 0)).toBeUndefined();
  });
});

describe('recogniseNonVideo', () => {
  it.each([
    ['PK\x03\x04rest', /zip/], ['%PDF-1.7', /PDF/], ['\x7fELF\x02', /program/], ['MZ\x90\x00', /Windows program/],
    ['\x89PNG\r\n\x1a\n', /PNG/], ['\xff\xd8\xff\xe0', /JPEG/], ['ID3\x04', /audio/], ['Incident log, 14:05, camera 12\n', /text/],
  ])('%j', (start, what) => {
    expect(recogniseNonVideo(Buffer.from(start, 'latin1'))).toMatch(what);
  });

  it('says nothing of bytes it does not know', () => {
    expect(recogniseNonVideo(Buffer.from([0x56, 0x4d, 0x53, 0x58, 0x01, 0x00, 0x00, 0x00, 0xa7, 0x13, 0x00, 0xfe]))).toBeUndefined();
    expect(recogniseNonVideo(Buffer.alloc(0))).toBeUndefined();
  });
});
