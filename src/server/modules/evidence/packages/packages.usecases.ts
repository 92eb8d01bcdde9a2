import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { AppError, notFound, validationFailed } from '../../../platform/http/errors';
import type * as kp from '../../../../domain/evidence/packages';
import { WitnessStatementBody } from '../../../../domain/evidence/statement';
import { ROLE_INFO } from '../../../../domain/users/roles';
import * as repo from './packages.repository';
import { findUserName } from '../evidence.repository';
import { lockExhibit } from '../continuity/continuity.repository';
import { appendContinuity } from '../continuity/continuity.usecases';
import { gatherExhibits } from './packages.gather';
import { draftWitnessStatement } from './statement.models';
import { buildPackageJob } from './packages.jobs';
import type { Actor } from '../evidence.usecases';

// Disclosure packages: asked for (with the producer's draft statement beside them), built by a job,
// released to a partner organisation with a lawful basis and an expiry, revoked, downloaded and
// acknowledged. Each release, revocation and partner download is a continuity event of every
// exhibit in the package, and audited.

export const packageNotFound = () => notFound({ what: 'package' });
export const releaseNotFound = () => notFound({ what: 'release' });
const notReady = () => new AppError({ code: 'evidence.package_not_ready', status: 409, message: 'The package is not built yet (or its build failed): wait for it, or ask for it again.' });
const statementFinal = () => new AppError({ code: 'evidence.statement_final', status: 409, message: 'The statement is final: it can no longer be changed.' });

export async function requestPackage(deps: Deps, { actor, input }: { actor: Actor; input: z.output<typeof kp.RequestPackage> }) {
  const now = deps.clock.now();
  const created = await deps.db.transaction().execute(async (trx) => {
    // FOR SHARE: a destruction (which locks the exhibit to append its event) waits for this package, or this sees it destroyed.
    const exhibits = await trx.selectFrom('exhibits').select(['id', 'reference', 'state']).where('id', 'in', input.exhibitIds).orderBy('id').forShare().execute();
    if (exhibits.length !== input.exhibitIds.length) throw validationFailed([{ path: 'exhibitIds', message: 'Choose exhibits that exist.' }]);
    const destroyed = exhibits.filter((e) => e.state === 'destroyed');
    if (destroyed.length) throw validationFailed([{ path: 'exhibitIds', message: `${destroyed.map((e) => e.reference).join(', ')} has been destroyed.` }]);
    if (input.derivativeIds?.length) {
      const ok = await trx.selectFrom('exhibit_derivatives').select('id').where('id', 'in', input.derivativeIds).where('exhibit_id', 'in', input.exhibitIds).where('state', '=', 'done').execute();
      if (ok.length !== input.derivativeIds.length) throw validationFailed([{ path: 'derivativeIds', message: 'Choose working copies and stills that are done, of the chosen exhibits.' }]);
    }
    if (input.recipientOrganisationId) {
      const org = await repo.findOrganisation(trx, input.recipientOrganisationId);
      if (!org?.is_external) throw validationFailed([{ path: 'recipientOrganisationId', message: 'Choose a partner organisation.' }]);
    }
    const reference = await repo.nextPackageReference(trx, { year: now.getUTCFullYear() });
    const pkg = await repo.insertPackage(trx, {
      reference, recipient_organisation_id: input.recipientOrganisationId ?? null, recipient_name: input.recipientName, purpose: input.purpose,
      include_masters: input.includeMasters, requested_by: actor.userId, requested_at: now,
    }, { exhibitIds: input.exhibitIds, derivativeIds: input.derivativeIds?.length ? input.derivativeIds : null });
    const me = (await findUserName(trx, actor.userId))!;
    const gathered = await gatherExhibits({ db: trx, storage: deps.storage, exhibitIds: input.exhibitIds, derivativeIds: null, includeMasters: true });
    const roles = await trx.selectFrom('user_roles').select('role').where('user_id', '=', actor.userId).execute();
    const jobTitle = roles.map((r) => ROLE_INFO[r.role as keyof typeof ROLE_INFO]?.name).find(Boolean) ?? 'CCTV officer';
    const body = draftWitnessStatement({ producer: { id: actor.userId, name: me.display_name, jobTitle, employer: deps.config.council.name }, exhibits: gathered });
    await repo.insertStatement(trx, { witnessId: actor.userId, packageId: pkg.id, body, at: now });
    await recordAudit(trx, actor.audit, { action: 'package.requested', recordType: 'package', recordId: pkg.id, details: { reference, exhibits: exhibits.map((e) => e.reference), recipient: input.recipientName } });
    return pkg;
  });
  await deps.jobs?.send(buildPackageJob, { packageId: created.id }, { singletonKey: created.id });
  return created;
}

export async function getStatement(deps: Deps, { packageId }: { packageId: string }) {
  const s = await repo.findStatementOfPackage(deps.db, packageId);
  if (!s) throw packageNotFound();
  return { id: s.id, version: s.version, isFinal: s.is_final, body: WitnessStatementBody.parse(s.body) };
}

/** Saves the officer's edit as a new version; `final` makes it the one that is signed and never changes again. */
export async function saveStatement(deps: Deps, { actor, packageId, body, final }: { actor: Actor; packageId: string; body?: z.output<typeof WitnessStatementBody>; final: boolean }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx.selectFrom('witness_statements').select('id').where('package_id', '=', packageId).forUpdate().execute();
    const s = await repo.findStatementOfPackage(trx, packageId);
    if (!s) throw packageNotFound();
    if (s.is_final) throw statementFinal();
    if (s.witness_id !== actor.userId) throw new AppError({ code: 'evidence.not_your_statement', status: 403, message: 'Only the witness may change or sign their statement.' });
    const next = { ...(body ?? WitnessStatementBody.parse(s.body)), ...(final ? { signedAt: now.toISOString() } : {}) };
    await repo.insertStatementVersion(trx, { statementId: s.id, version: s.version + 1, body: next, isFinal: final, by: actor.userId, at: now });
    await recordAudit(trx, actor.audit, { action: final ? 'statement.made-final' : 'statement.edited', recordType: 'package', recordId: packageId, details: { version: s.version + 1 } });
    return { id: s.id, version: s.version + 1, isFinal: final, body: next };
  });
}

/** Appends one event to every exhibit of a package, under each exhibit's lock, in the caller's transaction. */
async function eventOnEveryExhibit(trx: Parameters<typeof lockExhibit>[0], { packageId, event }: { packageId: string; event: Omit<Parameters<typeof appendContinuity>[1]['event'], 'itemSha256'> }) {
  const exhibits = await repo.listPackageExhibits(trx, [packageId]);
  for (const e of exhibits) {
    const locked = (await lockExhibit(trx, e.id))!;
    const first = await trx.selectFrom('continuity_events').select('item_sha256').where('exhibit_id', '=', e.id).where('seq', '=', 1).executeTakeFirstOrThrow();
    await appendContinuity(trx, { exhibit: locked, event: { ...event, itemSha256: first.item_sha256 } });
  }
  return exhibits;
}

export async function releasePackage(deps: Deps, { actor, packageId, input }: { actor: Actor; packageId: string; input: z.output<typeof kp.ReleasePackage> }) {
  const now = deps.clock.now();
  if (input.expiresAt <= now) throw validationFailed([{ path: 'expiresAt', message: 'Choose a date in the future for access to end.' }]);
  return deps.db.transaction().execute(async (trx) => {
    const pkg = await repo.findPackage(trx, packageId);
    if (!pkg) throw packageNotFound();
    if (pkg.state !== 'done') throw notReady();
    const org = await repo.findOrganisation(trx, input.organisationId);
    if (!org?.is_external) throw validationFailed([{ path: 'organisationId', message: 'Choose a partner organisation.' }]);
    const me = (await findUserName(trx, actor.userId))!;
    const release = await repo.insertRelease(trx, {
      package_id: packageId, organisation_id: org.id, lawful_basis: input.lawfulBasis, lawful_basis_detail: input.lawfulBasisDetail, crime_reference: input.crimeReference,
      requesting_officer: input.requestingOfficer, expires_at: input.expiresAt, released_by: actor.userId, released_at: now,
    });
    await eventOnEveryExhibit(trx, {
      packageId,
      event: {
        kind: 'released', at: now, actor: { id: actor.userId, name: me.display_name }, location: 'Vigil (evidence store)',
        reason: `${pkg.reference} released to ${org.name} until ${input.expiresAt.toISOString()}`,
        details: { package: { reference: pkg.reference, sha256: pkg.sha256 }, organisation: { id: org.id, name: org.name }, lawfulBasis: input.lawfulBasis, crimeReference: input.crimeReference, releaseId: release.id },
      },
    });
    await recordAudit(trx, actor.audit, { action: 'package.released', recordType: 'package', recordId: packageId, details: { reference: pkg.reference, organisationId: org.id, organisation: org.name, lawfulBasis: input.lawfulBasis, crimeReference: input.crimeReference, expiresAt: input.expiresAt.toISOString(), releaseId: release.id } });
    return { id: release.id };
  });
}

export async function revokeRelease(deps: Deps, { actor, releaseId, reason }: { actor: Actor; releaseId: string; reason: string }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const r = await repo.findRelease(trx, releaseId);
    if (!r) throw releaseNotFound();
    if (r.revoked_at) throw new AppError({ code: 'evidence.already_revoked', status: 409, message: 'That release is already revoked.' });
    const me = (await findUserName(trx, actor.userId))!;
    await repo.insertRevocation(trx, { release_id: releaseId, revoked_by: actor.userId, revoked_at: now, reason });
    await eventOnEveryExhibit(trx, {
      packageId: r.package_id,
      event: { kind: 'release_revoked', at: now, actor: { id: actor.userId, name: me.display_name }, location: 'Vigil (evidence store)', reason, details: { releaseId, organisation: { id: r.organisation_id, name: r.organisation_name } } },
    });
    await recordAudit(trx, actor.audit, { action: 'package.release-revoked', recordType: 'package', recordId: r.package_id, details: { releaseId, organisation: r.organisation_name, reason } });
    return { revokedAt: now.toISOString() };
  });
}

/** A partner's live release, or the same 404 as for anything not released to them (expired, revoked, another organisation's, made up). */
export async function findLiveRelease(deps: Deps, { releaseId, organisationId }: { releaseId: string; organisationId: string }) {
  const r = await repo.findRelease(deps.db, releaseId);
  if (!r || r.organisation_id !== organisationId || r.revoked_at || r.expires_at <= deps.clock.now() || !r.sha256) throw releaseNotFound();
  return r;
}

/** A partner's download: a continuity event of each exhibit in it ("downloaded", by their role, not their name) and an audit event. */
export async function recordPartnerDownload(deps: Deps, { actor, releaseId, organisationId }: { actor: Actor; releaseId: string; organisationId: string }) {
  const now = deps.clock.now();
  const r = await findLiveRelease(deps, { releaseId, organisationId });
  await deps.db.transaction().execute(async (trx) => {
    const me = (await findUserName(trx, actor.userId))!;
    await eventOnEveryExhibit(trx, {
      packageId: r.package_id,
      event: { kind: 'downloaded', at: now, actor: { id: actor.userId, name: `${me.display_name} (${r.organisation_name})` }, location: 'Vigil (partner download)', reason: `${r.package_reference} downloaded by ${r.organisation_name}`, details: { releaseId, package: { reference: r.package_reference, sha256: r.sha256 } } },
    });
    await recordAudit(trx, actor.audit, { action: 'package.downloaded-by-partner', recordType: 'package', recordId: r.package_id, details: { releaseId, reference: r.package_reference, organisation: r.organisation_name } });
  });
  return r;
}

export async function acknowledgeRelease(deps: Deps, { actor, releaseId, organisationId }: { actor: Actor; releaseId: string; organisationId: string }) {
  const now = deps.clock.now();
  const r = await findLiveRelease(deps, { releaseId, organisationId });
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertReceipt(trx, { release_id: releaseId, acknowledged_by: actor.userId, acknowledged_at: now });
    await recordAudit(trx, actor.audit, { action: 'package.receipt-acknowledged', recordType: 'package', recordId: r.package_id, details: { releaseId, reference: r.package_reference } });
  });
  return { acknowledgedAt: (r.acknowledged_at ?? now).toISOString() };
}
