import type { Generated } from 'kysely';
import type { z } from 'zod';
import type { DB } from './db.types';
import type * as occurrences from '../../../domain/occurrences/contract';
import type * as estate from '../../../domain/estate/contract';
import type * as audit from '../../../domain/audit/contract';
import type { Role } from '../auth/permissions';
import type * as ooh from '../../../domain/ooh/contract';
import type * as methane from '../../../domain/ooh/methane';
import type * as incidents from '../../../domain/ooh/incidents';

// Type tests, checked by `npm run typecheck`: each vocabulary in a contract is exactly the list its
// column's CHECK constraint allows (db.types.ts is generated from the migrated schema, and CI fails
// when it is stale). A code added on one side only fails here.

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Codes<T> = keyof T & string;
type Column<T> = NonNullable<T extends Generated<infer U> ? U : T>;
const same = <T extends true>(): T => true as T;

export const vocabularies = [
  same<Equal<Codes<typeof occurrences.SOURCES>, Column<DB['occurrences']['source']>>>(),
  same<Equal<Codes<typeof occurrences.PRIORITIES>, Column<DB['occurrences']['priority']>>>(),
  same<Equal<Codes<typeof occurrences.STATUSES>, Column<DB['occurrences']['status']>>>(),
  same<Equal<Codes<typeof occurrences.OUTCOMES>, Column<DB['occurrences']['outcome']>>>(),
  same<Equal<Codes<typeof occurrences.ENTRY_KINDS>, Column<DB['occurrence_entries']['kind']>>>(),
  same<Equal<Codes<typeof occurrences.AGENCIES>, Column<DB['occurrence_entries']['agency']>>>(),
  same<Equal<Codes<typeof estate.CAMERA_KINDS>, Column<DB['cameras']['kind']>>>(),
  same<Equal<Codes<typeof estate.CAMERA_STATUSES>, Column<DB['cameras']['status']>>>(),
  same<Equal<Codes<typeof estate.CAMERA_OWNERS>, Column<DB['cameras']['owner']>>>(),
  same<Equal<Codes<typeof audit.OUTCOMES>, Column<DB['audit_events']['outcome']>>>(),
  same<Equal<Role, Column<DB['user_roles']['role']>>>(),
  same<Equal<Codes<typeof ooh.OOH_CALL_STATUSES>, Column<DB['ooh_calls']['status']>>>(),
  same<Equal<z.infer<typeof ooh.OohLoneWorkingStatus>, Column<DB['lone_working_sessions']['status']>>>(),
  same<Equal<z.infer<typeof ooh.OohStepOutcome>, Column<DB['lone_working_acknowledgements']['outcome']>>>(),
  same<Equal<Codes<typeof ooh.ABSENCE_REASONS>, Column<DB['ooh_absences']['reason']>>>(),
  same<Equal<Codes<typeof ooh.REPORTED_VIA>, Column<DB['ooh_absences']['reported_via']>>>(),
  same<Equal<Codes<typeof ooh.ALARM_KINDS>, Column<DB['ooh_alarms']['kind']>>>(),
  same<Equal<Codes<typeof ooh.ALARM_EVENT_KINDS>, Column<DB['ooh_alarm_events']['kind']>>>(),
  same<Equal<Codes<typeof ooh.ACCESS_DECISIONS>, Column<DB['ooh_access_requests']['decision']>>>(),
  same<Equal<Codes<typeof methane.METHANE_STATUSES>, Column<DB['ooh_incident_methane']['status']>>>(),
  same<Equal<Codes<typeof incidents.TIMELINE_SOURCES>, Column<DB['ooh_incident_timeline']['source']>>>(),
  same<Equal<Codes<typeof incidents.ACTION_STATUSES>, Column<DB['ooh_incident_action_updates']['status']>>>(),
];

// The check itself can fail: a contract with a code the database lacks is not equal.
// @ts-expect-error 'teleport' is not a source the database allows
export const drift = same<Equal<Codes<typeof occurrences.SOURCES> | 'teleport', Column<DB['occurrences']['source']>>>();
