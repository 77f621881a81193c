-- Each remittance belongs to the practice its payee is; existing ones to the practice V34 made of them.
alter table remittance add column practice_id bigint references practice (id);
update remittance set practice_id = (select min(id) from practice);
alter table remittance alter column practice_id set not null;
create index ix_remittance_practice on remittance (practice_id);
