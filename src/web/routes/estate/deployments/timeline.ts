import type { MobileCamera } from '../../../api/deployments';
import { formatUkDay } from '../../../../domain/calendar/london';

// Where each mobile camera is and has been, as rows a table (and the bars beside it) can show.

export interface TimelineRow {
  deploymentId: string; reference: string; locationText: string; latitude: number; longitude: number;
  from: string; to: string | null;
  /** Days at the place, counting both ends; to today while it is still there. */
  days: number;
  /** In words: "1/2/2026 to 3/4/2026", "since 1/2/2026". */
  when: string;
  /** Where the bar starts and how wide it is, as percentages of the span every camera's rows share. */
  bar: { left: number; width: number };
}
export interface CameraTimeline { camera: MobileCamera['camera']; now: TimelineRow | undefined; rows: TimelineRow[] }

const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const daysBetween = (from: string, to: string) => Math.round((toUtc(to) - toUtc(from)) / 86_400_000);

/** Each camera's places, oldest first, with the one it is at now; cameras in order of their reference. */
export function timelineOf(cameras: readonly MobileCamera[], today: string): CameraTimeline[] {
  const all = cameras.flatMap((c) => c.deployments);
  const start = all.reduce((min, d) => (d.from < min ? d.from : min), today);
  const span = Math.max(1, daysBetween(start, today) + 1);
  return [...cameras]
    .sort((a, b) => a.camera.reference.localeCompare(b.camera.reference, 'en-GB', { numeric: true }))
    .map((c) => {
      const rows = [...c.deployments].sort((a, b) => a.from.localeCompare(b.from)).map((d): TimelineRow => {
        const end = d.to ?? today;
        const days = Math.max(1, daysBetween(d.from, end) + 1);
        return {
          deploymentId: d.deploymentId, reference: d.reference, locationText: d.locationText, latitude: d.latitude, longitude: d.longitude, from: d.from, to: d.to, days,
          when: d.to ? `${formatUkDay(d.from)} to ${formatUkDay(d.to)}` : `since ${formatUkDay(d.from)}`,
          bar: { left: (daysBetween(start, d.from) / span) * 100, width: (days / span) * 100 },
        };
      });
      return { camera: c.camera, now: c.current ? rows.find((r) => r.deploymentId === c.current!.deploymentId) : undefined, rows };
    });
}

/** "1 day", "12 days". */
export const daysWords = (n: number) => (n === 1 ? '1 day' : `${n} days`);
