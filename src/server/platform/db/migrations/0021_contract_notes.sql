-- The maintenance contract (issue 11): underperformance and non-compliance notes recorded against a
-- contract (missed visits, staffing, late attendance…), the evidence a coordinator brings to the
-- monthly contract meeting. Never changed: a correction is a new note pointing at the one it corrects.
create table maintenance_contract_notes (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references maintenance_contracts (id),
  kind text not null check (kind in ('missed_visit', 'staffing', 'late_attendance', 'poor_workmanship', 'health_and_safety', 'other')),
  occurred_on date not null,
  note text not null check (length(btrim(note)) between 3 and 4000),
  corrects_note_id uuid,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  check (corrects_note_id is null or corrects_note_id <> id),
  unique (id, contract_id),
  -- a correction corrects a note of the same contract
  foreign key (corrects_note_id, contract_id) references maintenance_contract_notes (id, contract_id)
);
create index maintenance_contract_notes_contract_idx on maintenance_contract_notes (contract_id, occurred_on desc, recorded_at desc);
create trigger maintenance_contract_notes_append_only before update or delete on maintenance_contract_notes
  for each row execute function refuse_change();
create trigger maintenance_contract_notes_no_truncate before truncate on maintenance_contract_notes
  for each statement execute function refuse_change();
