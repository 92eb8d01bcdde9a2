import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, testClock, testDeps, uniq } from '../../../../../test/support/deps';
import * as occ from '../occurrences.usecases';
import { searchOccurrences, streamOccurrences } from './search';

// A text search walks the newest occurrences one by one (quick for common words) and falls back to
// the full-text index when the page is not among them (quick for rare words). Both must give the
// same answers; only the total differs, a lower bound ("645+") when it comes from the walk.

const clock = testClock(new Date('2026-05-01T08:00:00Z'));
const deps = testDeps({ clock });
const tag = uniq('w').replace('-', '');
const common = `lamppost${tag}`;
const rare = `wheelie${tag}`;
let operatorId: string;
let references: string[]; // oldest first

beforeAll(async () => {
  const operator = await makeUser(deps, { roles: ['operator'] });
  operatorId = operator.id;
  const actor: occ.Actor = { audit: { actorId: operator.id, actorUsername: operator.username, ip: null, userAgent: null }, userId: operator.id };
  const categoryId = (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'asb').executeTakeFirstOrThrow()).id;
  references = [];
  for (let i = 0; i < 12; i++) {
    clock.advance(60_000);
    const o = await occ.openOccurrence(deps, { actor, input: { source: 'camera_patrol', categoryId, priority: 'normal', summary: `Group by the ${common}` } });
    // The rare word only in an entry of the oldest one; the common one in every summary.
    if (i === 0) await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: `Knocked over a ${rare} bin` });
    references.push(o.reference);
  }
});

// rare: 0, so that the words are never judged rare from statistics (tested on its own below).
const search = (q: string, opts: { offset?: number; limit?: number; window?: number; sort?: 'opened_desc' | 'opened_asc' } = {}) =>
  searchOccurrences(deps.db, { filter: { q, operatorId }, offset: opts.offset ?? 0, limit: opts.limit ?? 3, window: opts.window, sort: opts.sort, rare: 0 })
    .then((r) => ({ refs: r.rows.map((x) => x.reference), total: r.total, totalIsCapped: r.totalIsCapped }));
const newest = (n: number, from = 0) => [...references].reverse().slice(from, from + n);

describe('a text search', () => {
  it('finds a common word among the newest occurrences, counting the window as a lower bound', async () => {
    expect(await search(common, { window: 5 })).toEqual({ refs: newest(3), total: 5, totalIsCapped: true });
    expect(await search(common, { window: 5, sort: 'opened_asc' })).toEqual({ refs: references.slice(0, 3), total: 5, totalIsCapped: true });
  });

  it('goes to the index for a page beyond the window, and for a rare word, with exact totals', async () => {
    expect(await search(common, { window: 5, offset: 3 })).toEqual({ refs: newest(3, 3), total: 12, totalIsCapped: false });
    expect(await search(rare, { window: 5 })).toEqual({ refs: [references[0]], total: 1, totalIsCapped: false });
  });

  it('gives the same answers when the window holds everything', async () => {
    expect(await search(common, { window: 1000 })).toEqual({ refs: newest(3), total: 12, totalIsCapped: false });
    expect(await search(common, { window: 1000, offset: 9 })).toEqual({ refs: newest(3, 9), total: 12, totalIsCapped: false });
    expect(await search(rare, { window: 1000 })).toEqual({ refs: [references[0]], total: 1, totalIsCapped: false });
    expect(await search(`${common} ${rare}`, { window: 1000 })).toEqual({ refs: [], total: 0, totalIsCapped: false }); // both words in one row: none
  });
});

describe('an export', () => {
  it('neither repeats nor drops a row when an occurrence is opened while it runs, in any order', async () => {
    const operator = await makeUser(deps, { roles: ['operator'] });
    const actor: occ.Actor = { audit: { actorId: operator.id, actorUsername: operator.username, ip: null, userAgent: null }, userId: operator.id };
    const categoryId = (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'asb').executeTakeFirstOrThrow()).id;
    const openOne = async () => { clock.advance(60_000); return (await occ.openOccurrence(deps, { actor, input: { source: 'camera_patrol', categoryId, priority: 'normal', summary: 'Export test' } })).reference; };
    const before: string[] = [];
    for (let i = 0; i < 5; i++) before.push(await openOne());
    for (const sort of ['opened_desc', 'opened_asc', 'reference_desc', 'reference_asc'] as const) {
      const seen: string[] = [];
      const opened: string[] = [];
      for await (const rows of streamOccurrences(deps.db, { filter: { operatorId: operator.id }, sort, batch: 2 })) {
        seen.push(...rows.map((r) => r.reference));
        if (opened.length === 0) opened.push(await openOne()); // after the first batch
      }
      expect(new Set(seen).size, sort).toBe(seen.length);
      const expected = [...before, ...(sort.endsWith('asc') ? opened : [])].sort();
      expect([...seen].sort(), sort).toEqual(expected);
      before.push(...opened);
    }
  });
  it('neither repeats nor drops rows opened within the same millisecond (times kept to the microsecond)', async () => {
    const operator = await makeUser(deps, { roles: ['operator'] });
    const actor: occ.Actor = { audit: { actorId: operator.id, actorUsername: operator.username, ip: null, userAgent: null }, userId: operator.id };
    const categoryId = (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'asb').executeTakeFirstOrThrow()).id;
    const refs: string[] = [];
    for (let i = 0; i < 5; i++) refs.push((await occ.openOccurrence(deps, { actor, input: { source: 'camera_patrol', categoryId, priority: 'normal', summary: 'Microsecond test' } })).reference);
    // As SQL, an import or a busy server would store them: 1 µs apart, all in one millisecond.
    await sql`update occurrences set opened_at = '2026-05-02T10:00:00.123001Z'::timestamptz + (number % 5) * interval '1 microsecond' where opened_by = ${operator.id}`.execute(deps.db);
    for (const sort of ['opened_desc', 'opened_asc'] as const) {
      const seen: string[] = [];
      for await (const rows of streamOccurrences(deps.db, { filter: { operatorId: operator.id }, sort, batch: 2 })) seen.push(...rows.map((r) => r.reference));
      expect([...seen].sort(), sort).toEqual([...refs].sort());
    }
  });
});
