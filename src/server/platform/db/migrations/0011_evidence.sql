-- Evidence (issue 9): footage in, exhibits out, with an unbroken chain of custody.
-- Files live in the object store, addressed by SHA-256; these tables say what each file is, who
-- handled it and what became of it. Continuity, derivatives once made, destruction records,
-- releases and their ends are append-only (refuse_change), as the law of evidence expects.

-- 1. Recordings: every file that came in, kept exactly as it arrived (the master, once an exhibit).
--    `format` is 'video' when ffprobe read it, 'unreadable' for a proprietary format kept with a note.
create table recordings (
  id uuid primary key default gen_random_uuid(),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint not null check (size_bytes >= 0),
  original_name text not null check (length(original_name) between 1 and 255),
  source text not null check (source in ('upload', 'import')),
  format text not null check (format in ('video', 'unreadable')),
  probe jsonb,
  note text check (length(note) <= 2000),
  ffprobe_version text,
  camera_id uuid references cameras (id),
  retention_class text not null default 'routine' check (retention_class ~ '^[a-z][a-z0-9_]{1,39}$'),
  ingested_by uuid not null references users (id),
  ingested_at timestamptz not null default now(),
  -- Set with its destruction record, in the same transaction, just before the bytes are removed.
  destroyed_at timestamptz,
  check ((format = 'video') = (probe is not null))
);
create index recordings_ingested_at_idx on recordings (ingested_at);
create index recordings_sha256_idx on recordings (sha256);
-- The same bytes are one recording while they are kept: ingesting them again finds it.
create unique index recordings_live_sha256_idx on recordings (sha256) where destroyed_at is null;

-- 2. Exhibits. A reference is the producer's initials and their own number (AB/1, AB/2, ...):
--    the producer's row is locked and incremented inside the creating transaction, so numbers are
--    unique, never reused and gap-free under concurrency (a rolled-back creation rolls back its
--    number too). Initials are unique across producers (two J. Smiths get JS and JSM).
create table exhibit_producers (
  user_id uuid primary key references users (id),
  initials text not null check (initials ~ '^[A-Z]{2,4}[0-9]{0,2}$'),
  last_number integer not null default 0 check (last_number >= 0)
);
create unique index exhibit_producers_initials_idx on exhibit_producers (initials);

-- Times are true (corrected) times. The recorder's clock check, when known, is the pair "the
-- recorder showed X when the true time was Y"; its offset (Y - X) corrects what the footage shows.
create table exhibits (
  id uuid primary key default gen_random_uuid(),
  reference text not null,
  producer_id uuid not null references users (id),
  number integer not null check (number > 0),
  description text not null check (length(description) between 3 and 2000),
  recorded_from timestamptz,
  recorded_to timestamptz,
  clock_recorder_showed timestamptz,
  clock_true_time timestamptz,
  created_at timestamptz not null default now(),
  created_by uuid not null references users (id),
  -- Kept in step with the continuity chain by the code that appends to it, under this row's lock:
  -- where the exhibit stands, who holds it, and the chain's head (so appending reads one row).
  state text not null default 'held' check (state in ('held', 'awaiting_receipt', 'sealed', 'destroyed')),
  holder_id uuid references users (id),
  continuity_seq integer not null default 0,
  continuity_hash text not null default '0000000000000000000000000000000000000000000000000000000000000000',
  -- Exhibits are kept while anything linked to them is open, then reviewed on this date.
  review_due_at timestamptz,
  check (recorded_from is null or recorded_to is null or recorded_from <= recorded_to),
  check ((clock_recorder_showed is null) = (clock_true_time is null))
);
create unique index exhibits_reference_idx on exhibits (reference);
create unique index exhibits_producer_number_idx on exhibits (producer_id, number);
create index exhibits_created_at_idx on exhibits (created_at);
create index exhibits_recorded_from_idx on exhibits (recorded_from);
create index exhibits_state_idx on exhibits (state, created_at);
create index exhibits_review_due_at_idx on exhibits (review_due_at) where state <> 'destroyed';

create table exhibit_cameras (
  exhibit_id uuid not null references exhibits (id),
  camera_id uuid not null references cameras (id),
  primary key (exhibit_id, camera_id)
);
create index exhibit_cameras_camera_id_idx on exhibit_cameras (camera_id);

-- The masters: the recording(s) an exhibit is (a VMS export is often several files). A recording
-- belongs to one exhibit at most.
create table exhibit_recordings (
  exhibit_id uuid not null references exhibits (id),
  recording_id uuid not null references recordings (id),
  position integer not null check (position > 0),
  primary key (exhibit_id, recording_id)
);
create unique index exhibit_recordings_recording_id_idx on exhibit_recordings (recording_id);

create table exhibit_occurrences (
  exhibit_id uuid not null references exhibits (id),
  occurrence_id uuid not null references occurrences (id),
  footage_entry_id uuid references occurrence_entries (id),
  linked_at timestamptz not null default now(),
  linked_by uuid not null references users (id),
  primary key (exhibit_id, occurrence_id)
);
create index exhibit_occurrences_occurrence_id_idx on exhibit_occurrences (occurrence_id);
create unique index exhibit_occurrences_footage_entry_id_idx on exhibit_occurrences (footage_entry_id) where footage_entry_id is not null;

-- 3. Derivatives: working copies, clips and stills made by ffmpeg from a master. A row is written
--    when the work is asked for, and is final once done or failed: from then on it never changes.
--    It records its parent's hash, the exact ffmpeg and its arguments, and its own hash.
create table exhibit_derivatives (
  id uuid primary key default gen_random_uuid(),
  exhibit_id uuid not null references exhibits (id),
  reference text not null,
  kind text not null check (kind in ('working_copy', 'clip', 'still')),
  recording_id uuid not null references recordings (id),
  parent_sha256 text not null check (parent_sha256 ~ '^[0-9a-f]{64}$'),
  mode text not null check (mode in ('copy', 'reencode', 'still')),
  start_s numeric(12, 3),
  end_s numeric(12, 3),
  caption boolean not null default false,
  purpose text not null check (length(purpose) between 3 and 500),
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
  progress real not null default 0 check (progress between 0 and 1),
  -- Moved on by the worker as it makes progress: a running row not moved on for a while lost its worker.
  heartbeat_at timestamptz,
  sha256 text check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint,
  media_type text,
  ffmpeg_version text,
  ffmpeg_args text[],
  real_start_s numeric(12, 3),
  real_end_s numeric(12, 3),
  failure text,
  requested_by uuid not null references users (id),
  requested_at timestamptz not null default now(),
  completed_at timestamptz,
  check (state <> 'done' or (sha256 is not null and size_bytes is not null and ffmpeg_version is not null and ffmpeg_args is not null)),
  check (start_s is null or end_s is null or start_s < end_s)
);
create unique index exhibit_derivatives_reference_idx on exhibit_derivatives (reference);
create index exhibit_derivatives_exhibit_id_idx on exhibit_derivatives (exhibit_id, requested_at);

create function exhibit_derivatives_final() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.state in ('queued', 'running') then
    return new;
  end if;
  raise exception 'exhibit_derivatives: a % derivative is final: % refused', old.state, tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger exhibit_derivatives_final before update or delete on exhibit_derivatives
  for each row execute function exhibit_derivatives_final();
create trigger exhibit_derivatives_no_truncate before truncate on exhibit_derivatives
  for each statement execute function refuse_change();

-- 4. Continuity: every handling of an exhibit, in its own hash chain. hash = SHA-256 of
--    "seq:prev_hash:content_hash", content_hash the SHA-256 of the event's canonical JSON, so a
--    removed, reordered or altered event is detected (the code computes both; verify recomputes).
create table continuity_events (
  id uuid primary key default gen_random_uuid(),
  exhibit_id uuid not null references exhibits (id),
  seq integer not null check (seq > 0),
  kind text not null check (kind in ('produced', 'copied', 'viewed', 'exported', 'handed_over', 'received', 'rejected',
                                     'returned', 'sealed', 'released', 'downloaded', 'release_revoked', 'destroyed')),
  at timestamptz not null,
  actor_id uuid references users (id),
  actor_name text not null,
  location text not null check (length(location) <= 200),
  reason text not null check (length(reason) <= 1000),
  item_sha256 text not null check (item_sha256 ~ '^[0-9a-f]{64}$'),
  details jsonb not null default '{}',
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null check (hash ~ '^[0-9a-f]{64}$')
);
create unique index continuity_events_exhibit_seq_idx on continuity_events (exhibit_id, seq);
create index continuity_events_at_idx on continuity_events (at);
create trigger continuity_events_append_only before update or delete on continuity_events
  for each row execute function refuse_change();
create trigger continuity_events_no_truncate before truncate on continuity_events
  for each statement execute function refuse_change();

-- 5. Holds and destruction. A legal hold stops all deletion of what it names until released.
create table evidence_holds (
  id uuid primary key default gen_random_uuid(),
  exhibit_id uuid references exhibits (id),
  recording_id uuid references recordings (id),
  reason text not null check (length(reason) between 3 and 1000),
  placed_by uuid not null references users (id),
  placed_at timestamptz not null default now(),
  check ((exhibit_id is null) <> (recording_id is null))
);
create index evidence_holds_exhibit_id_idx on evidence_holds (exhibit_id) where exhibit_id is not null;
create index evidence_holds_recording_id_idx on evidence_holds (recording_id) where recording_id is not null;
create table evidence_hold_releases (
  id uuid primary key default gen_random_uuid(),
  hold_id uuid not null references evidence_holds (id),
  released_by uuid not null references users (id),
  released_at timestamptz not null default now(),
  reason text not null check (length(reason) between 3 and 1000)
);
create unique index evidence_hold_releases_hold_id_idx on evidence_hold_releases (hold_id);

-- Written before the bytes are removed: what, its hash, why, when, under which rule.
create table evidence_destructions (
  id uuid primary key default gen_random_uuid(),
  recording_id uuid references recordings (id),
  derivative_id uuid references exhibit_derivatives (id),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint not null,
  rule text not null,
  reason text not null,
  destroyed_at timestamptz not null default now(),
  destroyed_by uuid references users (id),
  check ((recording_id is null) <> (derivative_id is null))
);
create unique index evidence_destructions_recording_id_idx on evidence_destructions (recording_id) where recording_id is not null;
create unique index evidence_destructions_derivative_id_idx on evidence_destructions (derivative_id) where derivative_id is not null;
create index evidence_destructions_sha256_idx on evidence_destructions (sha256);

-- 6. Disclosure packages and their release to partner organisations.
create table evidence_package_counters (
  year integer primary key,
  last_number integer not null
);
create table evidence_packages (
  id uuid primary key default gen_random_uuid(),
  reference text not null,
  recipient_organisation_id uuid references organisations (id),
  recipient_name text not null check (length(recipient_name) between 2 and 200),
  purpose text not null check (length(purpose) between 3 and 1000),
  include_masters boolean not null default true,
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
  progress real not null default 0 check (progress between 0 and 1),
  heartbeat_at timestamptz,
  sha256 text check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint,
  manifest_sha256 text,
  signing_key_id uuid,
  failure text,
  requested_by uuid not null references users (id),
  requested_at timestamptz not null default now(),
  completed_at timestamptz,
  check (state <> 'done' or (sha256 is not null and size_bytes is not null))
);
create unique index evidence_packages_reference_idx on evidence_packages (reference);
create index evidence_packages_requested_at_idx on evidence_packages (requested_at);
create trigger evidence_packages_final before update or delete on evidence_packages
  for each row execute function exhibit_derivatives_final();

create table evidence_package_exhibits (
  package_id uuid not null references evidence_packages (id),
  exhibit_id uuid not null references exhibits (id),
  position integer not null,
  primary key (package_id, exhibit_id)
);
create index evidence_package_exhibits_exhibit_id_idx on evidence_package_exhibits (exhibit_id);
-- The working copies and stills chosen for a package (none listed: every one that is done).
create table evidence_package_derivatives (
  package_id uuid not null references evidence_packages (id),
  derivative_id uuid not null references exhibit_derivatives (id),
  primary key (package_id, derivative_id)
);

create table evidence_releases (
  id uuid primary key default gen_random_uuid(),
  package_id uuid not null references evidence_packages (id),
  organisation_id uuid not null references organisations (id),
  lawful_basis text not null check (lawful_basis in ('dpa_sch2_crime', 'dpa_sch2_legal_proceedings', 'court_order', 'consent', 'other')),
  lawful_basis_detail text not null default '' check (length(lawful_basis_detail) <= 1000),
  crime_reference text not null default '' check (length(crime_reference) <= 60),
  requesting_officer text not null default '' check (length(requesting_officer) <= 200),
  expires_at timestamptz not null,
  released_by uuid not null references users (id),
  released_at timestamptz not null default now()
);
create index evidence_releases_organisation_id_idx on evidence_releases (organisation_id, expires_at);
create index evidence_releases_package_id_idx on evidence_releases (package_id);
create table evidence_release_revocations (
  id uuid primary key default gen_random_uuid(),
  release_id uuid not null references evidence_releases (id),
  revoked_by uuid not null references users (id),
  revoked_at timestamptz not null default now(),
  reason text not null check (length(reason) between 3 and 1000)
);
create unique index evidence_release_revocations_release_id_idx on evidence_release_revocations (release_id);
create table evidence_release_receipts (
  id uuid primary key default gen_random_uuid(),
  release_id uuid not null references evidence_releases (id),
  acknowledged_by uuid not null references users (id),
  acknowledged_at timestamptz not null default now()
);
create unique index evidence_release_receipts_release_id_idx on evidence_release_receipts (release_id);

-- The council's signing key (Ed25519): made at first start, kept here so that every server process
-- signs with the same key. Only the newest is used; older ones stay so old packages still verify.
create table signing_keys (
  id uuid primary key default gen_random_uuid(),
  algorithm text not null check (algorithm = 'ed25519'),
  public_key text not null,
  private_key text not null,
  fingerprint text not null check (fingerprint ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now()
);
create unique index signing_keys_fingerprint_idx on signing_keys (fingerprint);

-- 7. Witness statements: MG11-style, drafted from what the producer did, edited by them in the app,
--    then final. Each edit is a new version; a final version is never changed.
create table witness_statements (
  id uuid primary key default gen_random_uuid(),
  witness_id uuid not null references users (id),
  package_id uuid references evidence_packages (id),
  created_at timestamptz not null default now()
);
create table witness_statement_versions (
  id uuid primary key default gen_random_uuid(),
  statement_id uuid not null references witness_statements (id),
  version integer not null check (version > 0),
  body jsonb not null,
  is_final boolean not null default false,
  written_by uuid not null references users (id),
  written_at timestamptz not null default now()
);
create unique index witness_statement_versions_idx on witness_statement_versions (statement_id, version);
create unique index witness_statement_versions_final_idx on witness_statement_versions (statement_id) where is_final;

do $$
declare t text;
begin
  foreach t in array array['exhibit_occurrences', 'evidence_holds', 'evidence_hold_releases', 'evidence_destructions', 'evidence_releases',
                           'evidence_release_revocations', 'evidence_release_receipts', 'witness_statement_versions', 'evidence_package_exhibits', 'evidence_package_derivatives'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function refuse_change()', t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function refuse_change()', t || '_no_truncate', t);
  end loop;
end;
$$;

-- 8. Integrity checks: each run of `vigil evidence verify` (or the nightly job) and what it found.
create table evidence_verifications (
  id uuid primary key default gen_random_uuid(),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  objects_checked integer not null default 0,
  problems jsonb not null default '[]',
  is_ok boolean
);
create index evidence_verifications_started_at_idx on evidence_verifications (started_at desc);
