import { describe, expect, it } from 'vitest';
import { progressWords, readUploadOutcome } from './uploadResult';

const recording = { id: 'r1', sha256: 'a'.repeat(64), sizeBytes: 10, originalName: 'cam.mp4' };

describe('readUploadOutcome', () => {
  it('gives the recording the last request answered with', () => {
    expect(readUploadOutcome({ status: 200, body: JSON.stringify({ recording, duplicate: true }) })).toEqual({ kind: 'stored', recording, duplicate: true });
  });

  it('gives the reason a file was refused, from its problem code', () => {
    const body = JSON.stringify({ status: 422, code: 'evidence.not_video', detail: 'notes.txt was refused and nothing was kept: ffprobe found no video stream' });
    expect(readUploadOutcome({ status: 422, body })).toEqual({ kind: 'refused', reason: 'Not a video file', detail: expect.stringContaining('no video stream') });
    expect(readUploadOutcome({ status: 422, body: JSON.stringify({ code: 'evidence.truncated' }) })).toMatchObject({ kind: 'refused', reason: 'The file is incomplete (truncated)' });
    expect(readUploadOutcome({ status: 422, body: JSON.stringify({ code: 'evidence.empty' }) })).toMatchObject({ kind: 'refused', reason: 'The file is empty' });
  });

  it('says plainly what else went wrong', () => {
    expect(readUploadOutcome({ status: 500, body: JSON.stringify({ detail: 'Something went wrong' }) })).toEqual({ kind: 'failed', detail: 'Something went wrong' });
    expect(readUploadOutcome({ status: 502, body: '<html>' })).toEqual({ kind: 'failed', detail: 'The server answered 502.' });
    expect(readUploadOutcome({ status: 0, body: '' }).kind).toBe('failed');
    // A 200 without a recording (a server that answered something else) is not taken for success.
    expect(readUploadOutcome({ status: 200, body: '' }).kind).toBe('failed');
  });
});

describe('progressWords', () => {
  it('speaks in steps of ten per cent', () => {
    expect(progressWords({ name: 'cam.mp4', sent: 0, total: 100 })).toBe('cam.mp4: 0% uploaded');
    expect(progressWords({ name: 'cam.mp4', sent: 57, total: 100 })).toBe('cam.mp4: 50% uploaded');
    expect(progressWords({ name: 'cam.mp4', sent: 100, total: 100 })).toBe('cam.mp4: 100% uploaded');
  });
});
