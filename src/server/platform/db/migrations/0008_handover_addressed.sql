-- A handover is the outgoing operator's shift, addressed to the person or team coming on, and
-- acknowledged by them only (issue 8). Before this, any operator but the writer could acknowledge
-- any handover, and everything open in the council was in it.
--
-- Handovers written before this have no addressee; they stay as they were (anyone coming on may
-- acknowledge them). The application requires an addressee for every new one.
alter table handovers
  add column to_user_id uuid references users (id),
  add column to_team_id uuid references teams (id),
  add constraint handovers_one_addressee check (to_user_id is null or to_team_id is null);
create index handovers_to_user_id_idx on handovers (to_user_id) where acknowledged_at is null;
create index handovers_to_team_id_idx on handovers (to_team_id) where acknowledged_at is null;

-- Actions still open from earlier shifts that this handover passed on (its new actions point at it
-- through outstanding_actions.handover_id).
create table handover_carried_actions (
  handover_id uuid not null references handovers (id),
  action_id uuid not null references outstanding_actions (id),
  primary key (handover_id, action_id)
);
create index handover_carried_actions_action_id_idx on handover_carried_actions (action_id);

-- The shift a handover covers: the outgoing operator's entries are found by author and time.
create index occurrence_entries_author_id_recorded_at_idx on occurrence_entries (author_id, recorded_at);
