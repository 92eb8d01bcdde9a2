import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { TimelinessRow } from '../../../../domain/requests/reports';

// The rows the timeliness report counts: every request received in the range, or closed in it
// (London day), with its due date and the London day it closed.

export async function timelinessRows(db: Db, { fromDay, toDay }: { fromDay: string; toDay: string }): Promise<TimelinessRow[]> {
  const { rows } = await sql<TimelinessRow>`select r.type, r.received_on::text as "receivedOn", r.due_on::text as "dueOn",
      (r.closed_at at time zone 'Europe/London')::date::text as "closedOn"
    from requests r
    where r.received_on between ${fromDay}::date and ${toDay}::date
       or (r.closed_at is not null and (r.closed_at at time zone 'Europe/London')::date between ${fromDay}::date and ${toDay}::date)`.execute(db);
  return rows;
}
