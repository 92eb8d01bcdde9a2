import { describe, expect, it } from 'vitest';
import { classify, isBrowserPlayable, type FfprobeJson } from './video.probe';

const structure = { family: 'other' as const, size: 1000 };
const h264 = { index: 0, codec_type: 'video', codec_name: 'h264', codec_long_name: 'H.264', width: 768, height: 432, pix_fmt: 'yuv420p', avg_frame_rate: '25/2', r_frame_rate: '25/2' };
const aac = { index: 1, codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 };
const mp4 = (streams: FfprobeJson['streams'], extra: Partial<NonNullable<FfprobeJson['format']>> = {}): FfprobeJson => ({
  format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', format_long_name: 'QuickTime / MOV', duration: '30.16', start_time: '0.000000', probe_score: 100, ...extra }, streams,
});

describe('classify', () => {
  it('a video: what ffprobe says, frame rate as a number and as its rational', () => {
    const c = classify({ json: mp4([h264, aac], { tags: { creation_time: '2025-11-23T14:05:09.000000Z' } }), structure, stderr: '' });
    expect(c.kind).toBe('video');
    if (c.kind !== 'video') return;
    expect(c.probe).toMatchObject({ durationS: 30.16, startTimeS: 0, creationTime: '2025-11-23T14:05:09.000Z', video: { fps: 12.5, fpsRational: '25/2' }, audio: { sampleRate: 48000 } });
    expect(isBrowserPlayable(c.probe)).toBe(true);
  });

  it('falls back to the base frame rate, and to none', () => {
    const c = classify({ json: mp4([{ ...h264, avg_frame_rate: '0/0', r_frame_rate: '30000/1001' }]), structure, stderr: '' });
    expect(c.kind === 'video' && c.probe.video.fps).toBeCloseTo(29.97, 2);
    const none = classify({ json: mp4([{ ...h264, avg_frame_rate: '0/0', r_frame_rate: '0/0' }]), structure, stderr: '' });
    expect(none.kind === 'video' && none.probe.video).toMatchObject({ fps: null, fpsRational: null });
  });

  it('an MP3 with cover art, an image and text shown as a picture are not video', () => {
    const cover = { ...h264, codec_name: 'mjpeg', disposition: { attached_pic: 1 } };
    expect(classify({ json: { format: { format_name: 'mp3', probe_score: 51 }, streams: [{ ...aac, codec_name: 'mp3' }, cover] }, structure, stderr: '' }))
      .toMatchObject({ kind: 'not_video', reason: expect.stringMatching(/audio/) });
    expect(classify({ json: { format: { format_name: 'png_pipe', probe_score: 99 }, streams: [{ ...h264, codec_name: 'png' }] }, structure, stderr: '' }))
      .toMatchObject({ kind: 'not_video', reason: expect.stringMatching(/still image/) });
    expect(classify({ json: { format: { format_name: 'tty', probe_score: 50 }, streams: [{ ...h264, codec_name: 'ansi' }] }, structure, stderr: '' }))
      .toMatchObject({ kind: 'not_video', reason: expect.stringMatching(/text/) });
  });

  it('a guess from the file name alone, or no answer, is unreadable and kept; the first bytes can still say what it is', () => {
    expect(classify({ json: { format: { format_name: 'luodat', probe_score: 1 }, streams: [] }, structure, stderr: '' })).toMatchObject({ kind: 'unreadable' });
    expect(classify({ json: undefined, structure, stderr: 'x.bin: Invalid data found when processing input\n' }))
      .toMatchObject({ kind: 'unreadable', reason: 'ffprobe cannot read this file (it says: Invalid data found when processing input).' });
    expect(classify({ json: undefined, structure: { ...structure, nonVideo: 'a PDF document' }, stderr: '' }))
      .toMatchObject({ kind: 'not_video', reason: 'This is a PDF document, not a video recording.' });
  });

  it('browser playable: H.264 4:2:0 in MP4 or MOV, with AAC, MP3 or no audio', () => {
    const probe = (streams: FfprobeJson['streams'], format = 'mov,mp4,m4a,3gp,3g2,mj2') => {
      const c = classify({ json: { format: { format_name: format, probe_score: 100 }, streams }, structure, stderr: '' });
      if (c.kind !== 'video') throw new Error(c.kind);
      return c.probe;
    };
    expect(isBrowserPlayable(probe([h264]))).toBe(true);
    expect(isBrowserPlayable(probe([h264, { ...aac, codec_name: 'pcm_mulaw' }]))).toBe(false);
    expect(isBrowserPlayable(probe([{ ...h264, pix_fmt: 'yuv422p10le' }]))).toBe(false);
    expect(isBrowserPlayable(probe([h264], 'avi'))).toBe(false);
    expect(isBrowserPlayable(probe([{ ...h264, codec_name: 'hevc' }]))).toBe(false);
  });
});
