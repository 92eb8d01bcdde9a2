import type { SlaStopReason } from './slaClock';

// A fault's workflow under the maintenance contract, pure: where a fault stands after each step,
// who may take which step (the council's staff or the contractor's engineers), and what its steps
// say for the SLA clocks (when it was responded to, when fixed, when the clock was stopped).
// The steps are the fault's append-only history (fault_events); the stage is kept beside them.

export const FAULT_STAGES = {
  reported: 'Reported', attended: 'Attended', awaiting_parts: 'Awaiting parts', fixed: 'Fixed, awaiting acceptance', accepted: 'Accepted',
} as const;
export type FaultStage = keyof typeof FAULT_STAGES;

export const FAULT_STEPS = {
  raised: 'Raised', prioritised: 'Prioritised', attended: 'Attended', diagnosed: 'Diagnosed', part_used: 'Part used', awaiting_parts: 'Awaiting parts',
  clock_stopped: 'Clock stopped', clock_restarted: 'Clock restarted', fixed: 'Fixed', accepted: 'Fix accepted', reopened: 'Reopened', note: 'Note', photo: 'Photo',
} as const;
export type FaultStep = keyof typeof FAULT_STEPS;

/** Who takes a step: the council's own staff, or the contractor's engineers (through their portal). */
export type FaultParty = 'council' | 'contractor';

const BOTH: readonly FaultParty[] = ['council', 'contractor'];
/** Who may take each step. The council triages and accepts or reopens; the contractor attends, diagnoses and fixes. */
export const STEP_PARTIES: Record<FaultStep, readonly FaultParty[]> = {
  raised: BOTH, prioritised: ['council'], attended: ['contractor'], diagnosed: ['contractor'], part_used: ['contractor'], awaiting_parts: ['contractor'],
  clock_stopped: BOTH, clock_restarted: BOTH, fixed: ['contractor'], accepted: ['council'], reopened: ['council'], note: BOTH, photo: BOTH,
};

/** The stages each step may be taken from, and the stage it leaves (`same`: unchanged). */
const MOVES: Record<Exclude<FaultStep, 'raised'>, { from: readonly FaultStage[]; to: FaultStage | 'same' }> = {
  prioritised: { from: ['reported', 'attended', 'awaiting_parts', 'fixed'], to: 'same' },
  attended: { from: ['reported', 'attended', 'awaiting_parts'], to: 'attended' },
  diagnosed: { from: ['attended', 'awaiting_parts'], to: 'same' },
  part_used: { from: ['attended', 'awaiting_parts'], to: 'same' },
  awaiting_parts: { from: ['attended'], to: 'awaiting_parts' },
  clock_stopped: { from: ['reported', 'attended', 'awaiting_parts'], to: 'same' },
  clock_restarted: { from: ['reported', 'attended', 'awaiting_parts', 'fixed'], to: 'same' },
  fixed: { from: ['attended', 'awaiting_parts'], to: 'fixed' },
  accepted: { from: ['fixed'], to: 'accepted' },
  reopened: { from: ['fixed'], to: 'reported' },
  note: { from: ['reported', 'attended', 'awaiting_parts', 'fixed'], to: 'same' },
  photo: { from: ['reported', 'attended', 'awaiting_parts', 'fixed'], to: 'same' },
};

export type StepDecision = { ok: true; stage: FaultStage } | { ok: false; reason: string };

/**
 * Whether `party` may take `step` on a fault at `stage` (with a clock stop running or not), and
 * the stage it leaves. The reasons are written for the person who tried.
 */
export function decideStep({ stage, step, party, clockStopped }: { stage: FaultStage; step: FaultStep; party: FaultParty; clockStopped: boolean }): StepDecision {
  if (step === 'raised') return { ok: false, reason: 'A fault is raised once' };
  if (!STEP_PARTIES[step].includes(party)) {
    return { ok: false, reason: party === 'contractor' ? `Only the council can record “${FAULT_STEPS[step].toLowerCase()}”` : `“${FAULT_STEPS[step]}” is the contractor’s to record` };
  }
  if (stage === 'accepted') return { ok: false, reason: 'The fix has been accepted: the fault is closed. Raise a new fault if it has come back' };
  const move = MOVES[step];
  if (!move.from.includes(stage)) return { ok: false, reason: `A fault ${FAULT_STAGES[stage].toLowerCase()} cannot be ${FAULT_STEPS[step].toLowerCase()}` };
  if (step === 'clock_stopped' && clockStopped) return { ok: false, reason: 'The clock is already stopped: restart it first' };
  if (step === 'clock_restarted' && !clockStopped) return { ok: false, reason: 'The clock is running: there is no stop to end' };
  return { ok: true, stage: move.to === 'same' ? stage : move.to };
}

/** A step as the clocks read it. */
export interface StepRecord { kind: FaultStep; at: Date | string; stopReason?: SlaStopReason | null }

const time = (at: Date | string) => (at instanceof Date ? at : new Date(at)).getTime();

/**
 * The clock's stops from the steps, in order: each stop from its `clock_stopped` to the next
 * `clock_restarted` (open while none has come yet). A fix or an acceptance ends a running stop:
 * nothing is awaited once the work is done.
 */
export function clockStops(steps: readonly StepRecord[]): { reason: SlaStopReason; from: Date; to?: Date }[] {
  const stops: { reason: SlaStopReason; from: Date; to?: Date }[] = [];
  let open: { reason: SlaStopReason; from: Date } | undefined;
  for (const s of [...steps].sort((a, b) => time(a.at) - time(b.at))) {
    if (s.kind === 'clock_stopped' && !open) open = { reason: s.stopReason ?? 'awaiting_council_access', from: new Date(time(s.at)) };
    else if ((s.kind === 'clock_restarted' || s.kind === 'fixed' || s.kind === 'accepted') && open) { stops.push({ ...open, to: new Date(time(s.at)) }); open = undefined; }
  }
  if (open) stops.push(open);
  return stops;
}

/**
 * When the fault was responded to (the contractor's first attendance), fixed (the latest fix not
 * since reopened: a fix the council reopens does not stop the fix clock) and accepted, from its
 * steps. Undefined until then.
 */
export function responseAndFix(steps: readonly StepRecord[]): { respondedAt?: Date; fixedAt?: Date; acceptedAt?: Date } {
  const ordered = [...steps].sort((a, b) => time(a.at) - time(b.at));
  const attended = ordered.find((s) => s.kind === 'attended');
  let fixedAt: Date | undefined;
  let acceptedAt: Date | undefined;
  for (const s of ordered) {
    if (s.kind === 'fixed') fixedAt = new Date(time(s.at));
    if (s.kind === 'reopened') fixedAt = undefined;
    if (s.kind === 'accepted') acceptedAt = new Date(time(s.at));
  }
  return { respondedAt: attended && new Date(time(attended.at)), fixedAt, acceptedAt };
}
