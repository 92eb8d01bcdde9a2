import { expect, it } from 'vitest';
import { testDeps } from '../../../../../test/support/deps';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { aRegister } from './import.fixtures';

// The import over HTTP: the file as text/csv or inside JSON with a mapping and confirmations, a dry
// run and a real one answering in the same shape, the 10 MB limit.

const deps = testDeps();
const { app } = testApp(deps);

it('imports a register posted as text/csv (dry run first) and one posted as JSON with a hand mapping', async () => {
  const { client } = await signedInAs(deps, app, ['coordinator']);
  const r = aRegister();
  const csv = r.csv('Cam Ref,Name,X,Y,Notes', [`${r.number(1)},"Market Place, east",${r.at(1).longitude},${r.at(1).latitude},spare`]);

  const dry = await client.request('POST', '/api/v1/cameras/import?dryRun=true&fileName=register.csv', csv, { 'content-type': 'text/csv' });
  expect(dry.status, dry.text).toBe(200);
  expect(dry.body).toMatchObject({ outcome: 'dry_run', counts: { refused: 1 }, refused: [{ line: 1, number: null }] });
  expect(dry.body.refused[0].reasons.join()).toMatch(/No column gives the camera number/);

  const mapped = await client.post('/api/v1/cameras/import?dryRun=true', { csv, fileName: 'register.csv', mapping: { 'Cam Ref': 'number', Notes: 'ignore' } });
  expect(mapped.status, mapped.text).toBe(200);
  expect(mapped.body).toMatchObject({ outcome: 'dry_run', counts: { added: 1, refused: 0 }, unknownHeaders: [] });
  expect(await deps.db.selectFrom('cameras').select('id').where('reference', '=', r.number(1)).execute()).toEqual([]);

  const real = await client.post('/api/v1/cameras/import', { csv, fileName: 'register.csv', mapping: { 'Cam Ref': 'number', Notes: 'ignore' } });
  expect(real.body).toMatchObject({ outcome: 'imported', fileName: 'register.csv', added: [{ line: 2, number: r.number(1), name: 'Market Place, east' }] });
  const plain = aRegister();
  const asCsv = await client.request('POST', '/api/v1/cameras/import?fileName=plain.csv', plain.csv('id,lon,lat', [`${plain.number(1)},${plain.at(1).longitude},${plain.at(1).latitude}`]), { 'content-type': 'text/csv; charset=utf-8' });
  expect(asCsv.body).toMatchObject({ outcome: 'imported', counts: { added: 1 } });
  const [cam] = await deps.db.selectFrom('cameras').select(['change_reason']).where('reference', '=', plain.number(1)).execute();
  expect(cam.change_reason).toBe('imported from plain.csv');
});

it('reads a text/csv body saved as Windows-1252 (older Excel), as the command line and the browser do', async () => {
  const { client } = await signedInAs(deps, app, ['coordinator']);
  const r = aRegister();
  const text = r.csv('id,name,lon,lat,owner name', [`${r.number(1)},Café corner,${r.at(1).longitude},${r.at(1).latitude},£5 scheme`]);
  const bytes = Uint8Array.from(text, (ch) => ({ é: 0xe9, '£': 0xa3 })[ch] ?? ch.charCodeAt(0));
  expect(bytes.length).toBe(text.length); // one byte a character, as Windows-1252 writes them
  const res = await app.request('/api/v1/cameras/import?fileName=excel.csv', {
    method: 'POST', body: bytes, headers: { 'content-type': 'text/csv', cookie: client.cookie!, 'x-csrf-token': client.csrf!, 'x-forwarded-for': '203.0.113.77' },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(await res.json()).toMatchObject({ outcome: 'imported', added: [{ number: r.number(1), name: 'Café corner' }] });
  const [cam] = await deps.db.selectFrom('cameras').select(['name', 'owner_name']).where('reference', '=', r.number(1)).execute();
  expect(cam).toEqual({ name: 'Café corner', owner_name: '£5 scheme' });
});

it('refuses an operator, another media type, and a file over 10 MB', async () => {
  const { client: operator } = await signedInAs(deps, app, ['operator']);
  expect((await operator.post('/api/v1/cameras/import', { csv: 'id,x,y\n' })).status).toBe(403);
  const { client } = await signedInAs(deps, app, ['enforcement_officer']);
  const xml = await client.request('POST', '/api/v1/cameras/import', '<cameras/>', { 'content-type': 'application/xml' });
  expect(xml.status).toBe(415);
  const big = `id,x,y\n${'C1,-1.6,52.8\n'.repeat(900_000)}`; // about 11.7 MB
  const tooBig = await client.request('POST', '/api/v1/cameras/import?dryRun=true', big, { 'content-type': 'text/csv' });
  expect(tooBig.status).toBe(413);
  const empty = await client.request('POST', '/api/v1/cameras/import', '', { 'content-type': 'text/csv' });
  expect(empty.status).toBe(400);
});
