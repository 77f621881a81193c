-- Each claim as billed belongs to the practice of its billing provider; existing ones to the practice V34 made.
alter table billed_claim add column practice_id bigint references practice (id);
update billed_claim set practice_id = (select min(id) from practice);
alter table billed_claim alter column practice_id set not null;
create index ix_billed_claim_practice on billed_claim (practice_id);
