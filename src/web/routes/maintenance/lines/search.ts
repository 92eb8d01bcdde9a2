import { LINE_KINDS, LINE_SORT_FIELDS, type LineKind, type LineSort } from '../../../api/maintenanceLines';
import { isCodeOf } from '../../../../domain/labels';

// The connectivity lines list's filters and sort as the address bar keeps them (the server filters and sorts).

export interface LinesSearch { q?: string; kind?: LineKind; provider?: string; endingSoon?: true; faulty?: true; sort?: LineSort }

export const DEFAULT_LINE_SORT: LineSort = 'reference_asc';
const SORTS = new Set<string>(LINE_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`]));

export function validateLinesSearch(search: Record<string, unknown>): LinesSearch {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
  const yes = (v: unknown) => (v === true || v === 'true' ? true as const : undefined);
  const q = str(search.q).slice(0, 100);
  const provider = str(search.provider).slice(0, 200);
  const kind = str(search.kind);
  const sort = str(search.sort);
  return {
    q: q || undefined,
    kind: isCodeOf(LINE_KINDS, kind) ? kind : undefined,
    provider: provider || undefined,
    endingSoon: yes(search.endingSoon),
    faulty: yes(search.faulty),
    sort: SORTS.has(sort) && sort !== DEFAULT_LINE_SORT ? (sort as LineSort) : undefined,
  };
}

/** The contract end in words: "Ended 3 days ago", "Ends in 12 days", "Ends today". */
export function daysLeftWords(daysLeft: number | null): string {
  if (daysLeft === null) return '';
  if (daysLeft === 0) return 'Ends today';
  if (daysLeft < 0) return daysLeft === -1 ? 'Ended yesterday' : `Ended ${-daysLeft} days ago`;
  return daysLeft === 1 ? 'Ends tomorrow' : `Ends in ${daysLeft} days`;
}
