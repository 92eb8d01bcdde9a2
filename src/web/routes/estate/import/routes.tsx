import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { ImportPage } from './ImportPage';

/** Importing a camera register from CSV in the browser: dry run, row errors, columns mapped by hand, renumberings to confirm. */
export function importRoutes<TParent extends AnyRoute>(parent: TParent) {
  const importRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate/import',
    component: () => <Gate permission="estate.manage">{() => <ImportPage />}</Gate>,
  });
  return [importRoute] as const;
}
