-- Each finding of the watch belongs to the practice of its authorization, else of the claim it names (the latest
-- submission of that claim to that payer), else the first practice.
alter table authorization_prevention add column practice_id bigint references practice (id);
update authorization_prevention f
   set practice_id = coalesce(
       (select a.practice_id from prior_authorization a where a.id = f.authorization_id),
       (select c.practice_id from billed_claim c where c.patient_control_number = f.patient_control_number
           and c.payer_id = f.payer_id order by c.id desc limit 1),
       (select min(id) from practice));
alter table authorization_prevention alter column practice_id set not null;
create index ix_authorization_prevention_practice on authorization_prevention (practice_id);
