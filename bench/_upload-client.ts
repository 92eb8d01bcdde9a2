import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Upload } from 'tus-js-client';

// One upload through the tus endpoint, as the browser sends it, from a process of its own (so that
// the server's figures are the server's alone). The file is streamed: tus-js-client reads each chunk
// from the file as it sends it, never the whole file into memory. Prints one JSON line: the wall
// time from the first request to the final answer, and that answer.
// Usage: node --import tsx bench/_upload-client.ts '{"endpoint":…,"file":…,"headers":{…},"chunkSize":…}'

const { endpoint, file, headers, chunkSize } = JSON.parse(process.argv[2]) as { endpoint: string; file: string; headers: Record<string, string>; chunkSize: number };
const size = statSync(file).size;
const started = performance.now();
const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
  const upload = new Upload(createReadStream(file), {
    endpoint, headers, chunkSize: chunkSize || Infinity, uploadSize: size, retryDelays: [], metadata: { filename: path.basename(file) },
    onSuccess: ({ lastResponse }) => resolve({ status: lastResponse.getStatus(), body: lastResponse.getBody() }),
    onError: (err) => {
      const res = (err as { originalResponse?: { getStatus(): number; getBody(): string } | null }).originalResponse;
      if (res) resolve({ status: res.getStatus(), body: res.getBody() });
      else reject(err);
    },
  });
  upload.start();
});
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, size, ...answer })}\n`);
