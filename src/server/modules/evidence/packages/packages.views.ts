import type { z } from 'zod';
import type * as kp from '../../../../domain/evidence/packages';
import type { PackageRow, ReleaseRow } from './packages.repository';

// Packages and releases as the API answers them.

export function toPackageSummary(r: PackageRow, exhibits: { package_id: string; id: string; reference: string }[]): z.output<typeof kp.PackageSummary> {
  return {
    id: r.id, reference: r.reference, recipientName: r.recipient_name,
    recipientOrganisation: r.recipient_organisation_id ? { id: r.recipient_organisation_id, name: r.recipient_organisation_name ?? '' } : null,
    purpose: r.purpose, includeMasters: r.include_masters, state: r.state, progress: r.progress, sha256: r.sha256,
    sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes), failure: r.failure,
    exhibits: exhibits.filter((e) => e.package_id === r.id).map((e) => ({ id: e.id, reference: e.reference })),
    requestedBy: { id: r.requested_by, name: r.requested_by_name }, requestedAt: r.requested_at.toISOString(), completedAt: r.completed_at?.toISOString() ?? null,
  };
}

export function toRelease(r: ReleaseRow, now: Date): z.output<typeof kp.Release> {
  return {
    id: r.id, package: { id: r.package_id, reference: r.package_reference }, organisation: { id: r.organisation_id, name: r.organisation_name },
    lawfulBasis: r.lawful_basis, lawfulBasisDetail: r.lawful_basis_detail, crimeReference: r.crime_reference, requestingOfficer: r.requesting_officer,
    expiresAt: r.expires_at.toISOString(), releasedBy: { id: r.released_by, name: r.released_by_name }, releasedAt: r.released_at.toISOString(),
    state: r.revoked_at ? 'revoked' : r.expires_at <= now ? 'expired' : 'active',
    revoked: r.revoked_at ? { at: r.revoked_at.toISOString(), by: { id: r.revoked_by!, name: r.revoked_by_name ?? '' }, reason: r.revoke_reason ?? '' } : null,
    acknowledged: r.acknowledged_at ? { at: r.acknowledged_at.toISOString(), by: { id: r.acknowledged_by!, name: r.acknowledged_by_name ?? '' } } : null,
  };
}
