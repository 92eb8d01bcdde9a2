import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeOrganisation, makeUser, sealed, testClock, testDeps } from '../../../../../test/support/deps';
import { AddContractNote, CreateContract } from '../../../../domain/maintenance/contract';
import { isAppError } from '../../../platform/http/errors';
import * as contracts from './contracts.usecases';
import * as uc from './notes.usecases';
import { contractInput } from './contracts.walk';

// Underperformance and non-compliance notes against a real PostgreSQL: append-only, a correction is
// a new note naming the old one (of the same contract), filtered by kind and month, audited.

const clock = testClock(new Date('2026-12-03T10:00:00Z'));
const deps = testDeps({ clock });
let coordinator: contracts.Actor;
let contractorOrgId: string;

beforeAll(async () => {
  const council = (await makeOrganisation(deps)).id;
  const u = await makeUser(deps, { roles: ['coordinator'], organisationId: council });
  coordinator = { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
  contractorOrgId = (await makeOrganisation(deps, { external: true, kind: 'contractor' })).id;
});

const newContract = () => contracts.createContract(deps, { actor: coordinator, input: CreateContract.parse(contractInput(contractorOrgId)) });
const add = (contractId: string, input: Record<string, unknown>) => uc.addNote(deps, { actor: coordinator, contractId, input: AddContractNote.parse(input) });
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return { code: e.code, status: e.status, fields: e.fieldErrors?.map((f) => f.path) ?? [] };
};
const dbError = (p: Promise<unknown>) => p.then(() => 'accepted', (e: Error) => e.message);

describe('contract notes', () => {
  it('records notes, lists them latest happened first by kind and month, and audits each', async () => {
    const c = await newContract();
    const missed = await add(c.id, { kind: 'missed_visit', occurredOn: '2026-11-02', note: 'No engineer came to the monthly planned visit' });
    expect(missed).toMatchObject({ contractId: c.id, kind: 'missed_visit', occurredOn: '2026-11-02', correctsNoteId: null, correctedByNoteId: null, recordedBy: { id: coordinator.userId } });
    await add(c.id, { kind: 'staffing', occurredOn: '2026-11-20', note: 'One engineer on site where the contract asks for two' });
    await add(c.id, { kind: 'missed_visit', occurredOn: '2026-10-05', note: 'October visit missed' });

    const all = await uc.listNotes(deps, { contractId: c.id, filter: {} });
    expect(all.items.map((n) => n.occurredOn)).toEqual(['2026-11-20', '2026-11-02', '2026-10-05']);
    expect((await uc.listNotes(deps, { contractId: c.id, filter: { kind: 'missed_visit' } })).items.map((n) => n.occurredOn)).toEqual(['2026-11-02', '2026-10-05']);
    expect((await uc.listNotes(deps, { contractId: c.id, filter: { kind: 'missed_visit', month: '2026-11' } })).items.map((n) => n.id)).toEqual([missed.id]);

    const audit = await (await sealed(deps.db)).selectFrom('audit_events').select(['action', 'details']).where('record_id', '=', c.id).orderBy('seq').execute();
    expect(audit.filter((a) => a.action === 'maintenance.contract_note_recorded')).toHaveLength(3);
  });

  it('never changes a note: a correction is a new note pointing at the old one, of the same contract', async () => {
    const c = await newContract();
    const old = await add(c.id, { kind: 'missed_visit', occurredOn: '2026-11-02', note: 'No engineer came' });
    const fix = await add(c.id, { kind: 'late_attendance', occurredOn: '2026-11-02', note: 'The engineer came, three hours late', correctsNoteId: old.id });
    expect(fix.correctsNoteId).toBe(old.id);
    const listed = (await uc.listNotes(deps, { contractId: c.id, filter: {} })).items;
    expect(listed.find((n) => n.id === old.id)).toMatchObject({ note: 'No engineer came', correctedByNoteId: fix.id });

    expect(await dbError(sql`update maintenance_contract_notes set note = 'changed' where id = ${old.id}`.execute(deps.db))).toMatch(/append-only|not allowed|cannot|refus/i);
    expect(await dbError(sql`delete from maintenance_contract_notes where id = ${old.id}`.execute(deps.db))).not.toBe('accepted');

    const other = await newContract();
    expect(await refusal(add(other.id, { kind: 'other', occurredOn: '2026-11-03', note: 'Correcting another contract', correctsNoteId: old.id })))
      .toEqual({ code: 'validation.failed', status: 400, fields: ['correctsNoteId'] });
    // the database refuses it too
    expect(await dbError(sql`insert into maintenance_contract_notes (contract_id, kind, occurred_on, note, corrects_note_id) values (${other.id}, 'other', '2026-11-03', 'cross contract', ${old.id})`.execute(deps.db))).toMatch(/foreign key/);
  });

  it('refuses notes that are too short or too long, of an unknown kind, or of a day still to come', async () => {
    const c = await newContract();
    const parsed = AddContractNote.safeParse({ kind: 'late', occurredOn: '2026-02-30', note: 'no' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['kind', 'note', 'occurredOn']);
    expect(AddContractNote.safeParse({ kind: 'other', occurredOn: '2026-11-01', note: 'x'.repeat(4001) }).success).toBe(false);
    expect(await refusal(add(c.id, { kind: 'other', occurredOn: '2026-12-04', note: 'Tomorrow is not yet' }))).toEqual({ code: 'validation.failed', status: 400, fields: ['occurredOn'] });
    expect(await dbError(sql`insert into maintenance_contract_notes (contract_id, kind, occurred_on, note) values (${c.id}, 'other', '2026-11-03', '  ')`.execute(deps.db))).toMatch(/check constraint/);
    expect(await refusal(uc.addNote(deps, { actor: coordinator, contractId: '00000000-0000-4000-8000-000000000000', input: AddContractNote.parse({ kind: 'other', occurredOn: '2026-11-01', note: 'Nowhere' }) })))
      .toMatchObject({ status: 404 });
  });
});
