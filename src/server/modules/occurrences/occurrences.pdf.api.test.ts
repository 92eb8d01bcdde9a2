import { expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { ApiClient, testApp } from '../../../../test/support/api';
import { makeSession, makeUser, sealed, testDeps } from '../../../../test/support/deps';
import { insertCameras } from '../estate';

const deps = testDeps({ config: { trustProxy: 1 } });
const { app } = testApp(deps);

it('prints an occurrence with its whole timeline, amendments, redactions, notifications and footage marks, and a footer with the reference and page numbers', async () => {
  const operator = await makeUser(deps, { roles: ['operator'] });
  const client = new ApiClient(app, '192.0.2.160');
  Object.assign(client, await makeSession(deps, { userId: operator.id }));
  const category = await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'violence').executeTakeFirstOrThrow();
  const [camera] = await insertCameras(deps.db, [{ reference: `P${Math.floor(Math.random() * 1e6)}`, name: 'Station Street east', location_text: 'Station Street', latitude: 52.805, longitude: -1.636, kind: 'ptz' }]);
  const opened = (await client.post('/api/v1/occurrences', { source: 'camera_patrol', categoryId: category.id, summary: 'Assault outside the Dog and Partridge', cameraIds: [camera.id] })).body;
  const entry = (await client.post(`/api/v1/occurrences/${opened.id}/entries`, { body: 'Two males fighting, one on the floor' })).body;
  // Enough entries to need a second page.
  for (let i = 0; i < 40; i++) await client.post(`/api/v1/occurrences/${opened.id}/entries`, { body: `Update ${i + 1}: tracking suspect northbound on High Street` });
  await client.post(`/api/v1/occurrences/${opened.id}/amendments`, { entryId: entry.id, body: 'Three males fighting', reason: 'Third male seen on replay' });
  await client.post(`/api/v1/occurrences/${opened.id}/notifications`, { agency: 'police', agencyReference: 'CAD 0231' });
  const footage = { from: new Date(Date.now() - 900_000), to: new Date(Date.now() - 300_000) };
  await client.post(`/api/v1/occurrences/${opened.id}/footage`, { cameraId: camera.id, from: footage.from.toISOString(), to: footage.to.toISOString() });
  const supervisor = new ApiClient(app, '192.0.2.161');
  Object.assign(supervisor, await makeSession(deps, { userId: (await makeUser(deps, { roles: ['supervisor'] })).id }));
  const named = (await client.post(`/api/v1/occurrences/${opened.id}/entries`, { body: 'Victim Jane Holloway taken to Queens' })).body;
  expect((await supervisor.post(`/api/v1/occurrences/${opened.id}/entries/${named.id}/redactions`, { remove: 'Jane Holloway', reason: 'Victim named in the log' })).status).toBe(201);
  const ukTime = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);

  const res = await app.request(`/api/v1/occurrences/${opened.id}/pdf`, { headers: { cookie: client.cookie!, 'x-forwarded-for': '192.0.2.160' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('cache-control')).toBe('no-store');
  const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
  const { text, pages } = await parser.getText();
  await parser.destroy();
  expect(pages.length).toBeGreaterThanOrEqual(2);
  for (const [i, page] of pages.entries()) {
    expect(page.text).toContain(opened.reference);
    expect(page.text).toContain(`Page ${i + 1} of ${pages.length}`);
  }
  for (const s of ['Assault outside the Dog and Partridge', 'Two males fighting, one on the floor', 'Three males fighting', 'Third male seen on replay', 'CAD 0231', 'Station Street east', 'Update 40', 'Not told']) {
    expect(text).toContain(s);
  }
  // The redacted entry prints as redacted, and says so; the name is nowhere.
  expect(text).toContain('Victim [redacted] taken to Queens');
  expect(text).toMatch(/Personal data redacted at \d\d\/\d\d\/\d{4}, \d\d:\d\d:\d\d by .+ \(reason: Victim named in the log\)/);
  expect(text).not.toContain('Holloway');
  // Entry kinds by their labels, never the codes.
  expect(text).toContain('Observation');
  expect(text).not.toMatch(/·\s*observation\b/);
  // The footage mark: its own section, its camera and its times in UK time.
  const marks = text.slice(text.indexOf('Footage marked as evidentially relevant'));
  expect(marks).toContain(`${camera.reference} Station Street east: ${ukTime(footage.from)} to ${ukTime(footage.to)}`);
  const printed = await (await sealed(deps.db)).selectFrom('audit_events').select('actor_id').where('action', '=', 'occurrence.printed').where('record_id', '=', opened.id).execute();
  expect(printed).toEqual([{ actor_id: operator.id }]);
});
