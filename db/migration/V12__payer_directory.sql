-- The payer directory: where appeals go, each level's appeal limit, the timely-filing limit, how the payer wants
-- corrected claims, and who last confirmed the entry.

alter table payer
    add column appeal_email                   varchar(254),
    -- null: the level takes the first level's limit
    add column second_level_appeal_limit_days int,
    add column third_level_appeal_limit_days  int,
    add column timely_filing_days             int,
    add column corrected_claim_rules          text,
    add column address_line1                  varchar(100),
    add column address_line2                  varchar(100),
    add column city                           varchar(60),
    add column state                          varchar(2),
    add column postal_code                    varchar(10),
    add column phone                          varchar(30),
    add column updated_at                     timestamptz,
    add column updated_by                     varchar(100);

-- payers already on file get the default of their plan type (TimelyFilingTerms); the application sets it for new ones
update payer set timely_filing_days = case plan_type
        when 'MEDICARE' then 365
        when 'TRICARE' then 365
        else 90
    end;

alter table payer
    alter column timely_filing_days set not null,
    add constraint ck_payer_day_counts_positive check (appeal_limit_days > 0 and timely_filing_days > 0
        and coalesce(second_level_appeal_limit_days, 1) > 0 and coalesce(third_level_appeal_limit_days, 1) > 0);
