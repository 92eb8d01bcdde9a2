-- To append to migration 0033 (or a later one) once migration 0032 (patrols) has landed beside it:
-- a patrol's parish or town council contract must be one of parish_contracts.
alter table patrols add constraint patrols_parish_contract_fk foreign key (parish_contract_id) references parish_contracts (id);
create index if not exists patrols_parish_contract on patrols (parish_contract_id, started_at) where parish_contract_id is not null;
