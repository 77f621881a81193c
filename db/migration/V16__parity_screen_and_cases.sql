-- Mental health parity: the screen's result per appealable denial, the escalation case a specialist works,
-- and the payer facts the screen compares against (how the plan treats comparable medical care).

create table parity_screen (
    denial_id      bigint       primary key references denial (id),
    regime         varchar(30)  not null,
    limitation     varchar(40)  not null,
    risk           varchar(10)  not null,
    reason         varchar(600) not null,
    plan_type      varchar(20),
    level_of_care  varchar(30)  not null,
    screened_at    timestamptz  not null
);
create index ix_parity_screen_risk on parity_screen (risk);

create table parity_case (
    id                   bigserial    primary key,
    denial_id            bigint       not null references denial (id),
    process_instance_id  varchar(64),
    payer_id             varchar(80),
    regime               varchar(30)  not null,
    limitation           varchar(40)  not null,
    risk                 varchar(10)  not null,
    status               varchar(20)  not null,
    decided_by           varchar(100),
    decision_reason      varchar(1000),
    request_sent_at      timestamptz,
    response_due         date,
    response_received_at timestamptz,
    response_summary     varchar(2000),
    regulator            varchar(200),
    complaint_filed_on   date,
    complaint_reference  varchar(200),
    outcome              varchar(20),
    opened_at            timestamptz  not null,
    closed_at            timestamptz,
    -- one escalation per denial, whatever the appeal level
    constraint uq_parity_case_denial unique (denial_id)
);
create index ix_parity_case_status on parity_case (status);
create index ix_parity_case_payer on parity_case (payer_id);

create table payer_parity_facts (
    payer_id                      varchar(80)  primary key references payer (id),
    -- YES, NO or UNKNOWN: does the plan do this for comparable medical/surgical care?
    pa_for_medical_outpatient     varchar(7)   not null default 'UNKNOWN',
    concurrent_review_for_medical varchar(7)   not null default 'UNKNOWN',
    visit_limits_for_medical      varchar(7)   not null default 'UNKNOWN',
    -- who regulates the plan: SELF_FUNDED_ERISA (EBSA), FULLY_INSURED (state), GOVERNMENT (CMS), UNKNOWN
    funding                       varchar(20)  not null default 'UNKNOWN',
    state                         varchar(2),
    updated_by                    varchar(100),
    updated_at                    timestamptz  not null
);

-- A denial's parity escalation runs as a second process beside its lifecycle; work queues find the denial
-- behind a task through this table, so each denial may have one process of each kind.
alter table denial_process add column kind varchar(20) not null default 'LIFECYCLE';
alter table denial_process drop constraint denial_process_pkey;
alter table denial_process add primary key (denial_id, kind);
