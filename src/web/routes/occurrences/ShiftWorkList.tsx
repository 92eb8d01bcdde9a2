import { Link } from '@tanstack/react-router';
import type { ShiftWork } from '../../../domain/occurrences/contract';

/** What an operator did on their shift: the occurrences they opened, wrote in and closed. */
export function ShiftWorkList({ worked, empty }: { worked: ShiftWork[]; empty: string }) {
  if (worked.length === 0) return <p className="govuk-body">{empty}</p>;
  return (
    <ul className="govuk-list govuk-list--bullet">
      {worked.map((w) => (
        <li key={w.id}>
          <Link className="govuk-link" to="/occurrences/$id" params={{ id: w.id }}>{w.reference}</Link> – {w.summary}:{' '}
          {[w.opened && 'opened', `${w.entries} ${w.entries === 1 ? 'entry' : 'entries'}`, w.closed && 'closed'].filter(Boolean).join(', ')}
          {w.status === 'open' && <> <strong className="govuk-tag govuk-tag--yellow">Open</strong></>}
        </li>
      ))}
    </ul>
  );
}
