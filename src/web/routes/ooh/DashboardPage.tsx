import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTitle } from '../../components/useTitle';
import type { ShiftSection } from '../../../domain/platform/contract';
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
          {shift.data.sections.map((s) => <Section key={s.key} section={s} />)}
        </>
      )}
    </>
  );
}

function Section({ section }: { section: ShiftSection }) {
  const items = [...section.items].sort((a, b) => Number(b.urgent) - Number(a.urgent));
  const urgent = items.filter((i) => i.urgent).length;
  return (
    <section aria-labelledby={`shift-${section.key}`}>
      <h2 className="govuk-heading-m" id={`shift-${section.key}`}>
        {section.heading} ({items.length}){urgent > 0 && <> <strong className="govuk-tag govuk-tag--red">{urgent} need attention</strong></>}
      </h2>
      {items.length === 0 ? <p className="govuk-body">None.</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {items.map((i, n) => (
            <li key={n}>
              {i.urgent && <strong className="govuk-tag govuk-tag--red">Urgent</strong>}{' '}
              {i.href ? <Link className="govuk-link" to={i.href as never}>{i.text}</Link> : i.text}
              {i.detail && <span className="govuk-body-s"> — {i.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="govuk-body"><Link className="govuk-link" to={section.href as never}>All of them<span className="govuk-visually-hidden">: {section.heading.toLowerCase()}</span></Link></p>
    </section>
  );
}
