-- What words each occurrence's timeline holds, so that a search testing occurrences one by one
-- need not read every entry of a long timeline to learn that a word is not there.
--
-- A document is the set of lexemes (stripped: no positions) of the occurrence's entries up to
-- through_seq. It is a necessary condition, never the answer: a search reads the entries to confirm
-- a match, and reads only the entries after through_seq when the document rules the words out.
-- Documents are brought up to date in the background (occurrence_search_refresh, run by every server
-- process beside the live outbox): the path that writes an entry only marks every 20th entry's
-- occurrence as due. An occurrence without a document is searched entry by entry, as before.
-- No foreign key: a document is a cache of its entries, and checking the key would make the refresh
-- wait behind (and, through the due marks, hold up) writers holding the occurrence's row lock.
create table occurrence_search_documents (
  occurrence_id uuid primary key,
  search tsvector not null,
  through_seq integer not null
);

-- Unlogged: after a crash the marks are gone, and the documents only lag until the next mark.
create unlogged table occurrence_search_due (
  occurrence_id uuid primary key
);

create function occurrence_search_mark_due() returns trigger language plpgsql as $$
begin
  insert into occurrence_search_due (occurrence_id) values (new.occurrence_id) on conflict do nothing;
  return null;
end;
$$;

create trigger occurrence_entries_search_due after insert on occurrence_entries
  for each row when (new.seq % 20 = 0) execute function occurrence_search_mark_due();

-- Folds the entries written since each due occurrence's document into it. Entries are numbered
-- under the occurrence's row lock until commit, so the entries a statement sees are always 1..max:
-- through_seq never passes an entry still being written.
create function occurrence_search_refresh(batch integer) returns integer language sql as $$
  with picked as (
    delete from occurrence_search_due
     where occurrence_id in (select occurrence_id from occurrence_search_due limit batch for update skip locked)
    returning occurrence_id
  ), folded as (
    select p.occurrence_id,
           (select array_to_tsvector(coalesce(array_agg(distinct lexeme), '{}'))
              from (select unnest(tsvector_to_array(d.search)) as lexeme
                    union all
                    select unnest(tsvector_to_array(e.search)) from occurrence_entries e
                     where e.occurrence_id = p.occurrence_id and e.seq > coalesce(d.through_seq, 0)) words) as search,
           (select max(e.seq) from occurrence_entries e where e.occurrence_id = p.occurrence_id) as through_seq
      from picked p left join occurrence_search_documents d on d.occurrence_id = p.occurrence_id
  ), written as (
    insert into occurrence_search_documents (occurrence_id, search, through_seq)
    select occurrence_id, search, through_seq from folded where through_seq is not null
    on conflict (occurrence_id) do update set search = excluded.search, through_seq = excluded.through_seq
      where occurrence_search_documents.through_seq < excluded.through_seq
    returning 1
  )
  select count(*)::integer from written;
$$;
