import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import { searchOccurrences } from './search';

// Whether a text search walks the newest occurrences or goes straight to the index depends on
// PostgreSQL's statistics of the words, so it runs in a database of its own, analysed.
let handle: OwnDatabase;
beforeAll(async () => {
  handle = await ownDatabase();
  const org = await handle.db.insertInto('organisations').values({ name: 'Rare Council', kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
  const user = await handle.db.insertInto('users').values({ username: 'rare', display_name: 'Rare', organisation_id: org.id, password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
  // 2,000 occurrences about a bus shelter; the newest four also mention a tricycle.
  await sql`
    insert into occurrences (reference, year, number, opened_at, opened_by, source, category_id, priority, summary, location_text, last_entry_seq)
    select 'OCC-2025-' || lpad(g::text, 6, '0'), 2025, g, timestamptz '2025-01-01' + g * interval '1 hour', ${user.id}, 'camera_patrol',
           (select id from occurrence_categories where key = 'asb'), 'normal',
           'Youths kicking the bus shelter' || case when g > 1996 then ', one on a tricycle' else '' end, 'High Street', 0
      from generate_series(1, 2000) g`.execute(handle.db);
  await sql`analyze occurrences`.execute(handle.db);
  await sql`analyze occurrence_entries`.execute(handle.db);
});
afterAll(async () => { await handle.drop(); });

const search = (q: string) => searchOccurrences(handle.db, { filter: { q }, offset: 0, limit: 3, window: 10 })
  .then((r) => ({ refs: r.rows.map((x) => x.reference), total: r.total, totalIsCapped: r.totalIsCapped }));

it('goes straight to the index for words the statistics call rare, with an exact total', async () => {
  expect(await search('tricycle')).toEqual({ refs: ['OCC-2025-002000', 'OCC-2025-001999', 'OCC-2025-001998'], total: 4, totalIsCapped: false });
});

it('walks the newest occurrences for common words, counting the window as a lower bound', async () => {
  expect(await search('bus shelter')).toEqual({ refs: ['OCC-2025-002000', 'OCC-2025-001999', 'OCC-2025-001998'], total: 10, totalIsCapped: true });
});
