import { useTitle } from '../../../components/useTitle';
import { TeamNav } from './TeamNav';

/** Inspections, defects and ASB reports: filled in below. */
export function ReportsPage() {
  useTitle('Inspections, defects and ASB');
  return (
    <>
      <h1 className="govuk-heading-l">Inspections, defects and ASB</h1>
      <TeamNav />
    </>
  );
}
