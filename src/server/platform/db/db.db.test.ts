import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { testDb } from '../../../../test/support/deps';
import { PREPARE } from './db';

it('prepares a marked statement once per connection, then only binds it; unmarked ones are not kept', async () => {
  await testDb().db.connection().execute(async (conn) => {
    const marked = (n: number) => sql<{ doubled: number }>`${sql.raw(PREPARE)}select ${n}::int * 2 as doubled`.execute(conn);
    const results = [];
    for (let i = 1; i <= 8; i++) results.push((await marked(i)).rows[0].doubled);
    expect(results).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
    await sql`select ${1}::int as plain`.execute(conn);
    const { rows } = await sql<{ statement: string; uses: number }>`
      select statement, (generic_plans + custom_plans)::int as uses from pg_prepared_statements order by statement`.execute(conn);
    const ours = rows.filter((r) => r.statement.includes('* 2 as doubled'));
    expect(ours).toEqual([{ statement: expect.stringMatching(/^\/\* prepare \*\//), uses: 8 }]);
    expect(rows.some((r) => r.statement.includes('as plain'))).toBe(false);
  });
});
