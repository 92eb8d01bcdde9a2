import type { SlaOutcome } from '../../../../domain/maintenance/faultSla';
import type { FaultClock } from '../../../../domain/maintenance/faultContract';
import type { SlaClockKind } from '../../../../domain/maintenance/slaClock';

// How a fault's SLA clock reads in words: its target, the time used, its outcome as a short tag.

/** "45 minutes", "1 hour", "4 hours 30 minutes", "3 days 2 hours" (round-the-clock targets of whole days read in days). */
export function durationWords(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (m < 60) return plural(m, 'minute');
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  if (days >= 2) return [plural(days, 'day'), hours && plural(hours, 'hour'), mins && plural(mins, 'minute')].filter(Boolean).join(' ');
  const h = Math.floor(m / 60);
  return [plural(h, 'hour'), mins && plural(mins, 'minute')].filter(Boolean).join(' ');
}

/** The clock's target: "4 hours" round the clock, "8 working hours" on a working-hours clock. */
export function targetWords(targetMinutes: number, clock: SlaClockKind): string {
  if (clock === 'round_the_clock') return durationWords(targetMinutes);
  const h = targetMinutes / 60;
  return Number.isInteger(h) ? `${h} working hour${h === 1 ? '' : 's'}` : `${durationWords(targetMinutes)} of working time`;
}

/** The short words of a clock's tag, and its colour. */
export const OUTCOME_TAGS: Record<SlaOutcome, { text: string; colour: string }> = {
  running: { text: 'Within time', colour: 'blue' }, warning: { text: 'At risk', colour: 'orange' }, stopped: { text: 'Clock stopped', colour: 'grey' },
  breached: { text: 'Breached', colour: 'red' }, met: { text: 'Met', colour: 'green' }, missed: { text: 'Missed', colour: 'red' },
};

const URGENCY: Record<SlaOutcome, number> = { breached: 5, warning: 4, missed: 3, running: 2, stopped: 1, met: 0 };

/** The clock a short list shows for a fault: the more urgent of the two (breached, then at risk), the response clock when equal. */
export function urgentClock<C extends Pick<FaultClock, 'outcome'>>(response: C | null, fix: C | null): { name: 'Response' | 'Fix'; clock: C } | undefined {
  if (!response && !fix) return undefined;
  if (!fix || (response && URGENCY[response.outcome] >= URGENCY[fix.outcome])) return { name: 'Response', clock: response! };
  return { name: 'Fix', clock: fix };
}
