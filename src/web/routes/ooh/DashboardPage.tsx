import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTitle } from '../../components/useTitle';
import { ShiftSections } from '../../components/ShiftSections';
import { formatDateTime } from '../../../domain/calendar/london';
import { oohShiftQuery } from './api';
import { OohNav } from './OohNav';

/** The out-of-hours officer's overview: what is open now in each area, the urgent first within each. */
export function OohDashboardPage() {
  useTitle('Out of hours');
  const shift = useQuery(oohShiftQuery);
  return (
    <>
      <h1 className="govuk-heading-l">Out of hours</h1>
      <OohNav />
      <div className="govuk-button-group">
        <Link className="govuk-button" to={'/ooh/calls/new' as never} role="button" draggable={false}>Take a call</Link>
        <Link className="govuk-button govuk-button--secondary" to={'/ooh/lone-workers' as never} role="button" draggable={false}>Lone workers</Link>
      </div>
      {shift.isPending && <p className="govuk-body">Loading what is open…</p>}
      {shift.isError && <p className="govuk-body">What is open could not be loaded. {shift.error.message}</p>}
      {shift.data && (
        <>
          <p className="govuk-body-s">As at {formatDateTime(new Date(shift.data.at))}.</p>
          <ShiftSections sections={shift.data.sections} />
        </>
      )}
    </>
  );
}
