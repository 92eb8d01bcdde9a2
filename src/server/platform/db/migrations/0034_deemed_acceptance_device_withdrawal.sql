-- Two additions to enforcement in the field (issue 14).
--
-- Representations deemed accepted: the council must decide formal representations within 56 days
-- beginning with receipt, or they are deemed accepted and the PCN cancelled (TMA 2004). A durable
-- timer appends this step, recorded by no user, at 00:00 London on the day after the last day.
alter table pcn_events drop constraint pcn_events_kind_check;
alter table pcn_events add constraint pcn_events_kind_check check (kind in ('issued', 'payment', 'informal_challenge', 'informal_decision', 'notice_to_owner',
  'representations', 'representations_decision', 'deemed_accepted', 'appeal', 'appeal_decision', 'charge_certificate', 'order_for_recovery', 'warrant',
  'cancel', 'write_off'));

-- A handheld withdrawn by the team leader (lost, stolen or retired): who, when (revoked_at) and why.
-- From then its data key is never handed out and nothing it sends is accepted; what it synced before stays.
alter table field_devices
  add column withdrawn_by uuid references users (id),
  add column withdrawal_reason text check (withdrawal_reason in ('lost', 'stolen', 'retired')),
  add column withdrawal_note text not null default '' check (length(withdrawal_note) <= 1000),
  add constraint field_devices_withdrawal_check check (withdrawal_reason is null or (revoked_at is not null and withdrawn_by is not null));

-- Its PCN number blocks are closed when it is withdrawn: the serials it did not use are never
-- issued (the per-prefix counter never goes back, so no other device is given them either).
alter table pcn_number_blocks add column closed_at timestamptz;
