import type { Generated } from 'kysely';
import type { DB } from '../../../platform/db/db.types';
import type * as k from '../../../../domain/maintenance/contract';

// Type tests, checked by `npm run typecheck`: each of the contract's vocabularies is exactly the
// list its column's CHECK constraint allows (as platform/db/vocabularies.typetest.ts does for the others).

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Codes<T> = keyof T & string;
type Column<T> = NonNullable<T extends Generated<infer U> ? U : T>;
const same = <T extends true>(): T => true as T;

export const maintenanceVocabularies = [
  same<Equal<Codes<typeof k.PRIORITIES>, Column<DB['maintenance_sla_terms']['priority']>>>(),
  same<Equal<Codes<typeof k.PRIORITIES>, Column<DB['faults']['priority']>>>(),
  same<Equal<Codes<typeof k.PRIORITIES>, Column<DB['fault_events']['priority']>>>(),
  same<Equal<Codes<typeof k.SLA_CLOCK_KINDS>, Column<DB['maintenance_sla_terms']['clock']>>>(),
  same<Equal<Codes<typeof k.SLA_STOP_REASONS>, Column<DB['fault_events']['stop_reason']>>>(),
];
