import { expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, sealed, testDeps } from '../../../../../test/support/deps';
import { aCameraRow, lineInput } from './lines.walk';

// A connectivity line through the API, by role: recorded by a coordinator (matching the register's
// cameras), read by the control room, its fault raised and cleared by the coordinator only, its
// cameras' status following; listed with the 90-day flag and as CSV; contractors see nothing.

const deps = testDeps();
const { app } = testApp(deps);

it('records a line, raises and clears its fault, and lists and exports it, each by the roles allowed', async () => {
  const org = (await makeOrganisation(deps)).id;
  const { client: coordinator } = await signedInAs(deps, app, ['coordinator'], org);
  const { client: operator } = await signedInAs(deps, app, ['operator'], org);
  const { client: contractor } = await signedInAs(deps, app, ['contractor']);

  const input = { ...lineInput(), kind: '4g', provider: `Vodafone ${Math.random().toString(36).slice(2, 8)}`, monthlyCostPence: 2599 };
  const cam = await aCameraRow({ deps }, { connectivity_line: input.reference });

  const bad = await coordinator.post('/api/v1/connectivity-lines', { ...input, kind: 'satellite', monthlyCostPence: -1 });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['kind', 'monthlyCostPence']);
  expect((await operator.post('/api/v1/connectivity-lines', input)).status).toBe(403);

  const made = await coordinator.post('/api/v1/connectivity-lines', input);
  expect(made.status).toBe(201);
  expect(made.body).toMatchObject({ reference: input.reference, kind: '4g', monthlyCostPence: 2599, cameraCount: 1, matchedCameras: [{ id: cam.id }], fault: null });
  const id = made.body.id;
  expect((await coordinator.post('/api/v1/connectivity-lines', { ...input, circuitId: 'OTHER' })).body).toMatchObject({ code: 'maintenance.line_reference_taken' });

  expect((await operator.post(`/api/v1/connectivity-lines/${id}/fault`, { note: 'No picture.' })).status).toBe(403);
  const raised = await coordinator.post(`/api/v1/connectivity-lines/${id}/fault`, { note: 'Mast down after the storm.' });
  expect(raised.status).toBe(201);
  expect(raised.body.changed).toEqual([{ id: cam.id, reference: cam.reference, status: 'faulty' }]);
  const camera = await operator.get(`/api/v1/cameras/${cam.id}`);
  expect(camera.body).toMatchObject({ status: 'faulty', changeReason: `line fault: ${input.circuitId}`, connectivityLine: input.reference });

  const seen = await operator.get(`/api/v1/connectivity-lines/${id}`);
  expect(seen.status).toBe(200);
  expect(seen.body).toMatchObject({ fault: { note: 'Mast down after the storm.' }, cameras: [{ id: cam.id, status: 'faulty' }] });
  expect((await contractor.get(`/api/v1/connectivity-lines/${id}`)).status).toBe(404);
  expect((await contractor.get('/api/v1/connectivity-lines')).status).toBe(404);

  const list = await operator.get(`/api/v1/connectivity-lines?provider=${encodeURIComponent(input.provider)}&faulty=true&sort=provider_desc`);
  expect(list.body.items).toEqual([expect.objectContaining({ id, fault: expect.objectContaining({ note: 'Mast down after the storm.' }) })]);
  expect((await operator.get('/api/v1/connectivity-lines?sort=cost')).status).toBe(400);

  const csv = await operator.get(`/api/v1/connectivity-lines.csv?provider=${encodeURIComponent(input.provider)}`);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
  expect(rows).toEqual([expect.objectContaining({ reference: input.reference, type: '4G', monthly_cost_gbp: '25.99', contract_ends_on: '31/3/2027', contract_end: expect.any(String), cameras: '1', open_fault_since_uk_time: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}$/) })]);

  const cleared = await coordinator.post(`/api/v1/connectivity-lines/${id}/fault/clearance`, { note: 'Mast repaired.' });
  expect(cleared.status).toBe(200);
  expect(cleared.body.changed).toEqual([{ id: cam.id, reference: cam.reference, status: 'operational' }]);
  expect((await operator.get(`/api/v1/cameras/${cam.id}`)).body).toMatchObject({ status: 'operational' });

  const unlinked = await coordinator.request('DELETE', `/api/v1/connectivity-lines/${id}/cameras/${cam.id}`);
  expect(unlinked.status).toBe(200);
  expect(unlinked.body.cameras).toEqual([]);
  expect((await operator.get(`/api/v1/cameras/${cam.id}`)).body.connectivityLine).toBeNull();
  expect((await coordinator.post(`/api/v1/connectivity-lines/${id}/cameras`, { cameraId: cam.id })).body.cameras).toEqual([expect.objectContaining({ id: cam.id })]);

  const audit = await (await sealed(deps.db)).selectFrom('audit_events').select('action').where('record_id', '=', id).orderBy('seq').execute();
  expect(audit.map((a) => a.action)).toEqual(['line.created', 'line.fault-raised', 'line.fault-cleared', 'line.camera-unlinked', 'line.camera-linked']);
});
