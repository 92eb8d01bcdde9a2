import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import { isAppError } from '../../../platform/http/errors';
import { withinTransaction } from '../../../platform/db/within';
import type { DemoCouncil } from '../../../platform/modules';
import { addNotebookEntryFromHandheld, issueFpnFromHandheld } from '../index';
import { fpnPayload, officer } from './fpns.fixtures';
import { seedDemoFpns } from './fpns.demo';
import * as uc from './fpns.usecases';

// FPNs and the notebook against PostgreSQL: issue from the handheld (once per id, under-18 rules,
// amounts as at issue, gap-free references), the notebook append-only with corrections as new
// entries, and the demo's walk through every state.

const deps = testDeps();
const DAY = 86_400_000;
const refusal = async (p: Promise<unknown>) => p.then(() => { throw new Error('not refused'); }, (e: unknown) => { if (!isAppError(e)) throw e; return e; });

describe('issuing from the handheld', () => {
  it('issues once per id, with the amounts in force and the next reference; a retry answers the same', async () => {
    const org = (await makeOrganisation(deps)).id;
    const actor = await officer(deps, org);
    const payload = fpnPayload({ offenceCode: 'LIT' });
    const first = await issueFpnFromHandheld(deps, { actor, deviceId: randomUUID(), payload });
    expect(first.reference).toMatch(/^FPN-\d{4}-\d{6}$/);
    expect(await issueFpnFromHandheld(deps, { actor, deviceId: randomUUID(), payload })).toEqual(first);
    const second = await issueFpnFromHandheld(deps, { actor, deviceId: randomUUID(), payload: fpnPayload() });
    expect(Number(second.reference.slice(-6))).toBeGreaterThan(Number(first.reference.slice(-6)));
    const row = await deps.db.selectFrom('fpns').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ offence_code: 'LIT', amount_pence: 15000, early_amount_pence: 10000, early_days: 10, status: 'issued', issued_by: actor.userId });
    const other = await officer(deps, org);
    expect((await refusal(issueFpnFromHandheld(deps, { actor: other, deviceId: randomUUID(), payload }))).code).toBe('enforcement.id_taken');
  });

  it('refuses an unknown offence, a 9-year-old, and a 15-year-old with no guardian; accepts them with one', async () => {
    const org = (await makeOrganisation(deps)).id;
    const actor = await officer(deps, org);
    const at = new Date('2025-06-02T10:00:00Z');
    const e1 = await refusal(issueFpnFromHandheld(deps, { actor, deviceId: randomUUID(), payload: fpnPayload({ offenceCode: 'NOPE', issuedAt: at }) }));
    expect(e1.fieldErrors?.[0]?.path).toBe('offenceCode');
    const nine = fpnPayload({ issuedAt: at, offender: { ...fpnPayload().offender, dateOfBirth: '2015-06-03', guardian: 'Mother' } });
    expect((await refusal(issueFpnFromHandheld(deps, { actor, deviceId: randomUUID(), payload: nine }))).fieldErrors?.[0]?.message).toMatch(/was 9 on the day/);
    const fifteen = fpnPayload({ issuedAt: at, offender: { ...fpnPayload().offender, dateOfBirth: '2010-02-01', guardian: '' } });
    expect((await refusal(issueFpnFromHandheld(deps, { actor, deviceId: randomUUID(), payload: fifteen }))).fieldErrors).toEqual([{ path: 'offender.guardian', message: 'The offender was 15 on the day: record the parent or guardian' }]);
    const ok = await issueFpnFromHandheld(deps, { actor, deviceId: randomUUID(), payload: { ...fifteen, fpnId: randomUUID(), offender: { ...fifteen.offender, guardian: 'Jo Carter (mother), present' } } });
    expect(ok.reference).toMatch(/^FPN-2025-/);
  });

  it('inside the caller’s transaction, a refusal leaves nothing', async () => {
    const org = (await makeOrganisation(deps)).id;
    const actor = await officer(deps, org);
    const payload = fpnPayload({ photoIds: [randomUUID()] });
    await expect(deps.db.transaction().execute((trx) => issueFpnFromHandheld(withinTransaction(deps, trx), { actor, deviceId: randomUUID(), payload }))).rejects.toThrow();
    expect(await deps.db.selectFrom('fpns').select('id').where('id', '=', payload.fpnId).executeTakeFirst()).toBeUndefined();
  });
});

describe('the notebook', () => {
  it('refuses any UPDATE or DELETE; a correction is a new entry pointing at the old; numbers run per officer', async () => {
    const org = (await makeOrganisation(deps)).id;
    const actor = await officer(deps, org);
    const first = await addNotebookEntryFromHandheld(deps, { actor, deviceId: randomUUID(), payload: { entryId: randomUUID(), at: new Date(), text: 'Saw a man drop a can by the war memorial at 10:12.', correctsEntryId: null, fpnId: null, pcnId: null } });
    expect(first.reference).toBe('#1');
    await expect(sql`update notebook_entries set text = 'changed' where id = ${first.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from notebook_entries where id = ${first.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
    const fix = await addNotebookEntryFromHandheld(deps, { actor, deviceId: randomUUID(), payload: { entryId: randomUUID(), at: new Date(), text: 'Correction to entry 1: the time was 10:21, not 10:12.', correctsEntryId: first.id, fpnId: null, pcnId: null } });
    expect(fix.reference).toBe('#2');
    const list = await uc.listNotebook(deps, { actor, mayReadOthers: false, page: 1, pageSize: 50 });
    expect(list.items.map((e) => [e.number, e.correctsEntry?.number ?? null, e.correctedBy.map((c) => c.number)])).toEqual([[2, 1, []], [1, null, [2]]]);
    expect(list.items[1]!.text).toBe('Saw a man drop a can by the war memorial at 10:12.');
    const other = await officer(deps, org);
    const e = await refusal(addNotebookEntryFromHandheld(deps, { actor: other, deviceId: randomUUID(), payload: { entryId: randomUUID(), at: new Date(), text: 'x', correctsEntryId: first.id, fpnId: null, pcnId: null } }));
    expect(e.fieldErrors?.[0]?.path).toBe('correctsEntryId');
    expect((await uc.listNotebook(deps, { actor: other, mayReadOthers: false, page: 1, pageSize: 50 })).items).toEqual([]);
  });
});

describe('the demo', () => {
  it('walks issued notices through every state', async () => {
    const org = (await makeOrganisation(deps)).id;
    const actor = await officer(deps, org);
    const leader = await officer(deps, org, ['patrol_leader']);
    const ids: string[] = [];
    for (let i = 0; i < 14; i++) {
      const daysAgo = i < 10 ? 20 + i : i - 10;
      const r = await issueFpnFromHandheld(deps, { actor, deviceId: randomUUID(), payload: fpnPayload({ offenceCode: i % 2 ? 'LIT' : 'PSPO-DF', issuedAt: new Date(Date.now() - daysAgo * DAY) }) });
      ids.push(r.id);
    }
    const council = { users: { teamleader: { id: leader.userId, username: leader.username, role: 'patrol_leader' } } } as unknown as DemoCouncil;
    const counts = await seedDemoFpns(deps, council, ids);
    expect(counts.fpnsWorked).toBeGreaterThan(0);
    const rows = await deps.db.selectFrom('fpns').select(['status', 'paid_pence', 'amount_pence']).where('id', 'in', ids).execute();
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['issued', 'part_paid', 'paid', 'withdrawn', 'prosecution']) expect(statuses).toContain(s);
    expect(rows.some((r) => r.status === 'paid' && r.paid_pence < r.amount_pence)).toBe(true);
    expect(rows.some((r) => r.status === 'paid' && r.paid_pence === r.amount_pence)).toBe(true);
  });
});
