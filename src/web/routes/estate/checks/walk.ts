import { CHECK_ITEMS, type CheckItem, type CheckKind, type CheckOutcome, type Next, type Target } from '../../../api/checks';
import { labelOf } from '../../../../domain/labels';

// The operator's walk through a round, pure: one key per result, the items of one camera (or piece
// of equipment) in turn, a note when one fails, then that target's results saved and on to the next.

/** The keys, one per result (shown on screen and on the buttons). */
export const OUTCOME_KEYS: Record<CheckOutcome, string> = { pass: 'p', fail: 'f', not_applicable: 'n' };
export const BACK_KEY = 'b';

/** The result a key stands for (either case), or undefined. */
export function outcomeForKey(key: string): CheckOutcome | undefined {
  const k = key.toLowerCase();
  return (Object.keys(OUTCOME_KEYS) as CheckOutcome[]).find((o) => OUTCOME_KEYS[o] === k);
}

/**
 * What a key pressed on the page does: a result, back, or nothing (a modifier held, typing in a form
 * field, a dialog open, or the user's single-key shortcuts turned off).
 */
export function keyAction(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  { typing, dialogOpen, enabled }: { typing: boolean; dialogOpen: boolean; enabled: boolean },
): CheckOutcome | 'back' | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || typing || dialogOpen || !enabled || event.key.length !== 1) return undefined;
  return event.key.toLowerCase() === BACK_KEY ? 'back' : outcomeForKey(event.key);
}

export interface Entry { item: CheckItem; outcome: CheckOutcome; note?: string; clockOffsetSeconds?: number; saved?: boolean }

export interface Walk {
  /** The round's targets, in order. */
  targets: readonly Target[];
  /** `targetId:item` of every item with a result saved (by anyone). */
  done: readonly string[];
  /** The target being checked; null once the round is complete. */
  target: Target | null;
  /** Its items still to check when it was reached, in order. */
  items: readonly CheckItem[];
  /** What has been recorded for it so far, in order (saved once the last item has a result). */
  entries: readonly Entry[];
  /** The item just failed, waiting for its note. */
  failing: CheckItem | null;
}

const keyOf = (targetId: string, item: string) => `${targetId}:${item}`;

/** At the target named (or, should it be done already, the next one in order with items left); none when none is named. */
function reach(walk: Omit<Walk, 'target' | 'items' | 'entries' | 'failing'>, targetId: string | undefined): Walk {
  const left = (t: Target) => t.items.filter((i) => !walk.done.includes(keyOf(t.id, i)));
  const at = walk.targets.findIndex((t) => t.id === targetId);
  const order = at < 0 ? [] : [...walk.targets.slice(at), ...walk.targets.slice(0, at)];
  const target = order.find((t) => left(t).length > 0) ?? null;
  return { ...walk, target, items: target ? left(target) : [], entries: [], failing: null };
}

/** Where an operator starts: at the round's next item's target, with that target's items not yet checked. */
export function startWalk({ targets, results, next }: { targets: readonly Target[]; results: readonly { targetId: string; item: string }[]; next: Next | null }): Walk {
  return reach({ targets, done: results.map((r) => keyOf(r.targetId, r.item)) }, next?.targetId);
}

/** The item the operator is on: the one failing (waiting for its note), else the next without a result. */
export const currentItem = (walk: Walk): CheckItem | null => walk.failing ?? walk.items[walk.entries.length] ?? null;

/** A key's result for the current item. A failure waits for its note; anything else moves on. */
export function choose(walk: Walk, outcome: CheckOutcome): Walk {
  const item = currentItem(walk);
  if (!item || walk.failing) return walk;
  if (outcome === 'fail') return { ...walk, failing: item };
  return { ...walk, entries: [...walk.entries, { item, outcome }] };
}

/**
 * The failing item's note, required; for the recorder clock, how far out it is (seconds, + ahead,
 * − behind) may be given instead, and must then be beyond the tolerance. Errors by field, in page order.
 */
export function giveNote(walk: Walk, { note, offset = '', toleranceSeconds }: { note: string; offset?: string; toleranceSeconds: number }): Walk | { errors: [string, string][] } {
  if (!walk.failing) return walk;
  const item = walk.failing;
  const text = note.trim();
  const given = walk.failing === 'clock' ? offset.trim().replace(/^\u2212/, '-') : '';
  const seconds = /^[+-]?\d{1,5}$/.test(given) ? Number(given) : undefined;
  const errors: [string, string][] = [];
  if (given && seconds === undefined) errors.push(['offset', 'Enter how far out the clock is in whole seconds, like -14 or 20']);
  else if (seconds !== undefined && Math.abs(seconds) <= toleranceSeconds) errors.push(['offset', `The clock is within ${toleranceSeconds} seconds: record it as passed`]);
  if (!text && seconds === undefined) {
    errors.unshift(['note', item === 'clock'
      ? 'Say what is wrong with the recorder clock, or how far out it is: a failed item needs a note'
      : `Say what is wrong with the ${labelOf(CHECK_ITEMS, item).toLowerCase()}: a failed item needs a note`]);
  }
  if (errors.length) return { errors };
  const entry: Entry = { item, outcome: 'fail', ...(text ? { note: text } : {}), ...(seconds !== undefined ? { clockOffsetSeconds: seconds } : {}) };
  return { ...walk, failing: null, entries: [...walk.entries, entry] };
}

/** Back one step: the failure waiting for a note is dropped, else the last result not yet saved. */
export function back(walk: Walk): Walk {
  if (walk.failing) return { ...walk, failing: null };
  const last = walk.entries.at(-1);
  if (!last || last.saved) return walk;
  return { ...walk, entries: walk.entries.slice(0, -1) };
}

/** Every item of the target has a result: time to save them. */
export const isReadyToSave = (walk: Walk): boolean => !!walk.target && !walk.failing && walk.entries.length === walk.items.length && walk.items.length > 0;

/** The results still to send (a save that failed part way sends only the rest). */
export const unsaved = (walk: Walk): Entry[] => walk.entries.filter((e) => !e.saved);

export const markSaved = (walk: Walk, item: CheckItem): Walk => ({ ...walk, entries: walk.entries.map((e) => (e.item === item ? { ...e, saved: true } : e)) });

/** The target's results saved: on to the target of the server's next item, or the end of the round. */
export function moveOn(walk: Walk, next: Next | null): Walk {
  const done = walk.target ? [...walk.done, ...walk.entries.map((e) => keyOf(walk.target!.id, e.item))] : walk.done;
  return reach({ targets: walk.targets, done }, next?.targetId);
}

/** Where the target stands in the round: 1-based. */
export const position = (walk: Walk) => ({ index: walk.target ? walk.targets.indexOf(walk.target) + 1 : 0, count: walk.targets.length });

// ---- Words ----

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const targetWord = (kind: CheckKind) => (kind === 'cameras' ? 'Camera' : 'Equipment');

/** "3 cameras", "1 piece of equipment". */
export const targetCountWords = (kind: CheckKind, n: number) => (kind === 'cameras' ? plural(n, 'camera') : plural(n, 'piece of equipment', 'pieces of equipment'));

/** "Camera 12 of 58". */
export const progressWords = (kind: CheckKind, { index, count }: { index: number; count: number }) => `${targetWord(kind)} ${index} of ${count}`;

/** What the operator is asked about each item. */
export function promptOf(item: CheckItem, toleranceSeconds: number): string {
  switch (item) {
    case 'picture': return 'Is there a clear, live picture?';
    case 'ptz': return 'Does it pan, tilt and zoom when told to?';
    case 'focus': return 'Is the picture in focus?';
    case 'infrared': return 'Does the night view (infrared) work?';
    case 'recording': return 'Is it recording?';
    case 'clock': return `Is the recorder clock within ${toleranceSeconds} seconds of the reference clock?`;
    case 'storage': return 'Does the recorder have storage free, with no disk warnings?';
    case 'transmit_receive': return 'Does it transmit and receive?';
    case 'battery': return 'Is the battery charged and holding its charge?';
  }
}

const OUTCOME_WORDS: Record<CheckOutcome, string> = { pass: 'passed', fail: 'failed', not_applicable: 'not applicable' };

/** "Focus: failed (Blurred by a spider’s web)". */
export const entryWords = (e: Pick<Entry, 'item' | 'outcome' | 'note' | 'clockOffsetSeconds'>) => `${labelOf(CHECK_ITEMS, e.item)}: ${outcomeWords(e)}`;

/** "failed (Blurred; +25 s out)". */
export function outcomeWords(e: Pick<Entry, 'outcome' | 'note' | 'clockOffsetSeconds'>): string {
  const out = e.clockOffsetSeconds === undefined ? '' : `${e.clockOffsetSeconds > 0 ? '+' : ''}${e.clockOffsetSeconds} s out`;
  const detail = [e.note, out].filter(Boolean).join('; ');
  return `${OUTCOME_WORDS[e.outcome]}${detail ? ` (${detail})` : ''}`;
}

/** "4 passed, 1 failed, 1 not applicable" (zeros left out; "nothing" when empty). */
export function countWords(outcomes: readonly CheckOutcome[]): string {
  const count = (o: CheckOutcome) => outcomes.filter((x) => x === o).length;
  const parts = [[count('pass'), 'passed'], [count('fail'), 'failed'], [count('not_applicable'), 'not applicable']] as const;
  return parts.filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}`).join(', ') || 'nothing recorded';
}

/** What is said when a target's results are saved, with the faults they raised. */
export function savedWords({ target, entries, faults }: { target: Target; entries: readonly Entry[]; faults: readonly string[] }): string {
  const raised = faults.length ? ` ${faults.length === 1 ? 'Fault' : 'Faults'} ${faults.join(', ')} raised.` : '';
  return `${target.reference} saved: ${countWords(entries.map((e) => e.outcome))}.${raised}`;
}

/** What is said of what comes next: the next item of this target, or the next target's first, or the end. */
export function nextWords(kind: CheckKind, walk: Walk): string {
  const item = currentItem(walk);
  if (!walk.target || !item) return 'The round is complete.';
  if (walk.entries.length > 0 || walk.failing) return `Next: ${labelOf(CHECK_ITEMS, item)}.`;
  return `Next: ${progressWords(kind, position(walk)).toLowerCase()}, ${walk.target.reference} ${walk.target.name}: ${labelOf(CHECK_ITEMS, item)}.`;
}
