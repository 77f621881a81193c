-- A contracted rate may be for a procedure code with a modifier (90837-95 by telehealth, H2019-HQ in a group): ''
-- is the rate for the code whatever its modifiers, which a line is held to when no rate names one of its modifiers.
alter table practice_contracted_rate add column modifier varchar(2) not null default '';
alter table practice_contracted_rate drop constraint practice_contracted_rate_pkey;
alter table practice_contracted_rate
    add primary key (practice_id, payer_id, procedure_code, modifier, effective_from);
