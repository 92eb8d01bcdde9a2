import { describe, expect, it } from 'vitest';
import { isProbeBrowserPlayable, recorderStartOf } from './derivatives.models';

const probe = (container: string, video: string | null, audio: string | null, startTime: string | null = null) => ({
  container, durationS: 10, startTime, video: video && { codec: video, width: 640, height: 360, fps: 25 }, audio: audio && { codec: audio, sampleRate: 48000, channels: 2 },
});

describe('working copies', () => {
  it('plays H.264 in MP4 with AAC or no sound as it is; anything else needs a working copy', () => {
    expect(isProbeBrowserPlayable(probe('mov,mp4,m4a,3gp,3g2,mj2', 'h264', 'aac'))).toBe(true);
    expect(isProbeBrowserPlayable(probe('mov,mp4,m4a,3gp,3g2,mj2', 'h264', null))).toBe(true);
    expect(isProbeBrowserPlayable(probe('avi', 'mpeg4', 'mp3'))).toBe(false);
    expect(isProbeBrowserPlayable(probe('avi', 'mjpeg', null))).toBe(false);
    expect(isProbeBrowserPlayable(probe('mov,mp4,m4a,3gp,3g2,mj2', 'hevc', 'aac'))).toBe(false);
    expect(isProbeBrowserPlayable(probe('mov,mp4,m4a,3gp,3g2,mj2', 'h264', 'pcm_s16le'))).toBe(false);
    expect(isProbeBrowserPlayable(null)).toBe(false);
  });

  it("starts the caption's clock from the recorder's embedded start, else from the exhibit's recorded (true) start less the offset", () => {
    const recordedFrom = new Date('2026-11-01T14:05:00Z');
    expect(recorderStartOf({ probe: probe('avi', 'mpeg4', null, '2026-11-01T14:03:10Z'), recordedFrom, clockOffsetMs: 0 })).toEqual(new Date('2026-11-01T14:03:10Z'));
    expect(recorderStartOf({ probe: probe('avi', 'mpeg4', null), recordedFrom, clockOffsetMs: 110_000 })).toEqual(new Date('2026-11-01T14:03:10Z'));
    expect(recorderStartOf({ probe: null, recordedFrom: null, clockOffsetMs: 0 })).toBeUndefined();
  });
});
