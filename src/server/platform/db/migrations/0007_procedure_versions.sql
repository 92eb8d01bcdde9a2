-- Procedures are versioned (issue 8). Editing a category's procedure adds a version; it never
-- touches the steps of an earlier one. An occurrence records the version it was opened with, so an
-- edit leaves open occurrences their steps and their ticks (an entry's procedure_step_id), and the
-- close-time check and the supervisor's alert read the occurrence's own version.

create table procedure_versions (
  id uuid primary key default gen_random_uuid(),
  category_id uuid not null references occurrence_categories (id),
  version integer not null check (version >= 1),
  created_at timestamptz not null default now(),
  created_by uuid references users (id)
);
create unique index procedure_versions_category_id_version_idx on procedure_versions (category_id, version);
-- The target of the composite keys below: a step and an occurrence hold a version of their own category.
create unique index procedure_versions_id_category_id_idx on procedure_versions (id, category_id);

-- Before this migration an edit retired a category's steps and added the new ones at one instant.
-- So a category's versions begin at its first step and at each instant its steps were retired;
-- a step belongs to the version in force when it was added; the steps in use now are the newest
-- version (version 1 where the procedure was never edited).
insert into procedure_versions (category_id, version, created_at, created_by)
select category_id, row_number() over (partition by category_id order by began), began,
       (select s2.created_by from procedure_steps s2 where s2.category_id = b.category_id and s2.created_at = b.began limit 1)
  from (select category_id, min(created_at) as began from procedure_steps group by category_id
        union
        select distinct category_id, retired_at from procedure_steps where retired_at is not null) b;

alter table procedure_steps add column version_id uuid;
update procedure_steps s set version_id = (
  select v.id from procedure_versions v
   where v.category_id = s.category_id and v.created_at <= s.created_at
   order by v.version desc limit 1);
alter table procedure_steps alter column version_id set not null;
alter table procedure_steps add foreign key (version_id, category_id) references procedure_versions (id, category_id);
create index procedure_steps_version_id_idx on procedure_steps (version_id, position);
drop index procedure_steps_category_id_idx;
alter table procedure_steps drop column retired_at;

-- Null: the category had no procedure when the occurrence was opened. An occurrence opened before
-- its category's first step keeps the first version (what it was shown until now).
alter table occurrences add column procedure_version_id uuid;
update occurrences o set procedure_version_id = coalesce(
  (select v.id from procedure_versions v where v.category_id = o.category_id and v.created_at <= o.opened_at order by v.version desc limit 1),
  (select v.id from procedure_versions v where v.category_id = o.category_id and v.version = 1));
alter table occurrences add foreign key (procedure_version_id, category_id) references procedure_versions (id, category_id);

-- Versions and their steps are history: never changed, never removed.
create trigger procedure_versions_append_only before update or delete on procedure_versions
  for each row execute function refuse_change();
create trigger procedure_versions_no_truncate before truncate on procedure_versions
  for each statement execute function refuse_change();
create trigger procedure_steps_append_only before update or delete on procedure_steps
  for each row execute function refuse_change();
create trigger procedure_steps_no_truncate before truncate on procedure_steps
  for each statement execute function refuse_change();
