-- The camera register grown to what a coordinator keeps (issue 10): kind, where it points and how
-- far it sees, how it is mounted, recorded and connected, who owns it, what it is for, its status
-- and what it can do. Every change is kept: camera_versions holds the register as each change left
-- it, so the register "as at" any moment is the newest version at or before it.

-- 1. Kinds and statuses as the Code of Practice register needs them ('offline' becomes 'out of service').
alter table cameras drop constraint cameras_kind_check;
alter table cameras drop constraint cameras_status_check;
update cameras set status = 'out_of_service' where status = 'offline';
alter table cameras add constraint cameras_kind_check check (kind in ('fixed', 'ptz', 'mobile', 'body_worn', 'anpr'));
alter table cameras add constraint cameras_status_check check (status in ('operational', 'degraded', 'faulty', 'out_of_service', 'decommissioned'));

-- 2. The register's other fields (all optional but the purpose, which the Code asks of every camera).
alter table cameras
  add column bearing_deg double precision check (bearing_deg >= 0 and bearing_deg < 360),
  add column field_of_view_deg double precision check (field_of_view_deg > 0 and field_of_view_deg <= 360),
  add column range_m double precision check (range_m > 0 and range_m <= 5000),
  add column mounting_height_m double precision check (mounting_height_m >= 0 and mounting_height_m <= 100),
  add column video_system text check (length(video_system) <= 100),
  add column channel text check (length(channel) <= 50),
  add column connectivity_line text check (length(connectivity_line) <= 100),
  add column installed_on date,
  add column owner text not null default 'council' check (owner in ('council', 'partner', 'private')),
  add column owner_name text check (length(owner_name) <= 200),
  add column purpose text not null default '' check (length(purpose) <= 2000),
  add column ward text check (length(ward) <= 100),
  add column capabilities text[] not null default '{}'
    check (capabilities <@ array['pan', 'tilt', 'zoom', 'infrared', 'audio', 'presets']::text[]),
  -- Bookkeeping for the history: each insert or update says who, when (the app's clock) and why.
  add column version integer not null default 1,
  add column updated_by uuid references users (id),
  add column changed_at timestamptz,
  add column change_reason text not null default 'registered' check (length(change_reason) between 1 and 500);

create index cameras_status_idx on cameras (status);
create index cameras_ward_idx on cameras (ward);

-- 3. The history: one row per version of each camera, the whole register entry as it then stood.
create table camera_versions (
  camera_id uuid not null references cameras (id),
  version integer not null,
  valid_from timestamptz not null,
  changed_by uuid references users (id),
  -- Why: 'created', 'edited', 'imported', 'check failed', 'fault cleared'... and any note the user gave.
  reason text not null check (length(reason) between 1 and 500),
  entry jsonb not null,
  primary key (camera_id, version)
);
create index camera_versions_valid_from_idx on camera_versions (camera_id, valid_from desc);

create trigger camera_versions_append_only before update or delete on camera_versions
  for each row execute function refuse_change();
create trigger camera_versions_no_truncate before truncate on camera_versions
  for each statement execute function refuse_change();

-- Every insert and update of a camera writes its version, whatever code made it: the entry is the
-- row without its bookkeeping, dated by the app's clock where it gave one.
create function camera_version_bump() returns trigger language plpgsql as $$
begin
  new.version := old.version + 1;
  new.updated_at := now();
  return new;
end;
$$;
create trigger cameras_version_bump before update on cameras
  for each row execute function camera_version_bump();

-- Statement-level, over the rows the statement wrote (transition tables), so that an import of
-- thousands of cameras writes their versions in one insert rather than one trigger call each.
create function camera_version_keep() returns trigger language plpgsql as $$
begin
  insert into camera_versions (camera_id, version, valid_from, changed_by, reason, entry)
  select n.id, n.version, coalesce(n.changed_at, now()), n.updated_by, n.change_reason,
    to_jsonb(n) - array['id', 'created_at', 'updated_at', 'version', 'updated_by', 'changed_at', 'change_reason']
  from written n;
  return null;
end;
$$;
create trigger cameras_keep_inserted after insert on cameras
  referencing new table as written for each statement execute function camera_version_keep();
create trigger cameras_keep_updated after update on cameras
  referencing new table as written for each statement execute function camera_version_keep();

-- The cameras already registered start their history at version 1, as they stand.
insert into camera_versions (camera_id, version, valid_from, changed_by, reason, entry)
select c.id, 1, c.created_at, null, 'registered',
  to_jsonb(c) - array['id', 'created_at', 'updated_at', 'version', 'updated_by', 'changed_at', 'change_reason']
from cameras c;
