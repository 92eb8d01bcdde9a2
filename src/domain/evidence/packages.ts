import { z } from 'zod';
import { codesOf } from '../labels';
import { dateTime, line, text as plainText, uniqueArray } from '../validation';
import { instant, paging, pathId, PersonRef, Ref } from '../primitives';
import { JOB_STATES } from './contract';

// Disclosure packages and their release to partner organisations: the builder's request, the
// package as staff and partners see it, releases (with their lawful basis, expiry and revocation),
// and the result of checking a package.

export const LAWFUL_BASES = {
  dpa_sch2_crime: 'DPA 2018 Sch. 2 para 2: prevention or detection of crime',
  dpa_sch2_legal_proceedings: 'DPA 2018 Sch. 2 para 5: legal proceedings or legal rights',
  court_order: 'Court order',
  consent: 'Consent of the people shown',
  other: 'Other (explain)',
} as const;
export const LawfulBasis = codesOf(LAWFUL_BASES, 'Choose the lawful basis for the release');

export const RELEASE_STATES = { active: 'Available', expired: 'Expired', revoked: 'Revoked' } as const;

export const RequestPackage = z.object({
  exhibitIds: uniqueArray(z.uuid(), { what: 'exhibit', max: 100 }).min(1, 'Choose the exhibits to put in the package'),
  recipientName: line({ message: 'Enter who the package is for' }).trim().min(2, 'Enter who the package is for (for example: Staffordshire Police, PC 4471 Jones)').max(200),
  recipientOrganisationId: z.uuid().nullable().optional(),
  purpose: plainText({ message: 'Enter what the package is for' }).trim().min(3, 'Enter what the package is for (at least 3 characters)').max(1000),
  includeMasters: z.boolean().default(true),
  /** Which working copies and stills go in; all that are done when left out. */
  derivativeIds: uniqueArray(z.uuid(), { what: 'copy', max: 500 }).optional(),
}).meta({ id: 'RequestPackage' });

export const PackageSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  recipientName: z.string(),
  recipientOrganisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  purpose: z.string(),
  includeMasters: z.boolean(),
  state: codesOf(JOB_STATES),
  progress: z.number(),
  sha256: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  failure: z.string().nullable(),
  exhibits: z.array(Ref),
  requestedBy: PersonRef,
  requestedAt: instant,
  completedAt: instant.nullable(),
}).meta({ id: 'PackageSummary' });

export const Release = z.object({
  id: z.uuid(),
  package: Ref,
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  lawfulBasis: LawfulBasis,
  lawfulBasisDetail: z.string(),
  crimeReference: z.string(),
  requestingOfficer: z.string(),
  expiresAt: instant,
  releasedBy: PersonRef,
  releasedAt: instant,
  state: codesOf(RELEASE_STATES),
  revoked: z.object({ at: instant, by: PersonRef, reason: z.string() }).nullable(),
  acknowledged: z.object({ at: instant, by: PersonRef }).nullable(),
}).meta({ id: 'Release' });

export const PackageDetail = PackageSummary.extend({
  releases: z.array(Release),
  statement: z.object({ id: z.uuid(), version: z.number().int(), isFinal: z.boolean() }).nullable(),
}).meta({ id: 'PackageDetail' });

export const PackageFilter = z.object({ exhibitId: z.uuid().optional(), ...paging });
export const PackagePage = z.object({ items: z.array(PackageSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'PackagePage' });
export const PackageParams = z.object({ id: pathId('id') });

export const ReleasePackage = z.object({
  organisationId: z.uuid('Choose the partner organisation'),
  lawfulBasis: LawfulBasis,
  lawfulBasisDetail: plainText().trim().max(1000).default(''),
  crimeReference: line().trim().max(60).default(''),
  requestingOfficer: line().trim().max(200).default(''),
  expiresAt: dateTime({ message: 'Enter when access ends' }),
}).superRefine((r, ctx) => {
  if (r.lawfulBasis === 'dpa_sch2_crime' && !r.crimeReference) ctx.addIssue({ code: 'custom', path: ['crimeReference'], message: "Enter the requesting officer's crime reference" });
  if (r.lawfulBasis === 'other' && r.lawfulBasisDetail.length < 3) ctx.addIssue({ code: 'custom', path: ['lawfulBasisDetail'], message: 'Explain the lawful basis' });
}).meta({ id: 'ReleasePackage' });
export const RevokeRelease = z.object({
  reason: plainText({ message: 'Enter why access is withdrawn' }).trim().min(3, 'Enter why access is withdrawn (at least 3 characters)').max(1000),
}).meta({ id: 'RevokeRelease' });
export const ReleaseParams = z.object({ id: pathId('id') });

/** What a partner sees: their releases, with no staff names (roles stand in for them). */
export const ReleasedPackage = z.object({
  releaseId: z.uuid(),
  reference: z.string(),
  purpose: z.string(),
  exhibits: z.array(z.object({ reference: z.string(), description: z.string() })),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  lawfulBasis: LawfulBasis,
  crimeReference: z.string(),
  releasedAt: instant,
  expiresAt: instant,
  acknowledgedAt: instant.nullable(),
}).meta({ id: 'ReleasedPackage' });
export const ReleasedPackageList = z.object({ items: z.array(ReleasedPackage) }).meta({ id: 'ReleasedPackageList' });

export const PackageCheck = z.object({
  ok: z.boolean(),
  reference: z.string().nullable(),
  signedBy: z.object({ fingerprint: z.string(), isCouncilKey: z.boolean() }).nullable(),
  checked: z.object({ files: z.number().int(), exhibits: z.number().int(), events: z.number().int() }),
  problems: z.array(z.object({ path: z.string().optional(), exhibitReference: z.string().optional(), seq: z.number().int().optional(), reason: z.string() })),
}).meta({ id: 'PackageCheck' });

export const PublicKey = z.object({ algorithm: z.literal('ed25519'), publicKeyPem: z.string(), fingerprint: z.string(), fingerprintGrouped: z.string(), createdAt: instant }).meta({ id: 'PublicKey' });
