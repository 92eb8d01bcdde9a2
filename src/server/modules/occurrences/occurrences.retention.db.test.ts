import { afterAll, beforeAll, expect, it } from 'vitest';
import { sealed, silentLog, testClock, testConfig } from '../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../test/support/product';
import type { Deps } from '../../platform/deps';
import { applyPersonalDataRetention } from './occurrences.retention';
import * as occ from './occurrences.usecases';
import { getOccurrenceView } from './occurrences.views';

// Retention acts on every row, so it runs in a database of its own.
let handle: OwnDatabase;
beforeAll(async () => { handle = await ownDatabase(); });
afterAll(async () => { await handle.drop(); });

const DAY = 86_400_000;

it('flags personal data for review after 31 days, removes it after 365 unless held, and records the removal', async () => {
  const clock = testClock(new Date('2026-01-10T12:00:00Z'));
  const deps: Deps = { db: handle.db, config: testConfig(), clock, log: silentLog };
  const org = await handle.db.insertInto('organisations').values({ name: 'Retention Council', kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
  const user = await handle.db.insertInto('users').values({ username: 'ret', display_name: 'Ret', organisation_id: org.id, password_hash: 'x' }).returning(['id', 'username']).executeTakeFirstOrThrow();
  const actor = { audit: { actorId: user.id, actorUsername: user.username, ip: null, userAgent: null }, userId: user.id };
  const category = await handle.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'theft').executeTakeFirstOrThrow();
  const open = () => occ.openOccurrence(deps, { actor, input: { source: 'radio_scheme', categoryId: category.id, priority: 'normal', summary: 'Shoplifter, Coopers Square' } });
  const plain = await open();
  const held = await open();
  await occ.recordPersonalData(deps, { actor, occurrenceId: plain.id, name: 'Jane Example', details: 'Known shoplifter' });
  await occ.recordPersonalData(deps, { actor, occurrenceId: held.id, name: 'John Example' });
  await handle.db.insertInto('occurrence_holds').values({ occurrence_id: held.id, held_by: 'evidence', reference: 'EXH-1' }).execute();

  clock.advance(30 * DAY);
  expect(await applyPersonalDataRetention(deps)).toEqual({ flagged: 0, removed: 0, kept: 0 });

  clock.advance(2 * DAY); // day 32
  expect((await applyPersonalDataRetention(deps)).flagged).toBe(2);
  const flagged = await handle.db.selectFrom('occurrence_personal_data').select(['flagged_for_review_at', 'name']).execute();
  expect(flagged.every((p) => p.flagged_for_review_at !== null && p.name !== null)).toBe(true);

  clock.advance(334 * DAY); // day 366
  expect(await applyPersonalDataRetention(deps)).toEqual({ flagged: 0, removed: 1, kept: 1 });
  const rows = await handle.db.selectFrom('occurrence_personal_data').selectAll().orderBy('name').execute();
  const removed = rows.find((r) => r.occurrence_id === plain.id)!;
  const kept = rows.find((r) => r.occurrence_id === held.id)!;
  expect([removed.name, removed.details, removed.removal_reason]).toEqual([null, null, 'retention: older than 365 days']);
  expect(kept.name).toBe('John Example');

  const view = await getOccurrenceView(deps, { id: plain.id });
  expect(view.entries.at(-1)).toMatchObject({ kind: 'personal_data_removed', author: null });
  expect(view.summary).toBe('Shoplifter, Coopers Square'); // the rest of the log stays
  const audit = await (await sealed(handle.db)).selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'occurrence.personal-data-removed').execute();
  expect(audit).toHaveLength(1);
  expect(JSON.stringify(audit)).not.toContain('Jane');
});
