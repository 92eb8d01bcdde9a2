import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../components/Gate';
import { CameraPage } from './CameraPage';
import { EditCameraPage } from './EditCameraPage';
import { RegisterPage } from './RegisterPage';
import { validateEstateSearch, type EstateFilters } from './search';
import { deploymentRoutes } from './deployments/routes';
import { checkRoutes } from './checks/routes';
import { importRoutes } from './import/routes';

/** The camera estate's pages, under the signed-in part of the app. */
export function estateRoutes<TParent extends AnyRoute>(parent: TParent) {
  const registerRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate',
    validateSearch: validateEstateSearch,
    component: function RegisterRoute() {
      const search = registerRoute.useSearch() as EstateFilters;
      return <Gate permission="estate.read">{() => <RegisterPage search={search} />}</Gate>;
    },
  });
  const cameraRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate/cameras/$id',
    validateSearch: (search: Record<string, unknown>): { asAt?: string } => ({
      asAt: typeof search.asAt === 'string' && !Number.isNaN(Date.parse(search.asAt)) ? new Date(search.asAt).toISOString() : undefined,
    }),
    component: function CameraRoute() {
      const { id } = cameraRoute.useParams() as { id: string };
      const { asAt } = cameraRoute.useSearch() as { asAt?: string };
      return <Gate permission="estate.read">{(session) => <CameraPage id={id} asAt={asAt} session={session} key={id} />}</Gate>;
    },
  });
  const editRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate/cameras/$id/edit',
    component: function EditCameraRoute() {
      const { id } = editRoute.useParams() as { id: string };
      return <Gate permission="estate.manage">{() => <EditCameraPage id={id} key={id} />}</Gate>;
    },
  });
  return [registerRoute, cameraRoute, editRoute, ...deploymentRoutes(parent), ...checkRoutes(parent), ...importRoutes(parent)] as const;
}
