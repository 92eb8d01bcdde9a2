import { describe, expect, it } from 'vitest';
import type { Derivative, Recording } from '../../api/evidence';
import { playableSources } from './sources';

const recording = (over: Partial<Recording>) => ({
  id: 'r1', sha256: 'm'.repeat(64), originalName: 'cam1.mp4', playable: true,
  probe: { container: 'mp4', durationS: 60, startTime: null, video: { codec: 'h264', width: 1280, height: 720, fps: 30 }, audio: null }, ...over,
}) as Recording;
const derivative = (over: Partial<Derivative>) => ({
  id: 'd', reference: 'AB/1/1', kind: 'working_copy', recordingId: 'r1', state: 'done', sha256: 'c'.repeat(64), caption: true, startS: null, endS: null, realStartS: null, ...over,
}) as Derivative;

describe('playableSources', () => {
  it('offers the masters a browser plays and the copies that are done, not stills or unfinished ones', () => {
    const sources = playableSources({
      recordings: [recording({}), recording({ id: 'r2', sha256: 'a'.repeat(64), originalName: 'old.dav', playable: false, probe: null })],
      derivatives: [
        derivative({}),
        derivative({ id: 'd2', reference: 'AB/1/2', kind: 'still', sha256: 's'.repeat(64) }),
        derivative({ id: 'd3', reference: 'AB/1/3', state: 'running', sha256: null }),
        derivative({ id: 'd4', reference: 'AB/1/4', recordingId: 'r2', sha256: 'w'.repeat(64), caption: false }),
      ],
    });
    expect(sources.map((s) => s.label)).toEqual(['Master: cam1.mp4', 'AB/1/1: working copy, captioned', 'AB/1/4: working copy']);
    expect(sources[0]).toMatchObject({ fps: 30, durationS: 60, offsetS: 0 });
    // A copy of a master ffprobe gave no frame rate for steps at PAL's 25 frames a second.
    expect(sources[2]).toMatchObject({ recordingId: 'r2', fps: 25 });
  });

  it("gives a clip's place in its master: where it really starts (a stream copy starts on a key frame), else where it was asked to", () => {
    const [, clip] = playableSources({ recordings: [recording({})], derivatives: [derivative({ kind: 'clip', startS: 12, realStartS: 11.96 })] });
    expect(clip.offsetS).toBe(11.96);
    const [, asked] = playableSources({ recordings: [recording({})], derivatives: [derivative({ kind: 'clip', startS: 12 })] });
    expect(asked.offsetS).toBe(12);
  });
});
