import { createRootRouteWithContext, createRoute, createRouter, redirect, type ParsedLocation } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { sessionQuery, stageHref } from './api/auth';
import type { Session } from './api/types';
import type { AuditFilters } from './api/audit';
import type { UserFilters } from './api/users';
import { Layout } from './components/Layout';
import { useSession } from './lib/session';
import { safeNext } from './lib/next';
import { SignInPage, type SignInSearch } from './routes/auth/SignIn';
import { SignInMfaPage } from './routes/auth/SignInMfa';
import { HomePage } from './routes/home/Home';
import { ModulePage } from './routes/modules/ModulePage';
import { AccountPage, type AccountDone } from './routes/account/AccountPage';
import { ChangePasswordPage } from './routes/account/ChangePasswordPage';
import { MfaSetupPage } from './routes/account/MfaSetupPage';
import { UsersListPage, validateUserSearch } from './routes/admin/UsersListPage';
import { UserNewPage } from './routes/admin/UserNewPage';
import { UserDetailPage } from './routes/admin/UserDetailPage';
import { AuditPage, validateAuditSearch } from './routes/audit/AuditPage';
import { SecuritySettingsPage } from './routes/settings/SecuritySettingsPage';
import { RetentionSettingsPage } from './routes/settings/RetentionSettingsPage';
import { RequestCalendarPage } from './routes/settings/RequestCalendarPage';
import { LetterTemplatesPage } from './routes/settings/LetterTemplatesPage';
import { ErrorPage, ForbiddenPage, NotFoundPage } from './routes/errors/NotFound';
import { MODULE_ROUTES } from './modules';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Layout,
  notFoundComponent: NotFoundPage,
  errorComponent: ({ error }) => <ErrorPage error={error} />,
});

const getSession = (queryClient: QueryClient) => queryClient.ensureQueryData(sessionQuery);

// Pages a user may see part-way through signing in, by stage.
const STAGE_PAGES: Record<Session['stage'], string[]> = {
  active: [],
  mfa: ['/sign-in/mfa'],
  password_change: ['/account/password'],
  mfa_enrolment: ['/account/mfa'],
};

const isStagePage = (pathname: string) => Object.values(STAGE_PAGES).some((pages) => pages.includes(pathname));

/** The page a user asked for, to return to once signed in: a stage page's own `next`, or the page itself. */
function askedFor(location: ParsedLocation): string | undefined {
  if (!isStagePage(location.pathname)) return location.href === '/' ? undefined : safeNext(location.href);
  const { next } = location.search as { next?: unknown };
  return typeof next === 'string' ? safeNext(next) : undefined;
}

/** Signed-out users go to sign in; users part-way through signing in go to their stage's page. */
async function requireSession({ context, location }: { context: RouterContext; location: ParsedLocation }) {
  const session = await getSession(context.queryClient);
  if (!session) throw redirect({ to: '/sign-in', search: { next: location.href } });
  if (session.stage !== 'active' && !STAGE_PAGES[session.stage].includes(location.pathname)) {
    throw redirect({ href: stageHref(session.stage, askedFor(location)) });
  }
  return { session };
}

const validateNext = (search: Record<string, unknown>): { next?: string } => ({
  next: safeNext(typeof search.next === 'string' ? search.next : undefined),
});

function requirePermission(permission: string) {
  return ({ context }: { context: { session?: Session } }) => ({ allowed: !!context.session?.user.permissions.includes(permission) });
}

/** Renders a page with the signed-in session, which the guard above has made sure of. */
function withSession(Page: (props: { session: Session }) => React.ReactNode) {
  return function SessionPage() {
    const session = useSession();
    return session ? <Page session={session} /> : null;
  };
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    next: safeNext(typeof search.next === 'string' ? search.next : undefined),
    signedOut: ['self', 'expired', 'everywhere'].includes(String(search.signedOut)) ? (search.signedOut as SignInSearch['signedOut']) : undefined,
  }),
  beforeLoad: async ({ context, search }) => {
    const session = await getSession(context.queryClient);
    if (session) throw redirect({ href: stageHref(session.stage, search.next) });
  },
  component: function SignInRoute() {
    return <SignInPage search={signInRoute.useSearch()} />;
  },
});

const signInMfaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in/mfa',
  validateSearch: validateNext,
  beforeLoad: async ({ context, search }) => {
    const session = await getSession(context.queryClient);
    if (!session) throw redirect({ to: '/sign-in', search: { next: search.next } });
    if (session.stage !== 'mfa') throw redirect({ href: stageHref(session.stage, search.next) });
  },
  component: function SignInMfaRoute() {
    return <SignInMfaPage next={signInMfaRoute.useSearch().next} />;
  },
});

const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: requireSession,
});

const homeRoute = createRoute({ getParentRoute: () => authedRoute, path: '/', component: withSession(HomePage) });

const accountRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/account',
  validateSearch: (search: Record<string, unknown>): { done?: AccountDone } => ({
    done: ['password', 'mfa', 'mfa-off'].includes(String(search.done)) ? (search.done as AccountDone) : undefined,
  }),
  component: function AccountRoute() {
    const { done } = accountRoute.useSearch();
    const session = useSession();
    return session ? <AccountPage session={session} done={done} /> : null;
  },
});

const accountPasswordRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/account/password',
  validateSearch: validateNext,
  component: function AccountPasswordRoute() {
    const { next } = accountPasswordRoute.useSearch();
    const session = useSession();
    return session ? <ChangePasswordPage session={session} next={next} /> : null;
  },
});
const accountMfaRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/account/mfa',
  validateSearch: validateNext,
  component: function AccountMfaRoute() {
    const { next } = accountMfaRoute.useSearch();
    const session = useSession();
    return session ? <MfaSetupPage session={session} next={next} /> : null;
  },
});

const usersGate = createRoute({ getParentRoute: () => authedRoute, id: 'users-manage', beforeLoad: requirePermission('users.manage') });
const usersRoute = createRoute({
  getParentRoute: () => usersGate,
  path: '/admin/users',
  validateSearch: validateUserSearch,
  component: function UsersRoute() {
    const search: UserFilters = usersRoute.useSearch();
    return usersGate.useRouteContext().allowed ? <UsersListPage search={search} /> : <ForbiddenPage />;
  },
});
const userNewRoute = createRoute({
  getParentRoute: () => usersGate,
  path: '/admin/users/new',
  component: function UserNewRoute() {
    return usersGate.useRouteContext().allowed ? <UserNewPage /> : <ForbiddenPage />;
  },
});
const userRoute = createRoute({
  getParentRoute: () => usersGate,
  path: '/admin/users/$userId',
  component: function UserRoute() {
    const { userId } = userRoute.useParams();
    return usersGate.useRouteContext().allowed ? <UserDetailPage userId={userId} key={userId} /> : <ForbiddenPage />;
  },
});

const auditRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/audit',
  validateSearch: validateAuditSearch,
  beforeLoad: requirePermission('audit.read'),
  component: function AuditRoute() {
    const search: AuditFilters = auditRoute.useSearch();
    return auditRoute.useRouteContext().allowed ? <AuditPage search={search} /> : <ForbiddenPage />;
  },
});

/** An administration page: shown to those with the permission, refused to others. */
function adminPage(path: '/admin/security' | '/admin/retention' | '/admin/request-calendar' | '/admin/letter-templates', permission: string, Page: () => React.ReactNode) {
  const route = createRoute({
    getParentRoute: () => authedRoute,
    path,
    beforeLoad: requirePermission(permission),
    component: function AdminRoute() {
      return route.useRouteContext().allowed ? <Page /> : <ForbiddenPage />;
    },
  });
  return route;
}
const securitySettingsRoute = adminPage('/admin/security', 'settings.manage', SecuritySettingsPage);
const retentionSettingsRoute = adminPage('/admin/retention', 'settings.manage', RetentionSettingsPage);
const requestCalendarRoute = adminPage('/admin/request-calendar', 'settings.manage', RequestCalendarPage);
const letterTemplatesRoute = adminPage('/admin/letter-templates', 'settings.manage', LetterTemplatesPage);

const moduleRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/$module',
  component: function ModuleRoute() {
    const { module } = moduleRoute.useParams();
    return <ModulePage path={`/${module}`} />;
  },
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  signInMfaRoute,
  authedRoute.addChildren([
    homeRoute,
    accountRoute,
    accountPasswordRoute,
    accountMfaRoute,
    usersGate.addChildren([usersRoute, userNewRoute, userRoute]),
    auditRoute,
    securitySettingsRoute,
    retentionSettingsRoute,
    requestCalendarRoute,
    letterTemplatesRoute,
    ...MODULE_ROUTES.flatMap((routes) => routes(authedRoute)),
    moduleRoute,
  ]),
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
    defaultNotFoundComponent: NotFoundPage,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
