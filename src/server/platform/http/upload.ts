// Small uploads sent as the request body itself (a photo of signage, a photo of a repair): read
// whole under a cap of their own, past the app's general body limit, and typed from their bytes.

/** The request body, refused with `tooLarge()` as soon as it passes `max` bytes (a chunked body says no length first). */
export async function readCapped(body: ReadableStream<Uint8Array> | null, max: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge();
    parts.push(chunk);
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** The kind of image the bytes are, from their first bytes (never from what the client claimed). */
export function imageTypeOf(bytes: Uint8Array): 'image/jpeg' | 'image/png' | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return undefined;
}
