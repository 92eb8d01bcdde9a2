import { Link } from '@tanstack/react-router';
import type { ShiftSection } from '../../domain/platform/contract';

/**
 * Other duties' open work, one section each (out-of-hours calls, lone workers out, alarms not
 * reset, major incidents), the urgent first: on the out-of-hours overview and in the shift handover.
 */
export function ShiftSections({ sections, level = 2, none = 'None.' }: { sections: ShiftSection[]; level?: 2 | 3; none?: string }) {
  return <>{sections.map((s) => <Section key={s.key} section={s} level={level} none={none} />)}</>;
}

function Section({ section, level, none }: { section: ShiftSection; level: 2 | 3; none: string }) {
  const items = [...section.items].sort((a, b) => Number(b.urgent) - Number(a.urgent));
  const urgent = items.filter((i) => i.urgent).length;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={`shift-${section.key}`}>
      <Heading className={level === 2 ? 'govuk-heading-m' : 'govuk-heading-s'} id={`shift-${section.key}`}>
        {section.heading} ({items.length}){urgent > 0 && <> <strong className="govuk-tag govuk-tag--red">{urgent} need attention</strong></>}
      </Heading>
      {items.length === 0 ? <p className="govuk-body">{none}</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {items.map((i, n) => (
            <li key={n}>
              {i.urgent && <><strong className="govuk-tag govuk-tag--red">Urgent</strong>{' '}</>}
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
