import { AppError } from '../http/errors';

// ffmpeg failing is the server's problem (500), a request that cannot be cut is the caller's (422).
// The stderr tail goes in details so that a job's failure says what ffmpeg said.

export const videoToolMissing = ({ tool, reason }: { tool: 'ffmpeg' | 'ffprobe'; reason: string }) =>
  new AppError({ code: 'video.tool_missing', status: 500, message: `${tool} cannot be run: ${reason}. Set ${tool.toUpperCase()}_PATH to a working ${tool}, or reinstall the npm package.` });

export const ffmpegFailed = ({ exitCode, signal, stderrTail }: { exitCode: number | null; signal: string | null; stderrTail: string }) =>
  new AppError({
    code: 'video.ffmpeg_failed', status: 500,
    message: `ffmpeg failed (${exitCode === null ? `killed by ${signal}` : `exit code ${exitCode}`}): ${lastLine(stderrTail) || 'no message'}`,
    details: { exitCode, signal, stderrTail },
  });

export const ffmpegTimedOut = ({ timeoutMs, stderrTail }: { timeoutMs: number; stderrTail: string }) =>
  new AppError({ code: 'video.ffmpeg_timeout', status: 500, message: `ffmpeg did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.`, details: { stderrTail } });

export const ffmpegCancelled = () => new AppError({ code: 'video.cancelled', status: 500, message: 'The video operation was cancelled.' });

export const ffprobeFailed = ({ file, stderrTail }: { file: string; stderrTail: string }) =>
  new AppError({ code: 'video.ffprobe_failed', status: 500, message: `ffprobe could not read ${file}: ${lastLine(stderrTail) || 'no message'}`, details: { stderrTail } });

export const invalidRange = ({ reason }: { reason: string }) =>
  new AppError({ code: 'video.invalid_range', status: 422, message: reason });

export const noTimestamps = () =>
  new AppError({ code: 'video.no_timestamps', status: 422, message: 'This recording has no timestamps (a bare video stream, as some recorders export), so a time in it cannot be found. Make a working copy of the whole recording first, and take clips and stills from that.' });

export const captionNeedsReencode = () =>
  new AppError({ code: 'video.caption_needs_reencode', status: 422, message: 'A caption is drawn into the picture, so a clip with a caption must be re-encoded, not cut by stream copy.' });

export const captionFontMissing = ({ reason }: { reason: string }) =>
  new AppError({ code: 'video.font_missing', status: 500, message: `The caption font cannot be found (${reason}). It comes from the npm package @fontsource/noto-sans; reinstall it.` });

export const notAVideo = ({ reason }: { reason: string }) => new AppError({ code: 'video.not_video', status: 422, message: reason });

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.trim() ?? '';
}
