-- Claims that say "denied" (CLP02 4) with routine adjustments only, capitation (CARC 24) above all, and
-- predeterminations (CLP02 25) are not denials (DESIGN section 3, issue 17). The denial module records which a
-- stored claim is, so the remittance shows it and the dashboard counts it apart; null for every other claim.
alter table claim_payment add column not_a_denial varchar(24)
    constraint ck_claim_payment_not_a_denial
        check (not_a_denial in ('CAPITATED', 'ROUTINE_ADJUSTMENTS', 'PREDETERMINATION'));

create index ix_claim_payment_not_a_denial on claim_payment (remittance_id) where not_a_denial is not null;

-- Claims stored before this change that no denial was raised for. Those that raised one keep it and its process:
-- their work may have started.
update claim_payment c set not_a_denial = 'PREDETERMINATION'
 where c.status = '25' and not exists (select 1 from denial d where d.claim_payment_id = c.id);

update claim_payment c
   set not_a_denial = case when exists (select 1 from adjustment a where a.claim_payment_id = c.id
                                           and a.group_code <> 'PR' and a.reason_code = '24')
                           then 'CAPITATED' else 'ROUTINE_ADJUSTMENTS' end
 where c.status = '4'
   and exists (select 1 from adjustment a where a.claim_payment_id = c.id)
   and not exists (select 1 from adjustment a where a.claim_payment_id = c.id
                      and not (a.group_code = 'PR' or a.group_code in ('CO', 'OA', 'PI', 'CR') and a.reason_code in
                               ('23', '24', '42', '45', '44', '94', '104', '105', '131', '253', 'A2')))
   and not exists (select 1 from denial d where d.claim_payment_id = c.id);
