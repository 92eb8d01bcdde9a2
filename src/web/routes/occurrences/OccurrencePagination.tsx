import { Link } from '@tanstack/react-router';
import type { OccurrenceFilters } from '../../api/occurrences';
import { pageNumbers } from '../../components/Pagination';

/**
 * GOV.UK pagination for the occurrence search, keeping the filters. When the total is only a lower
 * bound (`more`: a search for common words counts no further than it needs), there is always a next page.
 */
export function OccurrencePagination({ page, pageSize, total, more = false, filters, to = '/occurrences' }: {
  page: number; pageSize: number; total: number; more?: boolean; filters: OccurrenceFilters; /** The list it pages: the council's or a partner's. */ to?: '/occurrences' | '/shared';
}) {
  const pages = Math.max(1, page, Math.ceil(total / pageSize));
  if (pages <= 1 && !more) return null;
  const search = (p: number) => ({ ...filters, page: p > 1 ? p : undefined });
  return (
    <nav className="govuk-pagination" aria-label="Pages of occurrences">
      {page > 1 && (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={to} search={search(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">Previous<span className="govuk-visually-hidden"> page</span></span>
          </Link>
        </div>
      )}
      <ul className="govuk-pagination__list">
        {pageNumbers(page, pages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} className="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>
          ) : (
            <li key={n} className={`govuk-pagination__item${n === page ? ' govuk-pagination__item--current' : ''}`}>
              <Link className="govuk-link govuk-pagination__link" to={to} search={search(n)} aria-label={`Page ${n}`} aria-current={n === page ? 'page' : undefined}>
                {n}
              </Link>
            </li>
          ),
        )}
      </ul>
      {(page < pages || more) && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={to} search={search(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">Next<span className="govuk-visually-hidden"> page</span></span>
          </Link>
        </div>
      )}
    </nav>
  );
}
