-- Retention of evidence (issue 9, point 7). Recordings that are not exhibits are destroyed when
-- their class's period ends; exhibits come up for review once nothing linked to them is open, and a
-- reviewer decides to keep them (until the next review) or to destroy them. Destruction writes its
-- record first (0011's evidence_destructions) and removes the bytes afterwards: what is written here
-- says which records have had their bytes removed, so that a run cut short between the two finishes
-- the removal next time, and an object-locked store that refused is asked again the next night.

-- 1. Review decisions on exhibits: append-only; the newest decides. "keep" names the next review.
create table exhibit_reviews (
  id uuid primary key default gen_random_uuid(),
  exhibit_id uuid not null references exhibits (id),
  decision text not null check (decision in ('keep', 'destroy')),
  reason text not null check (length(reason) between 3 and 1000),
  next_review_at timestamptz,
  decided_by uuid not null references users (id),
  decided_at timestamptz not null default now(),
  check ((decision = 'keep') = (next_review_at is not null))
);
create index exhibit_reviews_exhibit_id_idx on exhibit_reviews (exhibit_id, decided_at desc);

-- 2. Which destruction a review decided (null for a recording's routine period ending).
alter table evidence_destructions add column review_id uuid references exhibit_reviews (id);

-- 3. The end of each destruction record's bytes: removed from the store, or kept because another
--    live record holds the same bytes (the same SHA-256 ingested again since, say). A destruction
--    record without one is still to finish.
create table evidence_destruction_removals (
  destruction_id uuid primary key references evidence_destructions (id),
  outcome text not null check (outcome in ('removed', 'in_use')),
  at timestamptz not null default now()
);

do $$
declare t text;
begin
  foreach t in array array['exhibit_reviews', 'evidence_destruction_removals'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function refuse_change()', t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function refuse_change()', t || '_no_truncate', t);
  end loop;
end;
$$;
