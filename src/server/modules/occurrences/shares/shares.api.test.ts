import { beforeAll, expect, it } from 'vitest';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, makeUser, sealed, testDeps, uniq } from '../../../../../test/support/deps';
import type { Role } from '../../../platform/auth/permissions';
import * as occ from '../occurrences.usecases';

// Partners find what was shared with their organisation; the council withdraws a share, with a
// reason, and the partner no longer finds or opens it.

const deps = testDeps({ config: { trustProxy: 1 } });
const { app } = testApp(deps);

const signedIn = (roles: Role[], organisationId?: string) => signedInAs(deps, app, roles, organisationId);

let author: occ.Actor;
let councilOrgId: string;
let asb: string;
beforeAll(async () => {
  asb = (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'asb').executeTakeFirstOrThrow()).id;
  const u = await makeUser(deps, { roles: ['operator'] });
  councilOrgId = u.organisationId;
  author = { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
});

const open = (summary: string) => occ.openOccurrence(deps, { actor: author, input: { source: 'camera_patrol', categoryId: asb, priority: 'normal', summary } });
const share = (occurrenceId: string, organisationId: string) => occ.shareOccurrence(deps, { actor: author, occurrenceId, organisationId });
const references = (body: { items: { reference: string }[] }) => body.items.map((i) => i.reference);

it('a partner lists only what is shared with its own organisation, with when it was shared and no staff names', async () => {
  const police = await makeOrganisation(deps, { external: true });
  const insurer = await makeOrganisation(deps, { external: true, kind: 'insurer' });
  const word = uniq('bandstand').replace(/-/g, '');
  const ours = await open(`Youths on the ${word} roof`);
  const later = await open(`Bike stolen near the ${word}`);
  const theirs = await open(`Collision by the ${word}`);
  await open(`Not shared at all, ${word}`);
  await share(later.id, police.id);
  await share(ours.id, police.id);
  await share(theirs.id, insurer.id);

  const { client } = await signedIn(['agency'], police.id);
  const list = await client.get(`/api/v1/shared/occurrences?q=${word}&sort=reference_asc`);
  expect(list.status, list.text).toBe(200);
  expect(references(list.body)).toEqual([ours.reference, later.reference]);
  expect(list.body.total).toBe(2);
  expect(list.body.items[0]).not.toHaveProperty('openedBy');
  expect(Date.parse(list.body.items[0].sharedAt)).not.toBeNaN();
  // Sorting and filters as on the council's list.
  expect(references((await client.get(`/api/v1/shared/occurrences?q=${word}&sort=reference_desc`)).body)).toEqual([later.reference, ours.reference]);
  expect(references((await client.get(`/api/v1/shared/occurrences?q=${word}%20roof`)).body)).toEqual([ours.reference]);

  const csv = await client.get(`/api/v1/shared/occurrences.csv?q=${word}&sort=reference_asc`);
  expect(csv.status).toBe(200);
  const lines = csv.text.trim().split('\r\n');
  expect(lines[0]).toContain('Shared (UK time)');
  expect(lines[0]).not.toContain('Opened by');
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([ours.reference, later.reference]);
  expect(lines[1]).toMatch(/"\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}"$/);

  // The insurer sees its own only; each read is audited.
  const { client: insurerClient, user: insurerUser } = await signedIn(['agency'], insurer.id);
  expect(references((await insurerClient.get(`/api/v1/shared/occurrences?q=${word}`)).body)).toEqual([theirs.reference]);
  const reads = await (await sealed(deps.db)).selectFrom('audit_events').select('details').where('action', '=', 'occurrences.listed-by-partner').where('actor_id', '=', insurerUser.id).execute();
  expect(reads).toHaveLength(1);
});

it('the council withdraws a share with a reason: audited, kept on record, and the partner gets 404 and no longer finds it', async () => {
  const police = await makeOrganisation(deps, { external: true });
  const word = uniq('kiosk').replace(/-/g, '');
  const o = await open(`Damage to the ${word}`);
  await share(o.id, police.id);
  const { client: partner } = await signedIn(['agency'], police.id);
  expect((await partner.get(`/api/v1/shared/occurrences/${o.id}`)).status).toBe(200);
  expect(references((await partner.get(`/api/v1/shared/occurrences?q=${word}`)).body)).toEqual([o.reference]);

  const { client: council, user: operator } = await signedIn(['operator'], councilOrgId);
  const noReason = await council.post(`/api/v1/occurrences/${o.id}/shares/${police.id}/withdraw`, { reason: ' ' });
  expect(noReason.status).toBe(400);
  expect(noReason.body.errors[0]).toMatchObject({ path: 'reason', message: expect.stringContaining('Enter why the share is being withdrawn') });

  const withdrawn = await council.post(`/api/v1/occurrences/${o.id}/shares/${police.id}/withdraw`, { reason: 'Shared with the wrong force' });
  expect(withdrawn.status, withdrawn.text).toBe(200);
  expect(withdrawn.body).toMatchObject({ reference: o.reference, organisation: police.name });

  const gone = await partner.get(`/api/v1/shared/occurrences/${o.id}`);
  expect(gone.status).toBe(404);
  expect(gone.body.code).toBe('http.not_found');
  expect((await partner.get(`/api/v1/shared/occurrences?q=${word}`)).body.items).toEqual([]);
  expect((await partner.get(`/api/v1/shared/occurrences.csv?q=${word}`)).text.trim().split('\r\n')).toHaveLength(1);
  expect((await council.get(`/api/v1/occurrences/${o.id}`)).body.sharedWith).toEqual([]);

  const [event] = await (await sealed(deps.db)).selectFrom('audit_events').selectAll().where('action', '=', 'occurrence.share-withdrawn').where('record_id', '=', o.id).execute();
  expect(event).toMatchObject({ actor_id: operator.id, details: { reference: o.reference, organisationId: police.id, reason: 'Shared with the wrong force' } });
  // Append-only: the share is still there, ended by a withdrawal row.
  const shares = await deps.db.selectFrom('occurrence_shares as s').leftJoin('occurrence_share_withdrawals as w', 'w.share_id', 's.id')
    .select(['s.id', 'w.reason']).where('s.occurrence_id', '=', o.id).execute();
  expect(shares).toEqual([{ id: expect.any(String), reason: 'Shared with the wrong force' }]);

  // Withdrawn once, a second withdrawal is refused; shared again, the partner finds it again.
  expect((await council.post(`/api/v1/occurrences/${o.id}/shares/${police.id}/withdraw`, { reason: 'Again' })).body.code).toBe('occurrences.not_shared');
  expect((await council.post(`/api/v1/occurrences/${o.id}/shares`, { organisationId: police.id })).status).toBe(201);
  expect((await partner.get(`/api/v1/shared/occurrences/${o.id}`)).status).toBe(200);
});

it('a partner may not withdraw, and council staff may not read the partners’ list', async () => {
  const police = await makeOrganisation(deps, { external: true });
  const o = await open('Shared, then a partner tries to withdraw it');
  await share(o.id, police.id);
  const { client: partner } = await signedIn(['agency'], police.id);
  expect((await partner.post(`/api/v1/occurrences/${o.id}/shares/${police.id}/withdraw`, { reason: 'Not needed' })).status).toBe(404);
  const { client: staff } = await signedIn(['operator'], councilOrgId);
  expect((await staff.get('/api/v1/shared/occurrences')).status).toBe(403);
});
