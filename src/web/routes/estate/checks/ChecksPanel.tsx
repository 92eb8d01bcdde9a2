import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { CHECK_KINDS, SHIFTS, checksOverviewQuery, type RoundCompletion } from '../../../api/checks';
import { errorMessage } from '../../../lib/errors';
import { formatTime, formatUkDay } from '../../../../domain/calendar/london';
import { checkedByWords, panelRounds, roundName, roundState } from './overview';

/** The supervisor's home-page panel: this shift's daily checks, complete or not, and any left incomplete before. */
export function ChecksPanel() {
  const overview = useQuery({ ...checksOverviewQuery, refetchInterval: 60_000 });
  if (overview.isPending) return null;
  if (overview.isError) {
    return <p className="govuk-body">The daily checks’ progress could not be loaded. {errorMessage(overview.error)}</p>;
  }
  const { current, earlier } = panelRounds(overview.data);
  const shift = current[0];
  return (
    <section aria-labelledby="checks-panel-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="checks-panel-title">Daily equipment checks</h2>
      {shift && (
        <div className="vigil-table-wrap">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              This shift: {SHIFTS[shift.shift].toLowerCase()} of {formatUkDay(shift.date)}, {formatTime(shift.shiftStartsAt)} to {formatTime(shift.shiftEndsAt)}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {['Check', 'Progress', 'Checked by', 'State'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
              </tr>
            </thead>
            <tbody className="govuk-table__body">{current.map((r) => <Row key={r.kind} round={r} />)}</tbody>
          </table>
        </div>
      )}
      {earlier.length > 0 && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Left incomplete last shift:{' '}
            {earlier.map((r, i) => (
              <span key={r.kind}>{i > 0 && '; '}{roundName(r, formatUkDay)}: {r.done} of {r.total} items checked{r.checkedBy.length ? ` by ${checkedByWords(r.checkedBy)}` : ''}</span>
            ))}.
          </div>
        </div>
      )}
      <p className="govuk-body"><Link className="govuk-link" to="/estate/checks">Go to the daily checks</Link></p>
    </section>
  );
}

function Row({ round: r }: { round: RoundCompletion }) {
  const state = roundState(r);
  return (
    <tr className="govuk-table__row">
      <th scope="row" className="govuk-table__header">{CHECK_KINDS[r.kind]}</th>
      <td className="govuk-table__cell">{r.done} of {r.total} items{r.lastRecordedAt && <>, last at {formatTime(r.lastRecordedAt)}</>}</td>
      <td className="govuk-table__cell">{checkedByWords(r.checkedBy)}</td>
      <td className="govuk-table__cell"><strong className={`govuk-tag govuk-tag--${state.colour}`}>{state.words}</strong></td>
    </tr>
  );
}
