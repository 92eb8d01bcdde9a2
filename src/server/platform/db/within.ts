import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db';
import type { Deps } from '../deps';

/**
 * Deps whose database is the caller's open transaction: a use case that opens its own transaction
 * (`deps.db.transaction().execute(fn)`) runs `fn` inside the caller's instead, so that two modules'
 * writes commit or roll back together (a synced PCN and the record that it was synced; a call and
 * the fault it raised). Whatever the use case does after its transaction returns (sending a job)
 * then happens before the caller commits: jobs are swept, so a job sent for a write that rolls
 * back finds nothing to do.
 */
export function withinTransaction(deps: Deps, trx: Kysely<Database>): Deps {
  const joined = {
    setIsolationLevel: () => joined,
    setAccessMode: () => joined,
    execute: <T>(fn: (t: Transaction<Database>) => Promise<T>) => fn(trx as Transaction<Database>),
  };
  const db = new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => joined;
      const value = Reflect.get(target, prop, target) as unknown;
      // Kysely keeps its state in private fields: its methods must run on the real object.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...deps, db };
}
