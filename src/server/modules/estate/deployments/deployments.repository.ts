import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { MobileDeploymentEvents, MobileDeployments } from '../../../platform/db/db.types';
import type { DeploymentEventKind } from '../../../../domain/estate/deployments';

// The deployments' SQL. Days are read as text (YYYY-MM-DD) so that no time zone ever shifts them.

export async function nextDeploymentNumber(db: Db): Promise<number> {
  const { rows } = await sql<{ n: string }>`select nextval('mobile_deployments_number_seq') as n`.execute(db);
  return Number(rows[0].n);
}

export const insertDeployment = (db: Db, row: Insertable<MobileDeployments>) =>
  db.insertInto('mobile_deployments').values(row).returning(['id', 'reference']).executeTakeFirstOrThrow();

export const insertEvent = (db: Db, row: Omit<Insertable<MobileDeploymentEvents>, 'seq'> & { seq: number }) =>
  db.insertInto('mobile_deployment_events').values(row).returning(['id', 'seq', 'at']).executeTakeFirstOrThrow();

export interface DeploymentRow {
  id: string; reference: string; location_text: string; latitude: number; longitude: number; problem: string; evidence: unknown;
  proposed_days: number; alternatives: string; dpia_reference: string; requested_by: string; requested_by_name: string; requested_at: Date;
  last_kind: DeploymentEventKind; last_seq: number; last_on_day: string | null; approved_on: string | null;
  camera_id: string | null; camera_reference: string | null; camera_name: string | null; deployed_on: string | null; review_period_days: number | null;
  removed_on: string | null; review_due_on: string | null;
  /** The last review found the camera no longer necessary or proportionate: it is to come down. */
  removal_due: boolean;
}

/** Every deployment with where its history stands: its newest step, its camera and days, its next review. */
function summaries(db: Db, { where, lock = false }: { where: ReturnType<typeof sql>; lock?: boolean }) {
  return sql<DeploymentRow>`
    select d.id, d.reference, d.location_text, d.latitude, d.longitude, d.problem, d.evidence, d.proposed_days, d.alternatives, d.dpia_reference,
      d.requested_by, u.display_name as requested_by_name, d.requested_at,
      last.kind as last_kind, last.seq as last_seq, last.on_day::text as last_on_day, (appr.at at time zone 'Europe/London')::date::text as approved_on,
      dep.camera_id, cam.reference as camera_reference, cam.name as camera_name, dep.on_day::text as deployed_on, dep.review_period_days,
      rem.on_day::text as removed_on, case when last.kind in ('deployed', 'reviewed') then last.review_due_on::text end as review_due_on,
      coalesce(last.kind = 'reviewed' and not (last.is_necessary and last.is_proportionate), false) as removal_due
    from mobile_deployments d
    join users u on u.id = d.requested_by
    join lateral (select kind, seq, on_day, review_due_on, is_necessary, is_proportionate from mobile_deployment_events e where e.deployment_id = d.id order by seq desc limit 1) last on true
    left join lateral (select at from mobile_deployment_events e where e.deployment_id = d.id and e.kind = 'approved') appr on true
    left join lateral (select camera_id, on_day, review_period_days from mobile_deployment_events e where e.deployment_id = d.id and e.kind = 'deployed') dep on true
    left join cameras cam on cam.id = dep.camera_id
    left join lateral (select on_day from mobile_deployment_events e where e.deployment_id = d.id and e.kind = 'removed') rem on true
    where ${where}
    order by d.requested_at desc, d.reference desc
    ${lock ? sql`for update of d` : sql``}`.execute(db).then((r) => r.rows);
}

const STATE_KINDS: Record<string, DeploymentEventKind[]> = {
  requested: ['requested'], approved: ['approved'], refused: ['refused'], withdrawn: ['withdrawn'], deployed: ['deployed', 'reviewed'], removed: ['removed'],
};

export const listDeployments = (db: Db, { state }: { state?: string } = {}) =>
  summaries(db, { where: state ? sql`last.kind in (${sql.join(STATE_KINDS[state].map((k) => sql.lit(k)))})` : sql`true` });

/** Deployed cameras whose next review is on or before `until` (a London day), soonest first; with `removals`, also those a review found no longer justified, first of all. */
export const listReviewsDueBy = (db: Db, { until, removals = false }: { until: string; removals?: boolean }) =>
  summaries(db, { where: sql`last.kind in ('deployed', 'reviewed') and (${removals ? sql`(last.kind = 'reviewed' and not (last.is_necessary and last.is_proportionate)) or ` : sql``}last.review_due_on <= ${until}::date)` })
    .then((rows) => rows.sort((a, b) => Number(b.removal_due) - Number(a.removal_due) || (a.review_due_on! < b.review_due_on! ? -1 : a.review_due_on! > b.review_due_on! ? 1 : 0)));

export const findDeployment = (db: Db, id: string) => summaries(db, { where: sql`d.id = ${id}` }).then((r) => r[0]);

/** The deployment, its row locked until the transaction ends: its steps are taken one at a time. */
export const lockDeployment = (db: Db, id: string) => summaries(db, { where: sql`d.id = ${id}`, lock: true }).then((r) => r[0]);

export async function listEvents(db: Db, deploymentId: string) {
  const { rows } = await sql<{
    seq: number; kind: DeploymentEventKind; at: Date; by_user_id: string; by_name: string; reason: string | null; on_day: string | null;
    camera_id: string | null; camera_reference: string | null; camera_name: string | null; signage_photo_sha256: string | null;
    review_period_days: number | null; is_necessary: boolean | null; is_proportionate: boolean | null; review_due_on: string | null;
  }>`
    select e.seq, e.kind, e.at, e.by_user_id, u.display_name as by_name, e.reason, e.on_day::text as on_day, e.camera_id, c.reference as camera_reference,
      c.name as camera_name, e.signage_photo_sha256, e.review_period_days, e.is_necessary, e.is_proportionate, e.review_due_on::text as review_due_on
    from mobile_deployment_events e join users u on u.id = e.by_user_id left join cameras c on c.id = e.camera_id
    where e.deployment_id = ${deploymentId} order by e.seq`.execute(db);
  return rows;
}

/** The signage photo of a deployment (its deployed step's), if it has one. */
export const findSignagePhoto = (db: Db, deploymentId: string) =>
  db.selectFrom('mobile_deployment_events').select(['signage_photo_sha256', 'signage_photo_type'])
    .where('deployment_id', '=', deploymentId).where('kind', '=', 'deployed').executeTakeFirst();

/** The camera, locked for the deployment's transaction (so two deployments cannot take it at once). */
export const lockCamera = (db: Db, id: string) =>
  db.selectFrom('cameras').select(['id', 'reference', 'name', 'kind', 'status', 'location_text']).where('id', '=', id).forUpdate().executeTakeFirst();

/** The deployment the camera is out on now, if any. */
export async function findCurrentDeploymentOfCamera(db: Db, cameraId: string) {
  const { rows } = await sql<{ id: string; reference: string }>`
    select d.id, d.reference from mobile_deployment_events dep
    join mobile_deployments d on d.id = dep.deployment_id
    where dep.kind = 'deployed' and dep.camera_id = ${cameraId}
      and not exists (select 1 from mobile_deployment_events r where r.deployment_id = dep.deployment_id and r.kind = 'removed')`.execute(db);
  return rows[0];
}

/** Moves the camera in the register; the register's trigger keeps the version with who, when and why. */
export const moveCamera = (db: Db, { id, set, by, at, reason }: {
  id: string; set: { latitude?: number; longitude?: number; location_text?: string; status: 'operational' | 'out_of_service' }; by: string; at: Date; reason: string;
}) => db.updateTable('cameras').set({ ...set, updated_by: by, changed_at: at, change_reason: reason }).where('id', '=', id).execute();

/** Every mobile camera in the register (decommissioned ones too: they have a history) with its deployments. */
export async function listMobileCameraDeployments(db: Db) {
  const { rows } = await sql<{
    camera_id: string; camera_reference: string; camera_name: string; deployment_id: string | null; reference: string | null;
    location_text: string | null; latitude: number | null; longitude: number | null; from_day: string | null; to_day: string | null;
  }>`
    select c.id as camera_id, c.reference as camera_reference, c.name as camera_name, d.id as deployment_id, d.reference, d.location_text, d.latitude, d.longitude,
      dep.on_day::text as from_day, rem.on_day::text as to_day
    from cameras c
    left join mobile_deployment_events dep on dep.camera_id = c.id and dep.kind = 'deployed'
    left join mobile_deployments d on d.id = dep.deployment_id
    left join mobile_deployment_events rem on rem.deployment_id = dep.deployment_id and rem.kind = 'removed'
    where c.kind = 'mobile'
    order by c.reference, dep.on_day, dep.seq`.execute(db);
  return rows;
}

/** Coordinators to tell: active users with the coordinator role and an e-mail address. */
export const listCoordinatorEmails = (db: Db) =>
  db.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.email', 'users.display_name']).distinct()
    .where('user_roles.role', '=', 'coordinator').where('users.is_active', '=', true).where('users.email', 'is not', null).where('users.email', '!=', '')
    .orderBy('users.email').execute() as Promise<{ email: string; display_name: string }[]>;

// ---- Reminders of overdue reviews ----

/** Claims a reminder for each (deployment, due date) given; one already claimed stays as it is. */
export async function claimReminders(db: Db, items: { deploymentId: string; dueOn: string }[], now: Date) {
  if (!items.length) return;
  await db.insertInto('deployment_review_reminders')
    .values(items.map((i) => ({ deployment_id: i.deploymentId, due_on: i.dueOn, created_at: now, next_attempt_at: now })))
    .onConflict((oc) => oc.columns(['deployment_id', 'due_on']).doNothing()).execute();
}

/** Reminders not yet sent whose time has come, locked for this worker (another skips them). */
export async function lockRemindersToSend(db: Db, { now, limit }: { now: Date; limit: number }) {
  const { rows } = await sql<{ deployment_id: string; due_on: string; attempts: number }>`
    select deployment_id, due_on::text as due_on, attempts from deployment_review_reminders
    where sent_at is null and next_attempt_at <= ${now} order by next_attempt_at limit ${limit} for update skip locked`.execute(db);
  return rows;
}

export const markReminderSent = (db: Db, { deploymentId, dueOn, recipients, at }: { deploymentId: string; dueOn: string; recipients: string[]; at: Date }) =>
  db.updateTable('deployment_review_reminders').set({ sent_at: at, recipients, attempts: sql`attempts + 1`, last_error: null })
    .where('deployment_id', '=', deploymentId).where('due_on', '=', sql<Date>`${dueOn}::date`).execute();

export const markReminderFailed = (db: Db, { deploymentId, dueOn, error, retryAt }: { deploymentId: string; dueOn: string; error: string; retryAt: Date }) =>
  db.updateTable('deployment_review_reminders').set({ attempts: sql`attempts + 1`, last_error: error.slice(0, 1000), next_attempt_at: retryAt })
    .where('deployment_id', '=', deploymentId).where('due_on', '=', sql<Date>`${dueOn}::date`).execute();

/** Mobile cameras for the demo (in store, out of service until deployed); those already registered are left as they are. */
export async function insertMobileCameras(db: Db, cameras: { reference: string; name: string; location_text: string; latitude: number; longitude: number }[]) {
  await db.insertInto('cameras').values(cameras.map((c) => ({ ...c, kind: 'mobile' as const, status: 'out_of_service' as const, purpose: 'Redeployable camera for problems the Code of Practice justifies', change_reason: 'registered' })))
    .onConflict((oc) => oc.column('reference').doNothing()).execute();
  return db.selectFrom('cameras').select(['id', 'reference']).where('reference', 'in', cameras.map((c) => c.reference)).where('kind', '=', 'mobile').execute();
}
