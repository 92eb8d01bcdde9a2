import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDeps } from '../../../../test/support/deps';
import { withinTransaction } from './within';

// A use case written with its own transaction, run inside a caller's: both commit or neither does.
describe('withinTransaction', () => {
  const deps = testDeps();
  beforeAll(async () => {
    // Outside public, so the generated db.types.ts (public.*) never sees it, whichever test runs first.
    await sql`create schema if not exists scratch`.execute(deps.db);
    await sql`create table if not exists scratch.within_test (id int primary key)`.execute(deps.db);
    await sql`delete from scratch.within_test`.execute(deps.db);
  });

  const useCase = (d: typeof deps, id: number) => d.db.transaction().execute((trx) => trx.insertInto('scratch.within_test' as never).values({ id } as never).execute());
  const count = async (id: number) => Number((await sql<{ n: string }>`select count(*) as n from scratch.within_test where id = ${id}`.execute(deps.db)).rows[0].n);

  it('commits with the caller', async () => {
    await deps.db.transaction().execute(async (trx) => { await useCase(withinTransaction(deps, trx), 1); });
    expect(await count(1)).toBe(1);
  });

  it('rolls back with the caller, though the use case "committed"', async () => {
    await expect(deps.db.transaction().execute(async (trx) => {
      await useCase(withinTransaction(deps, trx), 2);
      throw new Error('the caller fails after');
    })).rejects.toThrow('the caller fails after');
    expect(await count(2)).toBe(0);
  });
});
