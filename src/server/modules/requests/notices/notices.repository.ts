import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { RequestType } from '../../../../domain/requests/workflow';

// The notices job's SQL: the open requests with their owners, the coordinators, and the send-once
// keys in request_notices.

export interface OpenRequestRow {
  id: string; reference: string; type: RequestType; status: string; summary: string; received_on: string; due_on: string | null;
  paused: boolean; owner_id: string | null; owner_name: string | null; owner_email: string | null;
}

const OPEN = sql`select r.id, r.reference, r.type, r.status, r.summary, r.received_on::text as received_on, r.due_on::text as due_on,
  exists (select 1 from request_pauses p where p.request_id = r.id and p.to_day is null) as paused,
  r.owner_id, u.display_name as owner_name, case when u.is_active then nullif(u.email, '') end as owner_email
  from requests r left join users u on u.id = r.owner_id
  where r.closed_at is null`;

export const listOpenRequests = (db: Db) => sql<OpenRequestRow>`${OPEN} order by r.due_on nulls last, r.reference`.execute(db).then((r) => r.rows);

/** One open request as it stands now (read again inside the claiming transaction). */
export const findOpenRequest = (db: Db, id: string) => sql<OpenRequestRow>`${OPEN} and r.id = ${id}`.execute(db).then((r) => r.rows[0]);

export const listCoordinators = (db: Db) =>
  db.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.display_name']).distinct()
    .where('user_roles.role', '=', 'coordinator').where('users.is_active', '=', true).where('users.email', 'is not', null).where('users.email', '!=', '')
    .orderBy('users.id').execute() as Promise<{ id: string; email: string; display_name: string }[]>;

/**
 * Claims a notice's key: true when this transaction took it. A second claim of a key another
 * transaction holds uncommitted waits for that one to end (the primary key's index), then finds it
 * taken (that one committed: sent) or takes it (that one rolled back: not sent).
 */
export const claimNotice = (db: Db, n: { key: string; requestId: string | null; kind: 'due_soon' | 'breached' | 'weekly_summary'; recipient: string; at: Date }) =>
  sql`insert into request_notices (key, request_id, kind, recipient, sent_at) values (${n.key}, ${n.requestId}, ${n.kind}, ${n.recipient}, ${n.at})
    on conflict (key) do nothing`.execute(db).then((r) => Number(r.numAffectedRows ?? 0) === 1);
