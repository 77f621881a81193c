-- A practice's own terms with a payer, where its contract says something else than the payer directory: each
-- column left null keeps the directory's. Contracted rates are the allowed amount per procedure code the practice's
-- contract sets, from a date (a new rate is a new row, so a claim is measured against the rate of its service date).
create table practice_payer_terms (
    practice_id                    bigint      not null references practice (id),
    payer_id                       varchar(80) not null references payer (id),
    appeal_limit_days              int check (appeal_limit_days > 0),
    second_level_appeal_limit_days int check (second_level_appeal_limit_days > 0),
    third_level_appeal_limit_days  int check (third_level_appeal_limit_days > 0),
    timely_filing_days             int check (timely_filing_days > 0),
    corrected_claim_clock          varchar(20) check (corrected_claim_clock in ('DATE_OF_SERVICE', 'LAST_PAYER_ACTION')),
    provider_dispute_days          int check (provider_dispute_days > 0),
    updated_at                     timestamptz not null,
    updated_by                     varchar(100) not null,
    primary key (practice_id, payer_id)
);

create table practice_contracted_rate (
    practice_id    bigint        not null,
    payer_id       varchar(80)   not null,
    procedure_code varchar(10)   not null,
    effective_from date          not null,
    allowed_amount numeric(12, 2) not null check (allowed_amount >= 0),
    primary key (practice_id, payer_id, procedure_code, effective_from),
    foreign key (practice_id, payer_id) references practice_payer_terms (practice_id, payer_id) on delete cascade
);
