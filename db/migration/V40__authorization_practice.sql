-- Each authorization belongs to a practice (issue 19): existing ones to the practice whose claims as billed name that
-- member with that payer (the one with most such claims), else to the first practice.
alter table prior_authorization add column practice_id bigint references practice (id);
update prior_authorization a
   set practice_id = coalesce(
       (select c.practice_id from billed_claim c where c.member_id = a.member_id and c.payer_id = a.payer_id
         group by c.practice_id order by count(*) desc, c.practice_id limit 1),
       (select min(id) from practice));
alter table prior_authorization alter column practice_id set not null;
create index ix_prior_authorization_practice on prior_authorization (practice_id);
