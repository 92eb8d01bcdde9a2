import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTitle } from '../../../components/useTitle';
import { formatDateTime } from '../../../../domain/calendar/london';
import type { NotebookEntry } from '../../../../domain/enforcement/fpns.contract';
import { notebookQuery } from './api';

/** One entry: number, times, text; a correction says which entry it corrects, a corrected entry which corrects it. Nothing is ever struck out. */
export function EntryText({ entry: e }: { entry: NotebookEntry }) {
  return (
    <div id={`entry-${e.id}`}>
      <p className="govuk-body govuk-!-margin-bottom-1"><strong>Entry {e.number}</strong>, {formatDateTime(e.at)} <span className="govuk-body-s">(recorded {formatDateTime(e.recordedAt)}, {e.officer.name})</span>
        {e.correctsEntry && <> · <a className="govuk-link" href={`#entry-${e.correctsEntry.id}`}>corrects entry {e.correctsEntry.number}</a></>}
        {e.correctedBy.length > 0 && <> · <strong className="govuk-tag govuk-tag--yellow">Corrected by entry {e.correctedBy.map((c) => c.number).join(', ')}</strong></>}
        {e.fpn && <> · <Link className="govuk-link" to={'/enforcement/fpns/$id' as never} params={{ id: e.fpn.id } as never}>{e.fpn.reference}</Link></>}
      </p>
      <p className="govuk-body" style={{ whiteSpace: 'pre-wrap' }}>{e.text}</p>
    </div>
  );
}

/** The officer's notebook (or another officer's, for processors and team leaders: ?officer=). */
export function NotebookPage({ officer, page }: { officer?: string; page?: number }) {
  const q = useQuery(notebookQuery({ officer, page }));
  useTitle('Notebook');
  return (
    <>
      <h1 className="govuk-heading-l">Notebook{q.data ? `: ${q.data.officer.name}` : ''}</h1>
      <p className="govuk-body">Entries are time-stamped and never changed: a correction is a new entry that points at the one it corrects.</p>
      {q.isPending && <p className="govuk-body">Loading the notebook…</p>}
      {q.isError && <p className="govuk-body">The notebook could not be loaded. {q.error.message}</p>}
      {q.data && (q.data.items.length ? <ol className="govuk-list">{q.data.items.map((e) => <li key={e.id}><EntryText entry={e} /></li>)}</ol> : <p className="govuk-body">No entries.</p>)}
      {q.data && q.data.total > q.data.page * q.data.pageSize && <Link className="govuk-link" to={'/enforcement/notebook' as never} search={{ officer, page: (page ?? 1) + 1 } as never}>Older entries</Link>}
    </>
  );
}
