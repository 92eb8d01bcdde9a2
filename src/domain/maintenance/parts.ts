import { z } from 'zod';
import { codesOf } from '../labels';
import { line, text } from '../validation';
import { instant, PersonRef } from '../primitives';

// Spare parts (issue 11, point 4): council-owned stock per store with reorder levels, moved only by
// an append-only ledger: received, signed out to the contractor's engineer (with who, when, the
// fault, the justification and a signature drawn on screen), returned, counted. Pure: the contract
// the API and the web client share, and the decisions on a movement.

export const MOVEMENT_KINDS = { received: 'Received', signed_out: 'Signed out', returned: 'Returned', counted: 'Counted' } as const;
export const MovementKind = codesOf(MOVEMENT_KINDS);
export type MovementKind = z.infer<typeof MovementKind>;

/** The most of one part moved at once, and the most a store holds of one part. */
export const MAX_QUANTITY = 100_000;

// ---- Decisions ----

/** Below its reorder level: fewer on hand than the level (a level of 0 never flags). */
export const isBelowReorderLevel = ({ onHand, reorderLevel }: { onHand: number; reorderLevel: number }) => onHand < reorderLevel;

export type MovementInput = { kind: 'received' | 'signed_out' | 'returned'; quantity: number } | { kind: 'counted'; counted: number };
export type MovementOutcome =
  | { ok: true; change: number; after: number }
  | { ok: false; code: 'parts.not_enough_stock' | 'parts.too_much_stock'; message: string };

/**
 * What a movement does to the quantity on hand: received and returned add, signed out takes away,
 * a count sets the figure (the change is the difference). Never below zero: signing out more than
 * is on hand is refused with what there is.
 */
export function applyMovement({ onHand, partNumber }: { onHand: number; partNumber: string }, m: MovementInput): MovementOutcome {
  const after = m.kind === 'counted' ? m.counted : m.kind === 'signed_out' ? onHand - m.quantity : onHand + m.quantity;
  if (after < 0) {
    return {
      ok: false, code: 'parts.not_enough_stock',
      message: onHand === 0
        ? `None of part ${partNumber} is in stock: it cannot be signed out. Receive or count stock first.`
        : `Only ${onHand} of part ${partNumber} ${onHand === 1 ? 'is' : 'are'} in stock: sign out ${onHand} or fewer.`,
    };
  }
  if (after > MAX_QUANTITY) return { ok: false, code: 'parts.too_much_stock', message: `A store holds at most ${MAX_QUANTITY} of one part: check the quantity.` };
  return { ok: true, change: after - onHand, after };
}

/** The value of what is on hand, in pence. */
export const stockValuePence = ({ onHand, unitCostPence }: { onHand: number; unitCostPence: number }) => onHand * unitCostPence;

// ---- Contract ----

const words = (what: string, { min = 3, max = 2000 }: { min?: number; max?: number } = {}) =>
  text({ message: `Enter ${what}` }).trim().min(min, `Enter ${what} (at least ${min} characters)`).max(max, `Keep ${what} to ${max} characters or fewer`);
const name = (what: string, { min = 2, max = 100 }: { min?: number; max?: number } = {}) =>
  line({ message: `Enter ${what}` }).trim().min(min, `Enter ${what}`).max(max, `Keep ${what} to ${max} characters or fewer`);
const count = (what: string, { min }: { min: number }) =>
  z.number({ message: `Enter ${what} as a number` }).int(`Enter ${what} as a whole number`)
    .min(min, min === 0 ? `${what} cannot be negative`.replace(/^./, (c) => c.toUpperCase()) : `Enter ${what} of at least ${min}`)
    .max(MAX_QUANTITY, `Enter ${what} of ${MAX_QUANTITY} or fewer`);
const optionalNote = text().trim().max(2000, 'Keep the note to 2000 characters or fewer').default('');

export const CreateStore = z.object({
  name: name('the store\'s name', { min: 3 }),
  location: line().trim().max(200, 'Keep the location to 200 characters or fewer').default(''),
}).meta({ id: 'CreatePartStore' });
export const PartStore = z.object({ id: z.uuid(), name: z.string(), location: z.string(), parts: z.number().int(), belowReorderLevel: z.number().int() }).meta({ id: 'PartStore' });
export const PartStoreList = z.object({ items: z.array(PartStore) }).meta({ id: 'PartStoreList' });
export type PartStore = z.infer<typeof PartStore>;

export const CreatePart = z.object({
  storeId: z.uuid({ message: 'Choose the store' }),
  partNumber: line({ message: 'Enter the part number' }).trim().regex(/^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,39}$/, 'Enter the part number: up to 40 letters, digits, spaces, dots, slashes, hyphens or underscores'),
  description: name('a description', { min: 3, max: 200 }),
  unitCostPence: z.number({ message: 'Enter the unit cost in pence' }).int('Enter the unit cost as a whole number of pence').min(0, 'The unit cost cannot be negative').max(100_000_000, 'Enter a unit cost of £1,000,000 or less'),
  reorderLevel: count('the reorder level', { min: 0 }),
}).meta({ id: 'CreatePart' });

export const ReceiveParts = z.object({ quantity: count('the quantity received', { min: 1 }), note: optionalNote }).meta({ id: 'ReceiveParts' });
export const SignOutPart = z.object({
  quantity: count('the quantity', { min: 1 }),
  faultId: z.uuid({ message: 'Choose the fault from the list' }).optional(),
  justification: words('why the part is needed (the justification)'),
  engineerName: name('the engineer\'s name'),
  engineerOrganisation: name('the engineer\'s organisation', { max: 200 }),
  signaturePng: z.string({ message: 'Ask the engineer to sign in the box' }).max(400_000, 'The signature image is too large').regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'Ask the engineer to sign in the box'),
}).meta({ id: 'SignOutPart' });
export const ReturnParts = z.object({
  quantity: count('the quantity returned', { min: 1 }),
  faultId: z.uuid({ message: 'Choose the fault from the list' }).optional(),
  engineerName: line().trim().max(100, 'Keep the engineer\'s name to 100 characters or fewer').default(''),
  note: words('why it came back (unused, wrong part)', { max: 2000 }),
}).meta({ id: 'ReturnParts' });
export const CountParts = z.object({ counted: count('the number counted', { min: 0 }), note: optionalNote }).meta({ id: 'CountParts' });

export const PART_SORT_FIELDS = ['part_number', 'description', 'store', 'quantity', 'reorder_level', 'unit_cost'] as const;
export const PartSort = z.enum(PART_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`] as const) as [`${(typeof PART_SORT_FIELDS)[number]}_${'asc' | 'desc'}`, ...`${(typeof PART_SORT_FIELDS)[number]}_${'asc' | 'desc'}`[]]);
export type PartSort = z.infer<typeof PartSort>;

export const PartsQuery = z.object({
  storeId: z.uuid({ message: 'Choose a store from the list' }).optional(),
  belowReorderLevel: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Only parts below their reorder level (true) or only those at or above it (false)'),
  q: line().trim().max(100).optional().describe('Part number or description contains'),
  sort: PartSort.default('part_number_asc'),
});
export type PartsQuery = z.output<typeof PartsQuery>;

export const PartSummary = z.object({
  id: z.uuid(), partNumber: z.string(), description: z.string(), store: z.object({ id: z.uuid(), name: z.string() }),
  unitCostPence: z.number().int(), reorderLevel: z.number().int(), quantityOnHand: z.number().int(), stockValuePence: z.number().int(),
  belowReorderLevel: z.boolean(),
}).meta({ id: 'PartSummary' });
export type PartSummary = z.infer<typeof PartSummary>;
export const PartList = z.object({ items: z.array(PartSummary), belowReorderLevel: z.number().int().describe('How many listed parts are below their reorder level') }).meta({ id: 'PartList' });

export const PartMovement = z.object({
  seq: z.number().int(), kind: MovementKind, quantity: z.number().int().describe('The change: positive in, negative out'), quantityAfter: z.number().int(),
  counted: z.number().int().nullable(), at: instant, by: PersonRef,
  fault: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  justification: z.string().nullable(), engineerName: z.string().nullable(), engineerOrganisation: z.string().nullable(),
  signatureSha256: z.string().nullable(), note: z.string().nullable(),
}).meta({ id: 'PartMovement' });
export type PartMovement = z.infer<typeof PartMovement>;
export const Part = PartSummary.extend({ createdAt: instant, movements: z.array(PartMovement) }).meta({ id: 'Part' });
export type Part = z.infer<typeof Part>;
export const MovementRecorded = z.object({ partId: z.uuid(), seq: z.number().int(), kind: MovementKind, quantityOnHand: z.number().int(), belowReorderLevel: z.boolean() }).meta({ id: 'PartMovementRecorded' });
