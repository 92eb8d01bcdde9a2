import {
  AbortMultipartUploadCommand, ChecksumAlgorithm, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, PutObjectCommand, UploadPartCommand,
  type CompletedPart, type S3Client,
} from '@aws-sdk/client-s3';

// Streams bytes to one key: a single PutObject where they fit in one part, else a multipart upload
// with up to `queueSize` parts in flight. Each part is copied once into one of queueSize + 1
// buffers that are used again and again, so an upload holds (queueSize + 1) × partSize bytes
// however big the file, and makes no garbage (lib-storage's Upload concatenates every part anew:
// about three times the memory for the same file). Checksums as lib-storage sends them: where the
// client computes them (its default), the upload is created with CRC32 and each part's is named
// again when it completes, as S3 requires.

const MAX_PARTS = 10_000;

export async function uploadStream({ client, Bucket, Key, source, partSize, queueSize = 4, signal }: {
  client: S3Client; Bucket: string; Key: string; source: AsyncIterable<Buffer>; partSize: number; queueSize?: number; signal?: AbortSignal;
}): Promise<void> {
  const sendOptions = { abortSignal: signal };
  const free: Buffer[] = [];
  let made = 0;
  const inFlight = new Set<Promise<void>>();
  const parts: CompletedPart[] = [];
  let failure: { err: unknown } | undefined;
  let uploadId: string | undefined;
  let partCount = 0;

  const nextBuffer = async () => {
    while (free.length === 0 && made > queueSize) await Promise.race(inFlight); // a part has gone: its buffer is free
    if (failure) throw failure.err;
    if (free.length) return free.pop()!;
    made += 1;
    return Buffer.allocUnsafeSlow(partSize); // not from the shared pool: it is kept and used again
  };

  const sendPart = async (buffer: Buffer, length: number) => {
    if (!uploadId) {
      const withChecksums = (await client.config.requestChecksumCalculation()) === 'WHEN_SUPPORTED';
      const created = await client.send(new CreateMultipartUploadCommand({ Bucket, Key, ...(withChecksums ? { ChecksumAlgorithm: ChecksumAlgorithm.CRC32 } : {}) }), sendOptions);
      uploadId = created.UploadId;
    }
    const PartNumber = ++partCount;
    if (PartNumber > MAX_PARTS) throw new Error(`The file is bigger than this store takes in one upload: ${MAX_PARTS} parts of ${partSize} bytes.`);
    const sending: Promise<void> = client.send(new UploadPartCommand({ Bucket, Key, UploadId: uploadId, PartNumber, Body: buffer.subarray(0, length) }), sendOptions).then(
      ({ ETag, ChecksumCRC32 }) => { parts.push({ PartNumber, ETag, ...(ChecksumCRC32 ? { ChecksumCRC32 } : {}) }); free.push(buffer); },
      (err: unknown) => { failure ??= { err }; },
    ).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  };

  let part = await nextBuffer();
  let filled = 0;
  try {
    for await (const chunk of source) {
      for (let at = 0; at < chunk.length;) {
        if (filled === partSize) { // full, and more is coming: send it
          await sendPart(part, filled);
          part = await nextBuffer();
          filled = 0;
        }
        const copied = chunk.copy(part, filled, at);
        filled += copied;
        at += copied;
      }
    }
    if (!uploadId) {
      await client.send(new PutObjectCommand({ Bucket, Key, Body: part.subarray(0, filled) }), sendOptions);
      return;
    }
    await sendPart(part, filled);
    await Promise.all(inFlight);
    if (failure) throw failure.err;
    parts.sort((a, b) => a.PartNumber! - b.PartNumber!);
    await client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId: uploadId, MultipartUpload: { Parts: parts } }), sendOptions);
  } catch (err) {
    await Promise.all(inFlight);
    if (uploadId) await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId })).catch(() => {});
    throw err;
  }
}
