import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { Attachment } from '../../../../domain/requests/correspondence';

// Correspondence and letter templates: the SQL. Templates are append-only (a new version row each
// time); correspondence rows change only to record how an e-mailed letter fared.

export interface CorrespondenceRow {
  id: string; direction: 'in' | 'out'; channel: string; letter: string | null; template_version: number | null;
  subject: string; body: string; counterpart: string; attachments: unknown; email_state: 'queued' | 'sent' | 'failed' | null;
  email_error: string | null; at: Date; by_name: string | null;
}

export const listCorrespondence = (db: Db, requestId: string): Promise<CorrespondenceRow[]> =>
  db.selectFrom('request_correspondence as c').leftJoin('users as u', 'u.id', 'c.by_user_id')
    .select(['c.id', 'c.direction', 'c.channel', 'c.letter', 'c.template_version', 'c.subject', 'c.body', 'c.counterpart', 'c.attachments', 'c.email_state', 'c.email_error', 'c.at', 'u.display_name as by_name'])
    .where('c.request_id', '=', requestId).orderBy('c.at').orderBy('c.id').execute() as Promise<CorrespondenceRow[]>;

export const findCorrespondence = (db: Db, requestId: string, id: string) =>
  listCorrespondence(db, requestId).then((rows) => rows.find((r) => r.id === id));

export const insertCorrespondence = (db: Db, row: {
  request_id: string; direction: 'in' | 'out'; channel: 'email' | 'post' | 'phone' | 'in_person' | 'portal'; letter?: string | null; template_version?: number | null;
  subject: string; body: string; counterpart: string; attachments: Attachment[]; email_state?: 'queued' | null; at: Date; by_user_id: string;
}) => db.insertInto('request_correspondence').values({ ...row, attachments: JSON.stringify(row.attachments) }).returning('id').executeTakeFirstOrThrow().then((r) => r.id);

export const setEmailState = (db: Db, id: string, state: 'sent' | 'failed', error: string | null) =>
  db.updateTable('request_correspondence').set({ email_state: state, email_error: error }).where('id', '=', id).execute();

export interface TemplateRow { key: string; version: number; subject: string; body: string; created_at: Date; by_name: string | null }

/** The latest version of every template an administrator saved. */
export const latestTemplates = (db: Db): Promise<TemplateRow[]> =>
  db.selectFrom('request_letter_templates as t').leftJoin('users as u', 'u.id', 't.created_by')
    .distinctOn('t.key').select(['t.key', 't.version', 't.subject', 't.body', 't.created_at', 'u.display_name as by_name'])
    .orderBy('t.key').orderBy('t.version', 'desc').execute();

export const latestTemplate = (db: Db, key: string) => latestTemplates(db).then((rows) => rows.find((r) => r.key === key));

/** A new version of the template (under a lock on the key, so two saves take 1 and 2, never both 1). */
export async function insertTemplateVersion(db: Db, { key, subject, body, by }: { key: string; subject: string; body: string; by: string }) {
  await sql`select pg_advisory_xact_lock(hashtext(${`request_letter_templates:${key}`}))`.execute(db);
  const last = await db.selectFrom('request_letter_templates').select((eb) => eb.fn.max('version').as('v')).where('key', '=', key).executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await db.insertInto('request_letter_templates').values({ key, version, subject, body, created_by: by }).execute();
  return version;
}
