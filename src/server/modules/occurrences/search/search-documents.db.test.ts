import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeUser, testClock, testDeps, uniq } from '../../../../../test/support/deps';
import * as occ from '../occurrences.usecases';
import { refreshSearchDocuments, searchOccurrences } from './search';

// A long timeline is folded into the occurrence's search document (every 20th entry marks it due;
// a background refresh folds it), so that a search walking occurrences one by one reads only the
// entries written since, where the document rules the words out. A search finds exactly what it
// found entry by entry.

const clock = testClock(new Date('2026-06-01T08:00:00Z'));
const deps = testDeps({ clock });
let actor: occ.Actor;
let categoryId: string;

beforeAll(async () => {
  const operator = await makeUser(deps, { roles: ['operator'] });
  actor = { audit: { actorId: operator.id, actorUsername: operator.username, ip: null, userAgent: null }, userId: operator.id };
  categoryId = (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'asb').executeTakeFirstOrThrow()).id;
});

async function open(summary = 'Search document test') {
  clock.advance(1000);
  return occ.openOccurrence(deps, { actor, input: { source: 'camera_patrol', categoryId, priority: 'normal', summary } });
}
const add = (occurrenceId: string, body: string) => occ.addEntry(deps, { actor, occurrenceId, kind: 'observation', body });
const documentOf = (occurrenceId: string) => deps.db.selectFrom('occurrence_search_documents').select(['through_seq']).where('occurrence_id', '=', occurrenceId).executeTakeFirst();
// Walking one by one (rare: 0), or straight to the entries' full-text index (rare: never).
const walk = (q: string) => searchOccurrences(deps.db, { filter: { q, operatorId: actor.userId }, offset: 0, limit: 200, rare: 0 }).then((r) => r.rows.map((x) => x.reference).sort());
const index = (q: string) => searchOccurrences(deps.db, { filter: { q, operatorId: actor.userId }, offset: 0, limit: 200, rare: Number.MAX_SAFE_INTEGER }).then((r) => r.rows.map((x) => x.reference).sort());

describe('search documents', () => {
  it('are made for a long timeline only, up to the newest entry, and kept up as it grows', async () => {
    const short = await open();
    for (let i = 0; i < 5; i++) await add(short.id, `short entry ${i}`);
    const long = await open();
    for (let i = 0; i < 25; i++) await add(long.id, `long entry ${i}`); // seq 2..26: seq 20 marks it due
    await refreshSearchDocuments(deps.db);
    expect(await documentOf(short.id)).toBeUndefined();
    expect(await documentOf(long.id)).toEqual({ through_seq: 26 });
    for (let i = 0; i < 14; i++) await add(long.id, `more ${i}`); // to seq 40, due again
    await refreshSearchDocuments(deps.db);
    expect(await documentOf(long.id)).toEqual({ through_seq: 40 });
  });

  it('spare the reading of entries the document rules out, and never of those written since', async () => {
    const w = uniq('w').replace('-', '');
    const o = await open();
    await add(o.id, `lamppost${w} early on`);
    for (let i = 0; i < 19; i++) await add(o.id, 'nothing to see');
    await refreshSearchDocuments(deps.db);
    await add(o.id, `bollard${w} just now`); // after the document
    expect(await walk(`lamppost${w}`)).toEqual([o.reference]);
    expect(await walk(`bollard${w}`)).toEqual([o.reference]);
    // A document that (wrongly) lacks a word hides the entries it covers: so the walk does read it.
    await deps.db.updateTable('occurrence_search_documents').set({ search: 'nothing' }).where('occurrence_id', '=', o.id).execute();
    expect(await walk(`lamppost${w}`)).toEqual([]);
    expect(await walk(`bollard${w}`)).toEqual([o.reference]);
    expect(await index(`lamppost${w}`)).toEqual([o.reference]);
  });

  it('give the same answers as the index, whatever the timelines and the searches', async () => {
    // Words PostgreSQL reads as phrases (high-vis, o'brien) as well as plain ones.
    const words = ['bench', 'kiosk', 'high-vis', "o'brien", 'trolley', 'bollard'];
    const entry = (from: string[]) => fc.array(fc.constantFrom(...from), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
    // Every way websearch syntax says "not": -b, - b, !b, !-b.
    const forms = { plain: (a: string, b: string) => `${a} ${b}`, one: (a: string) => a, phrase: (a: string, b: string) => `"${a} ${b}"`, either: (a: string, b: string) => `${a} or ${b}`,
      without: (a: string, b: string) => `${a} -${b}`, spaced: (a: string, b: string) => `${a} - ${b}`, bang: (a: string, b: string) => `${a} !-${b}`, unbalanced: (a: string, b: string) => `"${a} ${b}` };
    const search = fc.tuple(fc.constantFrom(...words), fc.constantFrom(...words), fc.constantFrom(...(Object.keys(forms) as (keyof typeof forms)[])))
      .map(([a, b, form]) => forms[form](a, b));
    // The folded part uses only some of the words, so that documents rule words out; the rest may come after.
    const timeline = fc.subarray(words, { minLength: 1, maxLength: 4 })
      .chain((some) => fc.record({ before: fc.array(entry(some), { minLength: 19, maxLength: 45 }), after: fc.array(entry(words), { maxLength: 10 }) }));
    const tag = uniq('t').replace('-', '');
    // Occurrences of this test's own, with timelines folded part way; then searches compared.
    const timelines = fc.sample(timeline, { numRuns: 8, seed: 20261129 });
    for (const t of timelines) {
      const o = await open(`Property ${tag}`);
      for (const body of t.before) await add(o.id, body);
      await refreshSearchDocuments(deps.db);
      for (const body of t.after) await add(o.id, body);
    }
    expect(await deps.db.selectFrom('occurrence_search_documents as d').innerJoin('occurrences as o', 'o.id', 'd.occurrence_id')
      .select('d.occurrence_id').where('o.summary', '=', `Property ${tag}`).execute()).toHaveLength(timelines.length);
    await fc.assert(fc.asyncProperty(search, async (q) => {
      expect(await walk(q)).toEqual(await index(q));
    }), { numRuns: 120, seed: 20261129 });
  });
});
