import { expect, it } from 'vitest';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import type { Role } from '../../../platform/auth/permissions';
import * as occ from '../occurrences.usecases';

// Who may redact an entry: supervisors only; operators are refused and the text stays. Partners see
// that it was redacted and by what role, not the council's reason.

const deps = testDeps({ config: { trustProxy: 1 } });
const { app } = testApp(deps);

const signedIn = (roles: Role[], organisationId?: string) => signedInAs(deps, app, roles, organisationId);

it('supervisors redact an entry; operators are refused; partners see the redaction without the reason', async () => {
  const { client: operator, user } = await signedIn(['operator']);
  const actor = { audit: { actorId: user.id, actorUsername: user.username, ip: null, userAgent: null }, userId: user.id };
  const categoryId = (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'asb').executeTakeFirstOrThrow()).id;
  const o = await occ.openOccurrence(deps, { actor, input: { source: 'camera_patrol', categoryId, priority: 'normal', summary: 'Argument outside the bar' } });
  const e = await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'Doorman says the man is Tom Harrow' });
  const path = `/api/v1/occurrences/${o.id}/entries/${e.id}/redactions`;

  const refused = await operator.post(path, { remove: 'Tom Harrow', reason: 'Name of a bystander' });
  expect(refused.status).toBe(403);
  expect((await operator.get(`/api/v1/occurrences/${o.id}`)).body.entries[1].body).toBe('Doorman says the man is Tom Harrow');

  const { client: supervisor } = await signedIn(['supervisor'], user.organisationId);
  const missing = await supervisor.post(path, { remove: 'Dick Harrow', reason: 'Name of a bystander' });
  expect(missing.status).toBe(400);
  expect(missing.body.errors).toEqual([{ path: 'remove', message: 'Those words are not in this entry: type them as they appear in it' }]);
  const noReason = await supervisor.post(path, { remove: 'Tom Harrow', reason: '' });
  expect(noReason.body.errors.map((x: { path: string }) => x.path)).toEqual(['reason']);

  const done = await supervisor.post(path, { remove: 'Tom Harrow', reason: 'Name of a bystander' });
  expect(done.status, done.text).toBe(201);
  const entry = (await operator.get(`/api/v1/occurrences/${o.id}`)).body.entries[1];
  expect(entry.body).toBe('Doorman says the man is [redacted]');
  expect(entry.redactions).toEqual([{ redactedAt: done.body.redactedAt, by: 'Test supervisor', reason: 'Name of a bystander' }]);

  const police = await makeOrganisation(deps, { external: true });
  await occ.shareOccurrence(deps, { actor, occurrenceId: o.id, organisationId: police.id });
  const { client: partner } = await signedIn(['agency'], police.id);
  const shared = (await partner.get(`/api/v1/shared/occurrences/${o.id}`)).body.entries[1];
  expect(shared.body).toBe('Doorman says the man is [redacted]');
  expect(shared.redactions).toEqual([{ redactedAt: done.body.redactedAt, by: 'Control room supervisor', reason: null }]);
});
