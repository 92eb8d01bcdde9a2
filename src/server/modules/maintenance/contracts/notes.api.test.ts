import { expect, it } from 'vitest';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import { contractInput } from './contracts.walk';

// Underperformance notes through the API: a coordinator records one and corrects it, the control
// room reads them (filtered, and as CSV); a contractor sees nothing of them.

const deps = testDeps();
const { app } = testApp(deps);
const BASE = '/api/v1/maintenance/contracts';

it('records, corrects, filters and exports a contract\'s notes, each by the roles allowed', async () => {
  const council = (await makeOrganisation(deps)).id;
  const contractorOrg = (await makeOrganisation(deps, { external: true, kind: 'contractor' })).id;
  const { client: coordinator } = await signedInAs(deps, app, ['coordinator'], council);
  const { client: operator } = await signedInAs(deps, app, ['operator'], council);
  const { client: contractor } = await signedInAs(deps, app, ['contractor'], contractorOrg);
  const { id } = (await coordinator.post(BASE, contractInput(contractorOrg))).body;
  const NOTES = `${BASE}/${id}/notes`;

  const bad = await coordinator.post(NOTES, { kind: 'late', occurredOn: '2026-11-31', note: 'x' });
  expect(bad.status).toBe(400);
  expect(bad.headers.get('content-type')).toContain('application/problem+json');
  expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['kind', 'note', 'occurredOn']);
  expect((await operator.post(NOTES, { kind: 'missed_visit', occurredOn: '2026-11-02', note: 'No engineer came' })).status).toBe(403);

  const made = await coordinator.post(NOTES, { kind: 'missed_visit', occurredOn: '2026-11-02', note: '=No engineer came to the planned visit' });
  expect(made.status).toBe(201);
  const fix = await coordinator.post(NOTES, { kind: 'late_attendance', occurredOn: '2026-11-02', note: 'The engineer came three hours late', correctsNoteId: made.body.id });
  expect(fix.body).toMatchObject({ correctsNoteId: made.body.id, kind: 'late_attendance' });
  await coordinator.post(NOTES, { kind: 'staffing', occurredOn: '2026-10-14', note: 'One engineer where the contract asks for two' });

  const listed = await operator.get(`${NOTES}?kind=missed_visit&month=2026-11`);
  expect(listed.body.items).toEqual([expect.objectContaining({ id: made.body.id, correctedByNoteId: fix.body.id })]);
  expect((await operator.get(`${NOTES}?month=2026-10`)).body.items.map((n: { kind: string }) => n.kind)).toEqual(['staffing']);
  expect((await operator.get(`${NOTES}?month=October`)).body.errors).toEqual([{ path: 'month', message: expect.stringMatching(/YYYY-MM/) }]);

  const csv = await operator.get(`${NOTES}.csv?month=2026-11`);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  const lines = csv.text.trim().split('\r\n');
  expect(lines[0]).toBe('occurred_on,kind,note,corrects_note_id,corrected_by_note_id,recorded_by,recorded_at,id');
  expect(lines).toHaveLength(3);
  expect(csv.text).toContain(`2026-11-02,Missed visit,'=No engineer came to the planned visit,,${fix.body.id},`);

  expect((await coordinator.get('/api/v1/maintenance/contractor-organisations')).body.items).toContainEqual({ id: contractorOrg, name: expect.any(String) });
  expect((await coordinator.get('/api/v1/maintenance/contractor-organisations')).body.items.map((o: { id: string }) => o.id)).not.toContain(council);
  expect((await operator.get('/api/v1/maintenance/contractor-organisations')).status).toBe(403);
  expect((await contractor.get(NOTES)).status).toBe(404);
  expect((await contractor.get(`${NOTES}.csv`)).status).toBe(404);
  expect((await operator.get(`${BASE}/00000000-0000-4000-8000-000000000000/notes`)).status).toBe(404);
});
