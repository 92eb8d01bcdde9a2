-- Field enforcement (issue 14), the parts its two modules share:
-- the community protection team leader's role, and the photos a handheld uploads, which the field
-- module receives (patrol notes, inspections, defects, ASB) and the enforcement module's notices
-- name (a PCN's and an FPN's photos, a prosecution case file's).

alter table user_roles drop constraint user_roles_role_check;
alter table user_roles add constraint user_roles_role_check check (role in (
  'operator', 'supervisor', 'enforcement_officer', 'coordinator', 'ooh_officer',
  'patrol_officer', 'patrol_leader', 'contractor', 'agency', 'auditor', 'admin'));

-- A photo taken on a handheld, its bytes in the object store by SHA-256. The id is the device's
-- own, so an upload retried after a lost reply writes nothing twice. Never changed or removed here
-- (retention is the owning record's).
create table field_photos (
  id uuid primary key,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  bytes bigint not null check (bytes > 0),
  taken_by uuid not null references users (id),
  device_id uuid not null,
  uploaded_at timestamptz not null default now()
);
create index field_photos_taken_by on field_photos (taken_by, uploaded_at desc);
