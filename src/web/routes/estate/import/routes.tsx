import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { useTitle } from '../../../components/useTitle';
import { EstateNav } from '../EstateNav';

function ImportPage() {
  useTitle('Import a camera register');
  return (<><h1 className="govuk-heading-l">Import a camera register</h1><EstateNav /></>);
}

/** Importing a camera register from CSV in the browser: dry run, row errors, renumberings to confirm. */
export function importRoutes<TParent extends AnyRoute>(parent: TParent) {
  const importRoute = createRoute({
    getParentRoute: () => parent,
    path: '/estate/import',
    component: () => <Gate permission="estate.manage">{() => <ImportPage />}</Gate>,
  });
  return [importRoute] as const;
}
