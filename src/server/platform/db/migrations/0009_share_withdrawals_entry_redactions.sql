-- Governance of the occurrence log (issue 8): the council withdraws what it shared with a partner,
-- and a supervisor redacts personal data typed into an entry's text.

-- 1. Shares and their withdrawal, both append-only. A share gets an id of its own, so that sharing
--    again after a withdrawal is a new share row; a withdrawal is a row pointing at the share it
--    ends. A share is live while no withdrawal points at it.
alter table occurrence_shares add column id uuid not null default gen_random_uuid();
alter table occurrence_shares drop constraint occurrence_shares_pkey;
alter table occurrence_shares add primary key (id);
create index occurrence_shares_occurrence_id_idx on occurrence_shares (occurrence_id, organisation_id);

create table occurrence_share_withdrawals (
  id uuid primary key default gen_random_uuid(),
  share_id uuid not null references occurrence_shares (id),
  withdrawn_at timestamptz not null default now(),
  withdrawn_by uuid not null references users (id),
  reason text not null check (length(reason) between 3 and 1000)
);
create unique index occurrence_share_withdrawals_share_id_idx on occurrence_share_withdrawals (share_id);

create trigger occurrence_shares_append_only before update or delete on occurrence_shares
  for each row execute function refuse_change();
create trigger occurrence_shares_no_truncate before truncate on occurrence_shares
  for each statement execute function refuse_change();
create trigger occurrence_share_withdrawals_append_only before update or delete on occurrence_share_withdrawals
  for each row execute function refuse_change();
create trigger occurrence_share_withdrawals_no_truncate before truncate on occurrence_share_withdrawals
  for each statement execute function refuse_change();

-- 2. Redactions: the one change the timeline allows (UK GDPR erasure of names typed into an entry).
--    The record keeps who, when, why and the SHA-256 of the text before and after, never the
--    original text. transaction_id is set by the database, so the entries' guard can tell that the
--    record was written by the very transaction that changes the text.
create table occurrence_entry_redactions (
  id uuid primary key default gen_random_uuid(),
  entry_id uuid not null references occurrence_entries (id),
  occurrence_id uuid not null references occurrences (id),
  redacted_at timestamptz not null default now(),
  redacted_by uuid not null references users (id),
  reason text not null check (length(reason) between 3 and 1000),
  original_sha256 text not null check (original_sha256 ~ '^[0-9a-f]{64}$'),
  redacted_sha256 text not null check (redacted_sha256 ~ '^[0-9a-f]{64}$'),
  transaction_id xid8 not null default pg_current_xact_id()
);
create index occurrence_entry_redactions_entry_id_idx on occurrence_entry_redactions (entry_id);
create index occurrence_entry_redactions_occurrence_id_idx on occurrence_entry_redactions (occurrence_id);

create function occurrence_entry_redactions_stamp() returns trigger language plpgsql as $$
begin
  new.transaction_id := pg_current_xact_id();
  return new;
end;
$$;
create trigger occurrence_entry_redactions_stamp before insert on occurrence_entry_redactions
  for each row execute function occurrence_entry_redactions_stamp();
create trigger occurrence_entry_redactions_append_only before update or delete on occurrence_entry_redactions
  for each row execute function refuse_change();
create trigger occurrence_entry_redactions_no_truncate before truncate on occurrence_entry_redactions
  for each statement execute function refuse_change();

-- The entries stay append-only, except for exactly this: only the text changes, and a redaction
-- record written in the same transaction names the entry and the hashes of the text before and after.
create function occurrence_entries_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and (to_jsonb(new) - 'body' - 'search') = (to_jsonb(old) - 'body' - 'search')
     and exists (select 1 from occurrence_entry_redactions r
                  where r.entry_id = old.id and r.transaction_id = pg_current_xact_id()
                    and r.original_sha256 = encode(sha256(convert_to(old.body, 'UTF8')), 'hex')
                    and r.redacted_sha256 = encode(sha256(convert_to(new.body, 'UTF8')), 'hex')) then
    return new;
  end if;
  raise exception 'occurrence_entries is append-only: % refused (only a recorded redaction may change an entry''s text)', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;
drop trigger occurrence_entries_append_only on occurrence_entries;
create trigger occurrence_entries_append_only before update or delete on occurrence_entries
  for each row execute function occurrence_entries_guard();

-- A redacted entry's words leave its occurrence's search document at once (the document is rebuilt
-- from the entries it covers), and the browsers showing the occurrence are told.
create function occurrence_entries_redacted() returns trigger language plpgsql as $$
begin
  update occurrence_search_documents d
     set search = (select array_to_tsvector(coalesce(array_agg(distinct w.lexeme), '{}'))
                     from (select unnest(tsvector_to_array(e.search)) as lexeme
                             from occurrence_entries e
                            where e.occurrence_id = d.occurrence_id and e.seq <= d.through_seq) w)
   where d.occurrence_id = new.occurrence_id;
  perform live_publish('vigil_occurrences', json_build_object('occurrenceId', new.occurrence_id, 'what', 'entry', 'entryId', new.id)::text);
  return null;
end;
$$;
create trigger occurrence_entries_redacted after update of body on occurrence_entries
  for each row execute function occurrence_entries_redacted();
