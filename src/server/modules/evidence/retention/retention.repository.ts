import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { Keepers, Link, RetentionClassRule } from './retention.models';

// The SQL of retention: holds, review decisions, what keeps a recording or an exhibit, destruction
// records and the removal of their bytes.

const liveHold = (db: Db) => db.selectFrom('evidence_holds as h').leftJoin('evidence_hold_releases as hr', 'hr.hold_id', 'h.id').where('hr.id', 'is', null);

// ---- Holds ----

export async function insertHold(db: Db, row: { exhibit_id: string | null; recording_id: string | null; reason: string; placed_by: string; placed_at: Date }) {
  return db.insertInto('evidence_holds').values(row).returning(['id', 'placed_at']).executeTakeFirstOrThrow();
}

/** A hold, locked (so that two releases of it queue), with whether it has been released. */
export async function lockHold(db: Db, holdId: string) {
  return db.selectFrom('evidence_holds as h').leftJoin('evidence_hold_releases as hr', 'hr.hold_id', 'h.id')
    .select(['h.id', 'h.exhibit_id', 'h.recording_id', 'h.reason', 'hr.id as release_id']).where('h.id', '=', holdId).forUpdate('h').executeTakeFirst();
}

export async function insertHoldRelease(db: Db, row: { hold_id: string; released_by: string; released_at: Date; reason: string }) {
  return db.insertInto('evidence_hold_releases').values(row).returning(['id', 'released_at']).executeTakeFirstOrThrow();
}

export async function listLiveHolds(db: Db) {
  return liveHold(db).innerJoin('users as u', 'u.id', 'h.placed_by').leftJoin('exhibits as e', 'e.id', 'h.exhibit_id').leftJoin('recordings as r', 'r.id', 'h.recording_id')
    .select(['h.id', 'h.reason', 'h.placed_by', 'u.display_name as placed_by_name', 'h.placed_at', 'e.id as exhibit_id', 'e.reference as exhibit_reference', 'r.id as recording_id', 'r.original_name'])
    .orderBy('h.placed_at', 'desc').execute();
}

// ---- What keeps a recording or an exhibit ----

async function linksOf(db: Db, exhibitIds: readonly string[]): Promise<Link[]> {
  if (exhibitIds.length === 0) return [];
  const rows = await db.selectFrom('exhibit_occurrences as eo').innerJoin('occurrences as o', 'o.id', 'eo.occurrence_id')
    .select(['o.reference', 'o.status', 'o.closed_at']).where('eo.exhibit_id', 'in', exhibitIds).orderBy('o.reference').execute();
  // Requests and cases join here when they exist (kinds 'request' and 'case' in the model).
  return rows.map((r) => ({ kind: 'occurrence', reference: r.reference, open: r.status !== 'closed', closedAt: r.closed_at }));
}

/** Packages of the exhibit that hold (or will hold) its files; a failed build holds nothing. */
async function packagesOf(db: Db, exhibitId: string) {
  const rows = await db.selectFrom('evidence_package_exhibits as pe').innerJoin('evidence_packages as p', 'p.id', 'pe.package_id')
    .select('p.reference').where('pe.exhibit_id', '=', exhibitId).where('p.state', '<>', 'failed').orderBy('p.reference').execute();
  return rows.map((r) => r.reference);
}

async function holdsOn(db: Db, { exhibitId, recordingIds }: { exhibitId: string | null; recordingIds: readonly string[] }) {
  return liveHold(db).select(['h.reason']).where((eb) => eb.or([
    ...(exhibitId ? [eb('h.exhibit_id', '=', exhibitId)] : []),
    ...(recordingIds.length ? [eb('h.recording_id', 'in', recordingIds)] : []),
  ])).orderBy('h.placed_at').execute();
}

/** A recording, locked for its destruction or hold, with its exhibit. */
export async function lockRecording(db: Db, recordingId: string) {
  await db.selectFrom('recordings').select('id').where('id', '=', recordingId).forUpdate().execute();
  return db.selectFrom('recordings as r').leftJoin('exhibit_recordings as er', 'er.recording_id', 'r.id').leftJoin('exhibits as e', 'e.id', 'er.exhibit_id')
    .select(['r.id', 'r.sha256', 'r.size_bytes', 'r.original_name', 'r.retention_class', 'r.ingested_at', 'r.destroyed_at', 'e.id as exhibit_id', 'e.reference as exhibit_reference'])
    .where('r.id', '=', recordingId).executeTakeFirst();
}

export async function recordingKeepers(db: Db, r: { id: string; exhibit_id: string | null }): Promise<Keepers> {
  const [holds, packages, links] = await Promise.all([
    holdsOn(db, { exhibitId: r.exhibit_id, recordingIds: [r.id] }),
    r.exhibit_id ? packagesOf(db, r.exhibit_id) : [],
    r.exhibit_id ? linksOf(db, [r.exhibit_id]) : [],
  ]);
  return { holds, packages, links };
}

export async function listMasters(db: Db, exhibitId: string) {
  return db.selectFrom('exhibit_recordings as er').innerJoin('recordings as r', 'r.id', 'er.recording_id')
    .select(['r.id', 'r.sha256', 'r.size_bytes', 'r.original_name', 'r.destroyed_at']).where('er.exhibit_id', '=', exhibitId).orderBy('er.position').execute();
}

export async function exhibitKeepers(db: Db, exhibitId: string): Promise<Keepers> {
  const masters = await listMasters(db, exhibitId);
  const [holds, packages, links] = await Promise.all([holdsOn(db, { exhibitId, recordingIds: masters.map((m) => m.id) }), packagesOf(db, exhibitId), linksOf(db, [exhibitId])]);
  return { holds, packages, links };
}

/** Copies still being made: a destruction waits for them (they would write a file after it). */
export async function countDerivativesInProgress(db: Db, exhibitId: string) {
  const r = await db.selectFrom('exhibit_derivatives').select((eb) => eb.fn.countAll<string>().as('n')).where('exhibit_id', '=', exhibitId).where('state', 'in', ['queued', 'running']).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Done copies of the exhibit whose files are not destroyed yet. */
export async function listLiveDerivatives(db: Db, exhibitId: string) {
  return db.selectFrom('exhibit_derivatives as d').select(['d.id', 'd.reference', 'd.sha256', 'd.size_bytes']).where('d.exhibit_id', '=', exhibitId).where('d.state', '=', 'done')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('evidence_destructions as x').select('x.id').whereRef('x.derivative_id', '=', 'd.id')))).orderBy('d.reference').execute();
}

// ---- Reviews ----

export async function insertReview(db: Db, row: { exhibit_id: string; decision: 'keep' | 'destroy'; reason: string; next_review_at: Date | null; decided_by: string; decided_at: Date }) {
  return db.insertInto('exhibit_reviews').values(row).returning(['id']).executeTakeFirstOrThrow();
}

export async function findLatestReview(db: Db, exhibitId: string) {
  return db.selectFrom('exhibit_reviews as v').innerJoin('users as u', 'u.id', 'v.decided_by')
    .select(['v.id', 'v.decision', 'v.reason', 'v.next_review_at', 'v.decided_by', 'u.display_name as decided_by_name', 'v.decided_at'])
    .where('v.exhibit_id', '=', exhibitId).orderBy('v.decided_at', 'desc').orderBy('v.id', 'desc').limit(1).executeTakeFirst();
}

const latestDecision = sql<string | null>`(select v.decision from exhibit_reviews v where v.exhibit_id = e.id order by v.decided_at desc, v.id desc limit 1)`;
const latestNextReview = sql<Date | null>`(select v.next_review_at from exhibit_reviews v where v.exhibit_id = e.id order by v.decided_at desc, v.id desc limit 1)`;

/** Exhibits whose newest review decided "destroy" and that are not destroyed yet. */
export async function listExhibitsToDestroy(db: Db) {
  return db.selectFrom('exhibits as e').select(['e.id', 'e.reference']).where('e.state', '<>', 'destroyed').where(latestDecision, '=', 'destroy').orderBy('e.created_at').execute();
}

/**
 * Exhibits that may be due for review, for the pure rule to decide: not destroyed, and either made
 * at least `madeBefore` with no open link and not kept past `now` by a decision, or decided for
 * destruction and not destroyed yet (so one a hold now keeps stays in sight of its reviewers).
 */
export async function listReviewCandidates(db: Db, { madeBefore, now }: { madeBefore: Date; now: Date }) {
  const rows = await db.selectFrom('exhibits as e')
    .select(['e.id', 'e.reference', 'e.description', 'e.created_at', 'e.state'])
    .where('e.state', '<>', 'destroyed')
    .where((eb) => eb.or([
      sql<boolean>`${latestDecision} = 'destroy'`,
      eb.and([
        eb('e.created_at', '<=', madeBefore),
        eb.not(eb.exists(eb.selectFrom('exhibit_occurrences as eo').innerJoin('occurrences as o', 'o.id', 'eo.occurrence_id').select('o.id')
          .whereRef('eo.exhibit_id', '=', 'e.id').where('o.status', '<>', 'closed'))),
        sql<boolean>`coalesce(${latestNextReview}, '-infinity') <= ${now}`,
      ]),
    ]))
    .orderBy('e.created_at').execute();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [occurrences, reviews] = await Promise.all([
    db.selectFrom('exhibit_occurrences as eo').innerJoin('occurrences as o', 'o.id', 'eo.occurrence_id')
      .select(['eo.exhibit_id', 'o.id', 'o.reference', 'o.status', 'o.closed_at']).where('eo.exhibit_id', 'in', ids).orderBy('o.reference').execute(),
    db.selectFrom('exhibit_reviews as v').innerJoin('users as u', 'u.id', 'v.decided_by').distinctOn('v.exhibit_id')
      .select(['v.exhibit_id', 'v.decision', 'v.reason', 'v.next_review_at', 'v.decided_by', 'u.display_name as decided_by_name', 'v.decided_at'])
      .where('v.exhibit_id', 'in', ids).orderBy('v.exhibit_id').orderBy('v.decided_at', 'desc').orderBy('v.id', 'desc').execute(),
  ]);
  return rows.map((r) => ({ ...r, occurrences: occurrences.filter((o) => o.exhibit_id === r.id), lastReview: reviews.find((v) => v.exhibit_id === r.id) ?? null }));
}

// ---- Destruction ----

export async function insertDestruction(db: Db, row: {
  recording_id?: string; derivative_id?: string; sha256: string; size_bytes: number | string; rule: string; reason: string; destroyed_at: Date; destroyed_by: string | null; review_id?: string | null;
}) {
  return db.insertInto('evidence_destructions').values(row).returning(['id']).executeTakeFirstOrThrow();
}

export async function markRecordingDestroyed(db: Db, { recordingId, at }: { recordingId: string; at: Date }) {
  await db.updateTable('recordings').set({ destroyed_at: at }).where('id', '=', recordingId).where('destroyed_at', 'is', null).execute();
}

/** Recordings not made exhibits, not held, whose class's period ended by `now`: a page at a time. */
export async function listDueRecordings(db: Db, { classes, now, afterId, limit }: { classes: readonly RetentionClassRule[]; now: Date; afterId?: string; limit: number }) {
  if (classes.length === 0) return [];
  let q = db.selectFrom('recordings as r').select(['r.id'])
    .where('r.destroyed_at', 'is', null)
    .where((eb) => eb.or(classes.map((c) => eb.and([eb('r.retention_class', '=', c.key), eb('r.ingested_at', '<=', new Date(now.getTime() - c.days * 86_400_000))]))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('exhibit_recordings as er').select('er.recording_id').whereRef('er.recording_id', '=', 'r.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('evidence_holds as h').leftJoin('evidence_hold_releases as hr', 'hr.hold_id', 'h.id')
      .select('h.id').whereRef('h.recording_id', '=', 'r.id').where('hr.id', 'is', null))))
    .orderBy('r.id').limit(limit);
  if (afterId) q = q.where('r.id', '>', afterId);
  return q.execute();
}

/** Destruction records whose bytes are still to be removed (a run cut short, a store that refused). */
export async function listPendingRemovals(db: Db, { afterId, limit }: { afterId?: string; limit: number }) {
  let q = db.selectFrom('evidence_destructions as x').select(['x.id', 'x.sha256'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('evidence_destruction_removals as m').select('m.destruction_id').whereRef('m.destruction_id', '=', 'x.id'))))
    .orderBy('x.id').limit(limit);
  if (afterId) q = q.where('x.id', '>', afterId);
  return q.execute();
}

/** Whether any record still kept needs these bytes: a live recording, a live copy, a package, a signature. */
export async function isObjectInUse(db: Db, sha256: string) {
  const r = await sql<{ used: boolean }>`select
      exists (select 1 from recordings where sha256 = ${sha256} and destroyed_at is null)
   or exists (select 1 from exhibit_derivatives d where d.sha256 = ${sha256} and d.state = 'done'
                and not exists (select 1 from evidence_destructions x where x.derivative_id = d.id))
   or exists (select 1 from evidence_packages where sha256 = ${sha256})
   or exists (select 1 from continuity_events where details->>'signatureSha256' = ${sha256}) as used`.execute(db);
  return r.rows[0].used;
}

export async function insertRemoval(db: Db, row: { destruction_id: string; outcome: 'removed' | 'in_use'; at: Date }) {
  await db.insertInto('evidence_destruction_removals').values(row).onConflict((oc) => oc.column('destruction_id').doNothing()).execute();
}

export async function listDestructions(db: Db, { offset, limit }: { offset: number; limit: number }) {
  const base = db.selectFrom('evidence_destructions as x');
  const [rows, total] = await Promise.all([
    base.leftJoin('recordings as r', 'r.id', 'x.recording_id').leftJoin('exhibit_derivatives as d', 'd.id', 'x.derivative_id')
      .leftJoin('exhibit_recordings as er', 'er.recording_id', 'x.recording_id')
      .leftJoin('exhibits as e', (j) => j.on(sql<boolean>`e.id = coalesce(er.exhibit_id, d.exhibit_id)`))
      .leftJoin('users as u', 'u.id', 'x.destroyed_by').leftJoin('evidence_destruction_removals as m', 'm.destruction_id', 'x.id')
      .select(['x.id', 'x.recording_id', 'x.sha256', 'x.size_bytes', 'x.rule', 'x.reason', 'x.destroyed_at', 'x.destroyed_by', 'u.display_name as destroyed_by_name',
        'r.original_name', 'd.reference as derivative_reference', 'e.id as exhibit_id', 'e.reference as exhibit_reference', 'm.outcome'])
      .orderBy('x.destroyed_at', 'desc').orderBy('x.id').offset(offset).limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The classes live recordings are in (a class in use cannot be removed). */
export async function listClassesInUse(db: Db) {
  return (await db.selectFrom('recordings').select('retention_class').distinct().where('destroyed_at', 'is', null).execute()).map((r) => r.retention_class);
}

export async function setRecordingClass(db: Db, { recordingId, retentionClass }: { recordingId: string; retentionClass: string }) {
  await db.updateTable('recordings').set({ retention_class: retentionClass }).where('id', '=', recordingId).execute();
}
