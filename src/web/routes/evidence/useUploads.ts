import { useCallback, useEffect, useRef, useState } from 'react';
import { Upload, type DetailedError, type HttpRequest } from 'tus-js-client';
import { sessionHeaders } from '../../api/client';
import { noteActivity } from '../../lib/activity';
import { readUploadOutcome, type UploadOutcome } from './uploadResult';

// Footage uploads, resumable (tus 1.0): each file goes in chunks, and a dropped connection resumes
// where it stopped, as does the same file chosen again after a page reload (tus-js-client keeps
// where each upload is in this browser). The last request's answer is the recording, or why not.

export const UPLOADS_ENDPOINT = '/api/v1/uploads';
const CHUNK_BYTES = 50 * 1024 * 1024;
/** Waits between tries after a dropped connection: about four minutes in all before it gives up. */
const RETRY_DELAYS_MS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000, 60_000, 60_000];

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  sent: number;
  status: 'uploading' | 'paused' | 'finished';
  outcome?: UploadOutcome;
}

/** Puts the session's headers (CSRF token, background mark) on each of tus-js-client's requests. */
function withSession(req: HttpRequest) {
  for (const [name, value] of Object.entries(sessionHeaders(req.getMethod()).headers)) req.setHeader(name, value);
}

let next = 0;

export function useUploads({ onStored }: { onStored: (outcome: Extract<UploadOutcome, { kind: 'stored' }>) => void }) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const uploads = useRef(new Map<string, Upload>());
  const chosen = useRef(new Map<string, { file: File; cameraId: string }>());
  const stored = useRef(onStored);
  stored.current = onStored;

  const update = useCallback((key: string, change: Partial<UploadItem>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i))), []);

  const finish = useCallback((key: string, outcome: UploadOutcome) => {
    uploads.current.delete(key);
    update(key, { status: 'finished', outcome });
    if (outcome.kind === 'stored') stored.current(outcome);
  }, [update]);

  const begin = useCallback((key: string, file: File, cameraId: string) => {
    const upload = new Upload(file, {
      endpoint: UPLOADS_ENDPOINT,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS_MS,
      metadata: { filename: file.name, ...(cameraId ? { cameraId } : {}) },
      removeFingerprintOnSuccess: true,
      onBeforeRequest: withSession,
      // Sending footage is the user's own doing: it puts off the idle sign-out, as any write does.
      onAfterResponse: (req, res) => { if (req.getMethod() !== 'HEAD' && res.getStatus() !== 401) noteActivity(); },
      onProgress: (sent) => update(key, { sent }),
      onSuccess: ({ lastResponse }) => finish(key, readUploadOutcome({ status: lastResponse.getStatus(), body: lastResponse.getBody() })),
      onError: (err) => {
        const res = (err as DetailedError).originalResponse;
        finish(key, readUploadOutcome({ status: res?.getStatus() ?? 0, body: res?.getBody() ?? '' }));
      },
    });
    uploads.current.set(key, upload);
    // The same file begun before (a reload, a crash) carries on from where the server has it.
    void upload.findPreviousUploads().then((previous) => {
      const latest = [...previous].sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
      if (latest) upload.resumeFromPreviousUpload(latest);
      upload.start();
    });
  }, [update, finish]);

  const add = useCallback((files: File[], cameraId: string) => {
    for (const file of files) {
      const key = `upload-${++next}`;
      chosen.current.set(key, { file, cameraId });
      setItems((all) => [...all, { key, name: file.name, size: file.size, sent: 0, status: 'uploading' }]);
      begin(key, file, cameraId);
    }
  }, [begin]);

  /** A failed upload tried again: it carries on from what the server has, if it still has it. */
  const retry = useCallback((key: string) => {
    const source = chosen.current.get(key);
    if (!source) return;
    update(key, { status: 'uploading', outcome: undefined });
    begin(key, source.file, source.cameraId);
  }, [begin, update]);

  const pause = useCallback((key: string) => {
    void uploads.current.get(key)?.abort();
    update(key, { status: 'paused' });
  }, [update]);

  const resume = useCallback((key: string) => {
    uploads.current.get(key)?.start();
    update(key, { status: 'uploading' });
  }, [update]);

  const dismiss = useCallback((key: string) => {
    chosen.current.delete(key);
    setItems((all) => all.filter((i) => i.key !== key || i.status !== 'finished'));
  }, []);

  // Leaving the page stops sending (the uploads can carry on later: choose the same files again).
  useEffect(() => {
    const current = uploads.current;
    return () => { for (const upload of current.values()) void upload.abort(); };
  }, []);

  return { items, add, pause, resume, retry, dismiss };
}
