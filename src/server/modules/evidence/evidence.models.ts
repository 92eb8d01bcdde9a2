import { createHash } from 'node:crypto';
import type { ContinuityKind } from './continuity/continuity.models';

// Pure decisions about exhibits: where an exhibit stands from its continuity, who may record what
// next, the hash continuity quotes for the item, and the recorder's clock offset.

export interface CustodyEvent { seq: number; kind: ContinuityKind; at: Date; actorId: string | null; actorName: string; details: Record<string, unknown> }
export interface Person { id: string; name: string }

export interface Custody {
  state: 'held' | 'awaiting_receipt' | 'sealed' | 'destroyed';
  /** Who holds it: the producer, then whoever last received it (or got it back when a receiver refused it). */
  holder: Person | null;
  pendingHandover: { to: Person; from: Person | null; at: Date; seq: number } | null;
}

const personOf = (e: CustodyEvent): Person | null => (e.actorId ? { id: e.actorId, name: e.actorName } : null);

/** Where an exhibit stands, from its events in order. */
export function custodyOf(events: readonly CustodyEvent[]): Custody {
  let holder: Person | null = null;
  let pending: Custody['pendingHandover'] = null;
  let sealed = false;
  let destroyed = false;
  for (const e of events) {
    switch (e.kind) {
      case 'produced': holder = personOf(e); break;
      case 'handed_over': {
        const to = e.details.to as Person | undefined;
        if (to) pending = { to, from: personOf(e), at: e.at, seq: e.seq };
        break;
      }
      case 'received': holder = personOf(e); pending = null; break;
      case 'rejected': holder = pending?.from ?? holder; pending = null; break;
      case 'returned': holder = personOf(e); break;
      case 'sealed': sealed = true; break;
      case 'destroyed': destroyed = true; pending = null; break;
      default: break;
    }
  }
  const state = destroyed ? 'destroyed' : pending ? 'awaiting_receipt' : sealed ? 'sealed' : 'held';
  return { state, holder: destroyed ? null : holder, pendingHandover: pending };
}

export type ManualKind = 'handed_over' | 'received' | 'rejected' | 'returned' | 'sealed' | 'viewed';

/** Why `actorId` may not record `kind` now, or undefined when they may. */
export function handlingProblem({ custody, kind, actorId, toUserId }: { custody: Custody; kind: ManualKind; actorId: string; toUserId?: string }): string | undefined {
  if (custody.state === 'destroyed') return 'This exhibit has been destroyed: nothing more can be recorded against it.';
  const pending = custody.pendingHandover;
  if (kind === 'received' || kind === 'rejected') {
    if (!pending) return 'Nobody has handed this exhibit over, so there is nothing to receive.';
    if (pending.to.id !== actorId) return `This exhibit was handed to ${pending.to.name}: only they can receive or refuse it.`;
    return undefined;
  }
  if (pending && kind !== 'viewed') return `This exhibit is waiting for ${pending.to.name} to receive it: record that first.`;
  if (kind === 'handed_over' && toUserId === actorId) return 'Choose someone else: you cannot hand an exhibit to yourself.';
  return undefined;
}

/**
 * The SHA-256 continuity quotes for the item: its master's; for an exhibit of several files (a VMS
 * export), the SHA-256 of their list, one "sha256  name" line each in order, as `sha256sum` prints it.
 */
export function itemSha256(masters: readonly { sha256: string; name: string }[]): string {
  if (masters.length === 1) return masters[0].sha256;
  const list = masters.map((m) => `${m.sha256}  ${m.name}\n`).join('');
  return createHash('sha256').update(list, 'utf8').digest('hex');
}

/** The recorder's clock error: positive when the recorder is slow (true time ahead of what it showed). */
export const clockOffsetSeconds = ({ recorderShowed, trueTime }: { recorderShowed: Date; trueTime: Date }) =>
  Math.round((trueTime.getTime() - recorderShowed.getTime()) / 10) / 100;

/** In words, as a statement or manifest says it: "recorder 1 min 50 s slow". */
export function describeOffset(offsetSeconds: number): string {
  if (Math.abs(offsetSeconds) < 0.5) return 'recorder correct';
  const abs = Math.round(Math.abs(offsetSeconds));
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', s ? `${s} s` : ''].filter(Boolean).join(' ');
  return `recorder ${parts} ${offsetSeconds > 0 ? 'slow' : 'fast'}`;
}

/** The next number for a derivative of `kind` among an exhibit's references (WC and S counted apart). */
export function nextDerivativeNumber({ references, kind }: { references: readonly string[]; kind: 'working_copy' | 'clip' | 'still' }): number {
  const tag = kind === 'still' ? 'S' : 'WC';
  const used = references.map((r) => new RegExp(`/${tag}([0-9]+)$`).exec(r)).filter(Boolean).map((m) => Number(m![1]));
  return used.reduce((a, b) => Math.max(a, b), 0) + 1;
}
