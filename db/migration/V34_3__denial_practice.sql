-- Each denial belongs to the practice of the remittance that raised it.
alter table denial add column practice_id bigint references practice (id);
update denial d set practice_id = r.practice_id
  from claim_payment c join remittance r on r.id = c.remittance_id
 where c.id = d.claim_payment_id;
alter table denial alter column practice_id set not null;
create index ix_denial_practice on denial (practice_id);
