-- Idempotency keys (platform/http/idempotency.ts): a write sent with an `Idempotency-Key` header is
-- carried out once per user and key; a repeat gets the first reply again. A row is claimed (no
-- status yet) before the write runs, completed with the reply after it, and removed if the write
-- failed, so a failure does not use the key up. Housekeeping removes rows after 24 hours.
create table idempotency_keys (
  user_id uuid not null references users (id) on delete cascade,
  key text not null check (length(key) between 1 and 255),
  request_hash text not null,
  method text not null,
  path text not null,
  status integer,
  content_type text,
  body bytea,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (user_id, key)
);
create index idempotency_keys_created_at_idx on idempotency_keys (created_at);
