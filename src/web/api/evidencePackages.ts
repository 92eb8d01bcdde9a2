import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import { isPending, POLL_MS } from './evidence';
import type * as p from '../../domain/evidence/packages';
import type * as s from '../../domain/evidence/statement';
import type { WitnessStatementBody } from '../../domain/evidence/statement';

// Disclosure packages, their witness statements, their release to partners, what partners see of
// them, and checking a package.

type In<T extends z.ZodType> = z.input<T>;

export { LAWFUL_BASES, RELEASE_STATES } from '../../domain/evidence/packages';
export { STATEMENT_DECLARATION } from '../../domain/evidence/statement';
export type PackageSummary = z.infer<typeof p.PackageSummary>;
export type PackageDetail = z.infer<typeof p.PackageDetail>;
export type Release = z.infer<typeof p.Release>;
export type ReleasedPackage = z.infer<typeof p.ReleasedPackage>;
export type PackageCheck = z.infer<typeof p.PackageCheck>;
export type PublicKey = z.infer<typeof p.PublicKey>;
export type { WitnessStatementBody };
/** A partner organisation packages can be released to. */
export interface EvidencePartner { id: string; name: string; kind: string }
/**
 * A package's witness statement as GET and PUT .../statement answer (not in the contract yet: the
 * lead's server decides; this is what the page assumes).
 */
export interface WitnessStatement { id: string; version: number; isFinal: boolean; body: WitnessStatementBody }

export const PACKAGES_PAGE_SIZE = 25;
const packagePath = (id: string, what = '') => `/evidence-packages/${encodeURIComponent(id)}${what}`;

export const packagesQuery = ({ page = 1, exhibitId }: { page?: number; exhibitId?: string }) =>
  queryOptions({
    queryKey: ['evidence-packages', { page, exhibitId }],
    queryFn: () => api<z.infer<typeof p.PackagePage>>('/evidence-packages', { query: { page, pageSize: PACKAGES_PAGE_SIZE, exhibitId } }),
    placeholderData: keepPreviousData,
  });

export const packageQuery = (id: string) =>
  queryOptions({
    queryKey: ['evidence-package', id],
    queryFn: () => api<PackageDetail>(packagePath(id)),
    staleTime: 0,
    // A package is built in the background: its progress shows as it moves.
    refetchInterval: (q) => (q.state.data && isPending(q.state.data.state) ? POLL_MS : false),
  });

export const evidencePartnersQuery = queryOptions({
  queryKey: ['evidence-partners'],
  queryFn: async () => (await api<{ items: EvidencePartner[] }>('/evidence/partners')).items,
  staleTime: 60_000,
});

export const requestPackage = (body: In<typeof p.RequestPackage>) => api<{ id: string; reference: string }>('/evidence-packages', { method: 'POST', body });
export const releasePackage = (id: string, body: In<typeof p.ReleasePackage>) => api<{ id: string }>(packagePath(id, '/releases'), { method: 'POST', body });
export const revokeRelease = (releaseId: string, body: In<typeof p.RevokeRelease>) =>
  api<unknown>(`/evidence-releases/${encodeURIComponent(releaseId)}/revoke`, { method: 'POST', body });
export const packageDownloadHref = (id: string) => `/api/v1${packagePath(id, '/download')}`;

export const statementQuery = (packageId: string) =>
  queryOptions({ queryKey: ['evidence-package', packageId, 'statement'], queryFn: () => api<WitnessStatement>(packagePath(packageId, '/statement')), staleTime: 0 });
export const saveStatement = (packageId: string, body: In<typeof s.WitnessStatementBody>) =>
  api<WitnessStatement>(packagePath(packageId, '/statement'), { method: 'PUT', body });
export const finaliseStatement = (packageId: string) => api<WitnessStatement>(packagePath(packageId, '/statement/final'), { method: 'POST' });

// Partners: what was released to their organisation.
export const releasedQuery = queryOptions({
  queryKey: ['released'],
  queryFn: async () => (await api<z.infer<typeof p.ReleasedPackageList>>('/released')).items,
  staleTime: 0,
});
export const acknowledgeRelease = (releaseId: string) => api<unknown>(`/released/${encodeURIComponent(releaseId)}/acknowledge`, { method: 'POST' });
export const releasedDownloadHref = (releaseId: string) => `/api/v1/released/${encodeURIComponent(releaseId)}/download`;

// Checking a package: anyone signed in. The zip is the request's body (a browser may call it application/x-zip-compressed: it is sent as a zip).
export const verifyPackage = (file: File) => api<PackageCheck>('/evidence/verify-package', { method: 'POST', file: { body: file, type: 'application/zip' } });
export const publicKeyQuery = queryOptions({ queryKey: ['evidence-public-key'], queryFn: () => api<PublicKey>('/evidence/public-key'), staleTime: 5 * 60_000 });
