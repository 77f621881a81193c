-- Claims that get no answer (issue 16): the days a payer has to answer a claim before it is followed up with a 276,
-- per payer in the directory. Empty: the configured days for the payer (overturn.claim-status.days-by-payer), else
-- overturn.claim-status.days-without-answer (30).
alter table payer add column claim_status_days int check (claim_status_days > 0 and claim_status_days <= 3650);
