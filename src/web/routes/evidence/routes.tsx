import { lazy, Suspense, type ComponentType } from 'react';
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { validateExhibitSearch, type ExhibitFilters } from '../../api/evidenceSearch';
import { Gate } from '../../components/Gate';

/** A page loaded when first opened: the evidence pages (and the upload client) stay out of the first download. */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage(props: P) {
    return <Suspense fallback={<p className="govuk-body">Loading…</p>}><Page {...props} /></Suspense>;
  };
}
const ExhibitsListPage = lazyPage(() => import('./ExhibitsListPage').then((m) => m.ExhibitsListPage));
const UploadPage = lazyPage(() => import('./UploadPage').then((m) => m.UploadPage));
const ExhibitPage = lazyPage(() => import('./ExhibitPage').then((m) => m.ExhibitPage));
const PackagesListPage = lazyPage(() => import('./PackagesListPage').then((m) => m.PackagesListPage));
const PackageNewPage = lazyPage(() => import('./PackageNewPage').then((m) => m.PackageNewPage));
const PackagePage = lazyPage(() => import('./PackagePage').then((m) => m.PackagePage));
const StatementPage = lazyPage(() => import('./StatementPage').then((m) => m.StatementPage));
const VerifyPage = lazyPage(() => import('./VerifyPage').then((m) => m.VerifyPage));
const ReleasedPage = lazyPage(() => import('./ReleasedPage').then((m) => m.ReleasedPage));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const page = (v: unknown) => (Number.isInteger(Number(v)) && Number(v) > 1 ? Number(v) : undefined);
/** "id1,id2": the exhibits a new package starts with (from an exhibit's page). */
const exhibitIds = (v: unknown) => (typeof v === 'string' ? v.split(',').filter((id) => UUID.test(id)).join(',') || undefined : undefined);

/** Evidence: exhibits, footage in, packages (staff); what was released to them (partners); checking a package (both). */
export function evidenceRoutes<TParent extends AnyRoute>(parent: TParent) {
  const listRoute = createRoute({
    getParentRoute: () => parent,
    path: '/evidence',
    validateSearch: validateExhibitSearch,
    component: function ExhibitsRoute() {
      const search = listRoute.useSearch() as ExhibitFilters;
      return <Gate permission="evidence.read">{(session) => <ExhibitsListPage search={search} session={session} />}</Gate>;
    },
  });
  const uploadRoute = createRoute({
    getParentRoute: () => parent,
    path: '/evidence/upload',
    component: function UploadRoute() {
      return <Gate permission="evidence.manage">{(session) => <UploadPage session={session} />}</Gate>;
    },
  });
  const exhibitRoute = createRoute({
    getParentRoute: () => parent,
    path: '/evidence/exhibits/$id',
    validateSearch: (search: Record<string, unknown>): { made?: boolean } => ({ made: search.made === true || search.made === 'true' ? true : undefined }),
    component: function ExhibitRoute() {
      const { id } = exhibitRoute.useParams() as { id: string };
      const { made } = exhibitRoute.useSearch() as { made?: boolean };
      return <Gate permission="evidence.read">{(session) => <ExhibitPage id={id} session={session} made={made} key={id} />}</Gate>;
    },
  });
  const packagesRoute = createRoute({
    getParentRoute: () => parent,
    path: '/evidence/packages',
    validateSearch: (search: Record<string, unknown>): { page?: number } => ({ page: page(search.page) }),
    component: function PackagesRoute() {
      const { page: p } = packagesRoute.useSearch() as { page?: number };
      return <Gate permission="evidence.read">{(session) => <PackagesListPage page={p ?? 1} session={session} />}</Gate>;
    },
  });
  const packageNewRoute = createRoute({
    getParentRoute: () => parent,
    path: '/evidence/packages/new',
    validateSearch: (search: Record<string, unknown>): { exhibits?: string } => ({ exhibits: exhibitIds(search.exhibits) }),
    component: function PackageNewRoute() {
      const { exhibits } = packageNewRoute.useSearch() as { exhibits?: string };
      return <Gate permission="evidence.manage">{() => <PackageNewPage exhibitIds={exhibits ? exhibits.split(',') : []} />}</Gate>;
    },
  });
  const packageRoute = createRoute({
    getParentRoute: () => parent,
    path: '/evidence/packages/$id',
    component: function PackageRoute() {
      const { id } = packageRoute.useParams() as { id: string };
      return <Gate permission="evidence.read">{(session) => <PackagePage id={id} session={session} key={id} />}</Gate>;
    },
  });
  const statementRoute = createRoute({
    getParentRoute: () => parent,
    path: '/evidence/packages/$id/statement',
    component: function StatementRoute() {
      const { id } = statementRoute.useParams() as { id: string };
      return <Gate permission="evidence.manage">{() => <StatementPage packageId={id} key={id} />}</Gate>;
    },
  });
  // Staff and partners both check packages: a partner checks what they downloaded.
  const verifyRoute = createRoute({
    getParentRoute: () => parent,
    path: '/evidence/verify',
    component: function VerifyRoute() {
      return <Gate permission={['evidence.read', 'shared.read']}>{(session) => <VerifyPage session={session} />}</Gate>;
    },
  });
  const releasedRoute = createRoute({
    getParentRoute: () => parent,
    path: '/released',
    component: function ReleasedRoute() {
      return <Gate permission="shared.read">{() => <ReleasedPage />}</Gate>;
    },
  });
  return [listRoute, uploadRoute, exhibitRoute, packagesRoute, packageNewRoute, packageRoute, statementRoute, verifyRoute, releasedRoute] as const;
}
