import { open, type FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';
import { Compression, PMTiles, TileType, findTile, zxyToTileId, type Header, type Source } from 'pmtiles';

// A PMTiles archive on this machine's disk, read in ranges (the header, a directory, one tile at a
// time), never whole: a county's OS Open Zoomstack or OpenStreetMap extract runs to gigabytes.

/** The pmtiles Source for a local file: positioned reads through one open handle. */
export class FileRangeSource implements Source {
  private handle?: Promise<FileHandle>;
  constructor(private readonly file: string) {}
  getKey() { return this.file; }
  async getBytes(offset: number, length: number) {
    this.handle ??= open(this.file, 'r');
    const buf = Buffer.alloc(length);
    const { bytesRead } = await (await this.handle).read(buf, 0, length, offset);
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + bytesRead) };
  }
  async close() { if (this.handle) await (await this.handle).close(); this.handle = undefined; }
}

const gunzipAsync = promisify(gunzip);
const brotliAsync = promisify(brotliDecompress);

/** Directories and metadata are compressed as the header says; node's zlib undoes it. */
export async function decompress(buf: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  const out = compression === Compression.Gzip ? await gunzipAsync(Buffer.from(buf))
    : compression === Compression.Brotli ? await brotliAsync(Buffer.from(buf))
    : compression === Compression.None || compression === Compression.Unknown ? Buffer.from(buf)
    : undefined;
  if (!out) throw new Error(`PMTiles compression ${compression} is not supported: rebuild the archive with gzip`);
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

export interface StoredTile { data: Uint8Array; compression: Compression; type: TileType }

export interface Tileset {
  header(): Promise<Header>;
  metadata(): Promise<{ attribution?: string; name?: string; vector_layers?: { id: string }[] }>;
  /** The tile's bytes as stored (still compressed, as `compression` says); undefined where the archive has none. */
  tile(z: number, x: number, y: number): Promise<StoredTile | undefined>;
  close(): Promise<void>;
}

export function openTileset(file: string): Tileset {
  const source = new FileRangeSource(file);
  const archive = new PMTiles(source, undefined, decompress);
  return {
    header: () => archive.getHeader(),
    metadata: async () => (await archive.getMetadata()) as Awaited<ReturnType<Tileset['metadata']>>,
    // pmtiles' getZxy would decompress the tile; a browser takes it compressed, so the directory walk is done here.
    async tile(z, x, y) {
      const h = await archive.getHeader();
      if (z < h.minZoom || z > h.maxZoom) return undefined;
      const id = zxyToTileId(z, x, y);
      let [offset, length] = [h.rootDirectoryOffset, h.rootDirectoryLength];
      for (let depth = 0; depth <= 3; depth++) {
        const entry = findTile(await archive.cache.getDirectory(source, offset, length, h), id);
        if (!entry) return undefined;
        if (entry.runLength > 0) {
          const { data } = await source.getBytes(h.tileDataOffset + entry.offset, entry.length);
          return { data: new Uint8Array(data), compression: h.tileCompression, type: h.tileType };
        }
        [offset, length] = [h.leafDirectoryOffset + entry.offset, entry.length];
      }
      throw new Error('PMTiles directories nest deeper than the format allows');
    },
    close: () => source.close(),
  };
}

// One reader per file for the life of the process: a cache of its header and directories, which
// every process rebuilds for itself (no state another process needs).
const open_ = new Map<string, Tileset>();
export function tilesetAt(file: string): Tileset {
  let t = open_.get(file);
  if (!t) { t = openTileset(file); open_.set(file, t); }
  return t;
}

export const TILE_CONTENT_TYPES: Partial<Record<TileType, string>> = {
  [TileType.Mvt]: 'application/vnd.mapbox-vector-tile', [TileType.Png]: 'image/png', [TileType.Jpeg]: 'image/jpeg', [TileType.Webp]: 'image/webp', [TileType.Avif]: 'image/avif',
};
export const CONTENT_ENCODINGS: Partial<Record<Compression, string>> = { [Compression.Gzip]: 'gzip', [Compression.Brotli]: 'br' };
