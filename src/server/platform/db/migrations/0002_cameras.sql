-- The camera register, as far as the occurrence log needs it: what a camera is called, where it is
-- and whether it works. The estate module grows this (mobile deployments, daily checks).

create table cameras (
  id uuid primary key default gen_random_uuid(),
  reference text not null check (reference ~ '^[A-Z0-9-]{1,16}$'),
  name text not null,
  location_text text not null,
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  kind text not null default 'ptz' check (kind in ('fixed', 'ptz', 'mobile', 'anpr')),
  status text not null default 'operational' check (status in ('operational', 'faulty', 'offline', 'decommissioned')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index cameras_reference_idx on cameras (reference);
