import { expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps, uniq } from '../../../../../test/support/deps';
import { PARTS_CSV_HEADER } from './parts.routes';
import { SIGNATURE_PNG } from './parts.walk';

// Spare parts through the API, by role: the coordinator sets up a store and a part and receives
// stock; an out-of-hours officer signs a part out to the contractor's engineer with a signature;
// the list flags it below its reorder level and exports it; the contractor sees none of it.

const deps = testDeps();
const { app } = testApp(deps);

it('takes a part from setup through receipt, sign-out with a signature, the reorder flag, a count and the CSV, each by the roles allowed', async () => {
  const org = (await makeOrganisation(deps)).id;
  const { client: coordinator } = await signedInAs(deps, app, ['coordinator'], org);
  const { client: ooh, user: oohUser } = await signedInAs(deps, app, ['ooh_officer'], org);
  const { client: operator } = await signedInAs(deps, app, ['operator'], org);
  const { client: contractor } = await signedInAs(deps, app, ['contractor'], (await makeOrganisation(deps, { external: true, kind: 'contractor' })).id);

  const storeName = uniq('Control room');
  const store = await coordinator.post('/api/v1/part-stores', { name: storeName, location: 'Burton control room' });
  expect(store.status).toBe(201);
  expect((await ooh.post('/api/v1/part-stores', { name: uniq('Depot') })).status).toBe(403);

  const bad = await coordinator.post('/api/v1/parts', { storeId: store.body.id, partNumber: '', description: 'x', unitCostPence: -1, reorderLevel: 1.5 });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['description', 'partNumber', 'reorderLevel', 'unitCostPence']);
  const made = await coordinator.post('/api/v1/parts', { storeId: store.body.id, partNumber: 'PSU-12V-2A', description: '12V 2A camera power supply', unitCostPence: 2450, reorderLevel: 2 });
  expect(made).toMatchObject({ status: 201, body: { quantityOnHand: 0, belowReorderLevel: true } });
  const id = made.body.id;

  expect((await ooh.post(`/api/v1/parts/${id}/receipts`, { quantity: 3 })).status).toBe(403);
  expect(await coordinator.post(`/api/v1/parts/${id}/receipts`, { quantity: 3, note: 'Order 4471' })).toMatchObject({ status: 201, body: { quantityOnHand: 3, belowReorderLevel: false } });

  const signOut = { quantity: 2, justification: 'PSU failed on CAM-014', engineerName: 'J Smith', engineerOrganisation: 'Acme CCTV Ltd', signaturePng: SIGNATURE_PNG };
  const unsigned = await ooh.post(`/api/v1/parts/${id}/sign-outs`, { ...signOut, signaturePng: '' });
  expect(unsigned.status).toBe(400);
  expect(unsigned.body.errors).toEqual([expect.objectContaining({ path: 'signaturePng', message: 'Ask the engineer to sign in the box' })]);
  expect((await operator.post(`/api/v1/parts/${id}/sign-outs`, signOut)).status).toBe(403);
  expect(await ooh.post(`/api/v1/parts/${id}/sign-outs`, signOut)).toMatchObject({ status: 201, body: { seq: 2, kind: 'signed_out', quantityOnHand: 1, belowReorderLevel: true } });
  const tooMany = await ooh.post(`/api/v1/parts/${id}/sign-outs`, signOut);
  expect(tooMany).toMatchObject({ status: 409, body: { code: 'parts.not_enough_stock', detail: 'Only 1 of part PSU-12V-2A is in stock: sign out 1 or fewer.' } });

  const detail = await operator.get(`/api/v1/parts/${id}`);
  expect(detail.status).toBe(200);
  expect(detail.body.movements[1]).toMatchObject({ kind: 'signed_out', quantity: -2, by: { id: oohUser.id }, justification: 'PSU failed on CAM-014', engineerName: 'J Smith', engineerOrganisation: 'Acme CCTV Ltd' });
  const signature = await app.request(`/api/v1/parts/${id}/movements/2/signature`, { headers: { cookie: operator.cookie! } });
  expect(signature.status).toBe(200);
  expect(signature.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await signature.arrayBuffer())).toEqual(Buffer.from(SIGNATURE_PNG.split(',')[1], 'base64'));
  expect((await operator.get(`/api/v1/parts/${id}/movements/1/signature`)).status).toBe(404);

  const below = await operator.get(`/api/v1/parts?storeId=${store.body.id}&belowReorderLevel=true`);
  expect(below.body).toMatchObject({ belowReorderLevel: 1, items: [{ id, quantityOnHand: 1, belowReorderLevel: true }] });
  const csv = await operator.get(`/api/v1/parts.csv?storeId=${store.body.id}`);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  expect(parse(csv.text)).toEqual([PARTS_CSV_HEADER, ['PSU-12V-2A', '12V 2A camera power supply', storeName, '24.50', '2', '1', '24.50', 'yes']]);

  expect(await coordinator.post(`/api/v1/parts/${id}/counts`, { counted: 4, note: 'Found a box in the cupboard' })).toMatchObject({ status: 201, body: { quantityOnHand: 4, belowReorderLevel: false } });
  expect((await operator.get(`/api/v1/parts?storeId=${store.body.id}&belowReorderLevel=true`)).body.items).toEqual([]);

  for (const path of [`/api/v1/parts/${id}`, '/api/v1/parts', '/api/v1/part-stores']) expect((await contractor.get(path)).status).toBe(404);
  expect((await contractor.post(`/api/v1/parts/${id}/sign-outs`, signOut)).status).toBe(404);
});
