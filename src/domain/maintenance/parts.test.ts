import { describe, expect, it } from 'vitest';
import { applyMovement, CountParts, CreatePart, isBelowReorderLevel, PartsQuery, SignOutPart, stockValuePence } from './parts';

const part = { partNumber: 'PSU-12V', onHand: 3 };
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgo=';

describe('a movement on the quantity on hand', () => {
  it('adds what is received or returned and takes away what is signed out', () => {
    expect(applyMovement(part, { kind: 'received', quantity: 5 })).toEqual({ ok: true, change: 5, after: 8 });
    expect(applyMovement(part, { kind: 'returned', quantity: 1 })).toEqual({ ok: true, change: 1, after: 4 });
    expect(applyMovement(part, { kind: 'signed_out', quantity: 3 })).toEqual({ ok: true, change: -3, after: 0 });
  });

  it('sets the figure on a count, recording the difference either way', () => {
    expect(applyMovement(part, { kind: 'counted', counted: 1 })).toEqual({ ok: true, change: -2, after: 1 });
    expect(applyMovement(part, { kind: 'counted', counted: 7 })).toEqual({ ok: true, change: 4, after: 7 });
    expect(applyMovement(part, { kind: 'counted', counted: 3 })).toEqual({ ok: true, change: 0, after: 3 });
  });

  it('never goes below zero: signing out more than is on hand is refused, saying what there is', () => {
    expect(applyMovement(part, { kind: 'signed_out', quantity: 4 })).toEqual({ ok: false, code: 'parts.not_enough_stock', message: 'Only 3 of part PSU-12V are in stock: sign out 3 or fewer.' });
    expect(applyMovement({ partNumber: 'X1', onHand: 1 }, { kind: 'signed_out', quantity: 2 })).toMatchObject({ ok: false, message: 'Only 1 of part X1 is in stock: sign out 1 or fewer.' });
    expect(applyMovement({ partNumber: 'X1', onHand: 0 }, { kind: 'signed_out', quantity: 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/^None of part X1 is in stock/) });
  });

  it('refuses a store holding more than the most of one part', () => {
    expect(applyMovement({ partNumber: 'X1', onHand: 99_999 }, { kind: 'received', quantity: 2 })).toMatchObject({ ok: false, code: 'parts.too_much_stock' });
  });
});

describe('the reorder level', () => {
  it('flags a part with fewer on hand than its level, not one at it, and never with a level of 0', () => {
    expect(isBelowReorderLevel({ onHand: 1, reorderLevel: 2 })).toBe(true);
    expect(isBelowReorderLevel({ onHand: 2, reorderLevel: 2 })).toBe(false);
    expect(isBelowReorderLevel({ onHand: 0, reorderLevel: 0 })).toBe(false);
  });

  it('values the stock at the unit cost', () => {
    expect(stockValuePence({ onHand: 4, unitCostPence: 1250 })).toBe(5000);
  });
});

describe('the contract', () => {
  it('asks for everything a sign-out records, each against its field', () => {
    const r = SignOutPart.safeParse({ quantity: 0, justification: ' ', engineerName: '', engineerOrganisation: '', signaturePng: 'not a picture' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['engineerName', 'engineerOrganisation', 'justification', 'quantity', 'signaturePng']);
    expect(SignOutPart.parse({ quantity: 1, justification: 'Replace failed PSU on CAM-7', engineerName: 'J Smith', engineerOrganisation: 'Acme CCTV Ltd', signaturePng: SIGNATURE }))
      .toMatchObject({ quantity: 1, engineerName: 'J Smith' });
  });

  it('takes whole, non-negative numbers for parts and counts', () => {
    expect(CreatePart.safeParse({ storeId: crypto.randomUUID(), partNumber: '=cmd', description: 'Bad', unitCostPence: 1.5, reorderLevel: -1 }).error!.issues.map((i) => i.path[0]).sort())
      .toEqual(['partNumber', 'reorderLevel', 'unitCostPence']);
    expect(CountParts.safeParse({ counted: -1 }).error!.issues[0].message).toBe('The number counted cannot be negative');
    expect(CountParts.parse({ counted: 0 })).toEqual({ counted: 0, note: '' });
  });

  it('reads the list\'s filters from the query string', () => {
    expect(PartsQuery.parse({ belowReorderLevel: 'true' })).toEqual({ belowReorderLevel: true, sort: 'part_number_asc' });
    expect(PartsQuery.safeParse({ sort: 'nonsense' }).success).toBe(false);
  });
});
