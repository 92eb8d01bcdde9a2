import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { ApiClient } from '../../../../test/support/api';
import { ownDatabase, type OwnDatabase } from '../../../../test/support/product';
import { makeSession, makeUser, sealed, silentLog, testDeps } from '../../../../test/support/deps';
import type { Deps } from '../deps';
import { recordAudit } from './audit';

// The audit trail's own routes, on a database of their own: if an export ever wrote an event that
// does not verify, it would break the chain for every other test on the shared database.

let handle: OwnDatabase;
let deps: Deps;
let app: ReturnType<typeof buildApp>['app'];

beforeAll(async () => {
  handle = await ownDatabase({ max: 5, applicationName: 'vigil-test-audit-api' });
  deps = { ...testDeps({ config: { trustProxy: 1 } }), db: handle.db };
  app = buildApp({ deps, log: silentLog, pool: handle.pool }).app;
});
afterAll(async () => {
  await handle?.drop();
});

async function auditor() {
  const user = await makeUser(deps, { roles: ['auditor'] });
  const client = new ApiClient(app, '192.0.2.90');
  Object.assign(client, await makeSession(deps, { userId: user.id }));
  return { user, client };
}

it('an export filtered by date is itself audited, and the chain still verifies', async () => {
  const { user, client } = await auditor();
  const csv = await client.get('/api/v1/audit/events.csv?from=2020-01-01T00:00:00Z&action=test.');
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="vigil-audit-\d{4}-\d{2}-\d{2}\.csv"$/);

  const [exported] = await (await sealed(handle.db)).selectFrom('audit_events').select('details').where('actor_id', '=', user.id).where('action', '=', 'audit.exported').execute();
  expect(exported.details).toEqual({ filter: { from: '2020-01-01T00:00:00.000Z', action: 'test.' } });

  const verify = await client.get('/api/v1/audit/verify');
  expect(verify.status).toBe(200);
  expect(verify.body).toMatchObject({ ok: true });
  expect(verify.body.firstBroken).toBeUndefined();
});

it('neutralises formula cells in the CSV export', async () => {
  const { client } = await auditor();
  await recordAudit(handle.db, { actorId: null, actorUsername: 'system', ip: null, userAgent: '=cmd|calc' }, { action: 'test.formula', recordType: 'user', recordId: '=HYPERLINK("http://evil.example")' });
  const csv = await client.get('/api/v1/audit/events.csv?action=test.formula');
  const lines = csv.text.trim().split('\r\n');
  expect(lines[0]).toBe('seq,at,actor,action,record_type,record_id,outcome,ip,user_agent,details,hash');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  expect(lines[1]).toContain(`'=cmd|calc`);
  expect(lines[1]).not.toMatch(/,=/);
});
