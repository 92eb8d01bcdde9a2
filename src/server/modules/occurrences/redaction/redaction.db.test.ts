import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { makeUser, sealed, testClock, testDeps, uniq } from '../../../../../test/support/deps';
import * as occ from '../occurrences.usecases';
import { getOccurrenceView } from '../occurrences.views';
import { refreshSearchDocuments, searchOccurrences } from '../search/search';
import { redactEntry } from './redaction.usecases';
import { sha256Hex } from './redaction.models';

// The one change the append-only timeline allows: a supervisor's recorded redaction of an entry's
// text. Anything else is still refused by the database; the removed words no longer find the
// occurrence, by either way a search runs, and its search document no longer holds them.

const clock = testClock(new Date('2026-06-01T08:00:00Z'));
const deps = testDeps({ clock });
let operator: occ.Actor;
let supervisor: occ.Actor;
let categoryId: string;

const actorOf = (u: { id: string; username: string }): occ.Actor => ({ audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id });
beforeAll(async () => {
  operator = actorOf(await makeUser(deps, { roles: ['operator'] }));
  supervisor = actorOf(await makeUser(deps, { roles: ['supervisor'] }));
  categoryId = (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'theft').executeTakeFirstOrThrow()).id;
});

const open = (summary: string) => occ.openOccurrence(deps, { actor: operator, input: { source: 'radio_scheme', categoryId, priority: 'normal', summary } });
const add = (occurrenceId: string, body: string) => occ.addEntry(deps, { actor: operator, occurrenceId, kind: 'observation', body });
const found = async (q: string) => {
  const walk = await searchOccurrences(deps.db, { filter: { q, operatorId: operator.userId }, offset: 0, limit: 50, rare: 0 });
  const index = await searchOccurrences(deps.db, { filter: { q, operatorId: operator.userId }, offset: 0, limit: 50, rare: Number.MAX_SAFE_INTEGER });
  return [...new Set([...walk.rows, ...index.rows].map((r) => r.reference))];
};

it('still refuses a plain update or delete of an entry, and an update beside a redaction record made for other text', async () => {
  const o = await open('Shoplifter at the market');
  const e = await add(o.id, 'Jane Doe seen taking perfume');
  await expect(sql`update occurrence_entries set body = 'Someone seen taking perfume' where id = ${e.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
  await expect(sql`delete from occurrence_entries where id = ${e.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
  // A record in the same transaction, but whose hashes are not this change's, does not open the door;
  // nor does one for the right change that changes another column as well.
  const record = (original: string, redacted: string) => sql`insert into occurrence_entry_redactions (entry_id, occurrence_id, redacted_by, reason, original_sha256, redacted_sha256)
    values (${e.id}, ${o.id}, ${supervisor.userId}, 'test', ${sha256Hex(original)}, ${sha256Hex(redacted)})`;
  await expect(deps.db.transaction().execute(async (trx) => {
    await record('Jane Doe seen taking perfume', '[redacted] seen taking perfume').execute(trx);
    await sql`update occurrence_entries set body = 'Nobody at all' where id = ${e.id}`.execute(trx);
  })).rejects.toThrow(/append-only/);
  await expect(deps.db.transaction().execute(async (trx) => {
    await record('Jane Doe seen taking perfume', '[redacted] seen taking perfume').execute(trx);
    await sql`update occurrence_entries set body = '[redacted] seen taking perfume', reason = 'sneaky' where id = ${e.id}`.execute(trx);
  })).rejects.toThrow(/append-only/);
  // A record committed earlier does not open it for a later transaction.
  await record('Jane Doe seen taking perfume', '[redacted] seen taking perfume').execute(deps.db).catch(() => undefined);
  await expect(sql`update occurrence_entries set body = '[redacted] seen taking perfume' where id = ${e.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
  // And the records themselves are append-only.
  await expect(sql`delete from occurrence_entry_redactions where entry_id = ${e.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
  expect((await deps.db.selectFrom('occurrence_entries').select('body').where('id', '=', e.id).executeTakeFirstOrThrow()).body).toBe('Jane Doe seen taking perfume');
});

it('a redaction replaces the words, records who, when, why and the hash of the original (never the text), and search no longer finds them', async () => {
  const surname = `Quillfeather${uniq('n').replace(/-/g, '')}`;
  const o = await open('Shoplifter at the market');
  const original = `Store detective names her as Mary ${surname}, 42, of Mill Lane`;
  const e = await add(o.id, original);
  // A long timeline, so that the occurrence has a search document holding the name.
  for (let i = 0; i < 20; i++) await add(o.id, `Still watching, ${i}`);
  await refreshSearchDocuments(deps.db);
  const documentHolds = async (word: string) => (await sql<{ yes: boolean }>`select search @@ to_tsquery('english', ${word}) as yes from occurrence_search_documents where occurrence_id = ${o.id}`.execute(deps.db)).rows[0]?.yes;
  expect(await documentHolds(surname)).toBe(true);
  expect(await found(surname)).toEqual([o.reference]);

  clock.advance(60_000);
  const r = await redactEntry(deps, { actor: supervisor, occurrenceId: o.id, entryId: e.id, remove: `mary ${surname}`, reason: 'Name of a suspect not charged' });
  expect(r).toMatchObject({ reference: o.reference, entryId: e.id, replaced: 1 });

  const entry = await deps.db.selectFrom('occurrence_entries').select(['body', 'seq', 'kind']).where('id', '=', e.id).executeTakeFirstOrThrow();
  expect(entry).toEqual({ body: 'Store detective names her as [redacted], 42, of Mill Lane', seq: e.seq, kind: 'observation' });
  const records = await deps.db.selectFrom('occurrence_entry_redactions').selectAll().where('entry_id', '=', e.id).execute();
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ redacted_by: supervisor.userId, reason: 'Name of a suspect not charged', original_sha256: sha256Hex(original), redacted_sha256: sha256Hex(entry.body) });
  expect(records[0].redacted_at).toEqual(clock.now());
  expect(JSON.stringify(records)).not.toContain(surname);

  expect(await found(surname)).toEqual([]);
  expect(await documentHolds(surname)).toBe(false);
  expect(await documentHolds('detective')).toBe(true); // the rest of the document stays
  expect(await found('detective ' + 'Mill')).toContain(o.reference);

  const view = await getOccurrenceView(deps, { id: o.id });
  expect(view.entries.find((x) => x.id === e.id)!.redactions).toEqual([{ redactedAt: clock.now().toISOString(), by: expect.any(String), reason: 'Name of a suspect not charged' }]);
  const [event] = await (await sealed(deps.db)).selectFrom('audit_events').selectAll().where('action', '=', 'occurrence.entry-redacted').where('record_id', '=', o.id).execute();
  expect(event.details).toMatchObject({ entryId: e.id, redactionId: records[0].id });
  expect(JSON.stringify(event.details)).not.toContain(surname);
});

it('redacting the opening entry takes the words from the summary too, and refuses words the entry does not hold', async () => {
  const o = await open('Shoplifter Peter Smallbone at the market');
  const [opened] = await deps.db.selectFrom('occurrence_entries').select('id').where('occurrence_id', '=', o.id).where('kind', '=', 'opened').execute();
  await expect(redactEntry(deps, { actor: supervisor, occurrenceId: o.id, entryId: opened.id, remove: 'Jane', reason: 'Name' })).rejects.toMatchObject({ code: 'validation.failed' });
  await redactEntry(deps, { actor: supervisor, occurrenceId: o.id, entryId: opened.id, remove: 'Peter Smallbone', reason: 'Name of a suspect' });
  const view = await getOccurrenceView(deps, { id: o.id });
  expect(view.summary).toBe('Shoplifter [redacted] at the market');
  expect(view.entries[0].body).toBe('Shoplifter [redacted] at the market');
});
