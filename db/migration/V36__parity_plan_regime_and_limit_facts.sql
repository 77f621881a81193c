-- Parity (issue 18): what the screen needs beyond the 835 to tell the plan's parity regime and to compare a
-- behavioral-health limitation with the plan's medical/surgical side. Every new fact starts unknown.

-- The parity regime the screen resolved from the plan (ParityRegime), beside the law family the table returns;
-- an UNKNOWN regime is re-screened once the directory says more.
alter table parity_screen add column plan_regime varchar(40) not null default 'UNKNOWN';
alter table parity_screen add column signal varchar(40) not null default 'NONE';
alter table parity_case add column plan_regime varchar(40) not null default 'UNKNOWN';

alter table payer_parity_facts
    -- YES when the employer had 2-50 employees (small employer exemption, 29 U.S.C. 1185a(c)(1))
    add column small_employer varchar(7) not null default 'UNKNOWN',
    -- YES while a self-funded non-federal governmental plan's opt-out (45 CFR 146.180) still runs
    add column government_opt_out varchar(7) not null default 'UNKNOWN',
    -- does the plan put fail-first/step therapy, telehealth limits on comparable medical/surgical care?
    add column step_therapy_for_medical varchar(7) not null default 'UNKNOWN',
    add column telehealth_limits_for_medical varchar(7) not null default 'UNKNOWN',
    -- days between concurrent reviews of an inpatient stay, behavioral health and medical/surgical
    add column review_days_behavioral integer check (review_days_behavioral > 0),
    add column review_days_medical integer check (review_days_medical > 0),
    -- network fee schedule as a percent of Medicare's, behavioral health and medical/surgical professionals
    add column rate_percent_behavioral integer check (rate_percent_behavioral > 0),
    add column rate_percent_medical integer check (rate_percent_medical > 0);

-- The plan's medical/surgical financial requirements per classification (29 CFR 2590.712(c)(2)(ii)), as its
-- summary of benefits states them: what a behavioral-health line's copay or coinsurance is compared with.
create table payer_parity_financial (
    payer_id            varchar(80)  not null references payer (id),
    classification      varchar(30)  not null,
    copay               numeric(9, 2) check (copay >= 0),
    coinsurance_percent numeric(5, 2) check (coinsurance_percent between 0 and 100),
    source              varchar(300) not null,
    updated_by          varchar(100),
    updated_at          timestamptz  not null,
    primary key (payer_id, classification)
);
