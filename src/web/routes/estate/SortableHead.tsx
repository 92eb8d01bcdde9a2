import { Link } from '@tanstack/react-router';
import { nextSort, sortOf, type EstateFilters, type SortField } from './search';

export interface Column { name: string; sort?: SortField }

/**
 * The register table's header row: a sortable column's name is a link that sorts by it (again
 * reverses it), and the column the table is sorted by says so (aria-sort) and shows its direction.
 */
export function SortableHead({ columns, filters }: { columns: readonly Column[]; filters: EstateFilters }) {
  const current = sortOf(filters.sort);
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map(({ name, sort }) => {
          const active = sort && current.field === sort;
          const ariaSort = active ? (current.direction === 'asc' ? 'ascending' : 'descending') : sort ? 'none' : undefined;
          return (
            <th key={name} scope="col" className="govuk-table__header" aria-sort={ariaSort}>
              {sort ? (
                <Link className="govuk-link govuk-link--no-visited-state" to="/estate" search={{ ...filters, sort: nextSort(filters.sort, sort), page: undefined }}>
                  {name}
                  {active && <span aria-hidden="true">{current.direction === 'asc' ? ' ▲' : ' ▼'}</span>}
                  <span className="govuk-visually-hidden">{active ? `, sorted ${current.direction === 'asc' ? 'ascending' : 'descending'}: select to reverse` : ': select to sort by this'}</span>
                </Link>
              ) : name}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
