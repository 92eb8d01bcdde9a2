import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';

// The SQL of disclosure packages, their releases to partner organisations and witness statements.

export async function nextPackageReference(db: Db, { year }: { year: number }) {
  const r = await db.insertInto('evidence_package_counters').values({ year, last_number: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_number: eb('evidence_package_counters.last_number', '+', 1) })))
    .returning('last_number').executeTakeFirstOrThrow();
  return `PKG-${year}-${String(r.last_number).padStart(6, '0')}`;
}

export async function insertPackage(db: Db, row: {
  reference: string; recipient_organisation_id: string | null; recipient_name: string; purpose: string; include_masters: boolean; requested_by: string; requested_at: Date;
}, { exhibitIds, derivativeIds }: { exhibitIds: readonly string[]; derivativeIds: readonly string[] | null }) {
  const pkg = await db.insertInto('evidence_packages').values(row).returning(['id', 'reference']).executeTakeFirstOrThrow();
  await db.insertInto('evidence_package_exhibits').values(exhibitIds.map((exhibit_id, i) => ({ package_id: pkg.id, exhibit_id, position: i + 1 }))).execute();
  if (derivativeIds) await db.insertInto('evidence_package_derivatives').values(derivativeIds.map((derivative_id) => ({ package_id: pkg.id, derivative_id }))).execute();
  return pkg;
}

export async function claimPackage(db: Db, { id, now, staleAfterMs }: { id: string; now: Date; staleAfterMs: number }) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('evidence_packages').selectAll().where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
    if (!row) return undefined;
    const stale = row.state === 'running' && (row.heartbeat_at?.getTime() ?? 0) < now.getTime() - staleAfterMs;
    if (row.state !== 'queued' && !stale) return undefined;
    return trx.updateTable('evidence_packages').set({ state: 'running', progress: 0, heartbeat_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  });
}

export async function reportPackageProgress(db: Db, { id, progress, now }: { id: string; progress: number; now: Date }) {
  await db.updateTable('evidence_packages').set({ progress: Math.max(0, Math.min(1, progress)), heartbeat_at: now }).where('id', '=', id).where('state', '=', 'running').execute();
}

export async function completePackage(db: Db, { id, sha256, sizeBytes, manifestSha256, signingKeyId, at }: { id: string; sha256: string; sizeBytes: number; manifestSha256: string; signingKeyId: string; at: Date }) {
  return db.updateTable('evidence_packages').set({ state: 'done', progress: 1, sha256, size_bytes: sizeBytes, manifest_sha256: manifestSha256, signing_key_id: signingKeyId, completed_at: at })
    .where('id', '=', id).where('state', '=', 'running').returning(['id', 'reference']).executeTakeFirst();
}

export async function failPackage(db: Db, { id, failure, at }: { id: string; failure: string; at: Date }) {
  await db.updateTable('evidence_packages').set({ state: 'failed', failure: failure.slice(0, 2000), completed_at: at }).where('id', '=', id).where('state', 'in', ['queued', 'running']).execute();
}

export async function listStrandedPackages(db: Db, { olderThan }: { olderThan: Date }) {
  return (await db.selectFrom('evidence_packages').select('id')
    .where((eb) => eb.or([eb.and([eb('state', '=', 'queued'), eb('requested_at', '<', olderThan)]), eb.and([eb('state', '=', 'running'), eb('heartbeat_at', '<', olderThan)])]))
    .limit(100).execute()).map((r) => r.id);
}

const packageColumns = ['p.id', 'p.reference', 'p.recipient_name', 'p.recipient_organisation_id', 'o.name as recipient_organisation_name', 'p.purpose', 'p.include_masters',
  'p.state', 'p.progress', 'p.sha256', 'p.size_bytes', 'p.failure', 'p.requested_by', 'u.display_name as requested_by_name', 'p.requested_at', 'p.completed_at',
  'p.manifest_sha256'] as const;

function packageQuery(db: Db) {
  return db.selectFrom('evidence_packages as p').innerJoin('users as u', 'u.id', 'p.requested_by').leftJoin('organisations as o', 'o.id', 'p.recipient_organisation_id');
}

export async function listPackages(db: Db, { exhibitId, offset, limit }: { exhibitId?: string; offset: number; limit: number }) {
  let q = packageQuery(db);
  if (exhibitId) q = q.where((eb) => eb.exists(eb.selectFrom('evidence_package_exhibits as pe').select('pe.exhibit_id').whereRef('pe.package_id', '=', 'p.id').where('pe.exhibit_id', '=', exhibitId)));
  const [rows, total] = await Promise.all([
    q.select([...packageColumns]).orderBy('p.requested_at', 'desc').orderBy('p.id').offset(offset).limit(limit).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
export type PackageRow = Awaited<ReturnType<typeof listPackages>>['rows'][number];

export async function findPackage(db: Db, id: string) {
  return packageQuery(db).select([...packageColumns]).where('p.id', '=', id).executeTakeFirst();
}

export async function listPackageExhibits(db: Db, packageIds: readonly string[]) {
  if (packageIds.length === 0) return [];
  return db.selectFrom('evidence_package_exhibits as pe').innerJoin('exhibits as e', 'e.id', 'pe.exhibit_id')
    .select(['pe.package_id', 'e.id', 'e.reference', 'e.description']).where('pe.package_id', 'in', packageIds).orderBy('pe.position').execute();
}

export async function listChosenDerivatives(db: Db, packageId: string) {
  const rows = await db.selectFrom('evidence_package_derivatives').select('derivative_id').where('package_id', '=', packageId).execute();
  return rows.length ? new Set(rows.map((r) => r.derivative_id)) : null;
}

// ---- Releases ----

const releaseColumns = ['r.id', 'r.package_id', 'p.reference as package_reference', 'r.organisation_id', 'o.name as organisation_name', 'r.lawful_basis', 'r.lawful_basis_detail',
  'r.crime_reference', 'r.requesting_officer', 'r.expires_at', 'r.released_by', 'rb.display_name as released_by_name', 'r.released_at',
  'rv.revoked_at', 'rv.revoked_by', 'rvu.display_name as revoked_by_name', 'rv.reason as revoke_reason',
  'rc.acknowledged_at', 'rc.acknowledged_by', 'rcu.display_name as acknowledged_by_name'] as const;

function releaseQuery(db: Db) {
  return db.selectFrom('evidence_releases as r')
    .innerJoin('evidence_packages as p', 'p.id', 'r.package_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .innerJoin('users as rb', 'rb.id', 'r.released_by')
    .leftJoin('evidence_release_revocations as rv', 'rv.release_id', 'r.id')
    .leftJoin('users as rvu', 'rvu.id', 'rv.revoked_by')
    .leftJoin('evidence_release_receipts as rc', 'rc.release_id', 'r.id')
    .leftJoin('users as rcu', 'rcu.id', 'rc.acknowledged_by');
}
export type ReleaseRow = Awaited<ReturnType<typeof listReleasesOfPackage>>[number];

export async function listReleasesOfPackage(db: Db, packageId: string) {
  return releaseQuery(db).select([...releaseColumns]).where('r.package_id', '=', packageId).orderBy('r.released_at').execute();
}

export async function findRelease(db: Db, id: string) {
  return releaseQuery(db).select([...releaseColumns]).select(['p.sha256', 'p.size_bytes', 'p.purpose']).where('r.id', '=', id).executeTakeFirst();
}

/** What an organisation may download now: released to it, not revoked, not expired, built. */
export async function listLiveReleasesFor(db: Db, { organisationId, now }: { organisationId: string; now: Date }) {
  return releaseQuery(db).select([...releaseColumns]).select(['p.sha256', 'p.size_bytes', 'p.purpose'])
    .where('r.organisation_id', '=', organisationId).where('rv.id', 'is', null).where('r.expires_at', '>', now).where('p.state', '=', 'done')
    .orderBy('r.released_at', 'desc').execute();
}

export async function insertRelease(db: Db, row: {
  package_id: string; organisation_id: string; lawful_basis: 'dpa_sch2_crime' | 'dpa_sch2_legal_proceedings' | 'court_order' | 'consent' | 'other';
  lawful_basis_detail: string; crime_reference: string; requesting_officer: string; expires_at: Date; released_by: string; released_at: Date;
}) {
  return db.insertInto('evidence_releases').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertRevocation(db: Db, row: { release_id: string; revoked_by: string; revoked_at: Date; reason: string }) {
  await db.insertInto('evidence_release_revocations').values(row).onConflict((oc) => oc.column('release_id').doNothing()).execute();
}

export async function insertReceipt(db: Db, row: { release_id: string; acknowledged_by: string; acknowledged_at: Date }) {
  await db.insertInto('evidence_release_receipts').values(row).onConflict((oc) => oc.column('release_id').doNothing()).execute();
}

export async function findOrganisation(db: Db, id: string) {
  return db.selectFrom('organisations').select(['id', 'name', 'kind', 'is_external']).where('id', '=', id).executeTakeFirst();
}

export async function listPartnerOrganisations(db: Db) {
  return db.selectFrom('organisations').select(['id', 'name', 'kind']).where('is_external', '=', true).where('kind', '!=', 'contractor').orderBy('name').execute();
}

// ---- Witness statements ----

export async function findStatementOfPackage(db: Db, packageId: string) {
  return db.selectFrom('witness_statements as s')
    .innerJoin('witness_statement_versions as v', 'v.statement_id', 's.id')
    .select(['s.id', 's.witness_id', 'v.version', 'v.body', 'v.is_final', 'v.written_at'])
    .where('s.package_id', '=', packageId)
    .where('v.version', '=', sql<number>`(select max(version) from witness_statement_versions x where x.statement_id = s.id)`)
    .executeTakeFirst();
}

export async function insertStatement(db: Db, { witnessId, packageId, body, at }: { witnessId: string; packageId: string; body: unknown; at: Date }) {
  const s = await db.insertInto('witness_statements').values({ witness_id: witnessId, package_id: packageId, created_at: at }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('witness_statement_versions').values({ statement_id: s.id, version: 1, body: JSON.stringify(body), is_final: false, written_by: witnessId, written_at: at }).execute();
  return s.id;
}

export async function insertStatementVersion(db: Db, { statementId, version, body, isFinal, by, at }: { statementId: string; version: number; body: unknown; isFinal: boolean; by: string; at: Date }) {
  await db.insertInto('witness_statement_versions').values({ statement_id: statementId, version, body: JSON.stringify(body), is_final: isFinal, written_by: by, written_at: at }).execute();
}
