-- Security review fixes (decision 0006): the audit trail no longer trusts a session variable, the
-- sealer runs with its owner's rights so that the application's own database role needs none on
-- the audit tables beyond reading them and adding pending events, and the grants that role gets.

-- 1. Pending events: removable only once they are in the chain. Before, a DELETE was allowed to any
--    session that had set `vigil.audit_sealing = on`, which any session can set. Now the check is
--    on the rows themselves (a statement trigger with a transition table: the sealer removes
--    thousands of rows at a time), whoever deletes and whatever they set.
drop trigger audit_pending_append_only on audit_pending;
drop function audit_pending_guard();

create function audit_pending_only_sealed_removed() returns trigger language plpgsql as $$
begin
  if exists (select 1 from gone g where not exists (select 1 from audit_events e where e.id = g.id)) then
    raise exception 'audit_pending is append-only: only events already sealed into audit_events may be removed' using errcode = 'insufficient_privilege';
  end if;
  return null;
end;
$$;
create trigger audit_pending_no_update before update on audit_pending
  for each statement execute function refuse_change();
create trigger audit_pending_delete_only_sealed after delete on audit_pending
  referencing old table as gone for each statement execute function audit_pending_only_sealed_removed();

-- 2. The sealer, as in 0001 without the session variable, runs as the owner of the audit tables
--    (SECURITY DEFINER with a fixed search_path), so the application's role can call it without
--    being able to insert into audit_events or delete from audit_pending itself.
create or replace function audit_seal(max_events integer default 10000, wait boolean default true) returns integer language plpgsql as $$
declare
  last_seq bigint;
  last_hash text;
  r record;
  pending bigint[] := '{}';
  seqs bigint[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
begin
  if wait then
    perform pg_advisory_xact_lock(727413002);
  elsif not pg_try_advisory_xact_lock(727413002) then
    return 0;
  end if;
  select seq, hash into last_seq, last_hash from audit_events order by seq desc limit 1;
  last_seq := coalesce(last_seq, 0);
  last_hash := coalesce(last_hash, repeat('0', 64));
  for r in select pending_seq, content_hash from audit_pending order by pending_seq limit max_events loop
    last_seq := last_seq + 1;
    pending := pending || r.pending_seq;
    seqs := seqs || last_seq;
    prevs := prevs || last_hash;
    last_hash := encode(sha256(convert_to(last_seq::text || ':' || last_hash || ':' || r.content_hash, 'UTF8')), 'hex');
    hashes := hashes || last_hash;
  end loop;
  if cardinality(pending) = 0 then return 0; end if;
  insert into audit_events (seq, id, at, actor_id, actor_username, action, record_type, record_id, outcome, ip, user_agent, details, content_hash, prev_hash, hash)
  select c.seq, p.id, p.at, p.actor_id, p.actor_username, p.action, p.record_type, p.record_id, p.outcome, p.ip, p.user_agent, p.details, p.content_hash, c.prev, c.hash
    from unnest(pending, seqs, prevs, hashes) as c(pending_seq, seq, prev, hash)
    join audit_pending p on p.pending_seq = c.pending_seq;
  delete from audit_pending where pending_seq = any(pending);
  return cardinality(pending);
end;
$$;
do $$
begin
  execute format('alter function audit_seal(integer, boolean) security definer set search_path = %I, pg_temp', current_schema());
end;
$$;

-- 3. What the application's role may do, granted again after every migration run (new tables
--    included) by the code that runs migrations: everything a use case needs on the product's
--    tables, but on the audit trail only reading and adding pending events, and on the migration
--    record only reading. It owns nothing, so it cannot alter a table or disable its triggers.
create function vigil_grant_app_role(app_role name) returns void language plpgsql as $$
declare
  s name := current_schema();
begin
  -- Creating nothing either: PostgreSQL 14 still lets everyone create in schema public, and a
  -- function of the role's own there could be chosen by name resolution inside the owner's code.
  execute format('revoke create on schema %I from public, %I', s, app_role);
  execute format('grant usage on schema %I to %I', s, app_role);
  execute format('grant select, insert, update, delete on all tables in schema %I to %I', s, app_role);
  execute format('grant usage, select on all sequences in schema %I to %I', s, app_role);
  execute format('revoke insert, update, delete, truncate, references, trigger on audit_events from %I', app_role);
  execute format('revoke update, delete, truncate, references, trigger on audit_pending from %I', app_role);
  execute format('revoke insert, update, delete, truncate on schema_migrations from %I', app_role);
end;
$$;
