import { sql, type SqlBool } from 'kysely';
import { PREPARE, type Db } from '../../platform/db/db';
import { auditInsert, type AuditEvent } from '../../platform/audit/audit';
import type { Agency, EntryKind, OccurrenceOutcome, OccurrencePriority, OccurrenceSource } from '../../platform/db/db';

// SQL for the occurrence log. Nothing else.

/** Gap-free: the counter row is locked until the creating transaction ends, and rolls back with it. */
export async function takeNextNumber(db: Db, year: number): Promise<number> {
  const r = await sql<{ last_number: number }>`
    insert into occurrence_counters (year, last_number) values (${year}, 1)
    on conflict (year) do update set last_number = occurrence_counters.last_number + 1
    returning last_number`.execute(db);
  return r.rows[0].last_number;
}

export async function findCategory(db: Db, id: string) {
  return db.selectFrom('occurrence_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCategories(db: Db) {
  return db.selectFrom('occurrence_categories').selectAll().orderBy('sort_order').orderBy('name').execute();
}

export async function insertOccurrence(db: Db, o: {
  reference: string; year: number; number: number; openedAt: Date; openedBy: string; source: OccurrenceSource; categoryId: string;
  priority: OccurrencePriority; summary: string; locationText: string; latitude: number | null; longitude: number | null; procedureVersionId: string | null;
}) {
  return db.insertInto('occurrences').values({
    reference: o.reference, year: o.year, number: o.number, opened_at: o.openedAt, opened_by: o.openedBy, source: o.source,
    category_id: o.categoryId, priority: o.priority, summary: o.summary, location_text: o.locationText, latitude: o.latitude, longitude: o.longitude,
    procedure_version_id: o.procedureVersionId, last_entry_seq: 1, // the 'opened' entry, written with it
  }).returning(['id', 'reference']).executeTakeFirstOrThrow();
}

/** Locks the occurrence row for the rest of the transaction: entries get consecutive seq numbers. */
export async function lockOccurrence(db: Db, id: string) {
  return db.selectFrom('occurrences').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Advances the occurrence's entry counter (which also locks its row) and gives the next seq. */
export async function nextEntrySeq(db: Db, occurrenceId: string): Promise<number> {
  const r = await db.updateTable('occurrences').set((eb) => ({ last_entry_seq: eb('last_entry_seq', '+', 1) }))
    .where('id', '=', occurrenceId).returning('last_entry_seq').executeTakeFirstOrThrow();
  return r.last_entry_seq;
}

export interface NewEntry {
  occurrenceId: string; seq: number; kind: EntryKind; body?: string; observedAt?: Date | null; recordedAt: Date; authorId: string | null;
  amendsId?: string | null; reason?: string | null; agency?: Agency | null; agencyReference?: string | null; notifiedAt?: Date | null;
  cameraId?: string | null; footageFrom?: Date | null; footageTo?: Date | null; procedureStepId?: string | null; outcome?: string | null;
}

function entryRow(e: Omit<NewEntry, 'seq'>) {
  return {
    occurrence_id: e.occurrenceId, kind: e.kind, body: e.body ?? '', observed_at: e.observedAt ?? null, recorded_at: e.recordedAt,
    author_id: e.authorId, amends_id: e.amendsId ?? null, reason: e.reason ?? null, agency: e.agency ?? null, agency_reference: e.agencyReference ?? null,
    notified_at: e.notifiedAt ?? null, camera_id: e.cameraId ?? null, footage_from: e.footageFrom ?? null, footage_to: e.footageTo ?? null,
    procedure_step_id: e.procedureStepId ?? null, outcome: e.outcome ?? null,
  };
}

export async function insertEntry(db: Db, e: NewEntry) {
  return db.insertInto('occurrence_entries').values({ ...entryRow(e), seq: e.seq }).returning(['id', 'seq']).executeTakeFirstOrThrow();
}

/**
 * Appends an entry to an open occurrence, with its audit event, in one statement: advancing the
 * counter locks the row and numbers the entry (re-checked against the newest row version if another
 * writer got there first, so a concurrent close is seen). Nothing is written, and undefined is
 * returned, when the occurrence is missing or closed.
 */
export async function appendEntry(db: Db, e: Omit<NewEntry, 'seq'> & { id: string }, audit: AuditEvent) {
  const r = entryRow(e);
  const { rows } = await sql<{ id: string; seq: number }>`${sql.raw(PREPARE)}
    with occ as (
      update occurrences set last_entry_seq = last_entry_seq + 1
       where id = ${e.occurrenceId} and status = 'open'
       returning id, last_entry_seq
    ), entry as (
      insert into occurrence_entries (id, occurrence_id, seq, kind, body, observed_at, recorded_at, author_id, amends_id, reason,
                                      agency, agency_reference, notified_at, camera_id, footage_from, footage_to, procedure_step_id, outcome)
      select ${e.id}::uuid, occ.id, occ.last_entry_seq, ${r.kind}, ${r.body}, ${r.observed_at}::timestamptz, ${r.recorded_at}::timestamptz,
             ${r.author_id}::uuid, ${r.amends_id}::uuid, ${r.reason}, ${r.agency}, ${r.agency_reference}, ${r.notified_at}::timestamptz,
             ${r.camera_id}::uuid, ${r.footage_from}::timestamptz, ${r.footage_to}::timestamptz, ${r.procedure_step_id}::uuid, ${r.outcome}
        from occ
      returning id, seq
    ), audited as (
      ${auditInsert(audit, sql`exists (select 1 from entry)`)}
    )
    select id, seq from entry`.execute(db);
  return rows[0];
}

/** What never changes about an occurrence once opened, cached so that a plain entry is one round trip. */
export interface OccurrenceHeader { id: string; reference: string; opened_at: Date }
const headers = new Map<string, OccurrenceHeader>();
export async function findHeader(db: Db, id: string): Promise<OccurrenceHeader | undefined> {
  const cached = headers.get(id);
  if (cached) return cached;
  const row = await db.selectFrom('occurrences').select(['id', 'reference', 'opened_at']).where('id', '=', id).executeTakeFirst();
  if (row) {
    if (headers.size >= 10_000) headers.delete(headers.keys().next().value!); // the oldest first
    headers.set(id, row);
  }
  return row;
}

export async function findEntry(db: Db, { occurrenceId, entryId }: { occurrenceId: string; entryId: string }) {
  return db.selectFrom('occurrence_entries').selectAll().where('id', '=', entryId).where('occurrence_id', '=', occurrenceId).executeTakeFirst();
}

export async function addCameras(db: Db, { occurrenceId, cameraIds, by, at }: { occurrenceId: string; cameraIds: string[]; by: string; at: Date }) {
  if (!cameraIds.length) return [];
  return db.insertInto('occurrence_cameras').values(cameraIds.map((camera_id) => ({ occurrence_id: occurrenceId, camera_id, added_by: by, added_at: at })))
    .onConflict((oc) => oc.doNothing()).returning('camera_id').execute();
}

export async function setClosed(db: Db, { id, outcome, at, by }: { id: string; outcome: OccurrenceOutcome; at: Date; by: string }) {
  await db.updateTable('occurrences').set({ status: 'closed', outcome, closed_at: at, closed_by: by, updated_at: at }).where('id', '=', id).execute();
}

export async function setReopened(db: Db, { id, at }: { id: string; at: Date }) {
  await db.updateTable('occurrences').set({ status: 'open', outcome: null, closed_at: null, closed_by: null, updated_at: at }).where('id', '=', id).execute();
}

/** An occurrence with the names people see, if the viewer may see it (external: only if shared). */
export async function findOccurrence(db: Db, { id, organisationId }: { id: string; organisationId?: string }) {
  let q = db.selectFrom('occurrences as o')
    .innerJoin('occurrence_categories as c', 'c.id', 'o.category_id')
    .innerJoin('users as u', 'u.id', 'o.opened_by')
    .leftJoin('users as cu', 'cu.id', 'o.closed_by')
    .selectAll('o')
    .select(['c.key as category_key', 'c.name as category_name', 'u.display_name as opened_by_name', 'cu.display_name as closed_by_name'])
    .where('o.id', '=', id);
  if (organisationId) q = q.where(isSharedWith(organisationId));
  return q.executeTakeFirst();
}

export async function findOccurrenceIdByReference(db: Db, reference: string) {
  return (await db.selectFrom('occurrences').select('id').where('reference', '=', reference).executeTakeFirst())?.id;
}

export async function listEntries(db: Db, occurrenceId: string) {
  return db.selectFrom('occurrence_entries as e')
    .leftJoin('users as u', 'u.id', 'e.author_id')
    .leftJoin('cameras as cam', 'cam.id', 'e.camera_id')
    .leftJoin('procedure_steps as ps', 'ps.id', 'e.procedure_step_id')
    .selectAll('e')
    .select(['u.display_name as author_name', 'cam.reference as camera_reference', 'cam.name as camera_name', 'ps.text as step_text'])
    .where('e.occurrence_id', '=', occurrenceId)
    .orderBy('e.seq')
    .execute();
}

export async function listOccurrenceCameras(db: Db, occurrenceId: string) {
  return db.selectFrom('occurrence_cameras as oc').innerJoin('cameras as c', 'c.id', 'oc.camera_id')
    .select(['c.id', 'c.reference', 'c.name', 'c.latitude', 'c.longitude', 'oc.added_at'])
    .where('oc.occurrence_id', '=', occurrenceId).orderBy('c.reference').execute();
}

/** A category's newest procedure version: the one new occurrences follow. Undefined while it has none. */
export async function findCurrentVersion(db: Db, categoryId: string) {
  return db.selectFrom('procedure_versions').selectAll().where('category_id', '=', categoryId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function findVersion(db: Db, id: string) {
  return db.selectFrom('procedure_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One version's steps in order (none for an occurrence opened when its category had no procedure). */
export async function listVersionSteps(db: Db, versionId: string | null) {
  if (!versionId) return [];
  return db.selectFrom('procedure_steps').selectAll().where('version_id', '=', versionId).orderBy('position').execute();
}

/** Every category's versions, newest first, with who made each and how many steps it has: the administrators' history. */
export async function listVersions(db: Db, { categoryId }: { categoryId?: string } = {}) {
  let q = db.selectFrom('procedure_versions as v').leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.id', 'v.category_id', 'v.version', 'v.created_at', 'u.display_name as created_by_name'])
    .select((eb) => [
      eb.selectFrom('procedure_steps as s').whereRef('s.version_id', '=', 'v.id').select(sql<number>`count(*)::int`.as('n')).as('step_count'),
      eb.selectFrom('procedure_steps as s').whereRef('s.version_id', '=', 'v.id').where('s.is_required', '=', true).select(sql<number>`count(*)::int`.as('n')).as('required_count'),
    ])
    .orderBy('v.category_id').orderBy('v.version', 'desc');
  if (categoryId) q = q.where('v.category_id', '=', categoryId);
  return q.execute();
}

/** Every category's newest steps, for the administrators' page. */
export async function listAllCurrentSteps(db: Db) {
  return db.selectFrom('procedure_steps as s')
    .where(sql<boolean>`s.version_id = (select v.id from procedure_versions v where v.category_id = s.category_id order by v.version desc limit 1)`)
    .selectAll('s').orderBy('s.category_id').orderBy('s.position').execute();
}

/** Locks the category row: edits to one category's procedure take their version numbers in turn. */
export async function lockCategory(db: Db, id: string) {
  return db.selectFrom('occurrence_categories').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Adds a version with its steps; nothing earlier is touched, so occurrences opened under an earlier
 * version keep its steps and their ticks. Callers hold the category's lock (lockCategory).
 */
export async function insertVersion(db: Db, { categoryId, version, steps, by, at }: {
  categoryId: string; version: number; steps: { text: string; isRequired: boolean }[]; by: string | null; at: Date;
}) {
  const v = await db.insertInto('procedure_versions').values({ category_id: categoryId, version, created_by: by, created_at: at }).returningAll().executeTakeFirstOrThrow();
  if (steps.length) {
    await db.insertInto('procedure_steps').values(steps.map((s, i) => ({
      version_id: v.id, category_id: categoryId, position: i + 1, text: s.text, is_required: s.isRequired, created_by: by, created_at: at,
    }))).execute();
  }
  return v;
}

export async function insertPersonalData(db: Db, p: { occurrenceId: string; entryId: string | null; name: string | null; details: string | null; at: Date; by: string }) {
  return db.insertInto('occurrence_personal_data').values({ occurrence_id: p.occurrenceId, entry_id: p.entryId, name: p.name, details: p.details, recorded_at: p.at, recorded_by: p.by })
    .returning('id').executeTakeFirstOrThrow();
}

export async function listPersonalData(db: Db, occurrenceId: string) {
  return db.selectFrom('occurrence_personal_data as p').innerJoin('users as u', 'u.id', 'p.recorded_by')
    .selectAll('p').select('u.display_name as recorded_by_name')
    .where('p.occurrence_id', '=', occurrenceId).orderBy('p.recorded_at').execute();
}

/** How many items of personal data are live, and how many of those are flagged for review (and since when). */
export async function summarisePersonalData(db: Db, occurrenceId: string) {
  const r = await db.selectFrom('occurrence_personal_data').where('occurrence_id', '=', occurrenceId).where('removed_at', 'is', null)
    .select([sql<string>`count(*)`.as('n'), sql<string>`count(flagged_for_review_at)`.as('flagged'), sql<Date | null>`min(flagged_for_review_at)`.as('first_flagged_at')])
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), flagged: Number(r.flagged), firstFlaggedAt: r.first_flagged_at };
}

/**
 * Whether the occurrence aliased `o` is shared with the organisation now: a share that no
 * withdrawal has ended (both are append-only; migration 0009).
 */
export const isSharedWith = (organisationId: string) => sql<SqlBool>`exists (select 1 from occurrence_shares s
  where s.occurrence_id = o.id and s.organisation_id = ${organisationId}
    and not exists (select 1 from occurrence_share_withdrawals w where w.share_id = s.id))`;

const liveShares = (db: Db) => db.selectFrom('occurrence_shares as s')
  .where(({ not, exists, selectFrom }) => not(exists(selectFrom('occurrence_share_withdrawals as w').select('w.id').whereRef('w.share_id', '=', 's.id'))));

/** Shares it, unless it is shared with that organisation already (callers hold the occurrence's lock). */
export async function shareOccurrence(db: Db, { occurrenceId, organisationId, by, at }: { occurrenceId: string; organisationId: string; by: string; at: Date }) {
  if (await findLiveShare(db, { occurrenceId, organisationId })) return;
  await db.insertInto('occurrence_shares').values({ occurrence_id: occurrenceId, organisation_id: organisationId, shared_by: by, shared_at: at }).execute();
}

export async function findLiveShare(db: Db, { occurrenceId, organisationId }: { occurrenceId: string; organisationId: string }) {
  return liveShares(db).innerJoin('organisations as o', 'o.id', 's.organisation_id').select(['s.id', 's.shared_at', 'o.name as organisation_name'])
    .where('s.occurrence_id', '=', occurrenceId).where('s.organisation_id', '=', organisationId).executeTakeFirst();
}

export async function insertShareWithdrawal(db: Db, w: { shareId: string; at: Date; by: string; reason: string }) {
  return db.insertInto('occurrence_share_withdrawals').values({ share_id: w.shareId, withdrawn_at: w.at, withdrawn_by: w.by, reason: w.reason }).returning('id').executeTakeFirstOrThrow();
}

/** The organisations it is shared with now. */
export async function listShares(db: Db, occurrenceId: string) {
  return liveShares(db).innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['o.id', 'o.name', 's.shared_at']).where('s.occurrence_id', '=', occurrenceId).orderBy('s.shared_at').execute();
}

/** When each of these occurrences was shared with the organisation (its live share). */
export async function listShareDates(db: Db, { organisationId, occurrenceIds }: { organisationId: string; occurrenceIds: string[] }) {
  if (!occurrenceIds.length) return new Map<string, Date>();
  const rows = await liveShares(db).select(['s.occurrence_id', 's.shared_at']).where('s.organisation_id', '=', organisationId).where('s.occurrence_id', 'in', occurrenceIds).execute();
  return new Map(rows.map((r) => [r.occurrence_id, r.shared_at]));
}

export async function insertSupervisorAlert(db: Db, a: { kind: string; occurrenceId: string | null; message: string; at: Date; by: string | null }) {
  return db.insertInto('supervisor_alerts').values({ kind: a.kind, occurrence_id: a.occurrenceId, message: a.message, created_at: a.at, created_by: a.by }).returning('id').executeTakeFirstOrThrow();
}

/** Partner organisations (police, insurers, contractors) an occurrence can be shared with. */
/** Partner agencies an occurrence can be shared with: external organisations, not the maintenance contractor. */
export async function listPartners(db: Db) {
  return db.selectFrom('organisations').select(['id', 'name', 'kind']).where('is_external', '=', true).where('kind', '!=', 'contractor').orderBy('name').execute();
}

export async function findOrganisation(db: Db, id: string) {
  return db.selectFrom('organisations').select(['id', 'name', 'kind', 'is_external']).where('id', '=', id).executeTakeFirst();
}

const activeHold = sql<boolean>`exists (select 1 from occurrence_holds h where h.occurrence_id = p.occurrence_id and h.released_at is null)`;

/** Flags every live, unflagged item recorded at or before `before` for review, in one statement; gives the count. */
export async function flagPersonalDataRecordedBefore(db: Db, { before, at }: { before: Date; at: Date }) {
  const r = await db.updateTable('occurrence_personal_data').set({ flagged_for_review_at: at })
    .where('removed_at', 'is', null).where('flagged_for_review_at', 'is', null).where('recorded_at', '<=', before).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Live, unheld personal data recorded at or before `before`, oldest first, a page at a time: `afterId`
 * (the last row of the previous page) moves on, so that a row that could not be removed is not
 * fetched again in the same run.
 */
export async function listRemovablePersonalData(db: Db, { before, afterId, limit }: { before: Date; afterId?: string; limit: number }) {
  let q = db.selectFrom('occurrence_personal_data as p').select(['p.id', 'p.occurrence_id', 'p.recorded_at'])
    .where('p.removed_at', 'is', null).where('p.recorded_at', '<=', before).where(sql<boolean>`not ${activeHold}`);
  // Compared with the stored row, not a JavaScript Date (which would drop the microseconds).
  if (afterId) q = q.where(sql<boolean>`(p.recorded_at, p.id) > (select a.recorded_at, a.id from occurrence_personal_data a where a.id = ${afterId})`);
  return q.orderBy('p.recorded_at').orderBy('p.id').limit(limit).execute();
}

/** Live personal data recorded at or before `before` that a hold (evidence, a request) keeps. */
export async function countHeldPersonalData(db: Db, { before }: { before: Date }) {
  const r = await db.selectFrom('occurrence_personal_data as p').select(sql<string>`count(*)`.as('n'))
    .where('p.removed_at', 'is', null).where('p.recorded_at', '<=', before).where(activeHold).executeTakeFirstOrThrow();
  return Number(r.n);
}

const flaggedLive = (db: Db) => db.selectFrom('occurrence_personal_data as p').where('p.removed_at', 'is', null).where('p.flagged_for_review_at', 'is not', null);

/** Flagged items not yet removed, oldest first, with whether a hold keeps them. Never the name or details. */
export async function listPersonalDataForReview(db: Db, { limit }: { limit: number }) {
  const [items, total] = await Promise.all([
    flaggedLive(db).innerJoin('occurrences as o', 'o.id', 'p.occurrence_id')
      .select(['p.id', 'p.occurrence_id', 'o.reference', 'p.recorded_at', 'p.flagged_for_review_at', activeHold.as('held')])
      .orderBy('p.recorded_at').orderBy('p.id').limit(limit).execute(),
    flaggedLive(db).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** One item of an occurrence's personal data, without its name or details. */
export async function findPersonalData(db: Db, { occurrenceId, id }: { occurrenceId: string; id: string }) {
  return db.selectFrom('occurrence_personal_data as p').select(['p.id', 'p.occurrence_id', 'p.recorded_at', 'p.removed_at', activeHold.as('held')])
    .where('p.occurrence_id', '=', occurrenceId).where('p.id', '=', id).executeTakeFirst();
}

/**
 * Blanks one item unless it is already removed or a hold keeps it, re-checked in this statement;
 * true when it did. Callers lock the occurrence first: placing a hold takes a key-share lock on the
 * occurrence (its foreign key), so a hold being placed either commits before this sees it or waits.
 */
export async function removePersonalData(db: Db, { id, at, reason }: { id: string; at: Date; reason: string }) {
  const r = await db.updateTable('occurrence_personal_data as p').set({ name: null, details: null, removed_at: at, removal_reason: reason })
    .where('p.id', '=', id).where('p.removed_at', 'is', null).where(sql<boolean>`not ${activeHold}`).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function getNumberSetting(db: Db, key: string, fallback: number) {
  const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  const n = Number(r?.value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export async function insertCategory(db: Db, c: { key: string; name: string; sortOrder: number }) {
  return db.insertInto('occurrence_categories').values({ key: c.key, name: c.name, sort_order: c.sortOrder }).returning('id').executeTakeFirstOrThrow();
}

export async function updateCategory(db: Db, id: string, patch: { name?: string; is_active?: boolean }) {
  await db.updateTable('occurrence_categories').set(patch).where('id', '=', id).execute();
}

export async function findCategoryByKey(db: Db, key: string) {
  return db.selectFrom('occurrence_categories').selectAll().where('key', '=', key).executeTakeFirst();
}

/** The roles of the people named, by user id (a partner's view shows roles, not names). */
export async function listUserRoles(db: Db, userIds: string[]) {
  const rows = userIds.length ? await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', [...new Set(userIds)]).orderBy('role').execute() : [];
  const byUser = new Map<string, string[]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.role]);
  return byUser;
}
