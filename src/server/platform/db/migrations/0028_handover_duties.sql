-- The shift handover carries the other duties' open work beside the occurrence log (issue 13):
-- out-of-hours calls not closed, lone workers still out, alarms not reset, an open major incident.
-- What was open is read from each module when the handover is written and kept with it as it
-- stood (a snapshot: the incoming shift sees what was handed over, not what is open when it looks).
alter table handovers add column duties jsonb not null default '[]' check (jsonb_typeof(duties) = 'array');
