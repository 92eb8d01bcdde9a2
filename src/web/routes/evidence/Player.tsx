import { useEffect, useRef, useState } from 'react';
import { exhibitFileHref } from '../../api/evidence';
import { SelectField } from '../../components/fields';
import { formatPlayerTime, frameAt, stepFrames } from './frames';
import type { Source } from './sources';

/** Where the player is, in the master's time, for "Set start here" and stills. */
export interface PlayerTime { recordingId: string; masterS: number }

/**
 * A master or copy of the exhibit in the browser's own player, with frame stepping: buttons, and the
 * keys `,` and `.` (one frame back and forward) and `k` (play or pause) through the app's keyboard
 * shortcuts. Playing a file writes a 'viewed' continuity event (the server does, as it serves it).
 */
export function Player({ exhibitId, sources, onTime }: { exhibitId: string; sources: Source[]; onTime: (time: PlayerTime) => void }) {
  const [sha256, setSha256] = useState(sources[0]?.sha256 ?? '');
  const source = sources.find((s) => s.sha256 === sha256) ?? sources[0];
  const video = useRef<HTMLVideoElement>(null);
  const [time, setTime] = useState(0);
  const [paused, setPaused] = useState(true);
  const report = useRef(onTime);
  report.current = onTime;

  const [recordingId, offsetS] = [source?.recordingId, source?.offsetS ?? 0];
  useEffect(() => {
    if (recordingId) report.current({ recordingId, masterS: offsetS + time });
  }, [recordingId, offsetS, time]);

  if (!source) return null;
  const fps = source.fps;
  const step = (by: number) => {
    const v = video.current;
    if (!v) return;
    v.pause();
    v.currentTime = stepFrames({ timeS: v.currentTime, fps, by, durationS: Number.isFinite(v.duration) ? v.duration : source.durationS ?? undefined });
  };
  const toggle = () => {
    const v = video.current;
    if (v) void (v.paused ? v.play() : v.pause());
  };
  const sync = () => setTime(video.current?.currentTime ?? 0);

  return (
    <section aria-labelledby="player-title" className="vigil-player">
      <h2 className="govuk-heading-m" id="player-title">Play</h2>
      {sources.length > 1 && (
        <SelectField id="player-source" label="File to play" value={source.sha256} onChange={(v) => { setSha256(v); setTime(0); }}
          options={sources.map((s) => ({ value: s.sha256, label: s.label }))} />
      )}
      <video key={source.sha256} ref={video} className="vigil-player__video" controls preload="none" src={exhibitFileHref(exhibitId, source.sha256)}
        aria-label={`${source.label}, exhibit footage`} aria-describedby="player-position"
        onTimeUpdate={sync} onSeeked={sync} onLoadedMetadata={sync}
        onPlay={() => setPaused(false)} onPause={() => { setPaused(true); sync(); }} />
      <div className="govuk-button-group govuk-!-margin-bottom-2">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => step(-1)} data-shortcut="," aria-keyshortcuts=",">
          Frame back <kbd aria-hidden="true">,</kbd>
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={toggle} data-shortcut="k" aria-keyshortcuts="k">
          {paused ? 'Play' : 'Pause'} <kbd aria-hidden="true">k</kbd>
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => step(1)} data-shortcut="." aria-keyshortcuts=".">
          Frame forward <kbd aria-hidden="true">.</kbd>
        </button>
      </div>
      {/* Spoken when it stops (a step, a pause), not forty times a second while it plays. */}
      <p className="govuk-body vigil-player__position" id="player-position" role="status" aria-live={paused ? 'polite' : 'off'}>
        {formatPlayerTime(time)} · frame {frameAt({ timeS: time, fps })} at {Number(fps.toFixed(3))} fps
        {source.offsetS > 0 && <span className="vigil-secondary-text">{formatPlayerTime(source.offsetS + time)} into the master</span>}
      </p>
    </section>
  );
}
