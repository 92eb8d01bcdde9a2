import { useEffect, useState } from 'react';
import type { PickedCamera } from '../../api/occurrences';

// The occurrence log's camera picker: what it says of each camera, and the cameras it offers.

/** How far a camera stands from the occurrence's point: "120 m away", "2.4 km away", "13 km away"; nothing without a point. */
export function distanceWords(metres: number | null | undefined): string {
  if (metres === null || metres === undefined || !Number.isFinite(metres)) return '';
  if (metres < 1000) return `${Math.round(metres)} m away`;
  const km = metres / 1000;
  return `${km < 10 ? km.toFixed(1).replace(/\.0$/, '') : Math.round(km)} km away`;
}

/** A camera's street and distance, for the hint beside it. */
export const pickHint = (c: Pick<PickedCamera, 'location' | 'distanceM'>) => [c.location, distanceWords(c.distanceM)].filter(Boolean).join(', ');

/**
 * The cameras to offer: those found, in the order found (nearest first), leaving out the ones to
 * skip (already on the occurrence); a camera already chosen stays, first, when a new search no longer finds it.
 */
export function pickOptions(found: readonly PickedCamera[], { chosen = [], skip = [] }: { chosen?: readonly PickedCamera[]; skip?: readonly string[] } = {}): PickedCamera[] {
  const offered = found.filter((c) => !skip.includes(c.id));
  const kept = chosen.filter((c) => !skip.includes(c.id) && !offered.some((o) => o.id === c.id));
  return [...kept, ...offered];
}

/** The value once it has stopped changing for `ms` (a search sent once typing pauses, not at every key). */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
