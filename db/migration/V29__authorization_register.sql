-- The authorization register: what a payer approved for a member (number, level of care, services, units, span,
-- the provider it is restricted to). Owned and written by org.overturn.authorization only. Holds PHI (member id,
-- patient name). ("authorization" is a reserved word in PostgreSQL, hence prior_authorization.)
create table prior_authorization (
    id             bigserial    primary key,
    payer_id       varchar(80)  not null,
    payer_name     varchar(60),
    member_id      varchar(80)  not null,
    patient_name   varchar(120),
    number         varchar(50)  not null,
    level_of_care  varchar(30)  not null,
    -- CPT/HCPCS or revenue codes it covers; empty: every service of its level of care
    services       varchar(48)[] not null default '{}',
    unit_type      varchar(8)   not null,
    units_approved numeric(9, 2) not null check (units_approved >= 0),
    starts_on      date         not null,
    ends_on        date         not null,
    rendering_npi  varchar(10),
    facility_npi   varchar(10),
    next_review_on date,
    status         varchar(20)  not null,
    source         varchar(10)  not null,
    -- covers substance-use services or a Part 2 program's care: shown only to users with Part 2 access
    part2          boolean      not null default false,
    created_at     timestamptz  not null,
    created_by     varchar(100) not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(100) not null,
    constraint ck_prior_authorization_span check (ends_on >= starts_on),
    -- a payer never issues the same number twice
    constraint uq_prior_authorization_number unique (payer_id, number)
);
create index ix_prior_authorization_member on prior_authorization (member_id);
