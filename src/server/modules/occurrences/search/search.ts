import { sql, type SqlBool, type Expression } from 'kysely';
import type { Db } from '../../../platform/db/db';
import { repeat } from '../../../platform/jobs/repeat';
import type { Agency, OccurrenceOutcome, OccurrenceSource } from '../../../platform/db/db';
import { LONDON } from '../../../../domain/calendar/london';
import { isSharedWith } from '../occurrences.repository';

// Finding occurrences: full-text over occurrences and their entries, with filters that combine
// (AND), sorting and pages. Also the counts that reports are built from.

export interface OccurrenceFilter {
  q?: string;
  from?: Date;
  to?: Date;
  category?: string; // key
  source?: OccurrenceSource;
  cameraId?: string;
  outcome?: OccurrenceOutcome;
  agency?: Agency; // told
  operatorId?: string; // opened by
  status?: 'open' | 'closed';
  bbox?: { south: number; west: number; north: number; east: number };
  organisationId?: string; // external viewers: shared with them only
}

export type OccurrenceSort = 'opened_desc' | 'opened_asc' | 'reference_asc' | 'reference_desc';

/** The most a result set counts exactly; beyond it the page says "more than". */
export const COUNT_CAP = 10_000;

/**
 * How a text search is matched. `set`: the entries' full-text index gives every matching
 * occurrence at once, which is quick when the words are rare. `row`: each occurrence is tested on
 * its own (its entries through the (occurrence_id, seq) index), which is quick when walking the
 * newest occurrences and the words are common, as it stops once a page is full.
 */
type TextMatch = 'set' | 'row';

const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q.trim()})`;

/**
 * The ids of the occurrences whose own text or any of whose entries match, through the full-text
 * indexes: a union, not an OR, so that each side uses its own index and no occurrence is read that
 * does not match.
 */
const textMatches = (q: string) => sql<string>`select m.id from occurrences m where m.search @@ ${tsQuery(q)}
  union all select e.occurrence_id from occurrence_entries e where e.search @@ ${tsQuery(q)}`;

/**
 * The seq after which an occurrence's entries must be read: 0 (all of them) unless its search
 * document rules the words out, then only those after the document. The document holds words, not
 * entries, and no positions, so it is asked a looser question that every matching entry also
 * answers: the search as PostgreSQL parsed it, with "followed by" (<->, <N>: phrases, and words such
 * as high-vis or o'brien) made "and". A search with a "not" in it (-word, !word) has no such looser
 * form over the words of many entries, as another entry may hold the excluded word: every entry is
 * read. (Operators in a tsquery's text stand between spaces; a lexeme never holds a space.)
 */
function entriesFrom(q: string) {
  const parsed = sql`websearch_to_tsquery('english', ${q.trim()})::text`;
  const looser = sql`case when ${parsed} ~ '(^|[ (])!' then null else regexp_replace(${parsed}, ' <(-|[0-9]+)> ', ' & ', 'g')::tsquery end`;
  return sql`coalesce((select case when l.q is null or d.search @@ l.q then 0 else d.through_seq end
    from occurrence_search_documents d, (select ${looser} as q) l where d.occurrence_id = o.id), 0)`;
}

function filtered(db: Db, f: OccurrenceFilter, text: TextMatch = 'set', since?: { column: 'o.opened_at'; op: '>=' | '<='; value: Date }) {
  let q = db.selectFrom('occurrences as o').innerJoin('occurrence_categories as c', 'c.id', 'o.category_id');
  if (f.q?.trim()) {
    const query = tsQuery(f.q);
    // Either the occurrence itself or any of its entries matches.
    q = text === 'set'
      ? q.where('o.id', 'in', sql<string>`(${textMatches(f.q)})`)
      // A scalar subquery, not EXISTS: PostgreSQL would turn EXISTS back into the set form. The
      // entries are fetched by occurrence (OFFSET 0 keeps the planner from pushing the match down):
      // probing the full-text index once per occurrence instead costs a whole index scan each time.
      // Its search document (see migration 0004) spares reading a long timeline: where the document
      // rules the words out, only the entries written since it was brought up to date are read.
      : q.where(sql<SqlBool>`(o.search @@ ${query} or coalesce((
          select true from (select e.search from occurrence_entries e where e.occurrence_id = o.id and e.seq > ${entriesFrom(f.q)} offset 0) mine
           where mine.search @@ ${query} limit 1), false))`);
  }
  if (since) q = q.where(since.column, since.op, since.value);
  if (f.from) q = q.where('o.opened_at', '>=', f.from);
  if (f.to) q = q.where('o.opened_at', '<', f.to);
  // The id first (an init plan): the planner then walks the (category_id, opened_at) index in order.
  if (f.category) q = q.where('o.category_id', '=', sql<string>`(select id from occurrence_categories where key = ${f.category})`);
  if (f.source) q = q.where('o.source', '=', f.source);
  if (f.outcome) q = q.where('o.outcome', '=', f.outcome);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.operatorId) q = q.where('o.opened_by', '=', f.operatorId);
  if (f.cameraId) q = q.where(({ exists, selectFrom }) => exists(selectFrom('occurrence_cameras as oc').whereRef('oc.occurrence_id', '=', 'o.id').where('oc.camera_id', '=', f.cameraId!)));
  if (f.agency) q = q.where(({ exists, selectFrom }) => exists(selectFrom('occurrence_entries as n').whereRef('n.occurrence_id', '=', 'o.id').where('n.kind', '=', 'notification').where('n.agency', '=', f.agency!)));
  if (f.bbox) q = q.where('o.latitude', '>=', f.bbox.south).where('o.latitude', '<=', f.bbox.north).where('o.longitude', '>=', f.bbox.west).where('o.longitude', '<=', f.bbox.east);
  if (f.organisationId) q = q.where(isSharedWith(f.organisationId));
  return q;
}

const ORDER: Record<OccurrenceSort, [Expression<unknown> | string, 'asc' | 'desc']> = {
  opened_desc: ['o.opened_at', 'desc'], opened_asc: ['o.opened_at', 'asc'],
  reference_asc: ['o.reference', 'asc'], reference_desc: ['o.reference', 'desc'],
};

function selectRow(q: ReturnType<typeof filtered>) {
  return q.innerJoin('users as u', 'u.id', 'o.opened_by').select([
    'o.id', 'o.reference', 'o.opened_at', 'o.summary', 'o.source', 'o.priority', 'o.status', 'o.outcome', 'o.location_text', 'o.latitude', 'o.longitude', 'o.closed_at',
    'c.key as category_key', 'c.name as category_name', 'u.display_name as opened_by_name',
    sql<string[]>`coalesce((select array_agg(cam.reference order by cam.reference) from occurrence_cameras oc join cameras cam on cam.id = oc.camera_id where oc.occurrence_id = o.id), '{}')`.as('cameras'),
    sql<string[]>`coalesce((select array_agg(distinct n.agency) from occurrence_entries n where n.occurrence_id = o.id and n.kind = 'notification'), '{}')`.as('told'),
  ]);
}

/** How many of the newest (or oldest) occurrences a text search tests one by one before it falls back to the index. */
export const TEXT_WINDOW = 1000;

/**
 * Below this many rows (occurrences and entries) expected to match, the words are rare and the
 * index finds them at once. The figure is PostgreSQL's own estimate from its statistics of the
 * commonest words, which treats words as independent: it is low for words that always come
 * together ("market hall"), so the bar is set well below where the index would be slow.
 */
export const RARE_TEXT = 500;

/** PostgreSQL's estimate of the rows the index form would find: planned, not run. */
async function expectedTextMatches(db: Db, q: string): Promise<number> {
  const { rows } = await sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`explain (format json) ${textMatches(q)}`.execute(db);
  return rows[0]['QUERY PLAN'][0].Plan['Plan Rows'];
}

export async function searchOccurrences(db: Db, { filter, sort = 'opened_desc', offset, limit, window = TEXT_WINDOW, rare = RARE_TEXT }: {
  filter: OccurrenceFilter; sort?: OccurrenceSort; offset: number; limit: number; window?: number; rare?: number;
}) {
  const [column, direction] = ORDER[sort];
  const page = (text: TextMatch, since?: Parameters<typeof filtered>[3]) =>
    selectRow(filtered(db, filter, text, since)).orderBy(column as 'o.opened_at', direction).orderBy('o.reference', direction).offset(offset).limit(limit).execute();
  const count = async (text: TextMatch, since?: Parameters<typeof filtered>[3], cap = COUNT_CAP) =>
    Number((await db.selectFrom(filtered(db, filter, text, since).select('o.id').limit(cap + 1).as('m')).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

  if (filter.q?.trim() && (sort === 'opened_desc' || sort === 'opened_asc') && (rare <= 0 || (await expectedTextMatches(db, filter.q.trim())) >= rare)) {
    // Common words match thousands of occurrences, and finding them all through the index costs
    // more than the page is worth. So first test the newest TEXT_WINDOW occurrences (that pass the
    // other filters) one by one; if the page is among them, show it, with the matches counted in
    // that window as a lower bound. Rare words go to the index, which is quick for them: straight
    // away when the statistics say so, or when the window turns out too thin.
    // Ordered by the time alone, so that an index on (category, time) or (time) gives the edge
    // without sorting every match; ties at the edge are inside the window anyway (>= or <=).
    const edge = await filtered(db, { ...filter, q: undefined }).select('o.opened_at')
      .orderBy('o.opened_at', direction).offset(window - 1).limit(1).executeTakeFirst();
    const since = edge ? { column: 'o.opened_at' as const, op: direction === 'desc' ? '>=' as const : '<=' as const, value: edge.opened_at } : undefined;
    // The page and the count at once (two connections); the page is dropped if the window is too thin.
    const [inWindow, rows] = await Promise.all([count('row', since, window), page('row', since)]);
    if (!since || inWindow >= offset + limit) {
      // No edge: fewer than TEXT_WINDOW occurrences pass the other filters, so the window is all of them.
      return { rows, total: inWindow, totalIsCapped: !!since };
    }
  }
  const [rows, n] = await Promise.all([page('set'), count('set')]);
  return { rows, total: Math.min(n, COUNT_CAP), totalIsCapped: n > COUNT_CAP };
}

/**
 * Every matching row, in batches, for CSV export. Each batch starts after the last row of the one
 * before (not at an offset), so an occurrence opened during a long export neither repeats a row nor
 * pushes one out.
 */
export async function* streamOccurrences(db: Db, { filter, sort = 'opened_desc', batch = 1000 }: { filter: OccurrenceFilter; sort?: OccurrenceSort; batch?: number }) {
  const [column, direction] = ORDER[sort];
  const byTime = sort === 'opened_desc' || sort === 'opened_asc';
  const after = direction === 'desc' ? '<' : '>';
  let last: string | undefined; // the reference of the last row sent
  for (;;) {
    // The export also carries each agency's references (the police CAD number), oldest first.
    let q = selectRow(filtered(db, filter)).select(
      sql<{ agency: Agency; reference: string | null }[]>`coalesce((select json_agg(json_build_object('agency', n.agency, 'reference', n.agency_reference) order by n.seq) from occurrence_entries n where n.occurrence_id = o.id and n.kind = 'notification'), '[]')`.as('told_references'),
    );
    if (last) {
      // Compared with the stored row, not a JavaScript Date, which would drop the microseconds.
      const ref = last;
      q = byTime
        ? q.where(sql<SqlBool>`(o.opened_at, o.reference) ${sql.raw(after)} (select l.opened_at, l.reference from occurrences l where l.reference = ${ref})`)
        : q.where('o.reference', after, ref);
    }
    const rows = await q.orderBy(column as 'o.opened_at', direction).orderBy('o.reference', direction).limit(batch).execute();
    if (!rows.length) return;
    yield rows;
    if (rows.length < batch) return;
    last = rows[rows.length - 1].reference;
  }
}

export type CountBy = 'category' | 'source' | 'camera' | 'outcome' | 'hour';

/** Occurrence counts over a period, grouped for reports. Hours are Europe/London clock hours. */
export async function countOccurrences(db: Db, { filter, by }: { filter: OccurrenceFilter; by: CountBy }) {
  const base = filtered(db, filter);
  if (by === 'camera') {
    return base.innerJoin('occurrence_cameras as oc', 'oc.occurrence_id', 'o.id').innerJoin('cameras as cam', 'cam.id', 'oc.camera_id')
      .select(['cam.reference as key', 'cam.name as label', sql<string>`count(*)`.as('count')]).groupBy(['cam.reference', 'cam.name']).orderBy('cam.reference').execute();
  }
  if (by === 'category') {
    return base.select(['c.key as key', 'c.name as label', sql<string>`count(*)`.as('count')]).groupBy(['c.key', 'c.name', 'c.sort_order']).orderBy('c.sort_order').execute();
  }
  if (by === 'hour') {
    const hour = sql<string>`lpad(extract(hour from o.opened_at at time zone ${sql.lit(LONDON)})::int::text, 2, '0')`;
    return base.select([hour.as('key'), hour.as('label'), sql<string>`count(*)`.as('count')]).groupBy(hour).orderBy(hour).execute();
  }
  const col = by === 'source' ? sql<string>`o.source` : sql<string>`coalesce(o.outcome, 'open')`;
  return base.select([col.as('key'), col.as('label'), sql<string>`count(*)`.as('count')]).groupBy(col).orderBy(col).execute();
}

/** Folds the entries written since into the search documents of occurrences marked due (migration 0004). */
export async function refreshSearchDocuments(db: Db, { batch = 200 }: { batch?: number } = {}): Promise<number> {
  const { rows } = await sql<{ n: number }>`select occurrence_search_refresh(${batch}::int) as n`.execute(db);
  return rows[0].n;
}

/** Every process that writes keeps the documents up to date, a second or so behind the log. */
export function startSearchDocumentRefresh({ db, log, everyMs = 1000 }: { db: Db; log: { error(obj: object, msg: string): void }; everyMs?: number }) {
  return repeat({ name: 'updating search documents', everyMs, log, run: () => refreshSearchDocuments(db) });
}
