import { afterAll, expect, it } from 'vitest';
import { sealed, silentLog, testClock, testConfig, testStorage } from '../../../../../test/support/deps';
import { ownDatabase } from '../../../../../test/support/product';
import type { Deps } from '../../../platform/deps';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit';
import { applyPersonalDataRetention, removePersonalDataItem } from './retention';
import { listRemovablePersonalData } from '../occurrences.repository';
import * as occ from '../occurrences.usecases';
import { getOccurrenceView } from '../occurrences.views';

// Retention acts on every row, so each test runs in a database of its own.
const drops: Array<() => Promise<void>> = [];
afterAll(async () => { for (const d of drops) await d(); });

const DAY = 86_400_000;

async function world(start: string) {
  const handle = await ownDatabase({ max: 2 });
  drops.push(handle.drop);
  const clock = testClock(new Date(start));
  const deps: Deps = { db: handle.db, config: testConfig(), clock, log: silentLog, storage: testStorage() };
  const org = await handle.db.insertInto('organisations').values({ name: 'Retention Council', kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
  const user = await handle.db.insertInto('users').values({ username: 'ret', display_name: 'Ret', organisation_id: org.id, password_hash: 'x' }).returning(['id', 'username']).executeTakeFirstOrThrow();
  const actor = { audit: { actorId: user.id, actorUsername: user.username, ip: null, userAgent: null }, userId: user.id };
  const category = await handle.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'theft').executeTakeFirstOrThrow();
  const open = () => occ.openOccurrence(deps, { actor, input: { source: 'radio_scheme', categoryId: category.id, priority: 'normal', summary: 'Shoplifter, Coopers Square' } });
  const record = (occurrenceId: string, name: string, details?: string) => occ.recordPersonalData(deps, { actor, occurrenceId, name, details });
  const hold = (occurrenceId: string) => handle.db.insertInto('occurrence_holds').values({ occurrence_id: occurrenceId, held_by: 'evidence', reference: 'EXH-1' }).execute();
  const removedEntries = (occurrenceId: string) => handle.db.selectFrom('occurrence_entries').select(['body', 'author_id']).where('occurrence_id', '=', occurrenceId).where('kind', '=', 'personal_data_removed').execute();
  const removalEvents = async () => (await sealed(handle.db)).selectFrom('audit_events').select(['record_id', 'details']).where('action', '=', 'occurrence.personal-data-removed').execute();
  return { db: handle.db, clock, deps, open, record, hold, removedEntries, removalEvents };
}

it('flags personal data for review after 31 days, removes it after 365 unless held, and records the removal', async () => {
  const w = await world('2026-01-10T12:00:00Z');
  const plain = await w.open();
  const held = await w.open();
  await w.record(plain.id, 'Jane Example', 'Known shoplifter');
  await w.record(held.id, 'John Example');
  await w.hold(held.id);

  w.clock.advance(30 * DAY);
  expect(await applyPersonalDataRetention(w.deps)).toEqual({ flagged: 0, removed: 0, kept: 0 });

  w.clock.advance(2 * DAY); // day 32
  expect((await applyPersonalDataRetention(w.deps)).flagged).toBe(2);
  const flagged = await w.db.selectFrom('occurrence_personal_data').select(['flagged_for_review_at', 'name']).execute();
  expect(flagged.every((p) => p.flagged_for_review_at !== null && p.name !== null)).toBe(true);

  w.clock.advance(334 * DAY); // day 366
  expect(await applyPersonalDataRetention(w.deps)).toEqual({ flagged: 0, removed: 1, kept: 1 });
  const rows = await w.db.selectFrom('occurrence_personal_data').selectAll().orderBy('name').execute();
  const removed = rows.find((r) => r.occurrence_id === plain.id)!;
  const kept = rows.find((r) => r.occurrence_id === held.id)!;
  expect([removed.name, removed.details, removed.removal_reason]).toEqual([null, null, 'retention: older than 365 days']);
  expect(kept.name).toBe('John Example');

  const view = await getOccurrenceView(w.deps, { id: plain.id });
  expect(view.entries.at(-1)).toMatchObject({ kind: 'personal_data_removed', author: null, body: 'Personal data recorded on 10 January 2026 removed under the retention policy (365 days).' });
  expect(view.summary).toBe('Shoplifter, Coopers Square'); // the rest of the log stays
  const audit = await w.removalEvents();
  expect(audit).toHaveLength(1);
  expect(JSON.stringify(audit)).not.toContain('Jane');
});

it('reaches every row however many are held or flagged already: newer rows are flagged and unheld old rows removed', async () => {
  const w = await world('2026-01-10T12:00:00Z');
  // The oldest rows are all held: a run that took only the oldest few would see nothing else.
  const held = await w.open();
  for (const name of ['Held One', 'Held Two', 'Held Three']) await w.record(held.id, name);
  await w.hold(held.id);
  w.clock.advance(60_000);
  const old = await w.open();
  await w.record(old.id, 'Old Unheld');
  w.clock.advance(200 * DAY);
  const newer = await w.open();
  await w.record(newer.id, 'Newer Unheld');
  w.clock.advance(166 * DAY); // the first rows are 366 days old, the newer one 166

  expect(await applyPersonalDataRetention(w.deps, { batch: 2 })).toEqual({ flagged: 5, removed: 1, kept: 3 });
  const rows = await w.db.selectFrom('occurrence_personal_data').select(['occurrence_id', 'name', 'flagged_for_review_at', 'removed_at']).execute();
  expect(rows.find((r) => r.occurrence_id === newer.id)).toMatchObject({ name: 'Newer Unheld', removed_at: null });
  expect(rows.find((r) => r.occurrence_id === newer.id)!.flagged_for_review_at).not.toBeNull();
  expect(rows.find((r) => r.occurrence_id === old.id)).toMatchObject({ name: null });
  expect(rows.filter((r) => r.occurrence_id === held.id).map((r) => r.name).sort()).toEqual(['Held One', 'Held Three', 'Held Two']);
  expect(await w.removedEntries(old.id)).toHaveLength(1);

  // The next night: nothing new to flag, nothing removable, the held rows still counted.
  w.clock.advance(DAY);
  expect(await applyPersonalDataRetention(w.deps, { batch: 2 })).toEqual({ flagged: 0, removed: 0, kept: 3 });
});

it('removes every unheld row past the removal age, several batches of them, in one run', async () => {
  const w = await world('2026-01-10T12:00:00Z');
  const o = await w.open();
  for (let i = 0; i < 5; i++) await w.record(o.id, `Person ${i}`);
  w.clock.advance(365 * DAY);
  expect(await applyPersonalDataRetention(w.deps, { batch: 2 })).toEqual({ flagged: 5, removed: 5, kept: 0 });
  expect(await w.removedEntries(o.id)).toHaveLength(5);
});

it('keeps the data, and writes no entry or audit event, when a hold is placed between selection and removal', async () => {
  const w = await world('2026-01-10T12:00:00Z');
  const o = await w.open();
  await w.record(o.id, 'Jane Example');
  w.clock.advance(366 * DAY);
  const [row] = await listRemovablePersonalData(w.db, { before: new Date(w.clock.now().getTime() - 365 * DAY), limit: 10 });
  expect(row.occurrence_id).toBe(o.id);

  await w.hold(o.id); // evidence claims the occurrence after the nightly run read its page
  const remove = () => w.db.transaction().execute((trx) => removePersonalDataItem(trx, {
    audit: SYSTEM_ACTOR, authorId: null, occurrenceId: o.id, personalDataId: row.id, recordedAt: row.recorded_at, at: w.clock.now(), reason: 'retention', because: 'under the retention policy',
  }));
  expect(await remove()).toBe(false);
  expect((await w.db.selectFrom('occurrence_personal_data').select('name').where('id', '=', row.id).executeTakeFirstOrThrow()).name).toBe('Jane Example');
  expect(await w.removedEntries(o.id)).toEqual([]);
  expect(await w.removalEvents()).toEqual([]);

  // Released, it goes; removed once, a second attempt changes nothing and records nothing more.
  await w.db.updateTable('occurrence_holds').set({ released_at: w.clock.now() }).where('occurrence_id', '=', o.id).execute();
  expect(await remove()).toBe(true);
  expect(await remove()).toBe(false);
  expect(await w.removedEntries(o.id)).toHaveLength(1);
  expect(await w.removalEvents()).toHaveLength(1);
});
