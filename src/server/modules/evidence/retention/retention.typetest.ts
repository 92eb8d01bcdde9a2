import type { Generated } from 'kysely';
import type { DB } from '../../../platform/db/db.types';
import type { BYTES_STATES, REVIEW_DECISIONS } from '../../../../domain/evidence/retention';

// Type tests, checked by `npm run typecheck`: retention's vocabularies are the lists their columns'
// CHECK constraints allow (a removal's outcome, and 'pending' where there is none yet).

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Column<T> = NonNullable<T extends Generated<infer U> ? U : T>;
const same = <T extends true>(): T => true as T;

export const vocabularies = [
  same<Equal<keyof typeof REVIEW_DECISIONS, Column<DB['exhibit_reviews']['decision']>>>(),
  same<Equal<keyof typeof BYTES_STATES, Column<DB['evidence_destruction_removals']['outcome']> | 'pending'>>(),
];
