import { useQuery } from '@tanstack/react-query';
import { modulesQuery } from '../../api/auth';
import { useTitle } from '../../components/useTitle';
import { NotFoundPage } from '../errors/NotFound';

/** A module that is not built yet: says what it will do. */
export function ModulePage({ path }: { path: string }) {
  const modules = useQuery(modulesQuery);
  const module = modules.data?.find((m) => m.path === path);
  useTitle(module?.name ?? (modules.isPending ? 'Loading' : 'Page not found'));

  if (modules.isPending) return <p className="govuk-body">Loading…</p>;
  if (!module) return <NotFoundPage />;
  return (
    <>
      <span className="govuk-caption-l">{module.description}</span>
      <h1 className="govuk-heading-l">{module.name}</h1>
      <div className="govuk-notification-banner" role="region" aria-labelledby="coming-title">
        <div className="govuk-notification-banner__header">
          <h2 className="govuk-notification-banner__title" id="coming-title">Coming soon</h2>
        </div>
        <div className="govuk-notification-banner__content">
          <p className="govuk-notification-banner__heading">This part of Vigil is being built.</p>
          {module.coming && <p className="govuk-body">{module.coming}</p>}
        </div>
      </div>
    </>
  );
}
