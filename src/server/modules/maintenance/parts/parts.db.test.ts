import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeOrganisation, sealed, testClock, testDeps, uniq } from '../../../../../test/support/deps';
import type { Deps } from '../../../platform/deps';
import * as uc from './parts.usecases';
import { aStockedPart, coordinatorActor, SIGNATURE_PNG } from './parts.walk';

// Spare parts against a real PostgreSQL: the ledger moves the stock, never below zero, one sign-out
// at a time, and is never changed. Each test has its own store, so the shared database is enough.

const clock = testClock(new Date('2026-11-03T22:40:00Z'));
const deps: Deps = testDeps({ clock });
const ctx = async () => ({ deps, councilOrgId: (await makeOrganisation(deps)).id });
const signOut = (over: Partial<{ quantity: number; faultId: string }> = {}) => ({
  kind: 'signed_out' as const,
  input: { quantity: 1, justification: 'PSU failed on the Market Place camera', engineerName: 'J Smith', engineerOrganisation: 'Acme CCTV Ltd', signaturePng: SIGNATURE_PNG, ...over },
});

async function aFault(userId: string) {
  const camera = await deps.db.insertInto('cameras').values({ reference: uniq('F').toUpperCase().slice(0, 16), name: 'Market Place', location_text: 'Market Place', latitude: 52.8, longitude: -1.63, kind: 'fixed' })
    .returning('id').executeTakeFirstOrThrow();
  const number = Math.floor(Math.random() * 900_000) + 100_000;
  return deps.db.insertInto('faults').values({
    reference: `FLT-2026-${number}`, year: 2026, number, camera_id: camera.id, description: 'No picture', raised_by: userId, raised_at: clock.now(), source: 'operator',
  }).returning(['id', 'reference']).executeTakeFirstOrThrow();
}

const movements = (partId: string) => deps.db.selectFrom('part_movements').selectAll().where('part_id', '=', partId).orderBy('seq').execute();
const onHand = async (partId: string) => (await deps.db.selectFrom('parts').select('quantity_on_hand').where('id', '=', partId).executeTakeFirstOrThrow()).quantity_on_hand;

describe('signing a part out', () => {
  it('takes it off the stock and records who, when, the fault, the justification, the engineer and their signature', async () => {
    const c = await ctx();
    const { part } = await aStockedPart(c, { stock: 3 });
    const officer = await coordinatorActor(c);
    const fault = await aFault(officer.userId);
    const done = await uc.recordMovement(deps, { actor: officer, partId: part.id, movement: signOut({ quantity: 2, faultId: fault.id }) });
    expect(done).toEqual({ partId: part.id, seq: 2, kind: 'signed_out', quantityOnHand: 1, belowReorderLevel: true });
    expect(await onHand(part.id)).toBe(1);

    const [, out] = await movements(part.id);
    expect(out).toMatchObject({
      kind: 'signed_out', quantity: -2, quantity_after: 1, by_user_id: officer.userId, at: clock.now(), fault_id: fault.id,
      justification: 'PSU failed on the Market Place camera', engineer_name: 'J Smith', engineer_organisation: 'Acme CCTV Ltd', signature_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await deps.storage.find(out.signature_sha256!)).toEqual(Buffer.from(SIGNATURE_PNG.split(',')[1], 'base64'));

    const detail = await uc.getPart(deps, { partId: part.id });
    expect(detail.movements.map((m) => [m.kind, m.quantity, m.quantityAfter])).toEqual([['received', 3, 3], ['signed_out', -2, 1]]);
    expect(detail.movements[1]).toMatchObject({ fault: { id: fault.id, reference: fault.reference }, by: { id: officer.userId }, at: '2026-11-03T22:40:00.000Z' });

    const audit = await (await sealed(deps.db)).selectFrom('audit_events').select(['action', 'details']).where('record_id', '=', part.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['parts.part-created', 'parts.received', 'parts.signed-out']);
    expect(audit[2].details).toMatchObject({ fault: fault.reference, change: -2, quantityAfter: 1, engineer: 'J Smith', signatureSha256: out.signature_sha256 });
  });

  it('refuses to take the stock below zero, saying what is on hand, and records nothing', async () => {
    const { part, actor } = await aStockedPart(await ctx(), { stock: 2 });
    await expect(uc.recordMovement(deps, { actor, partId: part.id, movement: signOut({ quantity: 3 }) }))
      .rejects.toMatchObject({ status: 409, code: 'parts.not_enough_stock', message: `Only 2 of part ${part.partNumber} are in stock: sign out 2 or fewer.` });
    expect(await onHand(part.id)).toBe(2);
    expect(await movements(part.id)).toHaveLength(1);
  });

  it('refuses an unknown fault and a signature that is not a PNG', async () => {
    const { part, actor } = await aStockedPart(await ctx());
    await expect(uc.recordMovement(deps, { actor, partId: part.id, movement: signOut({ faultId: crypto.randomUUID() }) }))
      .rejects.toMatchObject({ status: 400, fieldErrors: [{ path: 'faultId' }] });
    const notPng = { ...signOut(), input: { ...signOut().input, signaturePng: `data:image/png;base64,${Buffer.from('x'.repeat(80)).toString('base64')}` } };
    await expect(uc.recordMovement(deps, { actor, partId: part.id, movement: notPng })).rejects.toMatchObject({ status: 400, fieldErrors: [{ path: 'signaturePng' }] });
    expect(await onHand(part.id)).toBe(5);
  });

  it('lets only one of several sign-outs of the last part at the same moment through; the others are told none is left', async () => {
    const c = await ctx();
    const { part } = await aStockedPart(c, { stock: 1 });
    const officers = await Promise.all(Array.from({ length: 6 }, () => coordinatorActor(c)));
    const results = await Promise.allSettled(officers.map((actor) => uc.recordMovement(deps, { actor, partId: part.id, movement: signOut() })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const lost of results.filter((r) => r.status === 'rejected')) expect(lost.reason).toMatchObject({ status: 409, code: 'parts.not_enough_stock' });
    expect(await onHand(part.id)).toBe(0);
    expect((await movements(part.id)).map((m) => m.kind)).toEqual(['received', 'signed_out']);
  });
});

describe('returns and counts', () => {
  it('adds a return back, and a count sets the figure, recording the difference, the counted figure and who counted', async () => {
    const c = await ctx();
    const { part, actor } = await aStockedPart(c, { stock: 4 });
    await uc.recordMovement(deps, { actor, partId: part.id, movement: signOut({ quantity: 2 }) });
    await uc.recordMovement(deps, { actor, partId: part.id, movement: { kind: 'returned', input: { quantity: 1, engineerName: 'J Smith', note: 'Not needed' } } });
    const counter = await coordinatorActor(c);
    const counted = await uc.recordMovement(deps, { actor: counter, partId: part.id, movement: { kind: 'counted', input: { counted: 1, note: 'One found damaged' } } });
    expect(counted).toMatchObject({ kind: 'counted', quantityOnHand: 1 });
    const ledger = await movements(part.id);
    expect(ledger.map((m) => [m.kind, m.quantity, m.quantity_after])).toEqual([['received', 4, 4], ['signed_out', -2, 2], ['returned', 1, 3], ['counted', -2, 1]]);
    expect(ledger[3]).toMatchObject({ counted: 1, by_user_id: counter.userId, note: 'One found damaged' });
    expect(await onHand(part.id)).toBe(1);
    // The quantity on hand is the ledger's sum, kept in step with it.
    expect(ledger.reduce((n, m) => n + m.quantity, 0)).toBe(1);
  });
});

describe('the reorder level', () => {
  it('flags a part once fewer are on hand than its level, in the list filter and its field', async () => {
    const { part, actor, store } = await aStockedPart(await ctx(), { stock: 3, reorderLevel: 3 });
    const below = async () => (await uc.listParts(deps, { storeId: store.id, belowReorderLevel: true, sort: 'part_number_asc' })).items.map((p) => p.id);
    expect(await below()).toEqual([]);
    expect((await uc.listParts(deps, { storeId: store.id, belowReorderLevel: false, sort: 'part_number_asc' })).items[0]).toMatchObject({ id: part.id, belowReorderLevel: false });
    await uc.recordMovement(deps, { actor, partId: part.id, movement: signOut() });
    expect(await below()).toEqual([part.id]);
    expect(await uc.listParts(deps, { storeId: store.id, sort: 'part_number_asc' })).toMatchObject({ belowReorderLevel: 1, items: [{ quantityOnHand: 2, belowReorderLevel: true, stockValuePence: 4900 }] });
    expect((await uc.listStores(deps)).items.find((s) => s.id === store.id)).toMatchObject({ parts: 1, belowReorderLevel: 1 });
  });

  it('sorts the list by the field asked for', async () => {
    const c = await ctx();
    const { store, actor } = await aStockedPart(c, { stock: 1 });
    await uc.createPart(deps, { actor, input: { storeId: store.id, partNumber: 'AAA-1', description: 'Lens', unitCostPence: 100, reorderLevel: 0 } });
    const order = async (sort: 'quantity_desc' | 'part_number_asc') => (await uc.listParts(deps, { storeId: store.id, sort })).items.map((p) => p.quantityOnHand);
    expect(await order('quantity_desc')).toEqual([1, 0]);
    expect((await uc.listParts(deps, { storeId: store.id, sort: 'part_number_asc' })).items[0].partNumber).toBe('AAA-1');
  });
});

describe('the ledger', () => {
  it('is never changed or removed, and the stock column cannot go below zero', async () => {
    const { part } = await aStockedPart(await ctx(), { stock: 1 });
    await expect(deps.db.updateTable('part_movements').set({ quantity: 100 }).where('part_id', '=', part.id).execute()).rejects.toThrow();
    await expect(deps.db.deleteFrom('part_movements').where('part_id', '=', part.id).execute()).rejects.toThrow();
    await expect(sql`truncate part_movements`.execute(deps.db)).rejects.toThrow();
    await expect(deps.db.updateTable('parts').set({ quantity_on_hand: -1 }).where('id', '=', part.id).execute()).rejects.toThrow(/check/);
    expect((await movements(part.id)).map((m) => m.quantity)).toEqual([1]);
  });

  it('refuses a second store of the same name and a part number twice in one store', async () => {
    const c = await ctx();
    const { store, part, actor } = await aStockedPart(c);
    await expect(uc.createStore(deps, { actor, input: { name: store.name, location: '' } })).rejects.toMatchObject({ status: 409, code: 'parts.store_exists' });
    await expect(uc.createPart(deps, { actor, input: { storeId: store.id, partNumber: part.partNumber, description: 'Again', unitCostPence: 1, reorderLevel: 0 } }))
      .rejects.toMatchObject({ status: 409, code: 'parts.part_exists' });
  });
});
