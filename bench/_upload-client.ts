import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';

// One upload through the tus endpoint, from a process of its own (so that the server's figures are
// the server's alone): the tus 1.0 requests the web app's tus-js-client sends (a POST creating the
// upload, then PATCHes of `chunkSize` from each offset), written here on Node's own http client with
// the file streamed from disk. tus-js-client's Node build tops out near 170 MB/s on this machine,
// well under the server, and would measure itself, not the server (the browser's build reads
// slices of the File instead). Prints one JSON line: the wall time from the first request to the
// final answer, and that answer.
// Usage: node --import tsx bench/_upload-client.ts '{"endpoint":…,"file":…,"headers":{…},"chunkSize":…}'

const { endpoint, file, headers, chunkSize } = JSON.parse(process.argv[2]) as { endpoint: string; file: string; headers: Record<string, string>; chunkSize: number };
const size = statSync(file).size;
const agent = new http.Agent({ keepAlive: true });
const TUS = { 'tus-resumable': '1.0.0' };

function send({ url, method, headers: extra, body }: { url: URL; method: string; headers: Record<string, string>; body?: { start: number; end: number } }) {
  return new Promise<{ status: number; body: string; location: string | undefined }>((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: { ...headers, ...TUS, ...extra } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => { text += d; }).on('end', () => resolve({ status: res.statusCode ?? 0, body: text, location: res.headers.location }));
    });
    req.on('error', reject);
    if (!body) req.end();
    else pipeline(createReadStream(file, { start: body.start, end: body.end - 1, highWaterMark: 1 << 20 }), req).catch(reject);
  });
}

const started = performance.now();
const b64 = (s: string) => Buffer.from(s).toString('base64');
const created = await send({ url: new URL(endpoint), method: 'POST', headers: { 'upload-length': String(size), 'upload-metadata': `filename ${b64(path.basename(file))}`, 'content-length': '0' } });
let answer = created;
if (created.status === 201 && created.location) {
  const url = new URL(created.location, endpoint);
  for (let offset = 0; offset < size; offset += chunkSize) {
    const end = Math.min(size, offset + chunkSize);
    answer = await send({ url, method: 'PATCH', headers: { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(end - offset) }, body: { start: offset, end } });
    if (answer.status !== 204 && end < size) break;
  }
}
const ms = performance.now() - started;
agent.destroy();
process.stdout.write(`${JSON.stringify({ ms, size, status: answer.status, body: answer.body })}\n`);
