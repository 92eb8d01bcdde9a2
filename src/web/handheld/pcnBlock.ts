// PCN numbers from the device's own blocks of serials (allocated by the server while there is signal),
// so two officers offline never print the same number. The state is kept on the device and saved
// before a number is shown; a number allocated and not used is skipped, never reused.
import { formatPcnNumber } from '../../domain/references/pcn';
import type { PcnBlock } from './api';

export const TOP_UP_BELOW = 20;

export interface PcnBlocks { blocks: PcnBlock[]; next: number | null }

export const emptyBlocks = (): PcnBlocks => ({ blocks: [], next: null });

export function addBlock(state: PcnBlocks, block: PcnBlock): PcnBlocks {
  if (state.blocks.some((b) => b.prefix === block.prefix && b.firstSerial === block.firstSerial)) return state;
  const blocks = [...state.blocks, block];
  return { blocks, next: state.next ?? blocks[0].firstSerial };
}

export function remaining(state: PcnBlocks): number {
  return state.blocks.reduce((n, b, i) => n + (i === 0 ? b.lastSerial - (state.next ?? b.firstSerial) + 1 : b.lastSerial - b.firstSerial + 1), 0);
}

export const needsTopUp = (state: PcnBlocks) => remaining(state) < TOP_UP_BELOW;

/** The next number and the state after it; throws when the device has no numbers left. */
export function allocate(state: PcnBlocks): { number: string; state: PcnBlocks } {
  let { blocks, next } = state;
  while (blocks.length && (next ?? blocks[0].firstSerial) > blocks[0].lastSerial) {
    blocks = blocks.slice(1);
    next = blocks[0]?.firstSerial ?? null;
  }
  if (!blocks.length) throw new Error('This device has no PCN numbers left: sync with signal to get more.');
  const serial = next ?? blocks[0].firstSerial;
  const number = formatPcnNumber(blocks[0].prefix, serial);
  return { number, state: { blocks, next: serial + 1 } };
}
