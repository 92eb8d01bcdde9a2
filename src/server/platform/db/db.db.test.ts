import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { testDb } from '../../../../test/support/deps';
import { PREPARE } from './db';
import { copyRows } from './copy';

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

it('copies rows in bulk inside the caller’s transaction: NULL and empty text apart, quotes, commas, line breaks and arrays kept, and gone on rollback', async () => {
  const table = `copy_probe_${Math.random().toString(36).slice(2, 10)}`;
  const db = testDb().db;
  await sql`create table ${sql.id(table)} (n int, t text, a text[], at timestamptz)`.execute(db);
  try {
    const at = new Date('2026-03-29T00:30:00.123Z');
    const rows = [[1, 'plain', ['pan', 'tilt'], at], [2, '', [], null], [3, null, ['a "quoted" one', 'back\\slash'], at], [4, 'comma, "quote"\nand a line', null, null]] as const;
    await db.transaction().execute(async (trx) => copyRows(trx, { table, columns: ['n', 't', 'a', 'at'], rows }));
    const { rows: got } = await sql<{ n: number; t: string | null; a: string[] | null; at: Date | null }>`select * from ${sql.id(table)} order by n`.execute(db);
    expect(got).toEqual(rows.map(([n, t, a, when]) => ({ n, t, a: a ? [...a] : null, at: when })));
    await expect(db.transaction().execute(async (trx) => {
      await copyRows(trx, { table, columns: ['n', 't', 'a', 'at'], rows: [[5, 'gone', [], null]] });
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    await expect(copyRows(db, { table, columns: ['n'], rows: [['not a number' as never]] })).rejects.toThrow(/invalid input syntax for type integer/);
    expect((await sql<{ c: number }>`select count(*)::int as c from ${sql.id(table)}`.execute(db)).rows[0].c).toBe(4);
    expect(() => copyRows(db, { table: 'x; drop table users', columns: ['n'], rows: [[1]] })).rejects.toThrow(/not a plain identifier/);
  } finally {
    await sql`drop table ${sql.id(table)}`.execute(db);
  }
});
