import type { Generated } from 'kysely';
import type { DB } from '../../../platform/db/db.types';
import type * as k from '../../../../domain/estate/checks';

// Type tests, checked by `npm run typecheck`: each of the checks' vocabularies is exactly the list
// its column's CHECK constraint allows (as platform/db/vocabularies.typetest.ts does for the others).

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Codes<T> = keyof T & string;
type Column<T> = NonNullable<T extends Generated<infer U> ? U : T>;
const same = <T extends true>(): T => true as T;

export const checkVocabularies = [
  same<Equal<Codes<typeof k.CHECK_KINDS>, Column<DB['check_rounds']['kind']>>>(),
  same<Equal<Codes<typeof k.SHIFTS>, Column<DB['check_rounds']['shift']>>>(),
  same<Equal<Codes<typeof k.CHECK_ITEMS>, Column<DB['check_results']['item']>>>(),
  same<Equal<Codes<typeof k.CHECK_ITEMS>, Column<DB['faults']['item']>>>(),
  same<Equal<Codes<typeof k.CHECK_OUTCOMES>, Column<DB['check_results']['outcome']>>>(),
  same<Equal<Codes<typeof k.EQUIPMENT_KINDS>, Column<DB['equipment']['kind']>>>(),
  same<Equal<Codes<typeof k.EQUIPMENT_STATUSES>, Column<DB['equipment']['status']>>>(),
  same<Equal<Codes<typeof k.FAULT_STATES>, Column<DB['faults']['state']>>>(),
];
