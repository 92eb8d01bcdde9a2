import type { Recording } from '../../api/evidence';
import { INGEST_REFUSALS } from '../../api/evidence';
import { isCodeOf } from '../../../domain/labels';

// What the last request of an upload answered, as the upload page shows it: the recording made of
// the file (200: { recording, duplicate }), or why it was refused (problem+json: evidence.not_video,
// evidence.truncated, evidence.empty), or a failure to say plainly. Pure, for tests.

export type UploadOutcome =
  | { kind: 'stored'; recording: Recording; duplicate: boolean }
  | { kind: 'refused'; reason: string; detail: string }
  | { kind: 'failed'; detail: string };

export function readUploadOutcome({ status, body }: { status: number; body: string }): UploadOutcome {
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  const o = (json && typeof json === 'object' ? json : {}) as { recording?: Recording; duplicate?: boolean; code?: string; detail?: string; title?: string };
  if (status >= 200 && status < 300 && o.recording) return { kind: 'stored', recording: o.recording, duplicate: !!o.duplicate };
  const code = o.code?.replace(/^evidence\./, '') ?? '';
  if (status === 422 && isCodeOf(INGEST_REFUSALS, code)) return { kind: 'refused', reason: INGEST_REFUSALS[code], detail: o.detail ?? '' };
  if (status === 401) return { kind: 'failed', detail: 'You have been signed out. Sign in again and choose the file again: the upload carries on where it stopped.' };
  if (status === 413) return { kind: 'failed', detail: 'The file is larger than Vigil accepts.' };
  return { kind: 'failed', detail: o.detail || o.title || (status ? `The server answered ${status}.` : 'Vigil could not be reached. Check your connection and try again.') };
}

/** An upload's progress as a screen reader hears it, in steps of 10% so that it does not chatter. */
export function progressWords({ name, sent, total }: { name: string; sent: number; total: number }): string {
  const percent = total ? Math.floor((sent / total) * 100) : 0;
  return `${name}: ${percent - (percent % 10)}% uploaded`;
}
