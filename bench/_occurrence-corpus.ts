import { sql } from 'kysely';
import type { DbHandle } from '../src/server/platform/db/db';

// A year of control-room log for the search benchmark: occurrences with ten entries each, written by
// SQL in batches. Sentences are built from the words operators use, so term frequencies look real
// (common: male, walking, High Street; rare: a vehicle registration).

const SUBJECTS = ['Male', 'Female', 'Group of youths', 'Two males', 'Cyclist', 'Driver', 'Elderly man', 'Woman with pushchair', 'Door staff', 'Street drinker'];
const CLOTHING = ['grey hoodie', 'black jacket', 'red top', 'blue jeans', 'white trainers', 'high-vis vest', 'dark tracksuit', 'green parka', 'baseball cap', 'school uniform'];
const ACTIONS = ['walking north on', 'running towards', 'loitering outside', 'shouting at people near', 'fighting outside', 'entering', 'leaving', 'sitting on a bench by', 'arguing with staff at', 'cycling through'];
const PLACES = ['High Street', 'Station Street', 'Union Street', 'the bank', 'the bus station', 'Coopers Square', 'the taxi rank', 'the market hall', 'the Leopard pub', 'New Street', 'the library', 'Borough Road'];
const SUMMARIES = ['Fight outside licensed premises', 'Shoplifter leaving store', 'Youths causing annoyance', 'Concern for welfare of female', 'Suspicious male in car park', 'Minor collision at junction', 'Missing teenager search', 'Criminal damage to shutter', 'Drug exchange suspected', 'Street drinkers shouting'];

const arr = (xs: string[]) => sql.raw(`array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`);
const pick = (xs: string[]) => sql`(${arr(xs)})[1 + floor(random() * ${xs.length})::int]`;

export async function generateSearchCorpus(handle: DbHandle, { entries, openedBy, perOccurrence = 10, batch = 10_000 }: { entries: number; openedBy: string; perOccurrence?: number; batch?: number }) {
  const db = handle.db;
  const occurrences = Math.ceil(entries / perOccurrence);
  await sql`alter table occurrence_entries disable trigger occurrence_entries_notify`.execute(db);
  await sql`alter table occurrences disable trigger occurrences_notify`.execute(db);
  try {
    for (let from = 1; from <= occurrences; from += batch) {
      const to = Math.min(occurrences, from + batch - 1);
      await db.transaction().execute(async (trx) => {
        await sql`
          insert into occurrences (reference, year, number, opened_at, opened_by, source, category_id, priority, summary, location_text, latitude, longitude, status, outcome, closed_at, closed_by, last_entry_seq)
          select 'OCC-2020-' || lpad(g::text, 7, '0'), 2020, g, t, ${openedBy},
                 (array['camera_patrol','police_request','radio_scheme','public_call','council_staff','alarm','other'])[1 + floor(random() * 7)::int],
                 (select array_agg(id order by sort_order) from occurrence_categories)[1 + floor(random() * 14)::int],
                 (array['immediate','high','normal','low'])[1 + floor(random() * 4)::int],
                 ${pick(SUMMARIES)}, ${pick(PLACES)} || ', Burton upon Trent', 52.79 + random() * 0.02, -1.65 + random() * 0.03,
                 case when g % 50 = 0 then 'open' else 'closed' end,
                 case when g % 50 = 0 then null else (array['arrest','detained','dispersed','no_trace','handed_to_police','advice_given','false_alarm','other'])[1 + floor(random() * 8)::int] end,
                 case when g % 50 = 0 then null else t + interval '40 minutes' end,
                 case when g % 50 = 0 then null else ${openedBy}::uuid end,
                 ${perOccurrence}::int
          from generate_series(${from}::int, ${to}::int) g, lateral (select now() - random() * interval '365 days' + g * interval '0' as t) x -- g: once per row, not once per batch`.execute(trx);
        await sql`
          insert into occurrence_entries (occurrence_id, seq, kind, body, recorded_at, author_id, agency, agency_reference, notified_at)
          select o.id, s,
                 case when s = 3 and o.number % 3 = 0 then 'notification' else 'observation' end,
                 ${pick(SUBJECTS)} || ' in ' || ${pick(CLOTHING)} || ' ' || ${pick(ACTIONS)} || ' ' || ${pick(PLACES)}
                   || case when random() < 0.002 then ', vehicle AB12 CDE' else '' end,
                 o.opened_at + s * interval '2 minutes', ${openedBy},
                 case when s = 3 and o.number % 3 = 0 then 'police' end,
                 case when s = 3 and o.number % 3 = 0 then 'CAD ' || o.number end,
                 case when s = 3 and o.number % 3 = 0 then o.opened_at + interval '6 minutes' end
          from occurrences o, generate_series(1, ${perOccurrence}::int) s
          where o.year = 2020 and o.number between ${from} and ${to}`.execute(trx);
      });
    }
    // A year's log would have been vacuumed many times over: hint bits set, the visibility map
    // current (index-only scans), statistics gathered; and long since checkpointed, where a fresh
    // million rows leave a checkpoint writing a gigabyte under the searches that follow.
    await sql`vacuum analyze occurrences`.execute(db);
    await sql`vacuum analyze occurrence_entries`.execute(db);
    await sql`checkpoint`.execute(db).catch(() => undefined); // needs superuser or pg_checkpoint on a server
  } finally {
    await sql`alter table occurrence_entries enable trigger occurrence_entries_notify`.execute(db);
    await sql`alter table occurrences enable trigger occurrences_notify`.execute(db);
  }
  return { occurrences, entries: occurrences * perOccurrence };
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/** Twenty searches an operator or coordinator would run, from broad to narrow. */
export const SEARCH_QUERIES = [
  'q=grey%20hoodie',
  'q=fight',
  'q=%22taxi%20rank%22',
  'q=shoplifter&category=theft',
  'q=bus%20station&status=closed',
  `category=violence&from=${daysAgo(90)}`,
  'source=police_request&agency=police',
  'q=AB12%20CDE',
  'outcome=arrest&category=drugs',
  'q=male%20running&sort=opened_asc',
  `q=bank&from=${daysAgo(30)}&to=${daysAgo(0)}`,
  'q=youths&category=asb',
  'q=cyclist&page=3',
  'q=red%20top%20white%20trainers',
  'q=Coopers%20Square&outcome=no_trace',
  'status=open',
  'q=market%20hall&page=2',
  'q=woman%20shouting',
  'area=52.795,-1.64,52.80,-1.63&category=asb',
  'sort=reference_asc&category=medical',
];
