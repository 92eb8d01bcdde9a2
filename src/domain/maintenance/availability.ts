import { HOUR_MS, type Period } from './period';

// Each camera's availability over a report period: the share of the hours it was in service that
// it was operational, computed from its fault history. A camera is down from the moment a fault
// is opened until it is closed; faults that overlap count once; a fault opened before the period
// or still open after it counts only inside it; a camera installed or decommissioned during the
// period counts only the time it was in service. Hours are real elapsed hours (UTC arithmetic), so
// the hour the clocks go back counts twice and the hour they skip not at all.

/** A time a camera was not operational. The caller decides which faults take a camera down. */
export interface Outage {
  openedAt: Date;
  /**
   * When the camera was back in operation: the fault's fix, or the council's acceptance of it where
   * the contract counts downtime until then. null while the fault is still open.
   */
  closedAt: Date | null;
}

/** When the camera was in service: installed at `from`, decommissioned at `to`; null or absent for "before the period" / "still". */
export interface InService {
  from?: Date | null;
  to?: Date | null;
}

export interface Availability {
  /** Hours the camera was in service during the period. */
  inServiceHours: number;
  /** Hours of those it was down (under one fault or more). */
  downHours: number;
  operationalHours: number;
  /** 100 × operational / in service; null when the camera was not in service at all in the period. */
  percent: number | null;
}

/** The period, narrowed to when the camera was in service; undefined when it was never in service during it. */
function serviceWindow(period: Period, inService: InService | undefined): [number, number] | undefined {
  const from = Math.max(period.from.getTime(), inService?.from?.getTime() ?? -Infinity);
  const to = Math.min(period.to.getTime(), inService?.to?.getTime() ?? Infinity);
  return to > from ? [from, to] : undefined;
}

/** The milliseconds inside [from, to) covered by at least one outage. */
function coveredMs(outages: readonly Outage[], [from, to]: [number, number]): number {
  const spans: [number, number][] = [];
  for (const o of outages) {
    const start = Math.max(o.openedAt.getTime(), from);
    const end = Math.min(o.closedAt?.getTime() ?? Infinity, to);
    if (end > start) spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = -Infinity; // the end of the union so far
  for (const [start, end] of spans) {
    if (end <= reached) continue;
    total += end - Math.max(start, reached);
    reached = end;
  }
  return total;
}

/** One camera's availability over the period from its outages (in any order, overlapping or not). */
export function cameraAvailability({ period, outages, inService }: { period: Period; outages: readonly Outage[]; inService?: InService }): Availability {
  const window = serviceWindow(period, inService);
  if (!window) return { inServiceHours: 0, downHours: 0, operationalHours: 0, percent: null };
  const inServiceMs = window[1] - window[0];
  const downMs = coveredMs(outages, window);
  return {
    inServiceHours: inServiceMs / HOUR_MS,
    downHours: downMs / HOUR_MS,
    operationalHours: (inServiceMs - downMs) / HOUR_MS,
    percent: (100 * (inServiceMs - downMs)) / inServiceMs,
  };
}

export interface CameraInService {
  cameraId: string;
  inService?: InService;
}

/**
 * Every camera's availability over the period, from all their outages at once (outages of cameras
 * not listed are ignored), in the order the cameras are given.
 */
export function availabilityByCamera({ period, cameras, outages }: {
  period: Period; cameras: readonly CameraInService[]; outages: readonly (Outage & { cameraId: string })[];
}): (Availability & { cameraId: string })[] {
  const byCamera = new Map<string, Outage[]>(cameras.map((c) => [c.cameraId, []]));
  for (const o of outages) byCamera.get(o.cameraId)?.push(o);
  return cameras.map(({ cameraId, inService }) => ({ cameraId, ...cameraAvailability({ period, outages: byCamera.get(cameraId) ?? [], inService }) }));
}

/** The estate's availability: operational hours over in-service hours, all cameras together (null with none in service). */
export function overallAvailability(cameras: readonly Availability[]): Availability {
  const inServiceHours = cameras.reduce((sum, c) => sum + c.inServiceHours, 0);
  const downHours = cameras.reduce((sum, c) => sum + c.downHours, 0);
  return {
    inServiceHours, downHours, operationalHours: inServiceHours - downHours,
    percent: inServiceHours > 0 ? (100 * (inServiceHours - downHours)) / inServiceHours : null,
  };
}
