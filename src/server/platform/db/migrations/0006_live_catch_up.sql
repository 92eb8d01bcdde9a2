-- Live updates are kept for a while after they are sent, numbered in the order they were sent, so
-- that nothing is missed silently: a server process whose LISTEN connection dropped, and a browser
-- whose stream dropped (Server-Sent Events' Last-Event-ID), replay what came in the gap. Numbered by
-- live_drain, which one process runs at a time, so the numbers follow the order sent; the time is
-- the clock's, not the transaction's, so it follows that order too. Logged, unlike the outbox: the
-- numbers must not start again after a crash. A browser asking after a number no longer kept (or
-- never given) is told to reload what it shows.
create table live_events (
  id bigint generated always as identity primary key,
  channel text not null,
  payload text not null,
  sent_at timestamptz not null default clock_timestamp()
);
create index live_events_sent_at_idx on live_events (sent_at);

-- Each NOTIFY now starts with the event's number: '#<id> <payload>' (the listener takes it off).
create or replace function live_drain() returns integer language plpgsql as $$
declare
  r record;
  kept bigint;
  sent integer := 0;
begin
  if not pg_try_advisory_xact_lock(727413003) then return 0; end if; -- another process is sending
  for r in with gone as (delete from live_outbox returning id, channel, payload) select * from gone order by id loop
    insert into live_events (channel, payload) values (r.channel, r.payload) returning id into kept;
    perform pg_notify(r.channel, '#' || kept || ' ' || r.payload);
    sent := sent + 1;
  end loop;
  if sent > 0 then
    delete from live_events where sent_at < clock_timestamp() - interval '15 minutes';
  end if;
  return sent;
end;
$$;
