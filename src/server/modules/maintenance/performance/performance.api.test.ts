import { expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, makeUser, testDeps } from '../../../../../test/support/deps';
import { aContract } from '../contracts/contracts.walk';
import { PERFORMANCE_CSV_HEADER } from './performance.routes';
import { seedCamera, seedFault, seedTerms } from './performance.seed';

// The monthly report through the API: JSON for a coordinator, the CSV (by priority, the total, a
// row per camera, a formula in a camera's name neutralised), the PDF; a bad month is a 400 naming
// the field; a contractor sees nothing.

const deps = testDeps();
const { app } = testApp(deps);

it('gives a contract\'s month as JSON, CSV and PDF to maintenance readers only', async () => {
  const org = (await makeOrganisation(deps)).id;
  const { contract } = await aContract(deps, org);
  await seedTerms(deps.db, contract.id, { P1: { responseMinutes: 240, fixMinutes: 1440 } });
  const camera = await seedCamera(deps.db, { name: '=HYPERLINK("http://x")' });
  const raisedBy = (await makeUser(deps, { roles: ['operator'], organisationId: org })).id;
  await seedFault(deps.db, { contractId: contract.id, raisedBy, fault: { cameraId: camera.id, priority: 'P1', raisedAt: '2026-06-10T00:00:00Z', steps: [
    { kind: 'attended', at: '2026-06-10T06:00:00Z' }, { kind: 'fixed', at: '2026-06-10T12:00:00Z' }, { kind: 'accepted', at: '2026-06-10T13:00:00Z' }] } });
  const { client: coordinator } = await signedInAs(deps, app, ['coordinator'], org);
  const { client: contractor } = await signedInAs(deps, app, ['contractor'], (await makeOrganisation(deps, { external: true, kind: 'contractor' })).id);
  const base = `/api/v1/maintenance/contracts/${contract.id}/performance`;

  const json = await coordinator.get(`${base}?month=2026-06`);
  expect(json.status).toBe(200);
  expect(json.body).toMatchObject({ month: '2026-06', contract: { id: contract.id, reference: contract.reference }, total: { raised: 1, response: { breached: 1 }, fix: { met: 1 } } });
  expect(json.body.availability.cameras.find((c: { id: string }) => c.id === camera.id)).toMatchObject({ downHours: 12, inServiceHours: 720 });

  const bad = await coordinator.get(`${base}?month=June`);
  expect(bad.status).toBe(400);
  expect(bad.body.errors).toEqual([{ path: 'month', message: expect.stringContaining('YYYY-MM') }]);

  const csv = await coordinator.get(`${base}.csv?month=2026-06`);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  const rows: string[][] = parse(csv.text);
  expect(rows[0]).toEqual(PERFORMANCE_CSV_HEADER);
  expect(rows.slice(1, 6).map((r) => [r[0], r[1], r[4]])).toEqual([['priority', 'P1', '1'], ['priority', 'P2', '0'], ['priority', 'P3', '0'], ['priority', 'P4', '0'], ['total', '', '1']]);
  expect(rows[1][PERFORMANCE_CSV_HEADER.indexOf('service_credit_gbp')]).toBe('100.00'); // the P1 response breach
  const mine = rows.find((r) => r[2] === camera.reference)!;
  expect(mine[3]).toBe('\'=HYPERLINK("http://x")');
  expect(mine.slice(-3)).toEqual(['720.00', '12.00', (100 * 708 / 720).toFixed(2)]);

  const pdf = await coordinator.get(`${base}.pdf?month=2026-06`);
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  expect(pdf.text.startsWith('%PDF')).toBe(true);

  expect((await contractor.get(`${base}?month=2026-06`)).status).toBe(404);
});
