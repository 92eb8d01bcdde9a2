-- Parking PCNs on the penalty-charge engine (issue 14, point 3). Bus-lane PCNs will reuse the
-- reference tables (regime 'bus_lane') and the lifecycle (pcn_events).
-- Reference data is dated rows (uk-rules §7.1, §7.2): charge levels per band, contravention codes
-- with their level, observation minutes (local policy) and whether the 10-minute grace period
-- applies. A PCN keeps the level and amounts in force on the day it was issued.

create table enforcement_areas (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(name) between 1 and 200),
  kind text not null check (kind in ('england_outside_london', 'london')),
  band text not null check (band in ('ogl_band_1', 'ogl_band_2', 'london_a', 'london_b')),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);

create table enforcement_charge_levels (
  id uuid primary key default gen_random_uuid(),
  band text not null check (band in ('ogl_band_1', 'ogl_band_2', 'london_a', 'london_b')),
  level text not null check (level in ('higher', 'lower')),
  amount_pence integer not null check (amount_pence > 0),
  discount_percent integer not null default 50 check (discount_percent between 0 and 100),
  surcharge_percent integer not null default 50 check (surcharge_percent between 0 and 100),
  effective_from date not null,
  effective_to date check (effective_to is null or effective_to >= effective_from),
  unique (band, level, effective_from)
);

create table enforcement_contravention_codes (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[0-9]{2}[A-Z]?$'),
  regime text not null default 'parking' check (regime in ('parking', 'bus_lane')),
  description text not null check (length(description) between 1 and 500),
  level text not null check (level in ('higher', 'lower')),
  observation_minutes integer not null check (observation_minutes between 0 and 240),
  grace_applies boolean not null,
  effective_from date not null,
  effective_to date check (effective_to is null or effective_to >= effective_from),
  unique (code, effective_from)
);

-- The demo council's (and a new site's) own area, outside London, band 1: its id is fixed so that
-- the handheld's and the field module's demo can name it.
insert into enforcement_areas (id, name, kind, band) values
  ('5d1e7a00-0c0d-4e00-8a00-000000000001', 'Council area (on-street and car parks)', 'england_outside_london', 'ogl_band_1');

-- uk-rules §7.1. Outside London from the start of civil parking enforcement under TMA 2004 Part 6
-- (31 March 2008); London's bands A and B from 7 April 2025 (earlier London levels not held).
insert into enforcement_charge_levels (band, level, amount_pence, effective_from) values
  ('ogl_band_1', 'higher', 7000, '2008-03-31'), ('ogl_band_1', 'lower', 5000, '2008-03-31'),
  ('ogl_band_2', 'higher', 6000, '2008-03-31'), ('ogl_band_2', 'lower', 4000, '2008-03-31'),
  ('london_a', 'higher', 16000, '2025-04-07'), ('london_a', 'lower', 11000, '2025-04-07'),
  ('london_b', 'higher', 14000, '2025-04-07'), ('london_b', 'lower', 9000, '2025-04-07');

-- uk-rules §7.2 (observation minutes: local policy, edit to the council's own).
insert into enforcement_contravention_codes (code, description, level, observation_minutes, grace_applies, effective_from) values
  ('01', 'Parked in a restricted street during prescribed hours', 'higher', 5, false, '2008-03-31'),
  ('02', 'Parked or loading/unloading in a restricted street where waiting and loading/unloading restrictions are in force', 'higher', 0, false, '2008-03-31'),
  ('05', 'Parked after the expiry of paid for time', 'lower', 0, true, '2008-03-31'),
  ('06', 'Parked without clearly displaying a valid pay & display ticket or voucher', 'lower', 5, false, '2008-03-31'),
  ('11', 'Parked without payment of the parking charge', 'lower', 5, false, '2008-03-31'),
  ('12', 'Parked in a residents’ or shared use parking place without clearly displaying a valid permit, voucher or pay and display ticket, or without payment', 'higher', 5, false, '2008-03-31'),
  ('16', 'Parked in a permit space without displaying a valid permit', 'higher', 5, false, '2008-03-31'),
  ('19', 'Parked in a residents’ or shared use parking place displaying an invalid permit, voucher or ticket, or after the expiry of paid for time', 'lower', 5, true, '2008-03-31'),
  ('21', 'Parked in a suspended bay or space', 'higher', 0, false, '2008-03-31'),
  ('22', 'Re-parked in the same parking place or zone within the no-return period', 'lower', 0, false, '2008-03-31'),
  ('23', 'Parked in a parking place or area not designated for that class of vehicle', 'higher', 0, false, '2008-03-31'),
  ('24', 'Not parked correctly within the markings of the bay or space', 'lower', 0, false, '2008-03-31'),
  ('25', 'Parked in a loading place during restricted hours without loading', 'higher', 5, false, '2008-03-31'),
  ('26', 'Parked more than 50 cm from the edge of the carriageway and not within a designated parking place', 'higher', 0, false, '2008-03-31'),
  ('27', 'Parked adjacent to a dropped footway', 'higher', 0, false, '2008-03-31'),
  ('30', 'Parked for longer than permitted', 'lower', 0, true, '2008-03-31'),
  ('40', 'Parked in a designated disabled person’s parking place without displaying a valid disabled person’s badge', 'higher', 0, false, '2008-03-31'),
  ('45', 'Parked on a taxi rank', 'higher', 0, false, '2008-03-31'),
  ('47', 'Stopped on a restricted bus stop or stand', 'higher', 0, false, '2008-03-31'),
  ('48', 'Stopped in a restricted area outside a school when prohibited', 'higher', 0, false, '2008-03-31'),
  ('62', 'Parked with one or more wheels on or over a footpath or any part of a road other than a carriageway', 'higher', 0, false, '2008-03-31'),
  ('99', 'Stopped on a pedestrian crossing or crossing area marked by zig-zags', 'higher', 0, false, '2008-03-31'),
  ('73', 'Parked without payment of the parking charge (car park)', 'lower', 5, false, '2008-03-31'),
  ('82', 'Parked after the expiry of paid for time (car park)', 'lower', 0, true, '2008-03-31'),
  ('83', 'Parked without clearly displaying a valid pay & display ticket (car park)', 'lower', 5, false, '2008-03-31'),
  ('87', 'Parked in a disabled person’s parking space without clearly displaying a valid disabled person’s badge (car park)', 'higher', 0, false, '2008-03-31');

-- A PCN: the id is the device's own (pcnId), the number from the device's block. What it was
-- issued with never changes (level and amounts as at issue); status and the next step are the
-- engine's fold of its events, kept on the row to sort and filter the worklist.
create table pcns (
  id uuid primary key,
  number text not null unique check (number ~ '^[A-Z]{2,3}[0-9]{7,9}[0-9A-Z]?$'),
  regime text not null default 'parking' check (regime in ('parking', 'bus_lane')),
  notice_kind text not null check (notice_kind in ('reg9', 'reg10_camera', 'reg10_postal')),
  area_id uuid not null references enforcement_areas (id),
  contravention_code text not null,
  code_description text not null,
  level text not null check (level in ('higher', 'lower')),
  amount_pence integer not null check (amount_pence > 0),
  discounted_pence integer not null check (discounted_pence >= 0),
  surcharge_percent integer not null,
  vrm text not null,
  vehicle_make text not null default '',
  vehicle_model text not null default '',
  vehicle_colour text not null default '',
  permit_seen text not null default '',
  lat double precision not null,
  lon double precision not null,
  accuracy_m double precision,
  street text not null,
  location_detail text not null default '',
  observed_from timestamptz not null,
  observed_to timestamptz not null check (observed_to >= observed_from),
  issued_at timestamptz not null,
  issued_by uuid not null references users (id),
  device_id uuid not null,
  patrol_id uuid,
  served text not null check (served in ('affixed', 'handed', 'drive_away')),
  contravention_day date not null,
  served_day date not null,
  notes text not null default '',
  status text not null default 'issued' check (status in ('issued', 'informal_challenge', 'notice_to_owner', 'representations', 'rejected', 'appeal',
    'appeal_dismissed', 'charge_certificate', 'order_for_recovery', 'warrant', 'paid', 'cancelled', 'written_off')),
  paid_pence integer not null default 0,
  next_step text,
  next_from date,
  next_by date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index pcns_issued_idx on pcns (issued_at desc);
create index pcns_status_idx on pcns (status, next_by);
create index pcns_vrm_idx on pcns (vrm);
create index pcns_officer_idx on pcns (issued_by, issued_at desc);

create function pcn_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE'
     or (new.id, new.number, new.regime, new.notice_kind, new.area_id, new.contravention_code, new.level, new.amount_pence, new.discounted_pence,
         new.surcharge_percent, new.vrm, new.observed_from, new.observed_to, new.issued_at, new.issued_by, new.device_id, new.contravention_day, new.served_day)
        is distinct from (old.id, old.number, old.regime, old.notice_kind, old.area_id, old.contravention_code, old.level, old.amount_pence, old.discounted_pence,
         old.surcharge_percent, old.vrm, old.observed_from, old.observed_to, old.issued_at, old.issued_by, old.device_id, old.contravention_day, old.served_day) then
    raise exception 'pcns: what a PCN was issued with cannot change, nor can it be deleted (% refused)', tg_op using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;
create trigger pcns_guard before update or delete on pcns for each row execute function pcn_guard();

create table pcn_photos (
  pcn_id uuid not null references pcns (id),
  photo_id uuid not null references field_photos (id),
  position integer not null,
  primary key (pcn_id, photo_id)
);
create trigger pcn_photos_append_only before update or delete on pcn_photos for each row execute function refuse_change();

-- The lifecycle after issue, append-only: each step as the engine knows it (kind, the day it took
-- effect), who recorded it and when, with its amount or outcome and a note.
create table pcn_events (
  id uuid primary key default gen_random_uuid(),
  pcn_id uuid not null references pcns (id),
  seq integer not null check (seq > 0),
  kind text not null check (kind in ('issued', 'payment', 'informal_challenge', 'informal_decision', 'notice_to_owner', 'representations',
    'representations_decision', 'appeal', 'appeal_decision', 'charge_certificate', 'order_for_recovery', 'warrant', 'cancel', 'write_off')),
  day date not null,
  amount_pence integer,
  outcome text check (outcome in ('accepted', 'rejected', 'allowed', 'dismissed')),
  reoffer_discount boolean,
  method text not null default '',
  note text not null default '',
  at timestamptz not null default now(),
  by uuid references users (id),
  unique (pcn_id, seq)
);
create trigger pcn_events_append_only before update or delete on pcn_events for each row execute function refuse_change();
