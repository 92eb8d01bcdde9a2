// What the maintenance lists share in their addresses: a record's id, and a sort written `<field>_<asc|desc>`.

/** A record's id as the server writes it. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function sortOf<F extends string>(sort: string): { field: F; direction: 'asc' | 'desc' } {
  const at = sort.lastIndexOf('_');
  return { field: sort.slice(0, at) as F, direction: sort.slice(at + 1) as 'asc' | 'desc' };
}

/** A column's header leads to that column ascending, or reversed when it already is; the default is left out of the address. */
export function nextSort<S extends string>(current: S | undefined, field: string, fallback: S): S | undefined {
  const now = sortOf(current ?? fallback);
  const next = (now.field === field && now.direction === 'asc' ? `${field}_desc` : `${field}_asc`) as S;
  return next === fallback ? undefined : next;
}
