import { Link } from '@tanstack/react-router';
import { nextSort, sortOf } from './search';

/** A column's heading, the field it sorts by (none: not sortable), and whether it holds numbers (right-aligned). */
export interface SortColumn { name: string; sort?: string; numeric?: boolean }

/**
 * A list's header row: a sortable column's name is a link that sorts by it (again reverses it), and
 * the column the list is sorted by says so (aria-sort) and shows its direction. The server sorts.
 */
export function SortHead<S extends string>({ columns, to, search, sort, fallback }: {
  columns: readonly SortColumn[]; to: string; search: Record<string, unknown>; sort: S | undefined; fallback: S;
}) {
  const current = sortOf(sort ?? fallback);
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map(({ name, sort: field, numeric }) => {
          const active = field && current.field === field;
          const words = current.direction === 'asc' ? 'ascending' : 'descending';
          return (
            <th key={name} scope="col" className={`govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}`} aria-sort={active ? words : field ? 'none' : undefined}>
              {field ? (
                <Link className="govuk-link govuk-link--no-visited-state" to={to as never} search={{ ...search, sort: nextSort(sort, field, fallback) } as never}>
                  {name}
                  {active && <span aria-hidden="true">{current.direction === 'asc' ? ' ▲' : ' ▼'}</span>}
                  <span className="govuk-visually-hidden">{active ? `, sorted ${words}: select to reverse` : ': select to sort by this'}</span>
                </Link>
              ) : name}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
