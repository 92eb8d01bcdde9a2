import type { z } from 'zod';
import type { ProbeSummary } from '../../../../domain/evidence/contract';
import type { VideoProbe } from '../../../platform/video/video';

// What a recording's row keeps of ffprobe's findings: the contract's summary (container, codecs,
// duration, resolution, frame rate and the start time the recorder embedded, if any).

export function summariseProbe(probe: VideoProbe): z.output<typeof ProbeSummary> {
  return {
    container: probe.container,
    durationS: probe.durationS,
    startTime: probe.creationTime,
    video: probe.video ? { codec: probe.video.codec, width: probe.video.width, height: probe.video.height, fps: probe.video.fps } : null,
    audio: probe.audio ? { codec: probe.audio.codec, sampleRate: probe.audio.sampleRate, channels: probe.audio.channels } : null,
  };
}
